// `annalist tag FILE... [--dct VALUE] [--timezone ZONE] [--format json|timeml] [--input text|timeml]
//  [--repair-utf8] [-o DIR]` — temporal expressions only. --input timeml reads TempEval-3 .tml
// files (cli/tag_timeml.h).
//
// Text files go through ingestion (corpus::load_document): UTF-8 validation (a bad file is
// reported with its line:column and skipped, the others go on; exit 2 only when none is usable),
// NFC normalization, and the publication time from the document's header lines, which anchors
// deictic expressions when --dct is absent. --dct is read like a manifest's `published`
// (corpus::parse_published): an offset, "Z" or a zone abbreviation is converted into --timezone
// (default UTC); impossible dates are refused (exit 2).
//
// JSON lines, one per expression:
//   {"document","start","end","text","type","value","anchor","granularity","mod","cue","rule"}
// with byte offsets into the file as it is on disk (document::original_offset), and `text` the
// file's bytes at [start, end). TimeML: one document per file (its normalized text) with inline
// TIMEX3 tags and the DCT as CREATION_TIME.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/tag_timeml.h"
#include "cli/timex_json.h"
#include "core/data_dir.h"
#include "core/diagnostic.h"
#include "corpus/ingest.h"
#include "export/timeml.h"
#include "resolve/annotate.h"
#include "tagger/lexicon.h"

