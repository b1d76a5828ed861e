// The export formats (csv, ics, timelinejs, html, per-document TimeML) as library calls: each
// writer on small hand-built timelines whose answers are known, read back with the format's
// reference reader where one links (libical, the TimeML reader), and on samples/reykjavik-2021.
// tests/export/check_exports.py and check_html.py do the same through the CLI with Python's
// csv, icalendar and jsonschema and with headless Chromium.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <libical/ical.h>
#include <nlohmann/json.hpp>

#include "corpus/ingest.h"
#include "corpus/timeml.h"
#include "events/lexicon.h"
#include "export/csv.h"
#include "export/html.h"
#include "export/ics.h"
#include "export/provenance.h"
#include "export/timelinejs.h"
#include "export/timeml_build.h"
#include "export/writers.h"
#include "merge/pipeline.h"
#include "resolve/annotate.h"
#include "tagger/lexicon.h"

using namespace annalist;
namespace ex = annalist::exports;
using namespace std::chrono_literals;

namespace {

const std::string kSource = ANNALIST_SOURCE_DIR;

date::year_month_day ymd(int y, unsigned m, unsigned d) {
  return date::year{y} / date::month{m} / date::day{d};
}

time::local_minutes local(int y, unsigned m, unsigned d, int h = 0, int min = 0) {
  return time::local_minutes{date::local_days{ymd(y, m, d)}.time_since_epoch()} +
         std::chrono::hours{h} + std::chrono::minutes{min};
}

time::value week_20_of_2021() {
  time::value v;
  v.timex = "2021-W20";
  v.gran = time::granularity::week;
  v.span = time::interval{local(2021, 5, 17), local(2021, 5, 24)};
  return v;
}

events::mention mention(std::string doc, std::string sentence, std::string time_text,
                        std::optional<time::value> when) {
  events::mention m;
  m.document = std::move(doc);
  m.sentence_text = std::move(sentence);
  m.time_text = std::move(time_text);
  m.time = std::move(when);
  m.kind = "meeting";
  return m;
}

merge::event event(std::string id, time::value v, std::string title, std::string kind,
                   std::vector<events::mention> ms) {
  merge::event e;
  e.id = std::move(id);
  e.value = std::move(v);
  e.title = std::move(title);
  e.kind = std::move(kind);
  e.mentions = std::move(ms);
  return e;
}

corpus::document document(std::string id, std::string source, std::string zone,
                          std::optional<time::local_minutes> published,
                          time::granularity gran = time::granularity::day) {
  corpus::document d;
  d.id = id;
  d.file = id + "_x.txt";
  d.source = std::move(source);
  d.published.zone = std::move(zone);
  d.published.local = published;
  d.published.gran = gran;
  d.published.from = published ? corpus::published_from::manifest : corpus::published_from::unknown;
  return d;
}

// A corpus of three outlets in three zones and a timeline with one event of each kind of value
// the writers treat differently.
struct fixture {
  corpus::corpus c;
  merge::timeline t;

