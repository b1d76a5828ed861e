// `annalist inspect CORPUS` — what ingestion saw: each document, its publication time and where
// that came from, and its sentences with byte offsets into the file on disk.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

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

struct inspect_args {
  std::string corpus;
  std::string format = "text";
  std::string config;
  bool repair_utf8 = false;
};

// Sentences are printed on one line each: line breaks inside them become spaces.
std::string one_line(std::string_view s) {
  std::string r(s);
  for (auto& c : r)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return r;
}

std::string where_text(const corpus::publication_time& p) {
  return p.where ? fmt::format("{}:{}", p.where.line, p.where.column) : std::string();
}

// What an inferred publication time rests on (check stage), one line each.
std::vector<std::string> evidence_of(const std::vector<check::inference>& inferred, std::string_view id) {
  for (const auto& i : inferred)
    if (i.document == id) return i.evidence;
  return {};
}

// Documents that state no publication time get an inferred one, as `build` and `check` would
// resolve them with; this needs the lexicons, so it is only loaded when some document needs it.
std::vector<check::inference> infer(corpus::corpus& c, diagnostics& diags) {
  bool unknown = false;
  for (const auto& d : c.documents) unknown = unknown || !d.published.local;
  if (!unknown) return {};
  const auto lexdir = data_dir() / "lexicon/en";
  auto tlex = tagger::lexicon::load(lexdir);
  auto elex = events::lexicon::load(lexdir, diags);
  if (!tlex.value || !elex) {
    for (auto& d : tlex.diags) diags.push_back(std::move(d));
    return {};
  }
  const merge::options opts;
  return check::infer_publication_times(c, {*tlex.value, *elex, opts});
}

void print_text(const corpus::corpus& c, const std::vector<check::inference>& inferred) {
  std::string out = fmt::format("corpus {} ({} document{}, {} skipped, default zone {})\n", c.name,
                                c.documents.size(), c.documents.size() == 1 ? "" : "s",
                                c.skipped.size(), c.zone);
  for (const auto& d : c.documents) {
    out += fmt::format("\n{}  {}\n", d.id, d.file);
    out += fmt::format("  source     {}\n", d.source.empty() ? "(unknown)" : d.source);
    if (!d.url.empty()) out += fmt::format("  url        {}\n", d.url);
    const auto& p = d.published;
    if (p.local) {
      out += fmt::format("  published  {} {} (from {}: \"{}\"", p.timex(), p.zone,
                         corpus::to_string(p.from), p.stated);
      if (p.where) {
        out += fmt::format(" at {}{}", p.from == corpus::published_from::manifest ? "corpus.toml:" : "line ",
                           where_text(p));
      }
      out += ")\n";
      if (p.inferred_range) out += fmt::format("  range      {}\n", check::range_text(*p.inferred_range));
      for (const auto& e : evidence_of(inferred, d.id)) out += fmt::format("  evidence   {}\n", e);
    } else {
      out += fmt::format("  published  unknown (zone {})\n", p.zone);
    }
    out += fmt::format("  text       {} paragraphs, {} sentences\n", d.paragraphs.size(),
                       d.sentences.size());
    for (std::size_t i = 0; i < d.sentences.size(); ++i) {
      const auto& s = d.sentences[i];
      out += fmt::format("  {:>4} {}-{}  {}\n", i + 1, d.original_offset(s.where.start),
                         d.original_offset(s.where.end),
                         one_line(std::string_view(d.text).substr(s.where.start, s.where.size())));
    }
  }
  if (!c.skipped.empty()) out += fmt::format("\nskipped ({})\n", c.skipped.size());
  for (const auto& s : c.skipped) out += fmt::format("  {}  {}\n", s.file, s.error);
  std::fwrite(out.data(), 1, out.size(), stdout);
}

void print_json(const corpus::corpus& c, const std::vector<check::inference>& inferred) {
  using json = nlohmann::ordered_json;
  json j;
  j["corpus"] = c.name;
  j["timezone"] = c.zone;
  j["documents"] = json::array();
  for (const auto& d : c.documents) {
    const auto& p = d.published;
    json doc;
    doc["id"] = d.id;
    doc["file"] = d.file;
    doc["source"] = d.source;
    doc["url"] = d.url;
    doc["published"] = p.local ? json(p.timex()) : json(nullptr);
    doc["published_zone"] = p.zone;
    doc["published_from"] = corpus::to_string(p.from);
    doc["published_stated"] = p.stated;
    doc["published_where"] = where_text(p);
    if (p.inferred_range) {
      doc["published_range"] = {{"start", time::iso_date(p.inferred_range->start)},
                                {"end", time::iso_date(p.inferred_range->end)}};
      doc["published_evidence"] = evidence_of(inferred, d.id);
    }
    doc["paragraphs"] = d.paragraphs.size();
    json sentences = json::array();
    for (const auto& s : d.sentences) {
      sentences.push_back({{"start", d.original_offset(s.where.start)},
                           {"end", d.original_offset(s.where.end)},
                           {"paragraph", s.paragraph},
                           {"text", std::string_view(d.text).substr(s.where.start, s.where.size())}});
    }
    doc["sentences"] = std::move(sentences);
    j["documents"].push_back(std::move(doc));
  }
  j["skipped"] = json::array();
  for (const auto& s : c.skipped) j["skipped"].push_back({{"file", s.file}, {"error", s.error}});
  const std::string out = j.dump(2) + "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
}

int run(const inspect_args& a) {
  diagnostics diags;
  corpus::ingest_options options;
  const std::filesystem::path config =
      a.config.empty() ? data_dir() / "config/default.toml" : std::filesystem::path(a.config);
  // The shipped defaults may be absent in an embedded install; a file the user names may not.
  if (!a.config.empty() || std::filesystem::exists(config)) {
    if (!corpus::apply_config_file(config, options, diags)) {
      for (const auto& d : diags) std::cerr << d.to_string() << '\n';
      return unusable;
    }
  }
  if (a.repair_utf8) options.repair_utf8 = true;
  auto c = corpus::load_corpus(a.corpus, options, diags);
  for (const auto& d : diags) std::cerr << d.to_string() << '\n';
  if (!c) return unusable;
  diags.clear();
  const auto inferred = infer(*c, diags);
  for (const auto& d : diags) std::cerr << d.to_string() << '\n';
  if (a.format == "json") print_json(*c, inferred);
  else print_text(*c, inferred);
  return ok;
}

const bool registered = register_command({
    "inspect",
    "Show what ingestion saw: documents, publication times and their origin, sentences",
    50,
    [](CLI::App& sub) -> action {
      auto a = std::make_shared<inspect_args>();
      sub.add_option("CORPUS", a->corpus, "corpus folder, its corpus.toml, or one article")
          ->required();
      sub.add_option("--format", a->format, "output format")
          ->check(CLI::IsMember({"text", "json"}))
          ->default_val("text");
      sub.add_option("--config", a->config, "settings file (default: config/default.toml)");
      sub.add_flag("--repair-utf8", a->repair_utf8,
                   "replace invalid UTF-8 with U+FFFD instead of skipping the document");
      return [a] { return run(*a); };
    }});

}  // namespace

}  // namespace annalist::cli
