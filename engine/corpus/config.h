// annalist/corpus/config.h — the [corpus] section of config/default.toml (or of --config FILE).
//
//     [corpus]
//     default_timezone = "UTC"   # IANA zone for documents that name none
//     repair_utf8 = false        # replace invalid UTF-8 with U+FFFD instead of skipping
//
// Other sections belong to other stages and are left alone here.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "core/diagnostic.h"
#include "corpus/ingest.h"

namespace annalist::corpus {

/// Applies the [corpus] section of TOML text `toml_text` to `options`. Unknown keys in [corpus]
/// and bad values are errors at their line:column; returns false when there was one.
bool apply_config(std::string_view toml_text, const std::string& file, ingest_options& options,
                  diagnostics& out);

/// Reads `file` and applies it (a missing file is an error).
bool apply_config_file(const std::filesystem::path& file, ingest_options& options,
                       diagnostics& out);

}  // namespace annalist::corpus
