#include "export/ics.h"

#include <cstdlib>
#include <map>
#include <memory>
#include <set>

#include <date/tz.h>
#include <fmt/format.h>
#include <libical/ical.h>

#include "export/provenance.h"

namespace annalist::exports {

namespace {

struct component_free {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using component_ptr = std::unique_ptr<icalcomponent, component_free>;

icaltimetype ical_date(date::local_days d) {
  const date::year_month_day ymd{d};
  icaltimetype t = icaltime_null_date();
  t.year = int(ymd.year());
  t.month = int(unsigned(ymd.month()));
  t.day = int(unsigned(ymd.day()));
  t.is_date = 1;
  return t;
}

icaltimetype ical_date_time(date::local_seconds at) {
  const auto day = date::floor<date::days>(at);
  const date::hh_mm_ss<std::chrono::seconds> tod{at - day};
  icaltimetype t = ical_date(day);
  t.is_date = 0;
  t.hour = int(tod.hours().count());
  t.minute = int(tod.minutes().count());
  t.second = int(tod.seconds().count());
  return t;
}

icaltimetype ical_utc(date::sys_seconds at) {
  icaltimetype t = ical_date_time(date::local_seconds{at.time_since_epoch()});
  t.zone = icaltimezone_get_utc_timezone();
  return t;
}

// libical writes x-property values verbatim: a line break would end the property early.
void add_x(icalcomponent* c, const char* name, std::string value) {
  for (char& ch : value)
    if (ch == '\r' || ch == '\n') ch = ' ';
  icalproperty* p = icalproperty_new_x(value.c_str());
  icalproperty_set_x_name(p, name);
  icalcomponent_add_property(c, p);
}

// Zones are looked up once; an unknown name (the database changed since ingestion) gives null
// and the event's times are then written floating, which RFC 5545 allows.
const date::time_zone* locate(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
}

bool timed(const time::value& v) { return v.gran < time::granularity::day; }

// The observances (STANDARD or DAYLIGHT periods) of `zone` that the given local times fall in:
// enough for a reader to place every time the file names, and the same bytes on every run.
component_ptr vtimezone(const std::string& name, const date::time_zone& zone,
                        const std::set<time::local_minutes>& times) {
  std::map<date::sys_seconds, date::sys_info> periods;
  for (const auto t : times) {
    const auto info = zone.get_info(zone.to_sys(t, date::choose::earliest));
    periods.emplace(info.begin, info);
  }
  component_ptr tz(icalcomponent_new_vtimezone());
  icalcomponent_add_property(tz.get(), icalproperty_new_tzid(name.c_str()));
  // The tz database's first period starts at the dawn of time; a calendar needs a date.
  const date::sys_seconds earliest{date::sys_days{date::year{1601} / 1 / 1}};
  for (const auto& [begin, info] : periods) {
    const bool from_start = begin < earliest;
    const auto before = from_start ? info.offset : zone.get_info(begin - std::chrono::seconds{1}).offset;
    const auto onset = from_start ? date::local_seconds{earliest.time_since_epoch()}
                                  : date::local_seconds{(begin + before).time_since_epoch()};
    icalcomponent* obs = info.save != std::chrono::minutes{0} ? icalcomponent_new_xdaylight()
                                                              : icalcomponent_new_xstandard();
    icalcomponent_add_property(obs, icalproperty_new_dtstart(ical_date_time(onset)));
    icalcomponent_add_property(obs, icalproperty_new_tzoffsetfrom(int(before.count())));
    icalcomponent_add_property(obs, icalproperty_new_tzoffsetto(int(info.offset.count())));
    if (!info.abbrev.empty())
      icalcomponent_add_property(obs, icalproperty_new_tzname(info.abbrev.c_str()));
    icalcomponent_add_component(tz.get(), obs);
  }
  return tz;
}

std::string description(const merge::timeline& t, const merge::event& e) {
  std::string out = fmt::format("{}, {}", e.kind, events::to_string(e.state));
  if (!e.actors.empty()) {
    out += ". Actors: ";
    for (std::size_t k = 0; k < e.actors.size(); ++k) out += (k ? ", " : "") + e.actors[k];
  }
  if (!e.place.empty()) out += ". Place: " + e.place;
  out += fmt::format(".\nDate: {} ({}, {})\n", display_date(e.value), e.value.timex,
                     time::to_string(e.value.gran));
  if (const auto* c = conflict_of(t, e.id)) {
    out += "\nSources disagree:";
    for (std::size_t k = 0; k < c->values.size(); ++k) out += (k ? " vs " : " ") + c->values[k];
    if (!c->explanation.empty()) out += ". " + c->explanation;
    out += '\n';
  }
  out += "\nSources:\n";
  for (const auto& m : e.mentions) {
    const auto* d = find_source(t, m.document);
    std::string who = d ? source_label(*d) : m.document;
    if (d && !d->published.empty()) who += ", published " + d->published;
    out += "- " + who;
    if (!m.time_text.empty()) out += fmt::format(", \u201c{}\u201d", m.time_text);
    out += ": " + m.sentence_text + '\n';
    if (!m.quote.empty() && m.sentence_text.find(m.quote) == std::string::npos)
      out += fmt::format("  Quote: \u201c{}\u201d\n", m.quote);
  }
  out.pop_back();
  return out;
}

}  // namespace

std::string timeline_ics(const input& in) {
  const auto& t = in.timeline;
  component_ptr cal(icalcomponent_new_vcalendar());
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.get(),
                             icalproperty_new_prodid("-//annalist//annalist " ANNALIST_VERSION "//EN"));
  icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
  add_x(cal.get(), "X-WR-CALNAME", t.corpus);

