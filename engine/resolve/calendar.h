// annalist/resolve/calendar.h — the calendar units time/value.h lacks, as value builders.
//
//     of_week(2021_y / May / 19)      -> "2021-W20"      (ISO week containing the day)
//     of_quarter(2021_y, 2)           -> "2021-Q2"
//     of_season(2021_y, "SU")         -> "2021-SU"
//     of_part_of_day(2021_y/May/19, "EV") -> "2021-05-19TEV"
//     easter(2021_y)                  -> 2021-04-04       (Gregorian computus)
//
// Each builder sets timex, granularity and the half-open interval together, as time::value's own
// builders do. Seasons are meteorological (northern hemisphere: SU = June..August).
#pragma once

#include <optional>
#include <string_view>

#include <date/date.h>

#include "time/value.h"

namespace annalist::resolve {

/// ISO 8601 week: the week's year (may differ from the day's near New Year) and number [1, 53].
struct iso_week {
  int year;
  unsigned week;
};
iso_week iso_week_of(date::year_month_day d);
/// Monday of an ISO week.
date::sys_days monday_of(iso_week w);

time::value of_week(date::year_month_day any_day);
time::value of_weekend(date::year_month_day any_day);  // "2021-W20-WE"
time::value of_quarter(date::year y, unsigned q);        // q in [1, 4]
time::value of_half(date::year y, unsigned h);           // h in [1, 2]
time::value of_season(date::year y, std::string_view code);  // SP SU FA WI
time::value of_part_of_day(date::year_month_day d, std::string_view code);  // MO AF EV NI DT
time::value of_hour(date::year_month_day d, unsigned hour);  // "2021-05-19T17"

/// Easter Sunday (Gregorian), by the anonymous Gregorian algorithm.
date::year_month_day easter(date::year y);

/// Day of a holiday rule in year `y`: "12-25" (fixed), "nth 4 thu 11" (4th Thursday of
/// November), "last mon 5", "easter -2" (days from Easter); any but Easter's may end in a day
/// offset: "nth 1 mon 11 +1" (the Tuesday after the first Monday of November). nullopt when the
/// rule is malformed.
std::optional<date::year_month_day> holiday_in(std::string_view rule, date::year y);

/// Month of a season's start (SP 3, SU 6, FA 9, WI 12); 0 for unknown codes.
unsigned season_start_month(std::string_view code);

}  // namespace annalist::resolve
