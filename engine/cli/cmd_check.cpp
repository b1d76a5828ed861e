// `annalist check CORPUS [--format text|json] [--config FILE]` — do the sources agree on dates?
//
// Builds the timeline as `build` does (publication times inferred where none is stated), runs
// the consistency checks (check/check.h) and prints the report (check/render.h). Exit 0 when no
// conflict is found (warnings and agreements alone do not fail), 1 when one is, 2 when the
// corpus, a lexicon or the settings cannot be used.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "check/check.h"
#include "check/render.h"
#include "cli/command.h"
#include "core/data_dir.h"
#include "corpus/config.h"
#include "corpus/ingest.h"
#include "events/lexicon.h"
#include "merge/options.h"
#include "tagger/lexicon.h"

namespace annalist::cli {

namespace {

struct check_args {
  std::string corpus;
  std::string format = "text";
  std::string config;
};

void report(const diagnostics& diags) {
  for (const auto& d : diags) std::cerr << d.to_string() << '\n';
}

int run(const check_args& a) {
  diagnostics diags;
  corpus::ingest_options ingest;
  merge::options opts;
  std::vector<std::filesystem::path> configs;
  if (const auto def = data_dir() / "config/default.toml"; std::filesystem::exists(def)) configs.push_back(def);
  if (!a.config.empty()) configs.emplace_back(a.config);
  for (const auto& p : configs) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      std::cerr << fmt::format("{}: error: config: cannot read file\n", p.string());
      return unusable;
    }
    std::ostringstream text;
    text << in.rdbuf();
    // The [merge] table decides which mentions are one event, so it shapes the findings too.
    if (!corpus::apply_config(text.str(), p.string(), ingest, diags) ||
        !merge::options::apply(text.str(), p.string(), opts, diags)) {
      report(diags);
      return unusable;
    }
  }

  const auto lexdir = data_dir() / "lexicon/en";
  auto tlex = tagger::lexicon::load(lexdir);
  auto elex = events::lexicon::load(lexdir, diags);
  if (!tlex.value || !elex) {
    report(tlex.diags);
    report(diags);
    return unusable;
  }

  auto c = corpus::load_corpus(a.corpus, ingest, diags);
  report(diags);
  if (!c) return unusable;

  const auto checked = check::build_checked(*c, {*tlex.value, *elex, opts});
  const auto out = a.format == "json" ? check::render_json(checked.findings, *c)
                                      : check::render_text(checked.findings, *c);
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  if (std::ferror(stdout)) return unusable;
  return checked.findings.has_conflict() ? finding : ok;
}

const bool registered = register_command({
    "check",
    "Check that the sources agree on dates; infer publication times that are not stated",
    20,
    [](CLI::App& sub) -> action {
      auto a = std::make_shared<check_args>();
      sub.add_option("CORPUS", a->corpus, "corpus folder, or its corpus.toml")->required();
      sub.add_option("--format", a->format, "output format")
          ->check(CLI::IsMember({"text", "json"}))
          ->default_val("text");
      sub.add_option("--config", a->config, "settings over config/default.toml");
      return [a] { return run(*a); };
    }});

}  // namespace

}  // namespace annalist::cli