namespace annalist::cli {

namespace {

struct tag_args {
  std::vector<std::string> files;
  std::string dct;
  std::string format = "json";
  std::string input = "text";
  std::string out_dir;
  std::string zone = "UTC";
  bool format_given = false;
  bool repair_utf8 = false;
};

// The file's own bytes, for the `text` of expressions when normalization changed the text.
std::string read_original(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void print(const diagnostics& diags) {
  for (const auto& d : diags) std::cerr << d.to_string() << '\n';
}

// The TimeML of a tagged text file: its text with our TIMEX3 inline, the publication time as the
// creation time (the same writer as `--input timeml` and `annalist build --format timeml`).
std::string timex_to_timeml(const corpus::document& doc, const std::vector<resolve::timex>& found,
                            const std::string& file, const std::optional<resolve::reference_time>& dct,
                            diagnostics& diags) {
  corpus::timeml::document tml;
  tml.docid = file;
  if (dct) {
    corpus::publication_time p;
    p.local = dct->local;
    p.gran = dct->gran;
    tml.dct = exports::timeml::creation_time_of(p);
  }
  tml.text = doc.text;
  tml.annotations = exports::timeml::timex_annotations(found, tml.dct.has_value());
  auto w = exports::timeml::write(tml, file);
  for (auto& d : w.diags) diags.push_back(std::move(d));
  return std::move(w.xml);
}

// Appends the document's JSON lines to `out` as the expressions are resolved, writing `out` to
// stdout whenever it has grown past 64 KiB; the rest stays in `out` for the caller.
void write_json_lines(const corpus::document& doc, const std::string& file,
                      const resolve::annotate_options& opt, const tagger::lexicon& lex,
                      std::string& out) {
  // Offsets are into the normalized text; the file's own bytes are read again only when
  // normalization (NFC, a BOM, repaired bytes) changed them.
  const std::string original = doc.offsets.identity() ? std::string() : read_original(file);
  resolve::annotate(doc.text, opt, lex, [&](resolve::timex&& t) {
    const std::uint32_t start = doc.original_offset(t.start), end = doc.original_offset(t.end);
    const std::string_view text = original.empty() || end > original.size() || start > end
                                      ? std::string_view(t.text)
                                      : std::string_view(original).substr(start, end - start);
    append_timex_json(out, file, start, end, text, t);
    if (out.size() > (1u << 16)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  });
}

int run(const tag_args& a) {
  const auto lex = tagger::lexicon::load(data_dir() / "lexicon" / "en");
  print(lex.diags);
  if (!lex.value) return unusable;
  if (!corpus::known_zone(a.zone)) {
    std::cerr << fmt::format("annalist: error: tag: --timezone: {}\n", corpus::unknown_zone_message(a.zone));
    return unusable;
  }

  std::optional<resolve::reference_time> dct;
  if (!a.dct.empty()) {
    diagnostics why;
    const auto p = corpus::parse_published(a.dct, a.zone, why);
    if (!p || !p->local) {
      std::string reason;
      for (const auto& d : why)
        if (d.level == severity::error) reason = d.message;
      std::cerr << fmt::format("annalist: error: tag: --dct '{}': {}\n", a.dct,
                               reason.empty() ? "not a date or date-time" : reason);
      return unusable;
    }
    for (const auto& d : why)
      std::cerr << fmt::format("annalist: {}: tag: --dct '{}': {}\n", to_string(d.level), a.dct, d.message);
    dct = resolve::reference_time{*p->local, p->gran};
  }
  if (a.input == "timeml") {  // TempEval-3 .tml files: DCT and TEXT from the file itself
    tag_timeml_options o;
    for (const auto& f : a.files) o.inputs.emplace_back(f);
    if (!a.out_dir.empty()) o.out_dir = a.out_dir;
    o.format = a.format == "json" && a.format_given ? timeml_output::json : timeml_output::timeml;
    o.dct = dct;
    return tag_timeml(o, *lex.value);
  }
  if (!a.out_dir.empty()) {
    std::cerr << "annalist: error: tag: -o is for --input timeml; text input is written to stdout\n";
    return unusable;
  }
  corpus::ingest_options io;
  io.default_zone = a.zone;
  io.repair_utf8 = a.repair_utf8;
  io.segment = false;  // tagging reads the text only
  int tagged = 0;
  std::string out;
  for (const auto& file : a.files) {
    diagnostics diags;
    const auto doc = corpus::load_document(file, io, diags);
    print(diags);
    if (!doc) continue;  // reported; the other files go on
    diags.clear();
    resolve::annotate_options opt;
    opt.dct = dct;
    if (!dct && doc->published.local)  // the header's publication time
      opt.dct = resolve::reference_time{*doc->published.local, doc->published.gran};
    opt.report = &diags;
    opt.file = file;
    ++tagged;
    if (a.format == "timeml") {
      const auto found = resolve::annotate(doc->text, opt, *lex.value);
      const auto xml = timex_to_timeml(*doc, found, file, opt.dct, diags);
      print(diags);
      std::cout << xml;
      continue;
    }
    write_json_lines(*doc, file, opt, *lex.value, out);
    print(diags);
    std::fwrite(out.data(), 1, out.size(), stdout);
    out.clear();
  }
  std::fflush(stdout);
  if (tagged == 0) std::cerr << "annalist: error: tag: no usable input file\n";
  return tagged > 0 ? ok : unusable;
}

const bool registered = register_command({
    "tag", "Find and resolve the temporal expressions of text files (JSON lines or TimeML)", 20,
    [](CLI::App& sub) -> action {
      auto a = std::make_shared<tag_args>();
      sub.add_option("files", a->files, "Text files to tag")->required();
      sub.add_option("--dct", a->dct,
                     "Publication (document creation) time, e.g. 2021-05-19, 2021-05-19T17:55Z, "
                     "\"2021-05-19 10:20 EDT\" (default: the date in the file's header lines)");
      sub.add_option("--timezone", a->zone,
                     "The documents' time zone (IANA name; default UTC): --dct and header times "
                     "with an offset or zone are converted into it");
      sub.add_flag("--repair-utf8", a->repair_utf8,
                   "Replace invalid UTF-8 with U+FFFD instead of skipping the file");
      auto* fmt_opt =
          sub.add_option("--format", a->format, "Output format (json, or timeml; default json, "
                                                "timeml for --input timeml)")
              ->check(CLI::IsMember({"json", "timeml"}));
      sub.add_option("--input", a->input, "Input kind: plain text, or TimeML (.tml, TempEval-3)")
          ->check(CLI::IsMember({"text", "timeml"}));
      sub.add_option("-o,--output", a->out_dir, "Folder for TimeML output (--input timeml)");
      return [a, fmt_opt] {
        a->format_given = fmt_opt->count() > 0;
        return run(*a);
      };
    }});

}  // namespace
}  // namespace annalist::cli
