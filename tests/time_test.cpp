#include <boost/test/unit_test.hpp>

#include "time/value.h"

using namespace annalist::time;
using namespace date::literals;

BOOST_AUTO_TEST_SUITE(time_value)

BOOST_AUTO_TEST_CASE(month_keeps_its_granularity_and_whole_interval) {
  const auto v = value::of_month(2021_y / date::April);
  BOOST_TEST(v.timex == "2021-04");
  BOOST_TEST(v.gran == granularity::month);
  BOOST_TEST(iso_date(v.span->start) == "2021-04-01");
  BOOST_TEST(iso_date(v.span->end) == "2021-05-01");  // half-open
}

BOOST_AUTO_TEST_CASE(day_decade_century_and_minute_print_as_timex3) {
  BOOST_TEST(value::of_day(2021_y / date::May / 19).timex == "2021-05-19");
  BOOST_TEST(value::of_decade(1994).timex == "199");
  BOOST_TEST(iso_date(value::of_decade(1994).span->start) == "1990-01-01");
  BOOST_TEST(value::of_century(20).timex == "19");
  BOOST_TEST(value::of_year(1986_y).timex == "1986");
  const auto t = value::of_minute(2021_y / date::May / 19, std::chrono::minutes{17 * 60 + 55});
  BOOST_TEST(t.timex == "2021-05-19T17:55");
  BOOST_TEST(t.type == timex_type::time);
  BOOST_TEST(value::of_duration("P5Y").span.has_value() == false);
}

BOOST_AUTO_TEST_CASE(containment_and_overlap_are_half_open) {
  const auto may = value::of_month(2021_y / date::May);
  const auto d19 = value::of_day(2021_y / date::May / 19);
  const auto jun1 = value::of_day(2021_y / date::June / 1);
  BOOST_TEST(may.span->contains(*d19.span));
  BOOST_TEST(!may.span->overlaps(*jun1.span));
}

BOOST_AUTO_TEST_SUITE_END()
