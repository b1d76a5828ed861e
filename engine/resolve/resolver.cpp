#include "resolve/resolver.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "resolve/calendar.h"

namespace annalist::resolve {

namespace {

using tagger::field;
using tagger::meaning;
using tagger::unset;
using time::anchor_kind;
using time::granularity;
using time::value;

date::sys_days day_of(time::local_minutes t) {
  return date::sys_days{date::floor<date::days>(t).time_since_epoch()};
}

// Finds the anchor a meaning asks for. Narrative anchors fall back to the publication time.
struct anchor_point {
  date::sys_days day;
  std::optional<std::chrono::minutes> clock;  // time of day when known
  anchor_kind kind;
};

std::optional<anchor_point> publication(const resolve_context& c) {
  if (!c.dct) return std::nullopt;
  anchor_point a{day_of(c.dct->local), std::nullopt, anchor_kind::publication};
  if (c.dct->gran <= granularity::hour)
    a.clock = std::chrono::duration_cast<std::chrono::minutes>(c.dct->local - date::floor<date::days>(c.dct->local));
  return a;
}

std::optional<anchor_point> narrative(const resolve_context& c, bool needs_day) {
  const auto& v = needs_day ? c.narrative_day : c.narrative_any;
  if (v && v->span) {
    // A narrative time of day ("at 3:45 a.m. ... 10 minutes later") is the clock hours and
    // minutes count from.
    std::optional<std::chrono::minutes> clock;
    if (v->gran <= granularity::hour)
      clock = std::chrono::duration_cast<std::chrono::minutes>(v->span->start - date::floor<date::days>(v->span->start));
    return anchor_point{day_of(v->span->start), clock, anchor_kind::narrative};
  }
  if (!needs_day && c.narrative_day && c.narrative_day->span)
    return anchor_point{day_of(c.narrative_day->span->start), std::nullopt, anchor_kind::narrative};
  return publication(c);
}

bool day_level_unit(std::string_view unit) {
  return unit == "day" || unit == "week" || unit == "fortnight" || unit == "weekend" || unit == "hour" || unit == "minute" ||
         unit == "second" || unit == "night";
}

// The unit a calendar value of granularity g counts in, for "that day" / "that year".
std::string_view unit_code(std::string_view unit, bool& time_unit) {
  time_unit = unit == "hour" || unit == "minute" || unit == "second";
  if (unit == "year") return "Y";
  if (unit == "month") return "M";
  if (unit == "week") return "W";
  if (unit == "day" || unit == "night") return "D";
  if (unit == "hour") return "H";
  if (unit == "minute") return "M";
  if (unit == "second") return "S";
  if (unit == "quarter") return "Q";
  if (unit == "decade") return "DE";
  if (unit == "century") return "CE";
  if (unit == "millennium") return "ML";
  if (unit == "weekend") return "WE";
  if (unit == "fortnight") return "FN";
  if (unit == "half") return "H";
  return {};
}

// A fraction of an amount ("5 1/2 hours", "a year and a half", "half a day", "2.5 hours"): the
// meaning's amount plus numerator/denominator of its unit. ISO 8601 writes a fraction as the
// next smaller unit when the calendar has one that counts it exactly (a year is 12 months, a
// day 24 hours: P2Y6M, PT5H30M, PT12H; weeks and quarters are restated in days and months, as
// a week cannot be combined with other units: P3DT12H); a fraction of a month (no fixed number
// of days) or of a second stays a decimal of the smallest unit (P1.5M), which ISO 8601 allows.
// An amount written as a decimal keeps its decimal ("2.5-hour" PT2.5H), as written.
std::optional<std::string> fractional_duration(const meaning& m) {
  struct unit_in { long long per; char code; bool time; };
  const std::string_view unit = m.text(field::unit);
  std::optional<unit_in> u;
  if (unit == "year") u = unit_in{1, 'Y', false};
  else if (unit == "decade") u = unit_in{10, 'Y', false};
  else if (unit == "century") u = unit_in{100, 'Y', false};
  else if (unit == "millennium") u = unit_in{1000, 'Y', false};
  else if (unit == "half") u = unit_in{6, 'M', false};
  else if (unit == "quarter") u = unit_in{3, 'M', false};
  else if (unit == "month") u = unit_in{1, 'M', false};
  else if (unit == "fortnight") u = unit_in{14, 'D', false};
  else if (unit == "week") u = unit_in{7, 'D', false};
  else if (unit == "weekend") u = unit_in{2, 'D', false};
  else if (unit == "day" || unit == "night") u = unit_in{1, 'D', false};
  else if (unit == "hour") u = unit_in{1, 'H', true};
  else if (unit == "minute") u = unit_in{1, 'M', true};
  else if (unit == "second") u = unit_in{1, 'S', true};
  const long long whole = m.get(field::amount) == unset ? 0 : m.get(field::amount);
  const long long den0 = m.get(field::denominator), num0 = m.get(field::numerator);
  if (!u || den0 <= 0 || num0 < 0 || whole < 0) return std::nullopt;
  long long num = (whole * den0 + num0) * u->per, den = den0;
  auto reduce = [&] {
    long long a = num, b = den;
    while (b) { const long long t = a % b; a = b; b = t; }
    if (a > 1) { num /= a; den /= a; }
  };
  // num/den as a decimal, when it has one ("1.5"; not a third).
  auto decimal = [&]() -> std::optional<std::string> {
    reduce();
    long long d = den;
    int twos = 0, fives = 0;
    while (d % 2 == 0) { d /= 2; ++twos; }
    while (d % 5 == 0) { d /= 5; ++fives; }
    if (d != 1) return std::nullopt;
    const int digits = std::max(twos, fives);
    long long scale = 1;
    for (int k = 0; k < digits; ++k) scale *= 10;
    const long long scaled = num * (scale / den);
    std::string out = std::to_string(scaled / scale);
    if (digits > 0) {
      std::string frac = fmt::format("{:0{}}", scaled % scale, digits);
      while (!frac.empty() && frac.back() == '0') frac.pop_back();
      if (!frac.empty()) out += "." + frac;
    }
    return out;
  };
  std::string date_part, time_part;
  auto put = [&](const std::string& n, char code, bool time) {
    if (n == "0") return;
    (time ? time_part : date_part) += n + code;
  };
  if (m.flag(field::decimal)) {
    // As written: "2.5 hours" PT2.5H ("1.5 decades" P15Y, "1.5 weeks" P10.5D).
    const auto d = decimal();
    if (!d) return std::nullopt;
    put(*d, u->code, u->time);
  } else {
    char code = u->code;
    bool time = u->time;
    for (;;) {
      reduce();
      const long long n = num / den, rest = num % den;
      if (rest == 0) { put(std::to_string(n), code, time); break; }
      // The next smaller unit that counts this one exactly.
      long long factor = 0;
      char next = 0;
      if (code == 'Y' && !time) { factor = 12; next = 'M'; }
      else if (code == 'D') { factor = 24; next = 'H'; }
      else if (code == 'H') { factor = 60; next = 'M'; }
      else if (code == 'M' && time) { factor = 60; next = 'S'; }
      if (!factor) {
        const auto d = decimal();
        if (!d) return std::nullopt;
        put(*d, code, time);
        break;
      }
      put(std::to_string(n), code, time);
      num = rest * factor;
      code = next;
      time = time || next == 'H';
    }
  }
  if (date_part.empty() && time_part.empty()) return "PT0S";
  return "P" + date_part + (time_part.empty() ? "" : "T" + time_part);
}

value duration_of(const meaning& m) {
  const std::string_view unit = m.text(field::unit);
  if (m.has(field::denominator) && !m.flag(field::vague)) {
    if (const auto iso = fractional_duration(m)) return value::of_duration(*iso);
    meaning unknown = m;  // a fraction no unit counts ("a third of a month"): an unknown amount
    unknown.set(field::vague, 1);
    return duration_of(unknown);
  }
  bool time_unit = false;
  std::string code(unit_code(unit, time_unit));
  std::string amount;
  if (m.flag(field::vague) || m.get(field::amount) == unset) {
    amount = m.flag(field::vague) ? "X" : "1";
  } else {
    int n = m.get(field::amount);
    // TIMEX3 durations count decades, centuries and halves in years and months, as TimeBank
    // writes them ("a decade" P10Y); quarters keep their own unit ("two quarters" P2Q).
    if (code == "DE") { n *= 10; code = "Y"; }
    else if (code == "CE") { n *= 100; code = "Y"; }
    else if (code == "ML") { n *= 1000; code = "Y"; }
    else if (code == "H" && !time_unit) { n *= 6; code = "M"; }
    else if (code == "WE") { n *= 2; code = "D"; }
    else if (code == "FN") n *= 2;
    amount = std::to_string(n);
  }
  if (code == "WE") code = "D";
  if (code == "FN") {  // TIMEX3 has no fortnight: two weeks
    if (amount == "1") amount = "2";
    code = "W";
  }
  if (code == "Q" ) code = "Q";
  auto v = value::of_duration(fmt::format("P{}{}{}", time_unit ? "T" : "", amount, code));
  return v;
}

// The granularity of a calendar unit's values (a week is a week, a fortnight two of them).
granularity unit_granularity(std::string_view unit) {
  if (unit == "day" || unit == "night") return granularity::day;
  if (unit == "week" || unit == "weekend" || unit == "fortnight") return granularity::week;
  if (unit == "month") return granularity::month;
  if (unit == "quarter") return granularity::quarter;
  if (unit == "half") return granularity::half_year;
  if (unit == "year") return granularity::year;
  if (unit == "decade") return granularity::decade;
  if (unit == "century") return granularity::century;
  return granularity::minute;
}

// A calendar value of unit granularity containing `day`, moved by `n` units.
std::optional<value> unit_value(std::string_view unit, date::sys_days day, int n,
                                std::optional<std::chrono::minutes> clock) {
  const date::year_month_day d{day};
  if (unit == "day" || unit == "night") {
    const date::year_month_day r{day + date::days{n}};
    if (unit == "night") return of_part_of_day(r, "NI");
    return value::of_day(r);
  }
  if (unit == "week") return of_week(date::year_month_day{day + date::days{7 * n}});
  if (unit == "weekend") return of_weekend(date::year_month_day{day + date::days{7 * n}});
  if (unit == "fortnight") return of_week(date::year_month_day{day + date::days{14 * n}});
  if (unit == "month") return value::of_month(date::year_month{d.year(), d.month()} + date::months{n});
  if (unit == "quarter" || unit == "half") {
    const int per = unit == "quarter" ? 3 : 6;
    int idx = int(d.year()) * (12 / per) + (static_cast<int>(unsigned(d.month())) - 1) / per + n;
    const int y = idx >= 0 ? idx / (12 / per) : (idx - (12 / per - 1)) / (12 / per);
    const unsigned q = static_cast<unsigned>(idx - y * (12 / per)) + 1;
    return unit == "quarter" ? of_quarter(date::year{y}, q) : of_half(date::year{y}, q);
  }
  if (unit == "year") return value::of_year(d.year() + date::years{n});
  if (unit == "decade") return value::of_decade(int(d.year()) + 10 * n);
  if (unit == "century") return value::of_century((int(d.year()) + 100 * n) / 100 + 1);
  if (unit == "hour" || unit == "minute" || unit == "second") {
    if (!clock) return value::of_day(d);  // the clock is unknown: the day is all we can say
    const auto t = *clock + (unit == "hour" ? std::chrono::minutes{60 * n} : std::chrono::minutes{n});
    const auto days = date::floor<date::days>(t);
    const date::year_month_day rd{day + days};
    const auto rest = t - days;
    if (unit == "hour") return of_hour(rd, static_cast<unsigned>(rest.count() / 60));
    return value::of_minute(rd, rest);
  }
  return std::nullopt;
}

// Picks among candidate days (ascending) by direction relative to `anchor`.
template <class T, class Distance>
std::vector<T> rank(std::vector<T> cands, direction dir, Distance dist /* cand - anchor */) {
  std::stable_sort(cands.begin(), cands.end(), [&](const T& a, const T& b) {
    const auto da = dist(a), db = dist(b);
    auto score = [&](long d) -> long {
      // Candidates on the wrong side of the anchor for the direction rank after the others.
      if (dir == direction::past) return d <= 0 ? -d : 1000000 + d;
      if (dir == direction::future) return d >= 0 ? d : 1000000 - d;
      return d <= 0 ? 2 * -d : 2 * d + 1;  // nearest; a tie goes to the past
    };
    return score(da) < score(db);
  });
  return cands;
}

value with_mod(value v, const meaning& m) {
  if (m.has(field::mod)) v.mod = std::string(m.text(field::mod));
  else if (m.flag(field::approximate)) v.mod = "APPROX";
  return v;
}

int full_year(int yy, int ref_year) {
  // The two-digit year closest to the reference year: '98 in 2001 is 1998, '05 is 2005.
  const int century = ref_year / 100 * 100;
  int best = century + yy;
  for (int c : {century - 100, century + 100})
    if (std::abs(c + yy - ref_year) < std::abs(best - ref_year)) best = c + yy;
  return best;
}

class resolver {
 public:
  resolver(const meaning& m, const resolve_context& c) : m_(m), c_(c) {}

