// The tagger stage: tokenizer shapes and offsets, lexicon diagnostics, and a table of
// {input, expected dump} for the matcher (re2's parse_test style).
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "tagger/lexicon.h"
#include "tagger/tagger.h"
#include "tagger/token.h"

using namespace annalist;
using namespace annalist::tagger;

namespace {

const lexicon& english() {
  static const auto loaded = lexicon::load(std::filesystem::path(ANNALIST_SOURCE_DIR) / "lexicon/en");
  BOOST_TEST_REQUIRE(loaded.value != nullptr);
  return *loaded.value;
}

// "text{meaning}" for every mention, joined by " | ".
std::string dump(std::string_view text) {
  const auto r = tag(text, english());
  std::string out;
  for (const auto& m : r.mentions) {
    if (!out.empty()) out += " | ";
    out += std::string(text.substr(m.start, m.end - m.start)) + m.what.to_string();
  }
  return out;
}

std::string kinds(std::string_view text) {
  const auto t = tokenize(text);
  std::string out;
  for (const auto& k : t.list) {
    if (!out.empty()) out += ' ';
    out += std::string(t.norm(k));
    switch (k.kind) {
      case token_kind::word: break;
      case token_kind::number: out += "/n"; break;
      case token_kind::ordinal: out += "/ord"; break;
      case token_kind::decade: out += "/dec"; break;
      case token_kind::clock: out += "/clock"; break;
      case token_kind::isodate: out += "/iso"; break;
      case token_kind::slashdate: out += "/slash"; break;
      case token_kind::decimal: out += "/decimal"; break;
      case token_kind::punct: out += "/p"; break;
      case token_kind::skip: out += "/skip"; break;
    }
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tagger)

// Interned forms: ids are dense and stable, unknown strings are `none`, and the padded lookup the
// tokenizer uses agrees with the plain one for every length (around the 8-byte head).
BOOST_AUTO_TEST_CASE(symbol_table_finds_what_was_interned) {
  symbol_table syms;
  std::vector<std::string> words;
  for (int i = 0; i < 300; ++i) words.push_back(std::string(static_cast<std::size_t>(i % 19), 'a') + std::to_string(i));
  words.push_back("");
  words.push_back("may");
  words.push_back("mayday");
  words.push_back("12345678");
  words.push_back("123456789");
  for (std::size_t i = 0; i < words.size(); ++i) BOOST_TEST(syms.intern(words[i]) == i + 1);
  BOOST_TEST(syms.intern("may") == syms.find("may"));
  for (std::size_t i = 0; i < words.size(); ++i) {
    BOOST_TEST(syms.find(words[i]) == i + 1);
    BOOST_TEST(syms.name(static_cast<std::uint32_t>(i + 1)) == words[i]);
    std::string padded = words[i] + "\xFF\xFE\xFD\xFC\xFB\xFA\xF9\xF8";
    BOOST_TEST(syms.find_padded(padded.data(), words[i].size()) == i + 1);
  }
  for (const std::string w : {"ma", "mayd", "maydays", "1234567", "123456780", "1234567890", "zz1"}) {
    BOOST_TEST(syms.find(w) == symbol_table::none);
    const std::string padded = w + "yyyyyyyy";
    BOOST_TEST(syms.find_padded(padded.data(), w.size()) == symbol_table::none);
  }
}

// Tokens carry the lexicon's id of their normalized form; none for words it never mentions.
BOOST_AUTO_TEST_CASE(tokens_carry_lexicon_symbols) {
  const auto& lex = english();
  const auto t = tokenize("On May 18 the WALRUS met", &lex.symbols);
  BOOST_TEST_REQUIRE(t.size() == 6u);
  BOOST_TEST(t.list[1].sym == lex.symbols.find("may"));
  BOOST_TEST(t.list[1].sym != symbol_table::none);
  BOOST_TEST(t.list[4].sym == symbol_table::none);
  BOOST_TEST(tokenize("On May 18").list[1].sym == symbol_table::none);  // no symbols given
}

BOOST_AUTO_TEST_CASE(tokenizer_recognises_numeric_shapes) {
  BOOST_TEST(kinds("On May 18th, 2021-05-18 at 17:55") == "on may 18th/ord ,/p 2021-05-18/iso at 17:55/clock");
  BOOST_TEST(kinds("the 1990s and '80s") == "the 1990s/dec and '/p 80s/dec");
  BOOST_TEST(kinds("5/18/2021 1/2") == "5/18/2021/slash 1/2/slash");
  BOOST_TEST(kinds("2,000 soldiers, 3.5 percent") == "2,000/skip soldiers ,/p 3.5/decimal percent");
  BOOST_TEST(kinds("1.234.567 or 1,234.5 and 2.12345") == "1.234.567/skip or 1,234.5/skip and 2.12345/skip");
  BOOST_TEST(kinds("a 2.5-hour talk") == "a 2.5/decimal -/p hour talk");
  // Dotted dates are day first, with a four-digit year; versions and impossible ones are not dates.
  BOOST_TEST(kinds("18.05.2021 1.5.2021") == "18.05.2021/iso 1.5.2021/iso");
  BOOST_TEST(kinds("7.45pm 10.30 a.m. 7.45 percent 7.45 amps") == "7.45/clock pm 10.30/clock a ./p m ./p 7.45/decimal percent 7.45/decimal amps");
  BOOST_TEST(kinds("1.2.3 18.13.2021 18.05.20215 1.5.2021.4") ==
             "1.2.3/skip 18.13.2021/skip 18.05.20215/skip 1.5.2021.4/skip");
  BOOST_TEST(kinds("300x250 16x9") == "300x250/skip 16x9/skip");
  BOOST_TEST(kinds("call 202-555-0100 or +1 202 555 0100") == "call 202-555-0100/skip or <phone>/skip");
  BOOST_TEST(kinds("see https://x.org/2021/05/18 now") == "see <url>/skip now");
  BOOST_TEST(kinds("COVID-19") == "covid -/p 19/n");
}

BOOST_AUTO_TEST_CASE(tokenizer_folds_typography_and_keeps_byte_offsets) {
  const std::string text = "Russia\xE2\x80\x99s \xE2\x80\x9CTuesday\xE2\x80\x9D\xC2\xA0" "evening";
  const auto t = tokenize(text);
  BOOST_TEST_REQUIRE(t.size() == 7u);
  BOOST_TEST(t.norm(1) == "'");
  BOOST_TEST(t.norm(3) == "\"");
  BOOST_TEST(t.norm(4) == "tuesday");
  BOOST_TEST(text.substr(t.list[4].start, t.list[4].end - t.list[4].start) == "Tuesday");
  BOOST_TEST(t.list[6].space_before);  // the no-break space separates words
  BOOST_TEST(t.list[4].capitalized);
}

// Words are scanned and folded eight bytes at a time: long words, words that end the text in the
// middle of an eight-byte word, the letters just outside A-Z ('@', '[', '`', '{') and non-ASCII
// letters must come out as a byte at a time would have them.
BOOST_AUTO_TEST_CASE(tokenizer_folds_long_words_and_stops_at_their_end) {
  BOOST_TEST(kinds("WEDNESDAY'S Counter-Terrorism Z") == "wednesday '/p s counter -/p terrorism z");
  BOOST_TEST(kinds("ABCDEFGHIJKLMNOPQRSTUVWXYZ[abc`xyz{AZ @Az") ==
             "abcdefghijklmnopqrstuvwxyz [/p abc '/p xyz {/p az @/p az");
  BOOST_TEST(kinds("Stra\xC3\x9F" "eNAME \xC3\x89" "COLE") == "stra\xC3\x9F" "ename \xC3\x89" "cole");
  const std::string text = "The THURSDAY";
  const auto t = tokenize(text);
  BOOST_TEST_REQUIRE(t.size() == 2u);
  BOOST_TEST(t.list[1].end == text.size());
  BOOST_TEST(t.norm(1) == "thursday");
  BOOST_TEST(t.list[1].capitalized);
}

BOOST_AUTO_TEST_CASE(matcher_table) {
  struct row { const char* input; const char* expected; };
  const std::vector<row> rows = {
      {"They met on May 18, 2021.", "May 18, 2021{year=2021 month=5 day=18}"},
      {"on Tuesday", "Tuesday{weekday=2}"},
      {"A day earlier, he spoke.", "A day earlier{amount=1 direction=-1 unit=day anchor=narrative}"},
      {"the next day", "the next day{shift=1 unit=day anchor=narrative}"},
      {"two days ago", "two days ago{amount=2 direction=-1 unit=day anchor=publication}"},
      {"late last year", "late last year{shift=-1 unit=year mod=END}"},
      {"Tuesday evening", "Tuesday evening{weekday=2 part=EV}"},
      {"the past three years", "the past three years{amount=3 unit=year type=duration}"},
      {"twenty-one days", "twenty-one days{amount=21 unit=day}"},
      {"mid-May", "mid-May{month=5 mod=MID}"},
      {"the 77th anniversary of it", "77th anniversary{ordinal=77 special=anniversary}"},
      {"every Tuesday", "every Tuesday{weekday=2 frequency}"},
      {"in the 1990s", "the 1990s{decade=1990}"},
      {"at 17:55 GMT", "17:55 GMT{hour=17 minute=55}"},
      {"at 2300 GMT", "2300 GMT{hour=23 minute=0}"},
      // ranges: one mention per endpoint, the elliptical one completed from the other
      {"The talks run May 17-19.", "May 17{month=5 day=17} | 19{month=5 day=19}"},
      {"The talks run May 17\xE2\x80\x93" "19.", "May 17{month=5 day=17} | 19{month=5 day=19}"},
      {"between May 17 and 19", "May 17{month=5 day=17} | 19{month=5 day=19}"},
      {"May 17 through 19, 2021", "May 17{year=2021 month=5 day=17} | 19, 2021{year=2021 month=5 day=19}"},
      {"17-19 May", "17{month=5 day=17} | 19 May{month=5 day=19}"},
      {"Dec. 30-Jan. 2, 2021", "Dec. 30{year=2020 month=12 day=30} | Jan. 2, 2021{year=2021 month=1 day=2}"},
      {"the 1992-93 season", "1992{year=1992} | 93{year=1993}"},
      {"in 1998-02", "1998{year=1998} | 02{year=2002}"},
      {"Monday through Wednesday", "Monday{weekday=1} | Wednesday{weekday=3}"},
      // not ranges: an amount after the number, or the second endpoint before the first
      {"on May 17 to 19 percent", "May 17{month=5 day=17}"},
      {"on May 17 and 19 others", "May 17{month=5 day=17}"},
      {"from March 3 to March 1", "March 3{month=3 day=3} | March 1{month=3 day=1}"},
      {"May 19-17", "May 19{month=5 day=19}"},
      // a zone time in parentheses restates the local time before it
      {"at 10:35 a.m. (0735 GMT) Friday", "10:35 a.m.{hour=10 minute=35 ampm=am} | Friday{weekday=5}"},
      {"the third quarter", "the third quarter{quarter=3}"},
  };
  for (const auto& r : rows) BOOST_TEST(dump(r.input) == r.expected, "input: " << r.input);
}

BOOST_AUTO_TEST_CASE(range_endpoints_are_marked) {
  const auto r = tag("May 17-19", english());
  BOOST_TEST_REQUIRE(r.mentions.size() == 2u);
  BOOST_TEST(r.mentions[0].range == 1);
  BOOST_TEST(r.mentions[1].range == 2);
  BOOST_TEST(r.mentions[0].last == 2u);   // "May 17"
  BOOST_TEST(r.mentions[1].first == 3u);  // "19": the connector belongs to neither
  BOOST_TEST(tag("May 17", english()).mentions.at(0).range == 0);
}

BOOST_AUTO_TEST_CASE(future_guard_asks_the_tense_probe) {
  // "in three weeks" is a date in a future clause; the tagger learns the tense from its caller.
  const std::string text = "It ends in three weeks.";
  const auto future = tag(text, english(), [](const tokens&, std::uint32_t, std::uint32_t) { return 1; });
  BOOST_TEST_REQUIRE(future.mentions.size() == 1u);
  BOOST_TEST(future.mentions[0].what.get(field::direction) == 1);
  const auto none = tag(text, english());
  BOOST_TEST_REQUIRE(none.mentions.size() == 1u);
  BOOST_TEST(!none.mentions[0].what.has(field::direction));
}

BOOST_AUTO_TEST_CASE(range_connectors_are_checked) {
  auto r = lexicon::from_sources({{"r.toml", "[[pattern]]\nmatch = \"~- <year>\"\n"}});
  BOOST_TEST(!r.value);
  BOOST_TEST_REQUIRE(!r.diags.empty());
  BOOST_TEST(r.diags[0].message == "a range connector '~' needs an endpoint on each side");
  r = lexicon::from_sources({{"r.toml", "[[pattern]]\nmatch = \"<year> ~<year> <year>\"\n"}});
  BOOST_TEST(!r.value);
  r = lexicon::from_sources({{"r.toml", "[[pattern]]\nmatch = \"<year> ~- <year> ~to <year>\"\n"}});
  BOOST_TEST(!r.value);
  r = lexicon::from_sources({{"r.toml", "[[pattern]]\nmatch = \"<year>\"\nguard = \"bare_year futur\"\n"}});
  BOOST_TEST(!r.value);
  r = lexicon::from_sources({{"r.toml", "[[pattern]]\nmatch = \"<year> ~-|to <yy>\"\nguard = \"bare_year not_before:x|y\"\n"}});
  BOOST_TEST(r.value != nullptr);
}

BOOST_AUTO_TEST_CASE(must_not_tag) {
  for (const char* s : {"COVID-19 cases", "a 300x250 banner", "16x9 video", "27 languages in 23 countries",
                        "the 71-year-old leader", "2,000 soldiers", "You may leave.", "Crowds march on.",
                        "call 555-0100", "https://example.com/2021/05/18", "He paid $1986.",
                        "prices fall sharply", "a last-minute deal"})
    BOOST_TEST(dump(s).empty(), "tagged in: " << s << " -> " << dump(s));
}

// A capitalized word the lexicon does not know, inside prose, makes a number part of a name;
// at a sentence's start, after a known word, or in a title-case headline it does not.
BOOST_AUTO_TEST_CASE(a_name_before_a_bare_year_makes_it_an_identifier) {
  BOOST_TEST(dump("The jet crashed near Base 2010 at night.").empty());
  BOOST_TEST(dump("He left Syria in 2012.") == "2012{year=2012}");
  BOOST_TEST(dump("Kopp's 1987 car was found.") == "1987{year=1987}");
  BOOST_TEST(dump("Orion 1980 was founded.") == "1980{year=1980}");
  BOOST_TEST(dump("Sales Rise Sharply In 2020 As Demand Grows") == "2020{year=2020}");
}

BOOST_AUTO_TEST_CASE(capitalized_month_words_only) {
  BOOST_TEST(dump("Prices rose in May.") == "May{month=5}");
  BOOST_TEST(dump("It may rain.").empty());
  BOOST_TEST(dump("They march.").empty());
  BOOST_TEST(dump("May I ask?").empty());
}

BOOST_AUTO_TEST_CASE(lexicon_errors_name_file_line_and_column) {
  const auto r = lexicon::from_sources({{"lexicon/en/bad.toml",
                                         "[[entry]]\nclass = \"month\"\nforms = [\"may\"]\nmnth = 5\n"
                                         "[[pattern]]\nmatch = \"<mont> <day:day>\"\n"}});
  BOOST_TEST(!r.value);
  BOOST_TEST_REQUIRE(r.diags.size() == 2u);
  BOOST_TEST(r.diags[0].to_string() ==
             "lexicon/en/bad.toml:4:8: error: lexicon: unknown key 'mnth' (did you mean 'month'?)");
  BOOST_TEST(r.diags[1].to_string() ==
             "lexicon/en/bad.toml:6:9: error: lexicon: unknown class <mont> (did you mean <month>?)");
}

BOOST_AUTO_TEST_CASE(a_tense_must_be_one_the_resolver_reads) {
  auto r = lexicon::from_sources({{"t.toml", "[[entry]]\nclass = \"tense\"\ntense = \"futur\"\nforms = [\"will\"]\n"}});
  BOOST_TEST(!r.value);
  BOOST_TEST_REQUIRE(!r.diags.empty());
  BOOST_TEST(r.diags[0].to_string() ==
             "t.toml:3:9: error: lexicon: tense 'futur' is not one of past, future, scheduled, report, present, none");
  r = lexicon::from_sources({{"t.toml", "[[entry]]\nclass = \"tense\"\ntense = \"scheduled\"\nforms = [\"meets\"]\n"}});
  BOOST_TEST(r.value != nullptr);
}

// The <fraction> and <decimal> shapes set numerator/denominator (and amount and the flag
// decimal), whatever the pattern binds; not_after: refuses a listed word before the match.
BOOST_AUTO_TEST_CASE(fraction_and_decimal_shapes_and_not_after) {
  const auto r = lexicon::from_sources({{"x.toml",
                                         "[[entry]]\nclass = \"unit\"\nforms = [\"hour\", \"hours\"]\nunit = \"hour\"\n"
                                         "[[pattern]]\nmatch = \"<int:amount> <fraction> <unit>\"\n"
                                         "[[pattern]]\nmatch = \"<decimal:amount> - <unit>\"\n"
                                         "[[pattern]]\nmatch = \"<int:amount> to <int> <unit>\"\nguard = \"not_after:from\"\n"}});
  BOOST_TEST_REQUIRE(r.value != nullptr);
  const auto show = [&](std::string_view text) {
    std::string out;
    for (const auto& m : tag(text, *r.value).mentions) {
      if (!out.empty()) out += " | ";
      out += std::string(text.substr(m.start, m.end - m.start)) + m.what.to_string();
    }
    return out;
  };
  BOOST_TEST(show("for 5 1/2 hours") == "5 1/2 hours{amount=5 numerator=1 denominator=2 unit=hour}");
  BOOST_TEST(show("a 2.25-hour talk") == "2.25-hour{amount=2 numerator=25 denominator=100 unit=hour decimal}");
  BOOST_TEST(show("for 5 18/4 hours").empty());  // not a proper fraction
  BOOST_TEST(show("on 5/18/2021 hours").empty());  // a date, not a fraction
  BOOST_TEST(show("it took 2 to 3 hours") == "2 to 3 hours{amount=3 unit=hour}");
  BOOST_TEST(show("cut from 2 to 3 hours").empty());
}

BOOST_AUTO_TEST_CASE(malformed_toml_is_a_positioned_diagnostic) {
  const auto r = lexicon::from_sources({{"x.toml", "[[entry]\nclass = 1\n"}});
  BOOST_TEST(!r.value);
  BOOST_TEST_REQUIRE(!r.diags.empty());
  BOOST_TEST(r.diags[0].file == "x.toml");
  BOOST_TEST(r.diags[0].where.line == 1u);
}

BOOST_AUTO_TEST_CASE(longest_match_wins_and_offsets_are_bytes) {
  const std::string text = "\xE2\x80\x9CWe met on Tuesday, May 18, 2021,\xE2\x80\x9D he said.";
  const auto r = tag(text, english());
  BOOST_TEST_REQUIRE(r.mentions.size() == 1u);
  BOOST_TEST(text.substr(r.mentions[0].start, r.mentions[0].end - r.mentions[0].start) == "Tuesday, May 18, 2021");
  BOOST_TEST(r.mentions[0].start == 13u);  // 3 bytes of the opening quote + "We met on "
}

BOOST_AUTO_TEST_SUITE_END()
