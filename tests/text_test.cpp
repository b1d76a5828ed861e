// The text stage: UTF-8 checks, NFC with its offset map, paragraphs, sentences, tokens.
// Example sentences are written for these tests.
#include <boost/test/unit_test.hpp>

#include <string>

#include "text/normalize.h"
#include "text/segment.h"
#include "text/utf8.h"

using namespace annalist::text;

namespace {
std::vector<std::string> sentences_of(std::string_view t,
                                      const std::vector<std::string>& abbreviations = {}) {
  segmenter seg(abbreviations);
  std::vector<std::string> out;
  for (const auto& p : paragraphs(t))
    for (const auto& s : seg.sentences(t, p)) out.emplace_back(t.substr(s.start, s.size()));
  return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(valid_utf8_has_no_error) {
  BOOST_TEST(!find_invalid_utf8("plain ascii, then caf\xC3\xA9 and \xF0\x9F\x93\xB0 news"));
  BOOST_TEST(!find_invalid_utf8(""));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_reports_offset_and_reason) {
  struct row { std::string bytes; std::size_t offset; std::string reason; };
  const row rows[] = {
      {"abc\xFF" "def", 3, "invalid byte 0xff"},
      {"caf\xC3", 3, "truncated sequence at end of file 0xc3"},
      {"x\xC0\xAF", 1, "overlong encoding 0xc0"},
      {"ab\xED\xA0\x80", 2, "encoded surrogate 0xed"},
      {"a\x80", 1, "unexpected continuation byte 0x80"},
      {"12345678\xE2\x82" "z", 8, "truncated sequence 0xe2"},  // after the 8-byte fast path
  };
  for (const auto& r : rows) {
    BOOST_TEST_CONTEXT(r.reason) {
      auto e = find_invalid_utf8(r.bytes);
      BOOST_REQUIRE(e);
      BOOST_TEST(e->offset == r.offset);
      BOOST_TEST(e->reason == r.reason);
    }
  }
}

BOOST_AUTO_TEST_CASE(repair_replaces_each_error_once_and_maps_offsets) {
  std::string s = "a\xFF" "b\xE2\x82" "c";
  std::vector<offset_point> pts;
  BOOST_TEST(repair_utf8(s, pts) == 2u);
  BOOST_TEST(s == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
  BOOST_TEST(map_back(pts, 4) == 2u);  // 'b'
  BOOST_TEST(map_back(pts, 8) == 5u);  // 'c'
  BOOST_TEST(map_back(pts, 0) == 0u);
}

BOOST_AUTO_TEST_CASE(nfc_keeps_normalized_text_and_maps_changed_text) {
  std::vector<offset_point> pts;
  BOOST_TEST(to_nfc("Reykjav\xC3\xADk", pts) == "Reykjav\xC3\xADk");
  BOOST_TEST(pts.empty());
  // "Reykjavi\u0301k met" -> "Reykjav\u00edk met": 3 bytes become 2.
  const std::string decomposed = "Reykjavi\xCC\x81k met";
  BOOST_TEST(!is_nfc(decomposed));
  const std::string nfc = to_nfc(decomposed, pts);
  BOOST_TEST(nfc == "Reykjav\xC3\xADk met");
  BOOST_TEST(map_back(pts, nfc.find("met")) == decomposed.find("met"));
  BOOST_TEST(map_back(pts, 7) == 7u);
}

BOOST_AUTO_TEST_CASE(nfc_check_sees_marks_anywhere_in_long_ascii_text) {
  // is_nfc hands ICU only the stretches around non-ASCII bytes: a mark must still be seen with
  // the ASCII letter it joins, wherever it stands.
  const std::string ascii(100, 'x');
  BOOST_TEST(is_nfc(ascii));
  BOOST_TEST(is_nfc(ascii + "\xE2\x80\x9Cquoted\xE2\x80\x9D " + ascii + "Reykjav\xC3\xADk"));
  BOOST_TEST(!is_nfc(ascii + "e\xCC\x81" + ascii));  // e + U+0301 composes to U+00E9
  BOOST_TEST(!is_nfc(ascii + "=\xCC\xB8"));          // = + U+0338 composes to U+2260
  BOOST_TEST(!is_nfc("\xCC\x81" + ascii + "a\xCC\x81"));
  // U+0323 (below) must come before U+0301 (above), across a short ASCII gap from other marks.
  BOOST_TEST(!is_nfc(ascii + "\xC3\xA9 ab q\xCC\x81\xCC\xA3" + ascii));
  BOOST_TEST(is_nfc(ascii + "\xC3\xA9 ab q\xCC\xA3\xCC\x81" + ascii));
  // Cyrillic words between short ASCII gaps; I + breve (U+0418 U+0306) composes to U+0419.
  const std::string cyrillic =
      "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0, 19 \xD0\xBC\xD0\xB0\xD1\x8F ";
  BOOST_TEST(is_nfc(cyrillic + cyrillic + ascii));
  BOOST_TEST(!is_nfc(cyrillic + "\xD0\x98\xCC\x86" + cyrillic));
}

BOOST_AUTO_TEST_CASE(paragraphs_split_on_blank_lines) {
  const std::string t = "  Title line\r\n \t\r\nFirst para\ncontinues.\n\n\n  Second.  \n";
  const auto ps = paragraphs(t);
  BOOST_REQUIRE(ps.size() == 3u);
  BOOST_TEST(t.substr(ps[0].start, ps[0].size()) == "Title line");
  BOOST_TEST(t.substr(ps[1].start, ps[1].size()) == "First para\ncontinues.");
  BOOST_TEST(t.substr(ps[2].start, ps[2].size()) == "Second.");
  BOOST_TEST(paragraphs(" \n\n\t").empty());
}

BOOST_AUTO_TEST_CASE(no_break_after_abbreviations_and_initials) {
  const auto s = sentences_of(
      "Mr. Okafor met U.S. and U.K. envoys on Jan. 5 in Oslo. J. R. Tolland chaired. "
      "Dr. Lind left at 9 p.m. on Friday.",
      {"Dr."});
  BOOST_REQUIRE(s.size() == 3u);
  BOOST_TEST(s[0] == "Mr. Okafor met U.S. and U.K. envoys on Jan. 5 in Oslo.");
  BOOST_TEST(s[1] == "J. R. Tolland chaired.");
  BOOST_TEST(s[2] == "Dr. Lind left at 9 p.m. on Friday.");
}

BOOST_AUTO_TEST_CASE(abbreviations_come_from_the_caller) {
  BOOST_TEST(sentences_of("Dr. Lind left.").size() == 2u);  // not in ICU's English list
  BOOST_TEST(sentences_of("Dr. Lind left.", {"Dr."}).size() == 1u);
}

BOOST_AUTO_TEST_CASE(no_break_after_us_before_a_capital) {
  const auto s = sentences_of("Ties with the U.S. Treasury were cut. Talks resumed.");
  BOOST_REQUIRE(s.size() == 2u);
  BOOST_TEST(s[0] == "Ties with the U.S. Treasury were cut.");
}

BOOST_AUTO_TEST_CASE(quotation_that_goes_on_after_a_comma_is_one_sentence) {
  const auto s = sentences_of(
      "\xE2\x80\x9CWe waited. Then we voted,\xE2\x80\x9D the mayor said. The pier opens soon. "
      "\"It is late. Very late,\" a fisherman said.");
  BOOST_REQUIRE(s.size() == 3u);
  BOOST_TEST(s[0] == "\xE2\x80\x9CWe waited. Then we voted,\xE2\x80\x9D the mayor said.");
  BOOST_TEST(s[2] == "\"It is late. Very late,\" a fisherman said.");
}

BOOST_AUTO_TEST_CASE(a_full_quoted_sentence_still_ends) {
  const auto s = sentences_of("\"The pier is closed.\" Crews left. \"Why? No money,\" he said.");
  BOOST_REQUIRE(s.size() == 3u);
  BOOST_TEST(s[0] == "\"The pier is closed.\"");
}

BOOST_AUTO_TEST_CASE(an_unmatched_quote_mark_does_not_swallow_the_paragraph) {
  const auto s = sentences_of("\"The pier is closed, she said. Crews left. Boats wait.");
  BOOST_TEST(s.size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_lone_closing_quote_joins_its_sentence) {
  const auto s = sentences_of("\xE2\x80\x9CWe will rebuild it.\n\xE2\x80\x9D\nThe board agreed.");
  BOOST_REQUIRE(s.size() == 2u);
  BOOST_TEST(s[0] == "\xE2\x80\x9CWe will rebuild it.\n\xE2\x80\x9D");
}

BOOST_AUTO_TEST_CASE(sentence_ranges_are_offsets_into_the_whole_text) {
  const std::string t = "Head.\n\nOne two. Three four.";
  segmenter seg;
  const auto ps = paragraphs(t);
  const auto s = seg.sentences(t, ps[1]);
  BOOST_REQUIRE(s.size() == 2u);
  BOOST_TEST(s[1].start == t.find("Three"));
  BOOST_TEST(s[1].end == t.size());
}

BOOST_AUTO_TEST_CASE(tokens_are_words_numbers_and_punctuation) {
  const std::string t = "On May 19, 2021, officials met.";
  segmenter seg;
  const auto toks = seg.tokens(t, {0, static_cast<std::uint32_t>(t.size())});
  std::vector<std::string> text;
  std::vector<token_kind> kinds;
  for (const auto& k : toks) {
    text.emplace_back(t.substr(k.where.start, k.where.size()));
    kinds.push_back(k.kind);
  }
  const std::vector<std::string> want = {"On", "May", "19", ",", "2021", ",", "officials", "met", "."};
  BOOST_TEST(text == want, boost::test_tools::per_element());
  BOOST_TEST((kinds[2] == token_kind::number));
  BOOST_TEST((kinds[3] == token_kind::punct));
  BOOST_TEST((kinds[6] == token_kind::word));
}

BOOST_AUTO_TEST_CASE(one_long_line_is_segmented_in_linear_time) {
  // 2 MB in one line, one sentence every 60 bytes: must finish quickly and count exactly.
  std::string t;
  const std::string unit = "The ferry left the harbour at dawn and came back at dusk. ";
  while (t.size() < 2'000'000) t += unit;
  segmenter seg;
  const auto s = seg.sentences(t, {0, static_cast<std::uint32_t>(t.size())});
  BOOST_TEST(s.size() == t.size() / unit.size());
}

BOOST_AUTO_TEST_SUITE_END()