  resolution run() {
    resolution r = dispatch();
    // Say which point a relative value was counted from: the day (and time, when it was used)
    // of the publication or of the narrative.
    if (!r.unresolved && used_ && (r.anchor == anchor_kind::publication || r.anchor == anchor_kind::narrative)) {
      r.anchored_on = time::iso_date(time::local_minutes{date::local_days{used_->day.time_since_epoch()}});
      if (used_->clock)
        r.anchored_on += fmt::format("T{:02}:{:02}", used_->clock->count() / 60, used_->clock->count() % 60);
    }
    r.value = with_mod(std::move(r.value), m_);
    if (m_.has(field::type)) {
      const auto t = m_.text(field::type);
      if (t == "duration") r.value.type = time::timex_type::duration;
      else if (t == "set") r.value.type = time::timex_type::set;
      else if (t == "time") r.value.type = time::timex_type::time;
      else if (t == "date") r.value.type = time::timex_type::date;
    }
    for (auto& a : r.alternatives) a = with_mod(std::move(a), m_);
    return r;
  }

 private:
  const meaning& m_;
  const resolve_context& c_;

  // The anchor lookups, remembering the last point found (what the value was counted from).
  mutable std::optional<anchor_point> used_;
  std::optional<anchor_point> publication_anchor() const {
    auto a = publication(c_);
    if (a) used_ = a;
    return a;
  }
  std::optional<anchor_point> narrative_anchor(bool needs_day) const {
    auto a = narrative(c_, needs_day);
    if (a) used_ = a;
    return a;
  }
  // The narrative point a unit counts from: a day for days and weeks, unless the narrative's
  // latest date is itself a week ("Two weeks later ... The previous week"), which a week may
  // count from.
  std::optional<anchor_point> narrative_anchor(std::string_view unit) const {
    const auto& any = c_.narrative_any;
    if ((unit == "week" || unit == "fortnight" || unit == "weekend") && any && any->span &&
        any->gran == granularity::week) {
      used_ = anchor_point{day_of(any->span->start), std::nullopt, anchor_kind::narrative};
      return used_;
    }
    return narrative_anchor(day_level_unit(unit));
  }

