#include "check/render.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace annalist::check {

namespace {

using json = nlohmann::ordered_json;

// Sentences print on one line: line breaks inside them become spaces.
std::string one_line(std::string_view s) {
  std::string r(s);
  for (auto& ch : r)
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  return r;
}

const inference* inferred_for(const report& r, std::string_view id) {
  for (const auto& i : r.inferred)
    if (i.document == id) return &i;
  return nullptr;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::size_t count_kind(const report& r, finding_kind k) {
  std::size_t n = 0;
  for (const auto& f : r.findings) n += f.kind == k ? 1 : 0;
  return n;
}

}  // namespace

std::string range_text(const time::interval& range) {
  const auto last = date::floor<date::days>(range.end - std::chrono::minutes{1});
  return fmt::format("{} to {}", time::iso_date(range.start),
                     time::iso_date(time::local_minutes{last.time_since_epoch()}));
}

std::string render_text(const report& r, const corpus::corpus& c) {
  std::string out = fmt::format(
      "check {}: {}, {}, {}, {} verified\n", c.name, plural(c.documents.size(), "document", "documents"),
      plural(r.count(severity::error), "conflict", "conflicts"), plural(r.count(severity::warning), "warning", "warnings"),
      plural(count_kind(r, finding_kind::agreement), "agreement", "agreements"));

  if (!r.inferred.empty()) out += "\npublication times inferred\n";
  for (const auto& i : r.inferred) {
    if (i.range && i.chosen)
      out += fmt::format("  {}  {} (the evidence allows {})\n", i.document, time::iso_date(*i.chosen),
                         range_text(*i.range));
    else
      out += fmt::format("  {}  unknown\n", i.document);
    for (const auto& e : i.evidence) out += fmt::format("        {}\n", e);
  }

  for (const auto level : {severity::error, severity::warning, severity::note}) {
    bool header = false;
    for (const auto& f : r.findings) {
      if (f.level != level) continue;
      if (!header) {
        out += level == severity::error     ? "\nconflicts\n"
               : level == severity::warning ? "\nwarnings\n"
                                            : "\nagreements verified\n";
        header = true;
      }
      out += fmt::format("\n  {}: {}: {}\n", to_string(f.level), to_string(f.kind), f.explanation);
      if (!f.event.empty()) out += fmt::format("    event {}: {}\n", f.event, f.event_title);
      for (const auto& m : f.mentions) {
        if (m.mention.time_text.empty() || m.file_time.size() == 0)
          out += fmt::format("    {} (no date of its own)\n", m.mention.document);
        else
          out += fmt::format("    {} {}-{} '{}' = {}\n", m.mention.document, m.file_time.start, m.file_time.end,
                             m.mention.time_text, m.value.empty() ? "(no value)" : m.value);
        out += fmt::format("        in \"{}\" ({}-{})\n", one_line(m.mention.sentence_text),
                           m.mention.file_sentence.start, m.mention.file_sentence.end);
      }
    }
  }
  if (r.findings.empty()) out += "\nno findings: nothing in the corpus could be checked across sources\n";
  return out;
}

std::string render_json(const report& r, const corpus::corpus& c) {
  json j;
  j["corpus"] = c.name;
  j["summary"] = {{"conflicts", r.count(severity::error)},
                  {"warnings", r.count(severity::warning)},
                  {"agreements", count_kind(r, finding_kind::agreement)}};
  j["documents"] = json::array();
  for (const auto& d : c.documents) {
    const auto& p = d.published;
    json doc;
    doc["id"] = d.id;
    doc["file"] = d.file;
    doc["published"] = p.local ? json(p.timex()) : json(nullptr);
    doc["published_from"] = corpus::to_string(p.from);
    const auto* inf = inferred_for(r, d.id);
    doc["published_range"] = p.inferred_range ? json{{"start", time::iso_date(p.inferred_range->start)},
                                                     {"end", time::iso_date(p.inferred_range->end)}}
                                              : json(nullptr);
    doc["evidence"] = inf ? json(inf->evidence) : json::array();
    j["documents"].push_back(std::move(doc));
  }
  j["findings"] = json::array();
  for (const auto& f : r.findings) {
    json fj;
    fj["kind"] = to_string(f.kind);
    fj["severity"] = to_string(f.level);
    fj["event"] = f.event.empty() ? json(nullptr) : json(f.event);
    fj["title"] = f.event_title.empty() ? json(nullptr) : json(f.event_title);
    fj["values"] = f.values;
    fj["mentions"] = json::array();
    for (const auto& m : f.mentions) {
      fj["mentions"].push_back({{"document", m.mention.document},
                                {"start", m.mention.file_sentence.start},
                                {"end", m.mention.file_sentence.end},
                                {"sentence", m.mention.sentence_text},
                                {"time_start", m.file_time.start},
                                {"time_end", m.file_time.end},
                                {"time_text", m.mention.time_text},
                                {"value", m.value}});
    }
    fj["explanation"] = f.explanation;
    j["findings"].push_back(std::move(fj));
  }
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace annalist::check
