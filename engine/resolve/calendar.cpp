#include "resolve/calendar.h"

#include <charconv>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace annalist::resolve {

namespace {
time::local_minutes at(date::local_days d) { return time::local_minutes{d.time_since_epoch()}; }
date::local_days local(date::sys_days d) { return date::local_days{d.time_since_epoch()}; }

std::optional<int> number(std::string_view s) {
  int v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<unsigned> weekday_number(std::string_view s) {  // ISO: mon 1 .. sun 7
  static constexpr std::string_view names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  for (unsigned i = 0; i < 7; ++i)
    if (names[i] == s) return i + 1;
  return std::nullopt;
}
}  // namespace

iso_week iso_week_of(date::year_month_day d) {
  const date::sys_days sd{d};
  const unsigned wd = date::weekday{sd}.iso_encoding();  // Mon 1 .. Sun 7
  const date::sys_days thursday = sd - date::days{wd - 1} + date::days{3};
  const date::year_month_day ty{thursday};
  const date::sys_days jan1{ty.year() / date::January / 1};
  return {int(ty.year()), static_cast<unsigned>((thursday - jan1).count() / 7 + 1)};
}

date::sys_days monday_of(iso_week w) {
  // Week 1 is the week holding January 4th.
  const date::sys_days jan4{date::year{w.year} / date::January / 4};
  const unsigned wd = date::weekday{jan4}.iso_encoding();
  return jan4 - date::days{wd - 1} + date::days{7 * (static_cast<int>(w.week) - 1)};
}

time::value of_week(date::year_month_day any_day) {
  const auto w = iso_week_of(any_day);
  const auto mon = monday_of(w);
  return {time::timex_type::date, fmt::format("{:04}-W{:02}", w.year, w.week), time::granularity::week,
          time::interval{at(local(mon)), at(local(mon + date::days{7}))}, {}};
}

time::value of_weekend(date::year_month_day any_day) {
  const auto w = iso_week_of(any_day);
  const auto sat = monday_of(w) + date::days{5};
  return {time::timex_type::date, fmt::format("{:04}-W{:02}-WE", w.year, w.week), time::granularity::day,
          time::interval{at(local(sat)), at(local(sat + date::days{2}))}, {}};
}

time::value of_quarter(date::year y, unsigned q) {
  const date::month first{3 * (q - 1) + 1};
  const date::local_days a{y / first / 1};
  const date::local_days b{(y / first + date::months{3}) / 1};
  return {time::timex_type::date, fmt::format("{:04}-Q{}", int(y), q), time::granularity::quarter,
          time::interval{at(a), at(b)}, {}};
}

time::value of_half(date::year y, unsigned h) {
  const date::month first{6 * (h - 1) + 1};
  const date::local_days a{y / first / 1};
  const date::local_days b{(y / first + date::months{6}) / 1};
  return {time::timex_type::date, fmt::format("{:04}-H{}", int(y), h), time::granularity::half_year,
          time::interval{at(a), at(b)}, {}};
}

unsigned season_start_month(std::string_view code) {
  if (code == "SP") return 3;
  if (code == "SU") return 6;
  if (code == "FA") return 9;
  if (code == "WI") return 12;
  return 0;
}

time::value of_season(date::year y, std::string_view code) {
  const unsigned m = season_start_month(code);
  const date::local_days a{y / date::month{m ? m : 1} / 1};
  const date::local_days b{(y / date::month{m ? m : 1} + date::months{3}) / 1};
  return {time::timex_type::date, fmt::format("{:04}-{}", int(y), code), time::granularity::season,
          time::interval{at(a), at(b)}, {}};
}

time::value of_part_of_day(date::year_month_day d, std::string_view code) {
  // Rough clock ranges: they only matter for overlap tests, never for the printed value.
  int from = 0, to = 24;
  if (code == "MO") { from = 5; to = 12; }
  else if (code == "AF") { from = 12; to = 18; }
  else if (code == "EV") { from = 17; to = 22; }
  else if (code == "NI") { from = 20; to = 29; }
  else if (code == "DT") { from = 8; to = 18; }
  const auto day = at(date::local_days{d});
  return {time::timex_type::time,
          fmt::format("{:04}-{:02}-{:02}T{}", int(d.year()), unsigned(d.month()), unsigned(d.day()), code),
          time::granularity::part_of_day,
          time::interval{day + std::chrono::hours{from}, day + std::chrono::hours{to}}, {}};
}

time::value of_hour(date::year_month_day d, unsigned hour) {
  const auto t = at(date::local_days{d}) + std::chrono::hours{hour};
  return {time::timex_type::time,
          fmt::format("{:04}-{:02}-{:02}T{:02}", int(d.year()), unsigned(d.month()), unsigned(d.day()), hour),
          time::granularity::hour, time::interval{t, t + std::chrono::hours{1}}, {}};
}

date::year_month_day easter(date::year y) {
  const int Y = int(y);
  const int a = Y % 19, b = Y / 100, c = Y % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return y / date::month{static_cast<unsigned>(month)} / date::day{static_cast<unsigned>(day)};
}

std::optional<date::year_month_day> holiday_in(std::string_view rule, date::year y) {
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  while (i < rule.size()) {
    while (i < rule.size() && rule[i] == ' ') ++i;
    std::size_t j = rule.find(' ', i);
    if (j == std::string_view::npos) j = rule.size();
    if (j > i) parts.push_back(rule.substr(i, j - i));
    i = j;
  }
  // A trailing "+N" / "-N" moves any rule but Easter's (which has its own offset) by N days:
  // "nth 1 mon 11 +1" is the Tuesday after the first Monday of November.
  int shift = 0;
  if (parts.size() >= 2 && parts[0] != "easter" && (parts.back().front() == '+' || parts.back().front() == '-')) {
    const auto off = number(parts.back().front() == '+' ? parts.back().substr(1) : parts.back());
    if (!off) return std::nullopt;
    shift = *off;
    parts.pop_back();
  }
  const auto moved = [shift](date::year_month_day d) {
    return date::year_month_day{date::sys_days{d} + date::days{shift}};
  };
  if (parts.size() == 1) {  // "12-25"
    const auto dash = parts[0].find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    const auto m = number(parts[0].substr(0, dash)), d = number(parts[0].substr(dash + 1));
    if (!m || !d) return std::nullopt;
    const auto ymd = y / date::month{static_cast<unsigned>(*m)} / date::day{static_cast<unsigned>(*d)};
    return ymd.ok() ? std::optional(moved(ymd)) : std::nullopt;
  }
  if (parts.size() == 2 && parts[0] == "easter") {
    const auto off = number(parts[1].front() == '+' ? parts[1].substr(1) : parts[1]);
    if (!off) return std::nullopt;
    return date::year_month_day{date::sys_days{easter(y)} + date::days{*off}};
  }
  if (parts.size() == 4 && parts[0] == "nth") {
    const auto n = number(parts[1]);
    const auto wd = weekday_number(parts[2]);
    const auto m = number(parts[3]);
    if (!n || !wd || !m || *n < 1 || *n > 5) return std::nullopt;
    const date::year_month_weekday ymw{y / date::month{static_cast<unsigned>(*m)} /
                                       date::weekday{*wd % 7}[static_cast<unsigned>(*n)]};
    if (!ymw.ok()) return std::nullopt;
    return moved(date::year_month_day{date::sys_days{ymw}});
  }
  if (parts.size() == 3 && parts[0] == "last") {
    const auto wd = weekday_number(parts[1]);
    const auto m = number(parts[2]);
    if (!wd || !m) return std::nullopt;
    const date::year_month_weekday_last ymwl{y / date::month{static_cast<unsigned>(*m)} /
                                             date::weekday{*wd % 7}[date::last]};
    return moved(date::year_month_day{date::sys_days{ymwl}});
  }
  return std::nullopt;
}

}  // namespace annalist::resolve