  bool has(field f) const { return m_.has(f); }
  int get(field f) const { return m_.get(f); }
  std::string_view text(field f) const { return m_.text(f); }

  resolution unresolved(value v = value::of_ref("")) const { return resolution::without_anchor(std::move(v)); }

  static resolution of(value v, anchor_kind a, std::vector<value> alts = {}) {
    resolution r;
    r.value = std::move(v);
    r.anchor = a;
    r.alternatives = std::move(alts);
    return r;
  }

  resolution dispatch() {
    // Numbers beyond any calendar ("the 999999999th century", "a billion weeks ago") have no
    // value; bounding them here keeps the arithmetic below from overflowing.
    for (const auto f : {field::amount, field::ordinal, field::nth, field::shift, field::century})
      if (has(f) && std::abs(get(f)) > 10000) return unresolved();
    if (has(field::century) && (get(field::century) < 1 || get(field::century) > 100)) return unresolved();
    const auto special = text(field::special);
    if (special == "anniversary") return anniversary();
    if (special == "period") return period(0);
    if (special == "period_ended") return period_ended();
    if (special == "latest_period") return latest_period();
    if (special == "year_ago_period") return period(-1);
    if (special == "week_of") {  // "the week of March 6": the ISO week (or weekend) that holds the day
      auto r = calendar();
      if (!r.unresolved && !r.impossible && r.value.span && r.value.gran == granularity::day) {
        const date::year_month_day day{day_of(r.value.span->start)};
        r.value = m_.has(field::unit) && text(field::unit) == "weekend" ? of_weekend(day) : of_week(day);
        r.alternatives.clear();
      }
      return r;
    }
    if (special == "period_to_date") {  // "the nine months": a duration, of the reporting year
      auto r = of(duration_of(m_), anchor_kind::none);
      // Three months or fewer are the quarter, not the year to date.
      const bool longer_than_a_quarter = (text(field::unit) == "month" && get(field::amount) > 3) ||
                                         (text(field::unit) == "quarter" && get(field::amount) > 1);
      if (const auto p = reporting_period(true); p && longer_than_a_quarter)
        r.names_period = value::of_year(date::year_month_day{day_of(p->first.span->start)}.year());
      return r;
    }
    if (has(field::ref)) return of(value::of_ref(text(field::ref)), anchor_kind::none);
    if (m_.flag(field::frequency)) return frequency();
    const bool duration_type = text(field::type) == "duration";
    if (duration_type || (has(field::unit) && (has(field::amount) || has(field::denominator) || m_.flag(field::vague)) &&
                          !has(field::direction) && !has(field::shift))) {
      if (!has(field::unit)) return unresolved();
      return of(duration_of(m_), anchor_kind::none);
    }
    if (has(field::direction) && has(field::unit)) return offset();
    if (has(field::shift)) return shifted();
    return calendar();
  }

  resolution anniversary() {
    const int n = has(field::ordinal) ? get(field::ordinal) : get(field::amount);
    const auto a = narrative_anchor(true);
    if (!a || n == unset) return unresolved();
    const date::year_month_day d{a->day};
    // Without a day the text has dated, the anniversary falls somewhere near publication: the
    // year of the event is known ("opens on the 25th anniversary of the fall of the Wall" in
    // 2014 dates the fall in 1989), its day is not.
    if (a->kind == anchor_kind::publication) return of(value::of_year(d.year() - date::years{n}), a->kind);
    const auto ymd = (d.year() - date::years{n}) / d.month() / d.day();
    if (!ymd.ok()) return of(value::of_day(ymd.year() / ymd.month() / date::last), a->kind);
    return of(value::of_day(ymd), a->kind);
  }

  // The reporting period a phrase refers to: the quarter under discussion, or, unless only a
  // quarter will do ("the quarter", "the 1988 quarter"), a longer period named after it ("the
  // nine months", "the first half").
  std::optional<value> discussed(bool quarter_only) const {
    if (!quarter_only && c_.period_span && c_.period_span->span) return c_.period_span;
    if (c_.period && c_.period->span) return c_.period;
    return std::nullopt;
  }

  // A quarter, half or year value moved to year y.
  static value in_year(const value& v, date::year y) {
    const date::year_month_day d{day_of(v.span->start)};
    const unsigned mo = unsigned(d.month());
    if (v.gran == granularity::quarter) return of_quarter(y, (mo - 1) / 3 + 1);
    if (v.gran == granularity::half_year) return of_half(y, (mo - 1) / 6 + 1);
    return value::of_year(y);
  }

  // The period under discussion, else the last quarter completed before publication.
  std::optional<std::pair<value, anchor_kind>> reporting_period(bool quarter_only) const {
    if (const auto q = discussed(quarter_only)) return std::pair{*q, anchor_kind::narrative};
    const auto a = publication_anchor();
    if (!a) return std::nullopt;
    return std::pair{*unit_value("quarter", a->day, -1, std::nullopt), anchor_kind::publication};
  }

