#include <boost/test/unit_test.hpp>

#include "core/diagnostic.h"

using namespace annalist;

BOOST_AUTO_TEST_SUITE(core)

BOOST_AUTO_TEST_CASE(diagnostic_prints_file_line_column_scope_and_message) {
  diagnostic d{severity::error, "corpus.toml", {4, 1}, "manifest", "unknown key 'publised'"};
  BOOST_TEST(d.to_string() == "corpus.toml:4:1: error: manifest: unknown key 'publised'");
  d.where = {};
  BOOST_TEST(d.to_string() == "corpus.toml: error: manifest: unknown key 'publised'");
  d.file.clear();
  d.scope.clear();
  d.level = severity::warning;
  BOOST_TEST(d.to_string() == "warning: unknown key 'publised'");
}

BOOST_AUTO_TEST_CASE(position_counts_lines_and_code_points) {
  const std::string text = "ab\nc\xC3\xA9" "d";  // "ab\ncéd": é is two bytes, one column
  BOOST_TEST(position_of(text, 0) == (source_position{1, 1}));
  BOOST_TEST(position_of(text, 3) == (source_position{2, 1}));
  BOOST_TEST(position_of(text, 6) == (source_position{2, 3}));  // 'd' after 'é'
  BOOST_TEST(position_of(text, 999) == (source_position{2, 4}));
}

BOOST_AUTO_TEST_CASE(closest_match_suggests_near_words_only) {
  const std::vector<std::string> keys = {"file", "source", "url", "published", "timezone"};
  BOOST_TEST(closest_match("publised", keys) == "published");
  BOOST_TEST(closest_match("tmezone", keys) == "timezone");
  BOOST_TEST(closest_match("zzzzzz", keys).empty());
}

BOOST_AUTO_TEST_SUITE_END()
