#include "export/timelinejs.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "export/provenance.h"

namespace annalist::exports {

namespace {

using json = nlohmann::ordered_json;

// How far a date of each granularity is spelled out.
enum class unit { year, month, day, minute };

unit unit_of(time::granularity g) {
  using time::granularity;
  if (g < granularity::day) return unit::minute;
  if (g <= granularity::week) return unit::day;
  if (g <= granularity::half_year) return unit::month;
  return unit::year;
}

json date_object(time::local_minutes at, unit u) {
  const auto day = date::floor<date::days>(at);
  const date::year_month_day ymd{day};
  json d;
  d["year"] = int(ymd.year());
  if (u >= unit::month) d["month"] = unsigned(ymd.month());
  if (u >= unit::day) d["day"] = unsigned(ymd.day());
  if (u >= unit::minute) {
    const date::hh_mm_ss<std::chrono::minutes> tod{at - day};
    d["hour"] = tod.hours().count();
    d["minute"] = tod.minutes().count();
  }
  return d;
}

std::string slide_text(const merge::timeline& t, const merge::event& e) {
  std::string out = fmt::format("<p><strong>{}</strong> · {} · {} ({})</p>",
                                html_escape(events::to_string(e.state)), html_escape(e.kind),
                                html_escape(display_date(e.value)), html_escape(e.value.timex));
  std::string facts;
  if (!e.actors.empty()) {
    facts += "Actors: ";
    for (std::size_t k = 0; k < e.actors.size(); ++k)
      facts += (k ? ", " : "") + html_escape(e.actors[k]);
  }
  if (!e.place.empty()) facts += (facts.empty() ? "" : " · ") + ("Place: " + html_escape(e.place));
  if (!facts.empty()) out += "<p>" + facts + "</p>";
  if (const auto* c = conflict_of(t, e.id)) {
    out += "<p><strong>Sources disagree:</strong> ";
    for (std::size_t k = 0; k < c->values.size(); ++k)
      out += (k ? " vs " : "") + html_escape(c->values[k]);
    if (!c->explanation.empty()) out += ". " + html_escape(c->explanation);
    out += "</p>";
  }
  out += "<ul>";
  for (const auto& m : e.mentions) {
    const auto* d = find_source(t, m.document);
    out += "<li><cite>" + html_escape(d ? source_label(*d) : m.document) + "</cite>";
    if (d && !d->published.empty()) out += ", published " + html_escape(d->published);
    if (!m.time_text.empty()) out += fmt::format(", \u201c{}\u201d", html_escape(m.time_text));
    out += ": " + html_escape(m.sentence_text);
    if (!m.quote.empty() && m.sentence_text.find(m.quote) == std::string::npos)
      out += " <q>" + html_escape(m.quote) + "</q>";
    out += "</li>";
  }
  out += "</ul>";
  return out;
}

}  // namespace

std::string timeline_timelinejs(const merge::timeline& t) {
  json j;
  std::string sources;
  for (const auto& d : t.documents) sources += (sources.empty() ? "" : ", ") + source_label(d);
  std::size_t dated = 0;
  for (const auto& e : t.events) dated += e.value.span ? 1 : 0;
  j["title"]["text"]["headline"] = html_escape(t.corpus);
  j["title"]["text"]["text"] =
      fmt::format("<p>{} event{} from {} document{}: {}</p>", dated, dated == 1 ? "" : "s",
                  t.documents.size(), t.documents.size() == 1 ? "" : "s", html_escape(sources));
  j["events"] = json::array();
  for (const auto& e : t.events) {
    if (!e.value.span) continue;
    const auto u = unit_of(e.value.gran);
    json s;
    s["unique_id"] = e.id;
    s["start_date"] = date_object(e.value.span->start, u);
    // The last unit the half-open interval covers, as TimelineJS's inclusive end.
    auto end = date_object(e.value.span->end - std::chrono::minutes{1}, u);
    if (end != s["start_date"]) s["end_date"] = std::move(end);
    s["display_date"] = display_date(e.value);
    s["text"]["headline"] = html_escape(e.title.empty() ? e.kind : e.title);
    s["text"]["text"] = slide_text(t, e);
    s["group"] = e.kind;
    j["events"].push_back(std::move(s));
  }
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace annalist::exports