  // "the quarter" (years 0), "the year-ago period" (-1), "the 1988 period" (the year stated).
  resolution period(int years) {
    if (has(field::quarter)) {  // "the year-ago third quarter": that quarter, in the year before
      const auto q = discussed(true);
      const auto a = publication_anchor();
      if (!q && !a) return unresolved();
      const auto base = q ? date::year_month_day{day_of(q->span->start)}.year()
                          : date::year_month_day{a->day}.year();
      const int n = get(field::quarter);
      if (n < 1 || n > 4) return unresolved();
      auto r = of(of_quarter(base + date::years{years}, static_cast<unsigned>(n)),
                  q ? anchor_kind::narrative : anchor_kind::publication);
      r.comparison = years != 0;
      return r;
    }
    const bool quarter_only = text(field::unit) == "quarter" || (years == 0 && !has(field::year));
    const auto p = reporting_period(quarter_only);
    if (!p) return unresolved();
    const auto y = date::year_month_day{day_of(p->first.span->start)}.year();
    const auto target = has(field::year) ? date::year{get(field::year)} : y + date::years{years};
    auto r = of(in_year(p->first, target), p->second);
    r.comparison = target != y;
    return r;
  }

  // "the quarter ended July 31": the three months up to that date, named as the calendar quarter
  // that holds most of them (May-July: Q2), i.e. the one holding the day 45 days before the end.
  // A company that names its quarters fiscally keeps its name: after "the fiscal first quarter",
  // "the quarter ended Sept. 30" is that first quarter.
  resolution period_ended() {
    if (!c_.period_end || !c_.period_end->span || (c_.period && c_.period->span && c_.period_fiscal))
      return period(0);
    const auto last_day = day_of(c_.period_end->span->end) - date::days{1};
    return of(*unit_value("quarter", last_day - date::days{45}, 0, std::nullopt), anchor_kind::narrative);
  }

  // "the latest quarter": the one the report is about (the period under discussion), else the
  // last one completed before publication.
  resolution latest_period() {
    const auto p = reporting_period(true);
    if (!p) return unresolved();
    return of(p->first, p->second);
  }

  resolution frequency() {
    value v;
    v.type = time::timex_type::set;
    v.gran = granularity::none;
    if (has(field::weekday)) {
      v.timex = fmt::format("XXXX-WXX-{}", get(field::weekday));
      if (has(field::part)) v.timex += fmt::format("T{}", text(field::part));
    } else if (has(field::part)) {
      v.timex = fmt::format("XXXX-XX-XXT{}", text(field::part));
    } else if (has(field::month) && get(field::month) >= 1 && get(field::month) <= 12) {
      v.timex = fmt::format("XXXX-{:02}", get(field::month));  // "each July"
    } else if (has(field::season)) {
      v.timex = fmt::format("XXXX-{}", text(field::season));  // "every spring"
    } else if (has(field::unit)) {
      bool time_unit = false;
      std::string code(unit_code(text(field::unit), time_unit));
      int n = has(field::amount) ? get(field::amount) : 1;
      if (code == "DE") { n *= 10; code = "Y"; }
      else if (code == "WE") { code = "W"; }
      v.timex = fmt::format("P{}{}{}", time_unit ? "T" : "", n, code);
    } else {
      return unresolved();
    }
    return of(v, anchor_kind::none);
  }

  resolution offset() {
    const auto unit = text(field::unit);
    if (c_.offset_base) return offset_from_base(unit);
    const bool narr = text(field::anchor) == "narrative";
    auto a = narr ? narrative_anchor(unit) : publication_anchor();
    if (!a) return unresolved();
    // "In 2020 ... A month earlier": a month counted from a whole year names no month. The
    // last dated day is the anchor when it lies in that year, or there is none.
    if (narr && (unit == "month" || unit == "quarter") && !m_.flag(field::vague) && c_.narrative_any &&
        c_.narrative_any->span && c_.narrative_any->gran > granularity::month &&
        c_.narrative_any->gran != granularity::none) {
      const auto& day = c_.narrative_day;
      const auto& wide = *c_.narrative_any->span;
      if (!day || !day->span || !wide.contains(*day->span)) return unresolved();
      a = anchor_point{day_of(day->span->start), std::nullopt, anchor_kind::narrative};
    }
    int n = has(field::amount) ? get(field::amount) : 1;
    std::string_view unit_used = unit;
    if (has(field::denominator) && !m_.flag(field::vague)) {
      // "a year and a half ago": 18 months back, at month granularity. Without a smaller unit
      // that counts the fraction exactly ("a month and a half ago") it is just before or after.
      if (const auto whole = whole_amount(unit)) {
        unit_used = whole->first;
        n = whole->second;
      } else {
        return of(value::of_ref(get(field::direction) < 0 ? "PAST_REF" : "FUTURE_REF"), a->kind);
      }
    }
    if (m_.flag(field::vague)) {
      // "years ago", "weeks later": before or after the anchor, by an unknown amount. After a
      // past anchor in a past-tense clause ("Hours later, the truce collapsed") it is still past.
      const bool past = get(field::direction) < 0 ||
                        (narr && c_.dir == direction::past && c_.dct && a->day < day_of(c_.dct->local));
      return of(value::of_ref(past ? "PAST_REF" : "FUTURE_REF"), a->kind);
    }
    n *= get(field::direction) < 0 ? -1 : 1;
    // "a decade ago", "two centuries later": that many years from the anchor, a year. The
    // decade or century containing that year ("198" for "a decade ago" in 1999) would name
    // the 1980s, most of which are not ten years back.
    if (unit_used == "decade" || unit_used == "century" || unit_used == "millennium") {
      const int years = n * (unit_used == "decade" ? 10 : unit_used == "century" ? 100 : 1000);
      return of(value::of_year(date::year_month_day{a->day}.year() + date::years{years}), a->kind);
    }
    if (unit == "year" && (n == 1 || n == -1)) {
      // "a year ago" in a report about a quarter compares with the same quarter a year before
      // (after "the nine months", with the year before). Only a year: results are compared
      // with the year before, and "three years ago" dates an event, not a reporting period.
      if (const auto q = discussed(false)) {
        auto r = of(in_year(*q, date::year_month_day{day_of(q->span->start)}.year() + date::years{n}),
                    anchor_kind::narrative);
        r.comparison = true;
        return r;
      }
    }
    auto v = unit_value(unit_used, a->day, n, a->clock);
    if (!v) return unresolved();
    return of(*v, a->kind);
  }

