#include "export/text.h"

#include <map>
#include <vector>

#include <fmt/format.h>

namespace annalist::exports {

namespace {

std::string heading(const time::value& v) {
  if (v.gran <= time::granularity::day && v.span) return time::iso_date(v.span->start);
  return v.timex;
}

std::string one_line(std::string_view s) {
  std::string r;
  r.reserve(s.size());
  for (char c : s) r += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return r;
}

}  // namespace

std::string timeline_text(const merge::timeline& t) {
  std::map<std::string, std::string> source_of;
  for (const auto& d : t.documents) source_of[d.id] = d.source;

  std::string out = fmt::format("{}: {} document{}, {} event{}\n", t.corpus, t.documents.size(),
                                t.documents.size() == 1 ? "" : "s", t.events.size(),
                                t.events.size() == 1 ? "" : "s");
  std::string current;
  for (const auto& e : t.events) {
    const auto h = heading(e.value);
    if (h != current) {
      out += fmt::format("\n{}\n", h);
      current = h;
    }
    out += fmt::format("  {:<12} {}\n", time::to_string(e.value.gran), one_line(e.title));
    std::string facts = fmt::format("{}, {}", e.kind, events::to_string(e.state));
    if (e.value.timex != h) facts += fmt::format(" ({})", e.value.timex);
    if (!e.actors.empty()) {
      facts += " | ";
      for (std::size_t k = 0; k < e.actors.size(); ++k) facts += (k ? ", " : "") + e.actors[k];
    }
    if (!e.place.empty()) facts += " | " + e.place;
    out += fmt::format("  {:<12} {}\n", "", facts);
    // One entry per document, with the words that date the event there.
    std::vector<std::string> order;
    std::map<std::string, std::string> dated_by;
    for (const auto& m : e.mentions) {
      if (!dated_by.count(m.document)) order.push_back(m.document);
      auto& t = dated_by[m.document];
      if (t.empty() && !m.time_text.empty()) t = one_line(m.time_text);
    }
    std::string sources;
    for (const auto& doc : order) {
      if (!sources.empty()) sources += "; ";
      sources += doc;
      if (const auto& s = source_of[doc]; !s.empty()) sources += " " + s;
      if (!dated_by[doc].empty()) sources += fmt::format(" \"{}\"", dated_by[doc]);
    }
    out += fmt::format("  {:<12} sources: {}\n", "", sources);
  }
  if (!t.conflicts.empty()) {
    out += "\nconflicts\n";
    for (const auto& c : t.conflicts) {
      std::string values;
      for (std::size_t k = 0; k < c.values.size(); ++k) values += (k ? " vs " : "") + c.values[k];
      out += fmt::format("  {} ({}): {}\n", c.event, values, one_line(c.explanation));
    }
  }
  if (!t.skipped.empty()) {
    out += "\nskipped\n";
    for (const auto& s : t.skipped) out += fmt::format("  {}: {}\n", s.file, one_line(s.error));
  }
  return out;
}

}  // namespace annalist::exports
