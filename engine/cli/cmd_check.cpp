// `annalist check CORPUS [--format text|json] [--config FILE]` — do the sources agree on dates?
//
// Builds the timeline as `build` does (publication times inferred where none is stated), runs
// the consistency checks (check/check.h) and prints the report (check/render.h). Exit 0 when no
// conflict is found (warnings and agreements alone do not fail), 1 when one is, 2 when the
// corpus, a lexicon or the settings cannot be used.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "check/check.h"
#include "check/render.h"
#include "cli/build_setup.h"
#include "cli/command.h"
#include "corpus/ingest.h"

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
  auto setup = load_build_setup(a.config);
  if (!setup) return unusable;

  auto c = corpus::load_corpus(a.corpus, setup->ingest, diags);
  report(diags);
  if (!c) return unusable;

  const auto checked = check::build_checked(
      *c, {*setup->tagger_lexicon, *setup->events_lexicon, setup->merge});
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