  // "two days after Christmas", "a week before May 18", "two years after 1990": the stated date
  // moved by the offset, at the date's own granularity (May 11, not the week of May 11: the
  // text names a day). An offset finer than the date ("two days after March") names nothing.
  resolution offset_from_base(std::string_view unit) {
    const auto& base = *c_.offset_base;
    if (!base.span || m_.flag(field::vague) || has(field::denominator)) return unresolved();
    used_ = anchor_point{day_of(base.span->start), std::nullopt, anchor_kind::narrative};
    const int n = (has(field::amount) ? get(field::amount) : 1) * (get(field::direction) < 0 ? -1 : 1);
    const date::year_month_day d{day_of(base.span->start)};
    if (text(field::special) == "unit_of_next") {
      // "the week after Easter", "the day before last Tuesday": the unit itself, next to the
      // one holding the date; a unit finer than the date ("the day after May") names nothing.
      if (base.gran > unit_granularity(unit)) return unresolved();
      const auto v = unit_value(unit, date::sys_days{d}, n, std::nullopt);
      return v ? of(*v, anchor_kind::narrative) : unresolved();
    }
    int days = 0, months = 0;
    if (unit == "day") days = n;
    else if (unit == "week") days = 7 * n;
    else if (unit == "fortnight") days = 14 * n;
    else if (unit == "month") months = n;
    else if (unit == "quarter") months = 3 * n;
    else if (unit == "year") months = 12 * n;
    else if (unit == "decade") months = 120 * n;
    else if (unit == "century") months = 1200 * n;
    else return unresolved();
    const auto kind = anchor_kind::narrative;
    switch (base.gran) {
      case granularity::day: {
        if (days != 0) return of(value::of_day(date::year_month_day{date::sys_days{d} + date::days{days}}), kind);
        const auto r = date::year_month{d.year(), d.month()} + date::months{months};
        const date::year_month_day rd{r.year(), r.month(), d.day()};
        if (!rd.ok()) return unresolved();  // "a month after January 31"
        return of(value::of_day(rd), kind);
      }
      case granularity::week:
        if (days % 7 != 0) return unresolved();
        return of(of_week(date::year_month_day{date::sys_days{d} + date::days{days}}), kind);
      case granularity::month:
        if (days != 0) return unresolved();
        return of(value::of_month(date::year_month{d.year(), d.month()} + date::months{months}), kind);
      case granularity::year:
        if (days != 0 || months % 12 != 0) return unresolved();
        return of(value::of_year(d.year() + date::years{months / 12}), kind);
      default: return unresolved();
    }
  }

  // An amount with a fraction (amount + numerator/denominator of `unit`) as a whole number of
  // the unit or of a smaller one that counts it exactly: a year and a half is 18 months, half
  // a day 12 hours.
  std::optional<std::pair<std::string_view, int>> whole_amount(std::string_view unit) const {
    const long long den = get(field::denominator);
    if (den <= 0 || get(field::numerator) < 0) return std::nullopt;
    long long num = (has(field::amount) ? get(field::amount) : 0) * den + get(field::numerator);
    struct step { std::string_view from, to; int factor; };
    static constexpr step kSmaller[] = {{"millennium", "year", 1000}, {"century", "year", 100}, {"decade", "year", 10}, {"year", "month", 12},
                                        {"fortnight", "day", 14}, {"week", "day", 7}, {"day", "hour", 24},
                                        {"hour", "minute", 60}};
    for (;;) {
      if (num % den == 0) return std::pair{unit, static_cast<int>(num / den)};
      const auto it = std::find_if(std::begin(kSmaller), std::end(kSmaller), [&](const step& s) { return s.from == unit; });
      if (it == std::end(kSmaller)) return std::nullopt;
      unit = it->to;
      num *= it->factor;
    }
  }

  resolution shifted() {
    int n = get(field::shift);
    const bool narr = text(field::anchor) == "narrative";
    if (has(field::month) && text(field::unit) == "year") return month_of_shifted_year(n);
    if (has(field::weekday)) return weekday(n);
    if (has(field::month)) return month_shift(n);
    if (has(field::season)) return season_shift(n);
    if (has(field::holiday)) return holiday_shift(n);
    // "5 p.m. yesterday", "3:30 this afternoon" (a clock time, with its hour); "this morning",
    // "tonight", "last night" (a part of the day)
    if (has(field::hour) || has(field::part)) {
      const auto a = narr ? narrative_anchor(true) : publication_anchor();
      if (!a) return unresolved();
      const date::year_month_day d{a->day + date::days{n}};
      return of(has(field::hour) ? day_value(d) : of_part_of_day(d, text(field::part)), a->kind);
    }
    if (!has(field::unit)) return unresolved();
    const auto unit = text(field::unit);
    const auto a = narr ? narrative_anchor(unit) : publication_anchor();
    if (!a) return unresolved();
    if (has(field::quarter) || has(field::half)) {  // "this year's third quarter", "next year's first half"
      const date::year_month_day d{a->day};
      const auto y = d.year() + date::years{n};
      if (has(field::quarter)) return of(of_quarter(y, static_cast<unsigned>(get(field::quarter))), a->kind);
      return of(of_half(y, static_cast<unsigned>(get(field::half))), a->kind);
    }
    // "the landing this weekend", said in past tense on a weekday: the weekend just gone (so
    // too "the weekend" when no narrative day anchors it).
    if (unit == "weekend" && n == 0 && a->kind == anchor_kind::publication && c_.dir == direction::past &&
        date::weekday{a->day}.iso_encoding() <= 5)
      n = -1;
    auto v = unit_value(unit, a->day, n, a->clock);
    if (!v) return unresolved();
    return of(*v, a->kind);
  }

  // A weekday: shifted ("last Tuesday", "next Monday", "this Friday") or by tense.
  resolution weekday(std::optional<int> shift) {
    // "the previous Friday", "the following Monday": counted from the narrative's day.
    const auto a = shift && text(field::anchor) == "narrative" ? narrative_anchor(true) : publication_anchor();
    if (!a) return unresolved();
    const unsigned wd = static_cast<unsigned>(get(field::weekday));  // ISO 1..7
    const unsigned today = date::weekday{a->day}.iso_encoding();
    std::vector<date::sys_days> cands;
    for (int k = -13; k <= 13; ++k) {
      const auto d = a->day + date::days{k};
      if (date::weekday{d}.iso_encoding() == wd) cands.push_back(d);
    }
    auto dist = [&](date::sys_days d) { return static_cast<long>((d - a->day).count()); };
    date::sys_days pick;
    std::vector<date::sys_days> ranked;
    if (shift) {
      if (*shift == 0) {  // the one in the current week
        pick = a->day + date::days{static_cast<int>(wd) - static_cast<int>(today)};
      } else if (*shift < 0) {
        pick = a->day - date::days{1};
        while (date::weekday{pick}.iso_encoding() != wd) pick -= date::days{1};
        pick -= date::days{7 * (-*shift - 1)};
      } else {
        pick = a->day + date::days{1};
        while (date::weekday{pick}.iso_encoding() != wd) pick += date::days{1};
        pick += date::days{7 * (*shift - 1)};
      }
    } else if (const auto from = range_start()) {
      // A range's second endpoint: the first such weekday on or after the first endpoint.
      pick = *from;
      while (date::weekday{pick}.iso_encoding() != wd) pick += date::days{1};
    } else {
      // "Thursday" in a Monday paper is last Thursday.
      ranked = rank(cands, c_.dir, [&](date::sys_days d) { return leaning_past(dist(d)); });
      pick = ranked.front();
    }
    const date::year_month_day d{pick};
    std::vector<value> alts;
    for (std::size_t i = 1; i < ranked.size() && alts.size() < 2; ++i)
      alts.push_back(day_value(date::year_month_day{ranked[i]}));
    return of(day_value(d), a->kind, std::move(alts));
  }

