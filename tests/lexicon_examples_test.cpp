// Runs every example of every lexicon file: each must come out as one timex spanning exactly its
// text, with the expected value and granularity (and type when given); each negative must
// produce no timex at all. A failure names the file:line of the example.
#include <boost/test/unit_test.hpp>

#include <string>

#include "resolve/annotate.h"
#include "tagger/lexicon.h"

using namespace annalist;

namespace {

const tagger::lexicon& lexicon() {
  static const auto loaded = tagger::lexicon::load(std::filesystem::path(ANNALIST_SOURCE_DIR) / "lexicon/en");
  if (!loaded.value) {
    std::string all;
    for (const auto& d : loaded.diags) all += d.to_string() + "\n";
    BOOST_FAIL("lexicon does not load:\n" + all);
  }
  return *loaded.value;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lexicon_examples)

BOOST_AUTO_TEST_CASE(lexicon_loads_without_diagnostics) {
  const auto loaded = tagger::lexicon::load(std::filesystem::path(ANNALIST_SOURCE_DIR) / "lexicon/en");
  for (const auto& d : loaded.diags) BOOST_TEST_MESSAGE(d.to_string());
  BOOST_TEST(loaded.diags.empty());
  BOOST_REQUIRE(loaded.value);
  BOOST_TEST(loaded.value->examples().size() > 150u);
}

BOOST_AUTO_TEST_CASE(every_example_resolves_as_written) {
  const auto& lex = lexicon();
  std::size_t checked = 0;
  for (const auto& ex : lex.examples()) {
    BOOST_TEST_CONTEXT(ex.origin.file << ":" << ex.origin.where.line << ": \"" << ex.text << "\" ref "
                                      << ex.ref << (ex.anchor.empty() ? "" : " anchor " + ex.anchor)) {
      const std::string text = ex.context.empty() ? ex.text : ex.context;
      resolve::annotate_options opt;
      opt.dct = resolve::parse_reference_time(ex.ref);
      BOOST_TEST_REQUIRE(opt.dct.has_value());
      if (!ex.anchor.empty()) {
        const auto a = resolve::parse_reference_time(ex.anchor);
        BOOST_TEST_REQUIRE(a.has_value());
        opt.narrative = time::value::of_day(date::year_month_day{date::floor<date::days>(a->local)});
      }
      const auto found = resolve::annotate(text, opt, lex);
      if (ex.negative) {
        BOOST_TEST(found.empty());
        for (const auto& t : found) BOOST_TEST_MESSAGE("tagged: \"" << t.text << "\" " << t.value.timex);
        ++checked;
        continue;
      }
      const auto at = ex.context.empty() ? std::size_t{0} : text.find(ex.text);
      const resolve::timex* hit = nullptr;
      for (const auto& t : found)
        if (t.start == at && t.end == at + ex.text.size()) hit = &t;
      BOOST_TEST(hit != nullptr, "no timex spans exactly \"" << ex.text << "\"");
      if (!hit) {
        for (const auto& t : found) BOOST_TEST_MESSAGE("found: \"" << t.text << "\" " << t.value.timex);
        continue;
      }
      BOOST_TEST(hit->value.timex == ex.expect);
      BOOST_TEST(time::to_string(hit->value.gran) == ex.gran);
      if (!ex.type.empty()) BOOST_TEST(time::to_string(hit->value.type) == ex.type);
      ++checked;
    }
  }
  BOOST_TEST(checked == lex.examples().size());
}

BOOST_AUTO_TEST_SUITE_END()
