#include "time/value.h"

#include <array>
#include <ostream>
#include <fmt/format.h>

namespace annalist::time {

namespace {
constexpr std::array<std::string_view, 15> kGranularityNames = {
    "second", "minute", "hour",  "part_of_day", "day",    "week",       "month", "quarter",
    "season", "half_year", "year", "decade",    "century", "millennium", "none"};

local_minutes at(date::local_days d) { return local_minutes{d.time_since_epoch()}; }

// "YYYY-MM-DD" exactly as fmt's "{:04}-{:02}-{:02}" writes it, by hand for years 0-9999: the
// resolver builds a day's value for every date it weighs, and parsing the format string cost
// more than the rest of building the value.
std::string day_text(date::year_month_day d) {
  const int y = int(d.year());
  const unsigned m = unsigned(d.month()), dd = unsigned(d.day());
  if (y < 0 || y > 9999 || m > 99 || dd > 99) return fmt::format("{:04}-{:02}-{:02}", y, m, dd);
  std::string s = "0000-00-00";
  s[0] = static_cast<char>('0' + y / 1000);
  s[1] = static_cast<char>('0' + y / 100 % 10);
  s[2] = static_cast<char>('0' + y / 10 % 10);
  s[3] = static_cast<char>('0' + y % 10);
  s[5] = static_cast<char>('0' + m / 10);
  s[6] = static_cast<char>('0' + m % 10);
  s[8] = static_cast<char>('0' + dd / 10);
  s[9] = static_cast<char>('0' + dd % 10);
  return s;
}
}  // namespace

std::string_view to_string(granularity g) { return kGranularityNames[static_cast<std::size_t>(g)]; }

std::optional<granularity> granularity_from(std::string_view name) {
  for (std::size_t i = 0; i < kGranularityNames.size(); ++i)
    if (kGranularityNames[i] == name) return static_cast<granularity>(i);
  return std::nullopt;
}

std::string_view to_string(timex_type t) {
  switch (t) {
    case timex_type::date: return "DATE";
    case timex_type::time: return "TIME";
    case timex_type::duration: return "DURATION";
    case timex_type::set: return "SET";
  }
  return "DATE";
}

std::string_view to_string(anchor_kind a) {
  switch (a) {
    case anchor_kind::absolute: return "absolute";
    case anchor_kind::publication: return "publication";
    case anchor_kind::narrative: return "narrative";
    case anchor_kind::none: return "none";
  }
  return "none";
}

std::ostream& operator<<(std::ostream& os, granularity g) { return os << to_string(g); }
std::ostream& operator<<(std::ostream& os, timex_type t) { return os << to_string(t); }
std::ostream& operator<<(std::ostream& os, anchor_kind a) { return os << to_string(a); }

value value::of_day(date::year_month_day d) {
  const date::local_days first{d};
  return {timex_type::date, day_text(d), granularity::day, interval{at(first), at(first + date::days{1})},
          {}};
}

value value::of_month(date::year_month ym) {
  const date::local_days first{ym / 1};
  const date::local_days next{(ym + date::months{1}) / 1};
  return {timex_type::date, fmt::format("{:04}-{:02}", int(ym.year()), unsigned(ym.month())),
          granularity::month, interval{at(first), at(next)}, {}};
}

value value::of_year(date::year y) {
  const date::local_days first{y / date::January / 1};
  const date::local_days next{(y + date::years{1}) / date::January / 1};
  return {timex_type::date, fmt::format("{:04}", int(y)), granularity::year,
          interval{at(first), at(next)}, {}};
}

value value::of_decade(int first_year) {
  const int d = first_year / 10;
  const date::local_days first{date::year{d * 10} / date::January / 1};
  const date::local_days next{date::year{d * 10 + 10} / date::January / 1};
  return {timex_type::date, fmt::format("{:03}", d), granularity::decade,
          interval{at(first), at(next)}, {}};
}

value value::of_century(int index) {
  // The 20th century is 1901..2000 strictly, but TIMEX3 writes it "19" (the years 19xx).
  const int c = index - 1;
  const date::local_days first{date::year{c * 100} / date::January / 1};
  const date::local_days next{date::year{c * 100 + 100} / date::January / 1};
  return {timex_type::date, fmt::format("{:02}", c), granularity::century,
          interval{at(first), at(next)}, {}};
}

value value::of_minute(date::year_month_day d, std::chrono::minutes since_midnight) {
  const auto t = at(date::local_days{d}) + since_midnight;
  const auto h = since_midnight.count() / 60, m = since_midnight.count() % 60;
  return {timex_type::time,
          fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}", int(d.year()), unsigned(d.month()),
                      unsigned(d.day()), h, m),
          granularity::minute, interval{t, t + std::chrono::minutes{1}}, {}};
}

value value::of_ref(std::string_view ref) {
  return {timex_type::date, std::string(ref), granularity::none, std::nullopt, {}};
}

value value::of_duration(std::string_view iso) {
  return {timex_type::duration, std::string(iso), granularity::none, std::nullopt, {}};
}

std::string iso_date(local_minutes t) {
  const auto d = date::floor<date::days>(t);
  return day_text(date::year_month_day{d});
}

}  // namespace annalist::time
