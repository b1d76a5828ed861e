// annalist/core/data_dir.h — where lexicon/ and config/ are found.
#pragma once

#include <filesystem>

namespace annalist {

/// The folder holding `lexicon/` and `config/`: $ANNALIST_DATA_DIR when set, else the source
/// tree the binary was built from (so a fresh build runs without flags or installation).
std::filesystem::path data_dir();

}  // namespace annalist
