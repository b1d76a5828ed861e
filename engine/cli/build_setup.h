// annalist/cli/build_setup.h — what `build` and `check` load before they read a corpus: the
// settings (config/default.toml, then the user's --config over it) and both lexicons.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "corpus/ingest.h"
#include "events/lexicon.h"
#include "merge/options.h"
#include "tagger/lexicon.h"

namespace annalist::cli {

struct build_setup {
  corpus::ingest_options ingest;
  merge::options merge;
  std::unique_ptr<tagger::lexicon> tagger_lexicon;
  std::optional<events::lexicon> events_lexicon;
};

/// Loads the settings and lexicons; on failure prints the diagnostics to stderr and returns
/// nothing (the command exits 2).
std::optional<build_setup> load_build_setup(const std::string& user_config);

}  // namespace annalist::cli