  // The first day of a range's first endpoint, when resolving its second.
  std::optional<date::sys_days> range_start() const {
    if (!c_.range_start || !c_.range_start->span) return std::nullopt;
    return day_of(c_.range_start->span->start);
  }

  // News reports what happened: with no cue, a coming date (k > 0 units from the anchor) wins
  // only when it is less than half as far as the past one.
  long leaning_past(long k) const { return c_.dir == direction::nearest && k > 0 ? 2 * k : k; }

  // A day, with the part of day or clock time the meaning adds.
  value day_value(date::year_month_day d) const {
    if (has(field::hour)) {
      int h = get(field::hour);
      const auto ampm = text(field::ampm);
      if (ampm == "pm" && h < 12) h += 12;
      if (ampm == "am" && h == 12) h = 0;
      // Without a.m./p.m. the part of the day says which half: "3:30 this afternoon", "8
      // tonight" (a night hour before six is the small hours: "2 tonight" stays 02:00).
      const auto part = text(field::part);
      if (ampm.empty() && h < 12 &&
          ((part == "AF" || part == "EV") || (part == "NI" && h >= 6)))
        h += 12;
      int mi = has(field::minute) ? get(field::minute) : 0;
      // "a quarter to five": the lexicon gives the minutes before the hour as a negative minute.
      if (mi < 0) {
        h -= 1;
        mi += 60;
      }
      if (h > 24 || h < 0) return value::of_day(d);
      // "midnight Friday" closes Friday: TimeML's T24:00 of the day named. Midnight alone is the
      // one that opens the anchor's day.
      if (h == 24 && !(has(field::weekday) || has(field::day))) h = 0;
      if (!has(field::minute) && !ampm.empty()) {
        auto v = value::of_minute(d, std::chrono::minutes{h * 60});
        return v;
      }
      return value::of_minute(d, std::chrono::minutes{h * 60 + mi});
    }
    if (has(field::part)) {
      auto v = of_part_of_day(d, text(field::part));
      // TimeBank types a weekday's part ("Friday morning") as a DATE.
      if (has(field::weekday)) v.type = time::timex_type::date;
      return v;
    }
    return value::of_day(d);
  }

  // "June last year", "March 3 next year": the month (or day) in the year n from publication.
  resolution month_of_shifted_year(int n) {
    const auto a = publication_anchor();
    if (!a) return unresolved();
    const auto y = date::year_month_day{a->day}.year() + date::years{n};
    const date::month mo{static_cast<unsigned>(get(field::month))};
    if (!mo.ok()) return impossible(value::of_ref(""));
    if (!has(field::day)) return of(value::of_month(y / mo), anchor_kind::publication);
    const auto ymd = y / mo / date::day{static_cast<unsigned>(get(field::day))};
    if (get(field::day) < 1 || !ymd.ok()) return impossible(value::of_ref(""));
    return of(day_value(ymd), anchor_kind::publication);
  }

  resolution month_shift(int n) {
    const auto a = publication_anchor();
    if (!a) return unresolved();
    const date::year_month_day d{a->day};
    const date::month mo{static_cast<unsigned>(get(field::month))};
    date::year_month ym{d.year(), mo};
    const date::year_month cur{d.year(), d.month()};
    if (n < 0) {
      if (ym >= cur) ym -= date::years{1};
      ym -= date::years{-n - 1};
    } else if (n > 0) {
      if (ym <= cur) ym += date::years{1};
      ym += date::years{n - 1};
    }
    if (has(field::day)) {  // "last Oct. 23"
      const auto ymd = ym / date::day{static_cast<unsigned>(std::clamp(get(field::day), 0, 255))};
      if (!ymd.ok()) return impossible(value::of_ref(""));
      return of(day_value(ymd), anchor_kind::publication);
    }
    return of(value::of_month(ym), anchor_kind::publication);
  }

  resolution season_shift(int n) {
    const auto a = publication_anchor();
    if (!a) return unresolved();
    const date::year_month_day d{a->day};
    const auto code = text(field::season);
    const unsigned start = season_start_month(code);
    if (!start) return unresolved();
    // Index seasons by the year their first month is in (WI 2020 starts in December 2020).
    const int cur_idx = (int(d.year()) * 12 + static_cast<int>(unsigned(d.month())) - 1) ;
    int y = int(d.year());
    auto idx_of = [&](int year) { return year * 12 + static_cast<int>(start) - 1; };
    if (n < 0) {
      while (idx_of(y) + 3 > cur_idx) --y;  // wholly before the current month
      y -= (-n - 1);
    } else if (n > 0) {
      while (idx_of(y) <= cur_idx) ++y;
      y += n - 1;
    } else {
      // "this summer": the one of the current year (winter: the one around the turn of year)
      if (code == "WI" && unsigned(d.month()) <= 2) y -= 1;
    }
    return of(of_season(date::year{y}, code), anchor_kind::publication);
  }

  /// The named holiday's dates in the years around `y` (within `radius`), earliest first.
  std::vector<date::sys_days> holidays_around(date::year y, int radius) const {
    std::vector<date::sys_days> out;
    for (int k = int(y) - radius; k <= int(y) + radius; ++k)
      if (auto h = holiday_in(text(field::holiday), date::year{k})) out.push_back(date::sys_days{*h});
    return out;
  }

  // "Easter week", "Thanksgiving weekend": the week holding the holiday, or the weekend nearest
  // to it (a Monday holiday's is the one before: "Labor Day weekend"). Directions compare their
  // first day: "Easter week began" on its Monday is this year's. Other holidays are their day.
  date::sys_days holiday_first_day(date::sys_days h) const {
    const auto unit = text(field::unit);
    const unsigned wd = date::weekday{h}.iso_encoding();
    if (unit == "week") return h - date::days{wd - 1};
    if (unit == "weekend") return h + date::days{wd <= 2 ? -static_cast<int>(wd) - 1 : wd <= 6 ? 6 - static_cast<int>(wd) : -1};
    return h;
  }
  // The value starting on such a first day.
  value holiday_value(date::sys_days first_day) const {
    const auto unit = text(field::unit);
    const date::year_month_day first{first_day};
    if (unit == "week") return of_week(first);
    if (unit == "weekend") return of_weekend(first);
    return value::of_day(first);
  }