  fixture() {
    c.name = "harbour, \"north\"";
    c.zone = "UTC";
    c.documents.push_back(document("a", "Gazette", "Europe/Prague", local(2021, 5, 19)));
    c.documents.push_back(
        document("b", "", "America/New_York", local(2021, 5, 19, 22, 30), time::granularity::minute));
    c.documents.push_back(document("c", "Wire", "UTC", local(2021, 5, 18, 9, 0), time::granularity::minute));
    t.corpus = c.name;
    for (const auto& d : c.documents)
      t.documents.push_back({d.id, d.file, d.source, d.id == "a" ? "https://example.org/a" : "",
                             d.published.timex(), "manifest"});

    auto ministers = event("ev-day", time::value::of_day(ymd(2021, 5, 19)),
                           "Ministers met \"at last\", in <Reykjavik>", "meeting",
                           {mention("a", "The ministers met on May 19.", "May 19",
                                    time::value::of_day(ymd(2021, 5, 19))),
                            mention("b", "They met Wednesday, officials said.", "Wednesday",
                                    time::value::of_day(ymd(2021, 5, 19)))});
    ministers.actors = {"Ana Sousa", "Jon Berg"};
    ministers.place = "Reykjavik";
    ministers.mentions[1].quote = "a frank exchange";
    t.events.push_back(std::move(ministers));

    auto summit = event("ev-month", time::value::of_month(date::year{2021} / date::June),
                        "Summit in June", "summit",
                        {mention("a", "A summit is planned next month.", "next month",
                                 time::value::of_month(date::year{2021} / date::June))});
    summit.state = events::status::planned;
    t.events.push_back(std::move(summit));

    t.events.push_back(event("ev-week", week_20_of_2021(), "Talks that week", "meeting",
                             {mention("c", "Talks went on all week.", "that week", week_20_of_2021())}));
    t.events.push_back(event("ev-year", time::value::of_year(date::year{1986}), "The 1986 summit",
                             "summit",
                             {mention("a", "The 1986 summit ended without a deal.", "1986",
                                      time::value::of_year(date::year{1986}))}));
    t.events.push_back(event("ev-prague", time::value::of_minute(ymd(2021, 5, 19), 17h + 55min),
                             "Press conference", "press_conference",
                             {mention("a", "They spoke at 17:55.", "17:55",
                                      time::value::of_minute(ymd(2021, 5, 19), 17h + 55min))}));
    t.events.push_back(event("ev-utc", time::value::of_minute(ymd(2021, 5, 18), 9h),
                             "Statement", "statement",
                             {mention("c", "At 09:00 the ministry said so.", "09:00",
                                      time::value::of_minute(ymd(2021, 5, 18), 9h))}));
    t.events.push_back(event("ev-span", time::value::of_duration("P5Y"), "Five years of talks",
                             "meeting", {mention("b", "Five years of talks.", "five years",
                                                 time::value::of_duration("P5Y"))}));
    t.conflicts.push_back({"ev-day", {"2021-05-19", "2021-05-18"}, {}, "b says Tuesday"});
  }