  const auto stamp =
      ical_utc(latest_publication(in.corpus).value_or(date::sys_seconds{}));

  // Timed events need their zones defined before the events that name them.
  std::map<std::string, std::set<time::local_minutes>> zone_times;
  std::vector<std::string> zone_names(t.events.size());
  for (std::size_t i = 0; i < t.events.size(); ++i) {
    const auto& e = t.events[i];
    if (!e.value.span || !timed(e.value)) continue;
    zone_names[i] = zone_of(in.corpus, e);
    if (is_utc(zone_names[i]) || !locate(zone_names[i])) continue;
    zone_times[zone_names[i]].insert({e.value.span->start, e.value.span->end});
  }
  for (const auto& [name, times] : zone_times)
    icalcomponent_add_component(cal.get(), vtimezone(name, *locate(name), times).release());

  for (std::size_t i = 0; i < t.events.size(); ++i) {
    const auto& e = t.events[i];
    if (!e.value.span) continue;
    icalcomponent* ev = icalcomponent_new_vevent();
    icalcomponent_add_component(cal.get(), ev);
    const auto uid = fmt::format("{:016x}@annalist", stable_hash(t.corpus + '\n' + e.id));
    icalcomponent_add_property(ev, icalproperty_new_uid(uid.c_str()));
    icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));

    const auto& span = *e.value.span;
    if (!timed(e.value)) {
      const auto first = date::floor<date::days>(span.start);
      // An interval ending mid-day still covers that day.
      auto last = date::floor<date::days>(span.end);
      if (last < span.end || last <= first) last += date::days{1};
      auto* start = icalproperty_new_dtstart(ical_date(first));
      auto* end = icalproperty_new_dtend(ical_date(last));
      icalcomponent_add_property(ev, start);
      icalcomponent_add_property(ev, end);
    } else {
      const auto& zone = zone_names[i];
      const auto utc = is_utc(zone);
      const auto* tz = utc ? nullptr : locate(zone);
      const auto at = [&](time::local_minutes m) {
        const date::local_seconds s{m.time_since_epoch()};
        return utc ? ical_utc(date::sys_seconds{s.time_since_epoch()}) : ical_date_time(s);
      };
      auto* start = icalproperty_new_dtstart(at(span.start));
      auto* end = icalproperty_new_dtend(at(span.end));
      if (tz) {
        icalproperty_add_parameter(start, icalparameter_new_tzid(zone.c_str()));
        icalproperty_add_parameter(end, icalparameter_new_tzid(zone.c_str()));
      }
      icalcomponent_add_property(ev, start);
      icalcomponent_add_property(ev, end);
    }

    const std::string summary = e.title.empty() ? e.kind : e.title;
    icalcomponent_add_property(ev, icalproperty_new_summary(summary.c_str()));
    icalcomponent_add_property(ev, icalproperty_new_description(description(t, e).c_str()));
    if (!e.kind.empty())
      icalcomponent_add_property(ev, icalproperty_new_categories(e.kind.c_str()));
    if (!e.place.empty())
      icalcomponent_add_property(ev, icalproperty_new_location(e.place.c_str()));
    if (const auto url = url_of(t, e); !url.empty())
      icalcomponent_add_property(ev, icalproperty_new_url(url.c_str()));
    icalcomponent_add_property(ev, icalproperty_new_status(e.state == events::status::happened
                                                               ? ICAL_STATUS_CONFIRMED
                                                               : ICAL_STATUS_TENTATIVE));
    // These are events in the news, not the user's appointments: never show them as busy time.
    icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
    add_x(ev, "X-ANNALIST-EVENT", e.id);
    add_x(ev, "X-ANNALIST-VALUE", e.value.timex);
    add_x(ev, "X-ANNALIST-GRANULARITY", std::string(time::to_string(e.value.gran)));
    add_x(ev, "X-ANNALIST-STATUS", std::string(events::to_string(e.state)));
  }

  char* text = icalcomponent_as_ical_string_r(cal.get());
  std::string out = text ? text : "";
  std::free(text);
  return out;
}

}  // namespace annalist::exports
