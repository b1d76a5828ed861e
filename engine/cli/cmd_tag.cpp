// `annalist tag FILE... [--dct VALUE] [--format json|timeml] [--input text|timeml] [-o DIR]`
// — temporal expressions only. --input timeml reads TempEval-3 .tml files (cli/tag_timeml.h).
//
// JSON lines, one per expression:
//   {"document","start","end","text","type","value","anchor","granularity","mod","cue","rule"}
// with byte offsets into the file as it is on disk. TimeML: one document per file with inline
// TIMEX3 tags and the DCT as CREATION_TIME.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/tag_timeml.h"
#include "core/data_dir.h"
#include "core/diagnostic.h"
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
  bool format_given = false;
};

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = fmt::format("{}: error: tag: cannot open the file", path);
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string timex_to_timeml(std::string_view text, const std::vector<resolve::timex>& found,
                            const std::string& docid, const std::optional<resolve::reference_time>& dct,
                            const std::string& dct_text) {
  std::string out = "<?xml version=\"1.0\" ?>\n<TimeML>\n";
  out += fmt::format("<DOCID>{}</DOCID>\n", xml_escape(docid));
  if (dct)
    out += fmt::format("<DCT><TIMEX3 tid=\"t0\" type=\"{}\" value=\"{}\" temporalFunction=\"false\" "
                       "functionInDocument=\"CREATION_TIME\">{}</TIMEX3></DCT>\n",
                       dct->gran == time::granularity::day ? "DATE" : "TIME", xml_escape(dct_text),
                       xml_escape(dct_text));
  out += "<TEXT>";
  std::size_t at = 0;
  int tid = 1;
  for (const auto& t : found) {
    if (t.start < at) continue;
    out += xml_escape(text.substr(at, t.start - at));
    out += fmt::format("<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\"", tid++, time::to_string(t.value.type),
                       xml_escape(t.value.timex));
    if (!t.value.mod.empty()) out += fmt::format(" mod=\"{}\"", t.value.mod);
    out += ">" + xml_escape(t.text) + "</TIMEX3>";
    at = t.end;
  }
  out += xml_escape(text.substr(at));
  out += "</TEXT>\n</TimeML>\n";
  return out;
}

int run(const tag_args& a) {
  const auto lex = tagger::lexicon::load(data_dir() / "lexicon" / "en");
  for (const auto& d : lex.diags) std::cerr << d.to_string() << '\n';
  if (!lex.value) return unusable;

  std::optional<resolve::reference_time> dct;
  if (!a.dct.empty()) {
    dct = resolve::parse_reference_time(a.dct);
    if (!dct) {
      std::cerr << fmt::format("annalist: error: tag: --dct '{}' is not a date or date-time "
                               "(expected e.g. 2021-05-19 or 2021-05-19T17:55Z)\n", a.dct);
      return unusable;
    }
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
  int tagged = 0;
  for (const auto& file : a.files) {
    std::string err;
    const auto text = read_file(file, err);
    if (!text) {
      std::cerr << err << '\n';
      continue;
    }
    diagnostics diags;
    resolve::annotate_options opt;
    opt.dct = dct;
    opt.report = &diags;
    opt.file = file;
    const auto found = resolve::annotate(*text, opt, *lex.value);
    for (const auto& d : diags) std::cerr << d.to_string() << '\n';
    ++tagged;
    if (a.format == "timeml") {
      std::cout << timex_to_timeml(*text, found, file, dct, a.dct);
      continue;
    }
    for (const auto& t : found) {
      nlohmann::ordered_json j;
      j["document"] = file;
      j["start"] = t.start;
      j["end"] = t.end;
      j["text"] = t.text;
      j["type"] = time::to_string(t.value.type);
      j["value"] = t.value.timex;
      j["anchor"] = t.unresolved ? "unresolved" : time::to_string(t.anchor);
      j["granularity"] = time::to_string(t.value.gran);
      if (!t.value.mod.empty()) j["mod"] = t.value.mod;
      if (!t.cue.empty()) j["cue"] = t.cue;
      j["rule"] = t.rule;
      if (!t.alternatives.empty()) {
        auto alts = nlohmann::json::array();
        for (const auto& v : t.alternatives) alts.push_back(v.timex);
        j["alternatives"] = alts;
      }
      std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
  }
  return tagged > 0 ? ok : unusable;
}

const bool registered = register_command({
    "tag", "Find and resolve the temporal expressions of text files (JSON lines or TimeML)", 20,
    [](CLI::App& sub) -> action {
      auto a = std::make_shared<tag_args>();
      sub.add_option("files", a->files, "Text files to tag")->required();
      sub.add_option("--dct", a->dct, "Publication (document creation) time, e.g. 2021-05-19T17:55Z");
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
