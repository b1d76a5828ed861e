#include "cli/build_setup.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "core/data_dir.h"
#include "corpus/config.h"

namespace annalist::cli {

namespace {
void report(const diagnostics& diags) {
  for (const auto& d : diags) std::cerr << d.to_string() << '\n';
}
}  // namespace

std::optional<build_setup> load_build_setup(const std::string& user_config) {
  build_setup s;
  diagnostics diags;
  // The shipped defaults, then the user's file over them. The [merge] table decides which
  // mentions are one event, so it shapes the findings of `check` as much as the timeline.
  std::vector<std::filesystem::path> configs;
  if (const auto def = data_dir() / "config/default.toml"; std::filesystem::exists(def))
    configs.push_back(def);
  if (!user_config.empty()) configs.emplace_back(user_config);
  for (const auto& p : configs) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      report({{severity::error, p.string(), {}, "config", "cannot read file"}});
      return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (!corpus::apply_config(text.str(), p.string(), s.ingest, diags) ||
        !merge::options::apply(text.str(), p.string(), s.merge, diags)) {
      report(diags);
      return std::nullopt;
    }
  }

  const auto lexdir = data_dir() / "lexicon/en";
  auto tlex = tagger::lexicon::load(lexdir);
  s.events_lexicon = events::lexicon::load(lexdir, diags);
  if (!tlex.value || !s.events_lexicon) {
    report(tlex.diags);
    report(diags);
    return std::nullopt;
  }
  s.tagger_lexicon = std::move(tlex.value);
  return s;
}

}  // namespace annalist::cli