  const merge::event& find(std::string_view id) const {
    return *std::find_if(t.events.begin(), t.events.end(),
                         [&](const merge::event& e) { return e.id == id; });
  }
  ex::input in() const { return {t, c}; }
};

// RFC 4180 reader: what a spreadsheet sees.
std::vector<std::vector<std::string>> read_csv(const std::string& s, bool& well_formed) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  well_formed = true;
  bool quoted = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    if (quoted) {
      if (ch == '"' && i + 1 < s.size() && s[i + 1] == '"') rows.back().back() += '"', ++i;
      else if (ch == '"') quoted = false;
      else rows.back().back() += ch;
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      rows.back().emplace_back();
    } else if (ch == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      rows.emplace_back(1);
      ++i;
    } else {
      well_formed = false;  // bare text outside quotes, or a lone CR/LF
      rows.back().back() += ch;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

struct ical_free {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using ical_ptr = std::unique_ptr<icalcomponent, ical_free>;

std::vector<icalcomponent*> children(icalcomponent* c, icalcomponent_kind kind) {
  std::vector<icalcomponent*> out;
  for (auto* x = icalcomponent_get_first_component(c, kind); x;
       x = icalcomponent_get_next_component(c, kind))
    out.push_back(x);
  return out;
}

std::string x_property(icalcomponent* c, std::string_view name) {
  for (auto* p = icalcomponent_get_first_property(c, ICAL_X_PROPERTY); p;
       p = icalcomponent_get_next_property(c, ICAL_X_PROPERTY))
    if (name == icalproperty_get_x_name(p)) return icalproperty_get_x(p);
  return {};
}

icalcomponent* vevent_of(icalcomponent* cal, std::string_view id) {
  for (auto* e : children(cal, ICAL_VEVENT_COMPONENT))
    if (x_property(e, "X-ANNALIST-EVENT") == id) return e;
  return nullptr;
}

std::string tzid_of(icalproperty* p) {
  auto* param = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
  return param ? icalparameter_get_tzid(param) : "";
}

std::size_t count(std::string_view hay, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = hay.find(needle); at != std::string_view::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

// The sample corpus through the same pipeline as `annalist build`, loaded once for the suite.
struct sample {
  corpus::corpus c;
  std::unique_ptr<tagger::lexicon> tlex;
  merge::timeline t;
};

const sample& reykjavik() {
  static const sample s = [] {
    sample r;
    diagnostics d;
    r.c = *corpus::load_corpus(kSource + "/samples/reykjavik-2021", {}, d);
    auto tl = tagger::lexicon::load(kSource + "/lexicon/en");
    auto el = events::lexicon::load(kSource + "/lexicon/en", d);
    if (!tl.value || !el) throw std::runtime_error("lexicon does not load");
    r.tlex = std::move(tl.value);
    r.t = merge::build_timeline(r.c, *r.tlex, *el, merge::options{});
    return r;
  }();
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(exports)

BOOST_AUTO_TEST_CASE(every_format_is_in_the_writer_table) {
  for (const auto* name : {"text", "json", "csv", "ics", "timeml", "timelinejs", "html"})
    BOOST_TEST(ex::find_writer(name) != nullptr, name);
  BOOST_TEST(ex::find_writer("timeml")->needs_directory);
  BOOST_TEST(!ex::find_writer("html")->needs_directory);
}

BOOST_AUTO_TEST_CASE(display_dates_read_as_prose_at_their_granularity) {
  BOOST_TEST(ex::display_date(time::value::of_day(ymd(2021, 5, 19))) == "May 19, 2021");
  BOOST_TEST(ex::display_date(time::value::of_month(date::year{2021} / date::June)) == "June 2021");
  BOOST_TEST(ex::display_date(time::value::of_year(date::year{1986})) == "1986");
  BOOST_TEST(ex::display_date(time::value::of_decade(1980)) == "1980s");
  BOOST_TEST(ex::display_date(time::value::of_century(20)) == "20th century");
  BOOST_TEST(ex::display_date(week_20_of_2021()) == "week of May 17, 2021");
  BOOST_TEST(ex::display_date(time::value::of_minute(ymd(2021, 5, 19), 17h + 55min)) ==
             "May 19, 2021, 17:55");
  BOOST_TEST(ex::display_date(time::value::of_ref("PAST_REF")) == "the past");
  BOOST_TEST(ex::display_date(time::value::of_duration("P5Y")) == "P5Y");
  auto early = time::value::of_year(date::year{2021});
  early.mod = "START";
  BOOST_TEST(ex::display_date(early) == "early 2021");
}

BOOST_AUTO_TEST_CASE(csv_is_rfc_4180_one_row_per_event) {
  const fixture f;
  const auto out = ex::timeline_csv(f.t);
  bool ok = false;
  const auto rows = read_csv(out, ok);
  BOOST_TEST(ok, "every field quoted, every record ending in CRLF");
  BOOST_TEST(out.substr(out.size() - 2) == "\r\n");
  BOOST_REQUIRE_EQUAL(rows.size(), f.t.events.size() + 1);
  const std::vector<std::string> header = {"id", "value", "start", "end", "granularity", "kind",
                                           "status", "title", "actors", "place", "sources",
                                           "mention_count"};
  BOOST_TEST(rows[0] == header, boost::test_tools::per_element());
  const auto& r = rows[1];
  BOOST_REQUIRE_EQUAL(r.size(), header.size());
  BOOST_TEST(r[0] == "ev-day");
  BOOST_TEST(r[2] == "2021-05-19");
  BOOST_TEST(r[3] == "2021-05-20");
  BOOST_TEST(r[7] == "Ministers met \"at last\", in <Reykjavik>");  // quotes doubled, comma kept
  BOOST_TEST(r[8] == "Ana Sousa; Jon Berg");
  BOOST_TEST(r[10] == "Gazette (a); b");
  BOOST_TEST(r[11] == "2");
  BOOST_TEST(out.find("\"Ministers met \"\"at last\"\", in <Reykjavik>\"") != std::string::npos);
  BOOST_TEST(rows[2][6] == "planned");
  // A duration has no interval: start and end are empty, not invented.
  BOOST_TEST(rows.back()[0] == "ev-span");
  BOOST_TEST(rows.back()[2] == "");
}

BOOST_AUTO_TEST_CASE(csv_mentions_gives_one_row_per_mention_with_its_source) {
  fixture f;
  f.t.events[0].mentions[0].sentence_text = "Line one,\r\nline \"two\".";
  const auto out = ex::timeline_mentions_csv(f.t);
  bool ok = false;
  const auto rows = read_csv(out, ok);
  BOOST_TEST(ok);
  std::size_t mentions = 0;
  for (const auto& e : f.t.events) mentions += e.mentions.size();
  BOOST_REQUIRE_EQUAL(rows.size(), mentions + 1);
  BOOST_TEST(rows[0][0] == "event");
  BOOST_TEST(rows[0].back() == "sentence");
  BOOST_TEST(rows[1][8] == "a");
  BOOST_TEST(rows[1][9] == "Gazette");
  BOOST_TEST(rows[1][10] == "2021-05-19");
  BOOST_TEST(rows[1].back() == "Line one,\r\nline \"two\".");  // line breaks survive inside quotes
  BOOST_TEST(rows[2][16] == "a frank exchange");
}

BOOST_AUTO_TEST_CASE(ics_parses_back_with_libical_event_for_event) {
  const fixture f;
  const auto out = ex::timeline_ics(f.in());
  ical_ptr cal(icalparser_parse_string(out.c_str()));
  BOOST_REQUIRE(cal);
  BOOST_TEST(icalcomponent_isa(cal.get()) == ICAL_VCALENDAR_COMPONENT);
  BOOST_TEST(icalrestriction_check(cal.get()) == 1);
  BOOST_TEST(icalcomponent_count_errors(cal.get()) == 0);
  // The duration has no place in a calendar; every other event is there once.
  const auto vevents = children(cal.get(), ICAL_VEVENT_COMPONENT);
  BOOST_TEST(vevents.size() == f.t.events.size() - 1);
  BOOST_TEST(!vevent_of(cal.get(), "ev-span"));
  std::set<std::string> uids;
  for (auto* e : vevents) uids.insert(icalcomponent_get_uid(e));
  BOOST_TEST(uids.size() == vevents.size());

  // A day: all-day, one day long.
  auto* day = vevent_of(cal.get(), "ev-day");
  BOOST_REQUIRE(day);
  auto s = icalcomponent_get_dtstart(day), e = icalcomponent_get_dtend(day);
  BOOST_TEST(s.is_date == 1);
  BOOST_TEST((s.year == 2021 && s.month == 5 && s.day == 19));
  BOOST_TEST((e.year == 2021 && e.month == 5 && e.day == 20));
  BOOST_TEST(std::string(icalcomponent_get_summary(day)) == f.t.events[0].title);
  BOOST_TEST(std::string(icalcomponent_get_location(day)) == "Reykjavik");
  const std::string desc = icalcomponent_get_description(day);
  BOOST_TEST(desc.find("Gazette (a), published 2021-05-19") != std::string::npos, desc);
  BOOST_TEST(desc.find("a frank exchange") != std::string::npos);
  BOOST_TEST(desc.find("Sources disagree: 2021-05-19 vs 2021-05-18") != std::string::npos);
  auto* cat = icalcomponent_get_first_property(day, ICAL_CATEGORIES_PROPERTY);
  BOOST_REQUIRE(cat);
  BOOST_TEST(std::string(icalproperty_get_categories(cat)) == "meeting");
  auto* url = icalcomponent_get_first_property(day, ICAL_URL_PROPERTY);
  BOOST_REQUIRE(url);
  BOOST_TEST(std::string(icalproperty_get_url(url)) == "https://example.org/a");
  BOOST_TEST(x_property(day, "X-ANNALIST-GRANULARITY") == "day");
  BOOST_TEST(icalcomponent_get_status(day) == ICAL_STATUS_CONFIRMED);

  // A month: all-day over the whole month, tentative because it is planned.
  auto* month = vevent_of(cal.get(), "ev-month");
  BOOST_REQUIRE(month);
  s = icalcomponent_get_dtstart(month), e = icalcomponent_get_dtend(month);
  BOOST_TEST((s.is_date == 1 && s.month == 6 && s.day == 1));
  BOOST_TEST((e.is_date == 1 && e.month == 7 && e.day == 1));
  BOOST_TEST(x_property(month, "X-ANNALIST-GRANULARITY") == "month");
  BOOST_TEST(icalcomponent_get_status(month) == ICAL_STATUS_TENTATIVE);
  BOOST_TEST(icalcomponent_get_first_property(month, ICAL_URL_PROPERTY) != nullptr);

  // A year and a week, whole.
  auto* year = vevent_of(cal.get(), "ev-year");
  s = icalcomponent_get_dtstart(year), e = icalcomponent_get_dtend(year);
  BOOST_TEST((s.year == 1986 && s.month == 1 && s.day == 1 && e.year == 1987 && e.month == 1));
  auto* week = vevent_of(cal.get(), "ev-week");
  s = icalcomponent_get_dtstart(week), e = icalcomponent_get_dtend(week);
  BOOST_TEST((s.day == 17 && e.day == 24 && s.is_date == 1));
}

BOOST_AUTO_TEST_CASE(ics_timed_events_keep_their_zone) {
  const fixture f;
  const auto out = ex::timeline_ics(f.in());
  ical_ptr cal(icalparser_parse_string(out.c_str()));
  BOOST_REQUIRE(cal);
  // Local to the Prague document: the wall-clock time with a TZID, defined in a VTIMEZONE.
  auto* prague = vevent_of(cal.get(), "ev-prague");
  BOOST_REQUIRE(prague);
  auto* start = icalcomponent_get_first_property(prague, ICAL_DTSTART_PROPERTY);
  BOOST_TEST(tzid_of(start) == "Europe/Prague");
  const auto s = icalproperty_get_dtstart(start);
  BOOST_TEST((s.is_date == 0 && s.hour == 17 && s.minute == 55));
  BOOST_TEST(out.find("DTSTART;TZID=Europe/Prague:20210519T175500\r\n") != std::string::npos);
  BOOST_TEST(out.find("DTEND;TZID=Europe/Prague:20210519T175600\r\n") != std::string::npos);
  const auto zones = children(cal.get(), ICAL_VTIMEZONE_COMPONENT);
  BOOST_REQUIRE_EQUAL(zones.size(), 1u);  // UTC needs none
  auto* tzid = icalcomponent_get_first_property(zones[0], ICAL_TZID_PROPERTY);
  BOOST_TEST(std::string(icalproperty_get_tzid(tzid)) == "Europe/Prague");
  // May 2021 in Prague is summer time: +02:00, from +01:00 since the last Sunday of March.
  const auto daylight = children(zones[0], ICAL_XDAYLIGHT_COMPONENT);
  BOOST_REQUIRE_EQUAL(daylight.size(), 1u);
  auto* to = icalcomponent_get_first_property(daylight[0], ICAL_TZOFFSETTO_PROPERTY);
  auto* from = icalcomponent_get_first_property(daylight[0], ICAL_TZOFFSETFROM_PROPERTY);
  BOOST_TEST(icalproperty_get_tzoffsetto(to) == 7200);
  BOOST_TEST(icalproperty_get_tzoffsetfrom(from) == 3600);
  const auto onset = icalcomponent_get_dtstart(daylight[0]);
  BOOST_TEST((onset.year == 2021 && onset.month == 3 && onset.day == 28 && onset.hour == 2));
  // libical, given the definition, puts the event at 15:55 UTC.
  icaltimezone* zone = icaltimezone_new();
  BOOST_REQUIRE(icaltimezone_set_component(zone, icalcomponent_new_clone(zones[0])));
  auto placed = s;
  placed.zone = zone;
  const auto utc = icaltime_convert_to_zone(placed, icaltimezone_get_utc_timezone());
  BOOST_TEST((utc.hour == 15 && utc.minute == 55));
  icaltimezone_free(zone, 1);
  // Local to a UTC document: written with "Z".
  BOOST_TEST(out.find("DTSTART:20210518T090000Z\r\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(ics_uid_and_dtstamp_come_from_the_corpus_not_the_clock) {
  fixture f;
  const auto one = ex::timeline_ics(f.in());
  BOOST_TEST(one == ex::timeline_ics(f.in()));
  // Latest publication: b, 2021-05-19 22:30 in New York, is 2021-05-20 02:30 UTC.
  BOOST_TEST(count(one, "DTSTAMP:20210520T023000Z\r\n") == f.t.events.size() - 1);
  // The UID follows the event id and the corpus, nothing else.
  ical_ptr a(icalparser_parse_string(one.c_str()));
  const std::string uid = icalcomponent_get_uid(vevent_of(a.get(), "ev-day"));
  f.t.events[0].title = "Another title";
  f.c.documents.pop_back();
  const auto two = ex::timeline_ics(f.in());
  ical_ptr b(icalparser_parse_string(two.c_str()));
  BOOST_TEST(uid == icalcomponent_get_uid(vevent_of(b.get(), "ev-day")));
  f.t.corpus = "another corpus";
  const auto three = ex::timeline_ics(f.in());
  ical_ptr c(icalparser_parse_string(three.c_str()));
  BOOST_TEST(uid != icalcomponent_get_uid(vevent_of(c.get(), "ev-day")));
}

BOOST_AUTO_TEST_CASE(ics_lines_are_folded_at_75_octets_between_characters) {
  fixture f;
  std::string long_title;
  for (int i = 0; i < 40; ++i) long_title += "Reykjav\xC3\xADk \xE2\x80\x9C";  // 2- and 3-byte UTF-8
  f.t.events[0].title = long_title;
  const auto out = ex::timeline_ics(f.in());
  std::size_t lines = 0, continued = 0;
  for (std::size_t at = 0; at < out.size();) {
    const auto end = out.find("\r\n", at);
    BOOST_REQUIRE(end != std::string::npos);
    const auto line = std::string_view(out).substr(at, end - at);
    BOOST_TEST(line.size() <= 75u, line);
    // A continuation never starts inside a UTF-8 sequence.
    if (!line.empty() && line[0] == ' ') {
      ++continued;
      BOOST_TEST((line.size() < 2 || (static_cast<unsigned char>(line[1]) & 0xC0) != 0x80), line);
    }
    ++lines;
    at = end + 2;
  }
  BOOST_TEST(continued > 5u);
  ical_ptr cal(icalparser_parse_string(out.c_str()));
  BOOST_TEST(icalcomponent_get_summary(vevent_of(cal.get(), "ev-day")) == long_title);
}

BOOST_AUTO_TEST_CASE(timelinejs_dates_go_as_far_as_the_granularity) {
  const fixture f;
  const auto j = nlohmann::json::parse(ex::timeline_timelinejs(f.t));
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& e : j["events"]) by_id[e["unique_id"]] = e;
  BOOST_TEST(by_id.size() == f.t.events.size() - 1);  // the duration has no start date
  BOOST_TEST(!by_id.count("ev-span"));

  const auto& day = by_id["ev-day"];
  BOOST_TEST(day["start_date"] == (nlohmann::json{{"year", 2021}, {"month", 5}, {"day", 19}}));
  BOOST_TEST(!day.contains("end_date"));
  BOOST_TEST(day["display_date"] == "May 19, 2021");
  BOOST_TEST(day["group"] == "meeting");
  // Headline and text are HTML: what the corpus says is escaped.
  BOOST_TEST(day["text"]["headline"] == "Ministers met &quot;at last&quot;, in &lt;Reykjavik&gt;");
  const std::string text = day["text"]["text"];
  BOOST_TEST(text.find("Gazette (a)") != std::string::npos);
  BOOST_TEST(text.find("Sources disagree") != std::string::npos);

  BOOST_TEST(by_id["ev-month"]["start_date"] == (nlohmann::json{{"year", 2021}, {"month", 6}}));
  BOOST_TEST(!by_id["ev-month"].contains("end_date"));
  BOOST_TEST(by_id["ev-year"]["start_date"] == (nlohmann::json{{"year", 1986}}));
  BOOST_TEST(by_id["ev-week"]["start_date"] == (nlohmann::json{{"year", 2021}, {"month", 5}, {"day", 17}}));
  BOOST_TEST(by_id["ev-week"]["end_date"] == (nlohmann::json{{"year", 2021}, {"month", 5}, {"day", 23}}));
  BOOST_TEST(by_id["ev-prague"]["start_date"] ==
             (nlohmann::json{{"year", 2021}, {"month", 5}, {"day", 19}, {"hour", 17}, {"minute", 55}}));
  BOOST_TEST(j["title"]["text"]["headline"] == "harbour, &quot;north&quot;");
}

BOOST_AUTO_TEST_CASE(html_page_is_whole_escaped_and_marks_what_matters) {
  fixture f;
  f.t.events[1].title = "<script>alert(1)</script>";
  const auto page = ex::timeline_html(f.t);
  BOOST_TEST(page.rfind("<!DOCTYPE html>", 0) == 0);
  BOOST_TEST(count(page, "<li class=\"entry ") == f.t.events.size());
  BOOST_TEST(count(page, "<details>") == f.t.events.size());
  // Nothing from the corpus becomes markup.
  BOOST_TEST(page.find("<script>alert") == std::string::npos);
  BOOST_TEST(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  BOOST_TEST(page.find("Ministers met &quot;at last&quot;, in &lt;Reykjavik&gt;") != std::string::npos);
  // Self-contained: no external stylesheet, script, image or font, and a policy that forbids them.
  BOOST_TEST(page.find("<link") == std::string::npos);
  BOOST_TEST(page.find(" src=") == std::string::npos);
  BOOST_TEST(page.find("@import") == std::string::npos);
  BOOST_TEST(page.find("url(") == std::string::npos);
  BOOST_TEST(page.find("default-src 'none'") != std::string::npos);
  // Planned, disputed, granularity.
  BOOST_TEST(page.find("class=\"entry planned planned\" id=\"ev-month\"") != std::string::npos);
  BOOST_TEST(page.find("class=\"entry happened conflict\" id=\"ev-day\"") != std::string::npos);
  BOOST_TEST(page.find("<a href=\"#ev-day\">") != std::string::npos);
  BOOST_TEST(page.find("b says Tuesday") != std::string::npos);
  const auto month = page.find("id=\"ev-month\"");
  BOOST_TEST(page.find("class=\"marker bar\"", month) < page.find("</li>", month));
  const auto day = page.find("id=\"ev-day\"");
  BOOST_TEST(page.find("class=\"marker bar\"", day) > page.find("</li>", day));
  BOOST_TEST(page.find("data-granularity=\"week\"") != std::string::npos);
  BOOST_TEST(page.find("<h2>Undated</h2>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(timeml_without_a_lexicon_carries_the_dating_expressions) {
  fixture f;
  auto& doc = f.c.documents[0];
  doc.text = "The ministers met on May 19.";
  auto& m = f.t.events[0].mentions[0];
  m.trigger = {14, 17};
  m.time_span = {21, 27};
  const auto files = ex::timeline_timeml(f.in());
  BOOST_REQUIRE_EQUAL(files.size(), f.c.documents.size());
  BOOST_TEST(files[0].name == "a_x.tml");
  auto r = corpus::timeml::read(files[0].content, files[0].name);
  BOOST_REQUIRE(r.doc);
  BOOST_TEST(r.doc->text == doc.text);
  BOOST_TEST(r.doc->dct->value() == "2021-05-19");
  BOOST_REQUIRE_EQUAL(r.doc->annotations.size(), 2u);
  BOOST_TEST(r.doc->annotations[0].name == "EVENT");
  BOOST_TEST(r.doc->annotations[0].attribute("class") == "OCCURRENCE");
  BOOST_TEST(r.doc->annotations[1].name == "TIMEX3");
  BOOST_TEST(r.doc->annotations[1].attribute("value") == "2021-05-19");
  BOOST_TEST(files[0].content.find("<EVENT eid=\"e1\" class=\"OCCURRENCE\">met</EVENT> on "
                                   "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2021-05-19\" temporalFunction=\"false\" "
                                   "functionInDocument=\"NONE\">May 19</TIMEX3>") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(reykjavik_timeml_has_every_expression_every_trigger_and_the_dct) {
  const auto& s = reykjavik();
  ex::input in{s.t, s.c, {false, s.tlex.get()}};
  const auto files = ex::find_writer("timeml")->write(in);
  BOOST_REQUIRE_EQUAL(files.size(), s.c.documents.size());
  std::size_t events_written = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& doc = s.c.documents[i];
    BOOST_TEST_CONTEXT(files[i].name) {
      auto r = corpus::timeml::read(files[i].content, files[i].name);
      BOOST_REQUIRE(r.doc);
      BOOST_TEST(r.doc->docid == doc.id);
      BOOST_TEST(r.doc->text == doc.text);
      BOOST_TEST(r.doc->dct->value() == doc.published.timex());
      resolve::annotate_options ao;
      ao.dct = resolve::reference_time{*doc.published.local, doc.published.gran};
      const auto found = resolve::annotate(doc.text, ao, *s.tlex);
      std::size_t timexes = 0, evs = 0;
      for (const auto& a : r.doc->annotations) {
        timexes += a.name == "TIMEX3";
        evs += a.name == "EVENT";
      }
      BOOST_TEST(timexes == found.size());
      std::set<std::pair<std::uint32_t, std::uint32_t>> triggers;
      for (const auto& e : s.t.events)
        for (const auto& m : e.mentions)
          if (m.document == doc.id) triggers.insert({m.trigger.start, m.trigger.end});
      BOOST_TEST(evs <= triggers.size());
      // Each EVENT sits exactly on a trigger of one of the document's mentions.
      for (const auto& a : r.doc->annotations)
        if (a.name == "EVENT") BOOST_TEST(triggers.count({a.where.start, a.where.end}) == 1u);
      events_written += evs;
    }
  }
  BOOST_TEST(events_written > 0u);
}

BOOST_AUTO_TEST_CASE(reykjavik_every_format_twice_gives_the_same_bytes) {
  const auto& s = reykjavik();
  BOOST_REQUIRE(!s.t.events.empty());
  for (const auto& w : ex::writers()) {
    BOOST_TEST_CONTEXT(w.name) {
      const ex::input in{s.t, s.c, {false, s.tlex.get()}};
      const auto a = w.write(in), b = w.write(in);
      BOOST_REQUIRE_EQUAL(a.size(), b.size());
      for (std::size_t k = 0; k < a.size(); ++k) {
        BOOST_TEST(a[k].name == b[k].name);
        BOOST_TEST(a[k].content == b[k].content);
        BOOST_TEST(!a[k].content.empty());
      }
    }
  }
  // The calendar holds every dated event, by id.
  const auto ics = ex::timeline_ics({s.t, s.c});
  ical_ptr cal(icalparser_parse_string(ics.c_str()));
  BOOST_REQUIRE(cal);
  std::size_t dated = 0;
  for (const auto& e : s.t.events) {
    if (!e.value.span) continue;
    ++dated;
    BOOST_TEST(vevent_of(cal.get(), e.id) != nullptr, e.id);
  }
  BOOST_TEST(children(cal.get(), ICAL_VEVENT_COMPONENT).size() == dated);
  // Sample DTSTAMP: 001's update, 2021-05-19 17:55 GMT, is the latest publication.
  BOOST_TEST(ics.find("DTSTAMP:20210519T175500Z\r\n") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