  resolution holiday_shift(int n) {
    const auto a = publication_anchor();
    if (!a) return unresolved();
    const date::year_month_day d{a->day};
    auto c = holidays_around(d.year(), 2);
    for (auto& x : c) x = holiday_first_day(x);
    if (c.empty()) return unresolved();
    date::sys_days pick = c.front();
    if (n < 0) {
      for (auto x : c) if (x < a->day) pick = x;
    } else if (n > 0) {
      for (auto it = c.rbegin(); it != c.rend(); ++it) if (*it > a->day) pick = *it;
    } else {
      for (auto x : c) if (date::year_month_day{x}.year() == d.year()) pick = x;
    }
    return of(holiday_value(pick), anchor_kind::publication);
  }

  resolution calendar() {
    // The year, when stated.
    std::optional<int> year;
    if (has(field::year)) year = get(field::year);
    const auto pub = publication_anchor();
    if (!year && has(field::yy) && !has(field::decade)) {
      const int ref = pub ? int(date::year_month_day{pub->day}.year()) : 2000;
      year = full_year(get(field::yy), ref);
    }
    if (has(field::decade)) {
      int first = get(field::decade);
      if (first < 100) {
        // "the '90s", "the sixties": the decade of that name before or containing the
        // reference year (in 2021 "the '20s" are the 2020s, "the '30s" the 1930s).
        const int ref = pub ? int(date::year_month_day{pub->day}.year()) : 1999;
        first += ref / 100 * 100;
        if (first > ref) first -= 100;
      }
      return of(value::of_decade(first), anchor_kind::absolute);
    }
    if (has(field::century)) return of(value::of_century(get(field::century)), anchor_kind::absolute);

    if (year) return absolute(*year);
    if (has(field::day) && !has(field::month)) return day_of_month();
    if (has(field::weekday) && !has(field::month)) return weekday(std::nullopt);
    if (has(field::month)) return yearless_month();
    if (has(field::season)) return yearless_season();
    if (has(field::holiday)) return yearless_holiday();
    if (has(field::quarter) || has(field::half)) return yearless_quarter();
    if (has(field::part) || has(field::hour)) {
      // A time of day alone happens on the day the narrative is at; not in a past clause when
      // that day is still to come ("The rules apply from Jan. 1. The notice was issued at 0900
      // GMT"): what is told in the past happened by publication, on its day.
      auto a = c_.narrative_day ? narrative_anchor(true) : pub;
      if (a && pub && a->kind == anchor_kind::narrative && c_.dir == direction::past && a->day > pub->day) {
        a = pub;
        used_ = pub;
      }
      if (!a) return unresolved();
      return of(day_value(date::year_month_day{a->day}), a->kind);
    }
    return unresolved();
  }

  resolution impossible(value v) const {
    resolution r;
    r.value = std::move(v);
    r.impossible = true;
    return r;
  }

  resolution absolute(int year) {
    const date::year y{year};
    if (has(field::month) && has(field::day)) {
      const auto ymd = y / date::month{static_cast<unsigned>(get(field::month))} /
                       date::day{static_cast<unsigned>(std::max(0, get(field::day)))};
      if (!ymd.ok()) return impossible(value::of_ref(""));
      auto r = of(day_value(ymd), anchor_kind::absolute);
      // "Monday, May 19, 2021" when May 19 was a Wednesday: the date is kept (a weekday is the
      // likelier slip), and the reader is told.
      if (has(field::weekday) && date::weekday{ymd}.iso_encoding() != static_cast<unsigned>(get(field::weekday)))
        r.weekday_conflict = static_cast<int>(date::weekday{ymd}.iso_encoding());
      return r;
    }
    if (has(field::month)) {
      const unsigned mo = static_cast<unsigned>(get(field::month));
      if (mo < 1 || mo > 12) return impossible(value::of_ref(""));
      return of(value::of_month(y / date::month{mo}), anchor_kind::absolute);
    }
    if (has(field::quarter)) {
      const int q = get(field::quarter);
      if (q < 1 || q > 4) return impossible(value::of_ref(""));
      return of(of_quarter(y, static_cast<unsigned>(q)), anchor_kind::absolute);
    }
    if (has(field::half)) return of(of_half(y, static_cast<unsigned>(get(field::half))), anchor_kind::absolute);
    if (has(field::season)) return of(of_season(y, text(field::season)), anchor_kind::absolute);
    if (has(field::holiday)) {
      if (auto h = holiday_in(text(field::holiday), y)) return of(holiday_value(holiday_first_day(date::sys_days{*h})), anchor_kind::absolute);
      return unresolved();
    }
    return of(value::of_year(y), anchor_kind::absolute);
  }

  // With a weekday stated beside the date, the candidates that fall on it come first.
  void stated_weekday_first(std::vector<date::sys_days>& ranked) const {
    if (!has(field::weekday)) return;
    std::stable_partition(ranked.begin(), ranked.end(), [&](date::sys_days x) {
      return date::weekday{x}.iso_encoding() == static_cast<unsigned>(get(field::weekday));
    });
  }

  // "on the 18th": in the month the narrative is at ("In March ... on the 18th"), or else in the
  // month around the publication day that the tense points to (past: the latest 18th on or
  // before it). A day the month lacks ("the 31st" in April) is impossible there.
  resolution day_of_month() {
    const int dd = get(field::day);
    if (dd < 1 || dd > 31) return impossible(value::of_ref(""));
    const auto& n = c_.narrative_any;
    if (n && n->span && n->gran <= granularity::month) {
      const date::year_month_day at{day_of(n->span->start)};
      const auto ymd = at.year() / at.month() / date::day{static_cast<unsigned>(dd)};
      if (!ymd.ok()) return impossible(value::of_ref(""));
      return of(day_value(ymd), anchor_kind::narrative);
    }
    const auto a = publication_anchor();
    if (!a) return unresolved();
    const date::year_month_day d{a->day};
    const date::year_month cur{d.year(), d.month()};
    std::vector<date::sys_days> cands;
    for (int k = -1; k <= 1; ++k) {
      const auto ym = cur + date::months{k};
      const auto ymd = ym / date::day{static_cast<unsigned>(dd)};
      if (ymd.ok()) cands.push_back(date::sys_days{ymd});
    }
    if (cands.empty()) return impossible(value::of_ref(""));
    auto ranked = rank(cands, c_.dir, [&](date::sys_days x) { return leaning_past(static_cast<long>((x - a->day).count())); });
    stated_weekday_first(ranked);  // "Tuesday the 18th": the month in which the 18th is a Tuesday
    std::vector<value> alts;
    for (std::size_t i = 1; i < ranked.size() && alts.size() < 2; ++i) alts.push_back(day_value(date::year_month_day{ranked[i]}));
    return of(day_value(date::year_month_day{ranked.front()}), anchor_kind::publication, std::move(alts));
  }

  // Whether some year has that day ("February 30" none; February 29 the leap years: 2000 is one).
  static bool in_some_year(unsigned month, int day) {
    return day >= 1 && day <= 31 &&
           (date::year{2000} / date::month{month} / date::day{static_cast<unsigned>(day)}).ok();
  }

