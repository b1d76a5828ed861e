// `annalist build CORPUS [--format F] [-o PATH] [--config FILE]` — the merged timeline.
//
// Loads the corpus, the lexicons and the settings, runs the pipeline (merge/pipeline.h) and hands
// the timeline to the writer the format names (export/writers.h). Exit 0 with a timeline (bad
// documents are reported on stderr and listed as skipped), 2 when nothing usable remains.
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "check/check.h"
#include "cli/build_setup.h"
#include "cli/command.h"
#include "corpus/ingest.h"
#include "export/writers.h"
#include "merge/pipeline.h"

namespace annalist::cli {

namespace {

struct build_args {
  std::string corpus;
  std::string format = "text";
  std::string output;
  std::string config;
  bool mentions = false;  // csv: one row per mention
};

void report(const diagnostics& diags) {
  for (const auto& d : diags) std::cerr << d.to_string() << '\n';
}

int run(const build_args& a) {
  diagnostics diags;
  const exports::writer* w = exports::find_writer(a.format);
  if (!w) {
    std::vector<std::string> names;
    for (const auto& x : exports::writers()) names.emplace_back(x.name);
    const auto hint = closest_match(a.format, names);
    std::cerr << fmt::format("annalist build: unknown format '{}'{}\n", a.format,
                             hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint));
    return unusable;
  }
  if (a.mentions && a.format != "csv") {
    std::cerr << fmt::format("annalist build: --mentions applies to --format csv, not {}\n", a.format);
    return unusable;
  }
  if (w->needs_directory && a.output.empty()) {
    std::cerr << fmt::format("annalist build: --format {} writes one file per document: give -o DIR\n",
                             a.format);
    return unusable;
  }

  auto setup = load_build_setup(a.config);
  if (!setup) return unusable;

  auto c = corpus::load_corpus(a.corpus, setup->ingest, diags);
  report(diags);
  diags.clear();
  if (!c) return unusable;

  // The check stage infers missing publication times before the build and fills `conflicts`.
  const auto timeline = check::build_checked(
      *c, {*setup->tagger_lexicon, *setup->events_lexicon, setup->merge}).timeline;
  const auto files = w->write({timeline, *c, {a.mentions, setup->tagger_lexicon.get()}});

  if (a.output.empty()) {
    for (const auto& f : files) std::cout.write(f.content.data(), std::streamsize(f.content.size()));
    std::cout.flush();
    return std::cout ? ok : unusable;
  }
  std::filesystem::path out(a.output);
  if (w->needs_directory) {
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) {
      std::cerr << fmt::format("{}: error: output: cannot create folder: {}\n", a.output, ec.message());
      return unusable;
    }
  }
  for (const auto& f : files) {
    const auto path = f.name.empty() ? out : out / f.name;
    std::ofstream o(path, std::ios::binary);
    o.write(f.content.data(), std::streamsize(f.content.size()));
    if (!o) {
      std::cerr << fmt::format("{}: error: output: cannot write file\n", path.string());
      return unusable;
    }
  }
  return ok;
}

const bool registered = register_command({
    "build",
    "Build the merged timeline of a corpus: one entry per real-world event, every source kept",
    10,
    [](CLI::App& sub) -> action {
      auto a = std::make_shared<build_args>();
      std::string formats;
      for (const auto& w : exports::writers())
        formats += fmt::format("{}{}", formats.empty() ? "" : ", ", w.name);
      sub.add_option("CORPUS", a->corpus, "corpus folder, or its corpus.toml")->required();
      sub.add_option("--format", a->format, "output format: " + formats)->default_val("text");
      sub.add_option("-o,--output", a->output, "write to this file (or folder) instead of stdout");
      sub.add_option("--config", a->config, "settings over config/default.toml");
      sub.add_flag("--mentions", a->mentions, "csv: one row per mention instead of per event");
      return [a] { return run(*a); };
    }});

}  // namespace

}  // namespace annalist::cli
