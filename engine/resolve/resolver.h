// annalist/resolve/resolver.h — turns one tagged meaning into a calendar value.
//
//     resolve_context ctx;
//     ctx.dct = reference_time{2021-05-19T00:00, granularity::day};
//     ctx.dir = direction::past;                          // "Blinken said Tuesday"
//     resolve(meaning{weekday=2}, ctx).value.timex       -> "2021-05-18"
//     ctx.narrative_day = value::of_day(2021-05-18);
//     resolve(meaning{amount=1 unit=day direction=-1 anchor=narrative}, ctx) -> "2021-05-17"
//
// The rules, in the order they are tried:
//   special=anniversary  the nth anniversary stated on the anchor day dates the original event
//   special=period_ended the quarter the next date closes ("the quarter ended July 31": the
//                        calendar quarter with most of its three months, 2021-Q2)
//   special=period       the reporting period under discussion ("the quarter"; "the 1988
//                        period": that period in 1988); year_ago_period the same a year back;
//                        latest_period the one under discussion, else the last one completed;
//                        period_to_date a duration ("the nine months") that annotate takes
//                        as the year's reporting period
//   ref                  PAST_REF / PRESENT_REF / FUTURE_REF
//   frequency            SET: P1W, XXXX-WXX-2 ("every Tuesday")
//   duration             P5Y, PXY, PT3H (type=duration, or an amount with a unit and no direction)
//   direction + amount   "two days ago" (publication), "a day earlier" (narrative)
//   shift                this/next/last + unit, weekday, month, season or holiday
//   calendar fields      year/month/day/weekday/season/quarter/half/decade/century/holiday/time;
//                        a missing year comes from the anchor and `dir`: past -> the latest on or
//                        before it, future -> the first on or after it, nearest -> the closest
//                        (ties go to the past: news reports what happened)
// A stated date that does not exist ("February 30, 2021") is `impossible`, never coerced.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "resolve/annotate.h"
#include "tagger/meaning.h"
#include "time/value.h"

namespace annalist::resolve {

enum class direction : std::int8_t { past = -1, nearest = 0, future = 1 };

struct resolve_context {
  std::optional<reference_time> dct;
  std::optional<time::value> narrative_day;  // the most recent date of day granularity or finer
  std::optional<time::value> narrative_any;  // the most recent calendar date of any granularity
  std::optional<time::value> period;         // the reporting period (quarter) under discussion
  /// A longer reporting period named after that quarter: a half, or the months of the year to
  /// date ("the nine months", as a year). Comparisons ("a year earlier") count from it.
  std::optional<time::value> period_span;
  bool period_fiscal = false;  // `period` was named as a fiscal quarter: the company counts its own
  /// For "the quarter ended <date>": that date, resolved. The quarter is the one the date closes,
  /// unless the period under discussion is a fiscal quarter (then that one, whatever its name).
  std::optional<time::value> period_end;
  direction dir = direction::nearest;
  std::size_t cue_distance = 0;  // tokens between the expression and the cue that set `dir`
  /// Set for a range's second endpoint: its first endpoint's value. A weekday or a month (day)
  /// without a year is then the first one on or after it ("Monday through Wednesday").
  std::optional<time::value> range_start;
  /// Set for an offset from a date stated right after it ("two days after Christmas", "the day
  /// before last Tuesday"): that date, resolved. The offset counts from it and keeps its
  /// granularity.
  std::optional<time::value> offset_base;
};

struct resolution {
  time::value value;
  time::anchor_kind anchor = time::anchor_kind::absolute;
  /// For a publication or narrative anchor: the point counted from, "2021-05-18" (with the
  /// time, "2021-05-18T17:55", when the clock was used).
  std::string anchored_on;
  std::vector<time::value> alternatives;  // other readings, most likely first
  bool unresolved = false;  // needed an anchor that was not available
  bool impossible = false;  // a stated date that does not exist
  /// A full date stated with a weekday it does not fall on: the weekday it falls on (ISO, 1 =
  /// Monday); 0 when they agree or no weekday was stated.
  int weekday_conflict = 0;
  /// The reporting period under discussion moved to another year ("a year earlier", "the
  /// year-ago quarter", "the 1988 period"): a point of comparison, which moves neither the
  /// narrative nor the period under discussion.
  bool comparison = false;
  /// The reporting period a duration names ("the nine months": the year they are of).
  std::optional<time::value> names_period;

  /// A reading that needed an anchor the text does not give: unresolved, with value `v`.
  static resolution without_anchor(time::value v = time::value::of_ref("")) {
    resolution r;
    r.value = std::move(v);
    r.unresolved = true;
    r.anchor = time::anchor_kind::none;
    return r;
  }
};

resolution resolve(const tagger::meaning& m, const resolve_context& ctx);

}  // namespace annalist::resolve