  resolution yearless_month() {
    if (const auto from = range_start()) return month_after(*from);
    const auto a = publication_anchor();
    if (!a) return unresolved();
    const date::year_month_day d{a->day};
    const unsigned mo = static_cast<unsigned>(get(field::month));
    if (mo < 1 || mo > 12) return impossible(value::of_ref(""));
    if (has(field::day)) {
      const int dd = get(field::day);
      if (!in_some_year(mo, dd)) return impossible(value::of_ref(""));
      // The year before, of and after the anchor; February 29 looks as far as the leap years
      // around it.
      std::vector<date::sys_days> cands;
      for (int span = 1; cands.empty() && span <= 4; span += 3)
        for (int y = int(d.year()) - span; y <= int(d.year()) + span; ++y) {
          const auto ymd = date::year{y} / date::month{mo} / date::day{static_cast<unsigned>(dd)};
          if (ymd.ok()) cands.push_back(date::sys_days{ymd});
        }
      // "the record high set on Aug. 6", written in February, is last August's.
      auto ranked = rank(cands, c_.dir, [&](date::sys_days x) {
        return leaning_past(static_cast<long>((x - a->day).count()));
      });
      // A cue some words away may govern another clause ("extended the offer to Nov. 20",
      // "declared a dividend payable Dec. 15"): a date a few weeks on the other side of the
      // anchor beats one most of a year away on the cue's side.
      if (c_.dir != direction::nearest && c_.cue_distance > 3 && ranked.size() > 1) {
        const long first = std::labs(static_cast<long>((ranked.front() - a->day).count()));
        for (std::size_t i = 1; i < ranked.size(); ++i) {
          const long k = std::labs(static_cast<long>((ranked[i] - a->day).count()));
          if (k <= 60 && first > 180) {
            std::rotate(ranked.begin(), ranked.begin() + static_cast<long>(i), ranked.begin() + static_cast<long>(i) + 1);
            break;
          }
        }
      }
      stated_weekday_first(ranked);  // "Wednesday, May 26": the year in which it is a Wednesday
      std::vector<value> alts;
      for (std::size_t i = 1; i < ranked.size() && alts.size() < 2; ++i)
        alts.push_back(day_value(date::year_month_day{ranked[i]}));
      return of(day_value(date::year_month_day{ranked.front()}), anchor_kind::publication, std::move(alts));
    }
    std::vector<date::year_month> cands;
    for (int y = int(d.year()) - 1; y <= int(d.year()) + 1; ++y) cands.push_back(date::year{y} / date::month{mo});
    const date::year_month cur{d.year(), d.month()};
    auto ranked = rank(cands, c_.dir, [&](date::year_month x) { return leaning_past(static_cast<long>((x - cur).count())); });
    std::vector<value> alts;
    for (std::size_t i = 1; i < ranked.size() && alts.size() < 2; ++i) alts.push_back(value::of_month(ranked[i]));
    return of(value::of_month(ranked.front()), anchor_kind::publication, std::move(alts));
  }

  // A range's second endpoint without a year: the first such day (or month) on or after the
  // first endpoint's start ("May 30-June 2", "Dec. 30-Jan. 2").
  resolution month_after(date::sys_days from) {
    const date::year_month_day d{from};
    const unsigned mo = static_cast<unsigned>(get(field::month));
    if (mo < 1 || mo > 12) return impossible(value::of_ref(""));
    if (has(field::day)) {
      const int dd = get(field::day);
      if (!in_some_year(mo, dd)) return impossible(value::of_ref(""));
      for (int y = int(d.year()); y <= int(d.year()) + 8; ++y) {
        const auto ymd = date::year{y} / date::month{mo} / date::day{static_cast<unsigned>(dd)};
        if (ymd.ok() && date::sys_days{ymd} >= from) return of(day_value(ymd), anchor_kind::narrative);
      }
      return unresolved();
    }
    date::year_month ym{d.year(), date::month{mo}};
    if (ym < date::year_month{d.year(), d.month()}) ym += date::years{1};
    return of(value::of_month(ym), anchor_kind::narrative);
  }

  resolution yearless_season() {
    const auto a = publication_anchor();
    if (!a) return unresolved();
    const date::year_month_day d{a->day};
    const auto code = text(field::season);
    const unsigned start = season_start_month(code);
    if (!start) return unresolved();
    const int cur = int(d.year()) * 12 + static_cast<int>(unsigned(d.month())) - 1;
    std::vector<int> years = {int(d.year()) - 1, int(d.year()), int(d.year()) + 1};
    auto dist = [&](int y) -> long {
      const int s = y * 12 + static_cast<int>(start) - 1;
      if (cur >= s && cur < s + 3) return 0;
      return cur < s ? s - cur : (s + 2) - cur;
    };
    auto ranked = rank(years, c_.dir, dist);
    return of(of_season(date::year{ranked.front()}, code), anchor_kind::publication);
  }

  resolution yearless_holiday() {
    const auto a = publication_anchor();
    if (!a) return unresolved();
    const date::year_month_day d{a->day};
    auto cands = holidays_around(d.year(), 1);
    if (cands.empty()) return unresolved();
    for (auto& x : cands) x = holiday_first_day(x);
    auto ranked = rank(cands, c_.dir, [&](date::sys_days x) { return static_cast<long>((x - a->day).count()); });
    return of(holiday_value(ranked.front()), anchor_kind::publication);
  }

  resolution yearless_quarter() {
    const auto a = publication_anchor();
    if (!a) return unresolved();
    const date::year_month_day d{a->day};
    const bool q = has(field::quarter);
    const int per = q ? 3 : 6;
    const int n = q ? get(field::quarter) : get(field::half);
    if (n < 1 || n > 12 / per) return impossible(value::of_ref(""));
    const int cur = static_cast<int>(unsigned(d.month()) - 1) / per + 1;
    std::vector<int> years = {int(d.year()) - 1, int(d.year()), int(d.year()) + 1};
    // Quarters and halves named without a year are reporting periods: the latest one begun.
    // After a future cue, the first one not yet reported on: the one just ended counts, as
    // results come weeks after a quarter closes ("expects a third-quarter loss" in October is
    // that year's), and a later one is ahead ("a rise by the end of the third quarter" in May).
    const bool ahead = c_.dir == direction::future;
    auto ranked = rank(years, ahead ? direction::future : direction::past, [&](int y) {
      return static_cast<long>((y - int(d.year())) * (12 / per) + n - cur + (ahead ? 1 : 0));
    });
    const date::year y{ranked.front()};
    return of(q ? of_quarter(y, static_cast<unsigned>(n)) : of_half(y, static_cast<unsigned>(n)),
              anchor_kind::publication);
  }
};

}  // namespace

resolution resolve(const meaning& m, const resolve_context& ctx) { return resolver(m, ctx).run(); }

}  // namespace annalist::resolve
