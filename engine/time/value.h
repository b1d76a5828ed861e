// annalist/time/value.h — resolved temporal values: an interval on the timeline plus the
// granularity it was stated at, printable as a TIMEX3 value.
//
//     value v = value::of_month(date::year{2021} / date::April);
//     v.timex        -> "2021-04"
//     v.gran         -> granularity::month
//     v.span->start  -> 2021-04-01T00:00 (local), v.span->end -> 2021-05-01T00:00 (half-open)
//
// Granularity is part of the value, never a comment: "in April" is a month, not April 1st.
// Times are local to the document's zone (TIMEX3 values carry no offset, as TimeBank does).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace annalist::time {

enum class granularity : std::uint8_t {
  second, minute, hour, part_of_day, day, week, month, quarter, season, half_year, year,
  decade, century, millennium,
  none  // durations, sets and PAST_REF/PRESENT_REF/FUTURE_REF have no calendar extent
};
std::string_view to_string(granularity g);
std::optional<granularity> granularity_from(std::string_view name);
std::ostream& operator<<(std::ostream& os, granularity g);

/// TIMEX3 types.
enum class timex_type : std::uint8_t { date, time, duration, set };
std::string_view to_string(timex_type t);
std::ostream& operator<<(std::ostream& os, timex_type t);

/// What a value was resolved against.
enum class anchor_kind : std::uint8_t {
  absolute,     // fully specified in the text ("May 18, 2021", "1986")
  publication,  // deictic: the document's publication time ("yesterday", "next month")
  narrative,    // anaphoric: the most recent compatible date in the discourse ("a day earlier")
  none          // nothing to anchor (durations, PAST_REF)
};
std::string_view to_string(anchor_kind a);
std::ostream& operator<<(std::ostream& os, anchor_kind a);

using local_minutes = date::local_time<std::chrono::minutes>;

/// A half-open interval [start, end) in the document's local time.
struct interval {
  local_minutes start;
  local_minutes end;
  friend bool operator==(const interval&, const interval&) = default;
  bool contains(const interval& o) const { return start <= o.start && o.end <= end; }
  bool overlaps(const interval& o) const { return start < o.end && o.start < end; }
};

/// A resolved temporal value.
struct value {
  timex_type type = timex_type::date;
  std::string timex;              // TIMEX3 value: "2021-05-19", "2021-W20", "P5Y", "PAST_REF"
  granularity gran = granularity::none;
  std::optional<interval> span;   // absent for durations, sets and *_REF
  std::string mod;                // TIMEX3 mod when stated: "START", "MID", "END", "APPROX", ...

  // Calendar builders; each sets timex, gran and span consistently.
  static value of_day(date::year_month_day d);
  static value of_month(date::year_month ym);
  static value of_year(date::year y);
  static value of_decade(int first_year);   // 1990 -> "199"
  static value of_century(int index);       // 20 -> "19" (the 20th century)
  static value of_minute(date::year_month_day d, std::chrono::minutes since_midnight);
  static value of_ref(std::string_view ref);  // "PAST_REF" | "PRESENT_REF" | "FUTURE_REF"
  static value of_duration(std::string_view iso);  // "P5Y", "PT3H"

  friend bool operator==(const value&, const value&) = default;
};

/// ISO date ("2021-05-19") of a local time point, for JSON/CSV start/end fields.
std::string iso_date(local_minutes t);

}  // namespace annalist::time
