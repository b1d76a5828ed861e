// The check stage: conflicts between sources, agreements, single-expression findings and
// publication times inferred, on samples/reykjavik-2021 and fixtures derived from it
// (tests/fixtures/check/: one date changed, or `published` removed).
#include <boost/test/unit_test.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include "check/check.h"
#include "check/evidence.h"
#include "check/render.h"
#include "corpus/ingest.h"
#include "events/lexicon.h"
#include "merge/options.h"
#include "tagger/lexicon.h"

namespace check = annalist::check;
namespace corpus = annalist::corpus;
using annalist::severity;

namespace {

const std::string source_dir = ANNALIST_SOURCE_DIR;

struct lexicons {
  std::unique_ptr<annalist::tagger::lexicon> tagger;
  std::optional<annalist::events::lexicon> events;
  annalist::merge::options opts;
  lexicons() {
    auto t = annalist::tagger::lexicon::load(source_dir + "/lexicon/en");
    BOOST_TEST_REQUIRE(t.value != nullptr);
    tagger = std::move(t.value);
    annalist::diagnostics d;
    events = annalist::events::lexicon::load(source_dir + "/lexicon/en", d);
    BOOST_TEST_REQUIRE(events.has_value());
  }
  check::inputs in() const { return {*tagger, *events, opts}; }
};

const lexicons& lex() {
  static const lexicons l;
  return l;
}

corpus::corpus load(const std::string& folder) {
  annalist::diagnostics d;
  auto c = corpus::load_corpus(source_dir + "/" + folder, {}, d);
  BOOST_TEST_REQUIRE(c.has_value());
  return std::move(*c);
}

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The byte offset of `needle` in the file, found rather than written down, so that the test
// says which words it expects and not where an editor left them.
std::uint32_t offset_in(const std::string& path, const std::string& needle, const std::string& word) {
  const auto text = file_text(path);
  const auto at = text.find(needle);
  BOOST_TEST_REQUIRE(at != std::string::npos);
  return static_cast<std::uint32_t>(at + needle.find(word));
}

std::vector<const check::finding*> of_level(const check::report& r, severity s) {
  std::vector<const check::finding*> out;
  for (const auto& f : r.findings)
    if (f.level == s) out.push_back(&f);
  return out;
}

std::string day(const annalist::time::local_minutes& t) { return annalist::time::iso_date(t); }

}  // namespace

BOOST_AUTO_TEST_SUITE(check_stage)

BOOST_AUTO_TEST_CASE(samples_agree_and_have_no_conflict) {
  auto c = load("samples/reykjavik-2021");
  const auto r = check::build_checked(c, lex().in());
  BOOST_TEST(!r.findings.has_conflict());
  BOOST_TEST(r.timeline.conflicts.empty());
  for (const auto* f : of_level(r.findings, severity::error)) BOOST_TEST_MESSAGE(f->explanation);
  BOOST_TEST(r.findings.inferred.empty());

  // Lavrov's news conference: "A day earlier" in 000 and "Monday" in 001 and 003.
  const check::finding* lavrov = nullptr;
  for (const auto& f : r.findings.findings) {
    if (f.kind != check::finding_kind::agreement || f.values != std::vector<std::string>{"2021-05-17"}) continue;
    lavrov = &f;
  }
  BOOST_TEST_REQUIRE(lavrov != nullptr);
  std::vector<std::string> said;
  for (const auto& m : lavrov->mentions) said.push_back(m.mention.document + " " + m.mention.time_text);
  BOOST_TEST((std::find(said.begin(), said.end(), "000 A day earlier") != said.end()));
  BOOST_TEST((std::find(said.begin(), said.end(), "001 Monday") != said.end()));
  BOOST_TEST((std::find(said.begin(), said.end(), "003 Monday") != said.end()));
  BOOST_TEST(render_text(r.findings, c).find("'A day earlier'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(one_outlet_moving_a_news_conference_to_sunday_is_a_conflict) {
  const std::string dir = "tests/fixtures/check/sunday";
  auto c = load(dir);
  const auto r = check::build_checked(c, lex().in());
  const auto errors = of_level(r.findings, severity::error);
  BOOST_TEST_REQUIRE(errors.size() == 1u);
  const auto& f = *errors[0];
  BOOST_TEST((f.kind == check::finding_kind::conflict));
  BOOST_TEST((f.values == std::vector<std::string>{"2021-05-16", "2021-05-17"}));
  // The changed mention, exactly, is the one the explanation says to check.
  const auto sunday = offset_in(source_dir + "/" + dir + "/001_5afe81d3aec50b7a.txt",
                                "news conference Sunday in Moscow", "Sunday");
  std::vector<const check::cited*> on_sunday;
  for (const auto& m : f.mentions)
    if (m.value == "2021-05-16") on_sunday.push_back(&m);
  BOOST_TEST_REQUIRE(on_sunday.size() == 1u);
  BOOST_TEST(on_sunday[0]->mention.document == "001");
  BOOST_TEST(on_sunday[0]->file_time.start == sunday);
  BOOST_TEST(on_sunday[0]->file_time.end == sunday + 6);
  BOOST_TEST(f.explanation.find("check 001 'Sunday'") != std::string::npos);
  // What it contradicts: the other outlets' dates of the same news conference.
  std::set<std::string> others;
  for (const auto& m : f.mentions)
    if (m.value == "2021-05-17") others.insert(m.mention.document);
  BOOST_TEST((others == std::set<std::string>{"000", "003"}));
  BOOST_TEST(r.timeline.conflicts.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_statement_dated_a_day_early_is_a_conflict) {
  const std::string dir = "tests/fixtures/check/tuesday-monday";
  auto c = load(dir);
  const auto r = check::build_checked(c, lex().in());
  const auto errors = of_level(r.findings, severity::error);
  BOOST_TEST_REQUIRE(errors.size() == 1u);
  const auto monday = offset_in(source_dir + "/" + dir + "/003_b487036d3d3e35da.txt", "Blinken said Monday.", "Monday");
  std::vector<const check::cited*> suspect;
  for (const auto& m : errors[0]->mentions)
    if (m.value == "2021-05-17") suspect.push_back(&m);
  BOOST_TEST_REQUIRE(suspect.size() == 1u);
  BOOST_TEST(suspect[0]->mention.document == "003");
  BOOST_TEST(suspect[0]->file_time.start == monday);
  std::set<std::string> others;
  for (const auto& m : errors[0]->mentions)
    if (m.value == "2021-05-18") others.insert(m.mention.document);
  BOOST_TEST((others == std::set<std::string>{"000", "001", "002"}));
}

BOOST_AUTO_TEST_CASE(publication_times_are_inferred_and_the_timeline_is_unchanged) {
  auto unpublished = load("tests/fixtures/check/unpublished");
  const auto r = check::build_checked(unpublished, lex().in());
  BOOST_TEST_REQUIRE(r.findings.inferred.size() == 3u);
  const std::map<std::string, std::string> real = {{"002", "2021-05-19"}, {"003", "2021-05-18"}, {"004", "2021-05-19"}};
  for (const auto& i : r.findings.inferred) {
    BOOST_TEST_CONTEXT("document " << i.document) {
      BOOST_TEST_REQUIRE(i.range.has_value());
      BOOST_TEST_REQUIRE(i.chosen.has_value());
      const auto want = real.at(i.document);
      BOOST_TEST(day(i.range->start) <= want);
      BOOST_TEST(want < day(i.range->end));
      BOOST_TEST(day(*i.chosen) == want);
      BOOST_TEST(!i.evidence.empty());
    }
  }
  for (const auto& d : unpublished.documents) {
    if (!real.count(d.id)) continue;
    BOOST_TEST((d.published.from == corpus::published_from::inferred));
    BOOST_TEST(d.published.inferred_range.has_value());
  }

  auto stated = load("samples/reykjavik-2021");
  const auto s = check::build_checked(stated, lex().in());
  BOOST_TEST_REQUIRE(r.timeline.events.size() == s.timeline.events.size());
  for (std::size_t e = 0; e < s.timeline.events.size(); ++e) {
    const auto& a = r.timeline.events[e];
    const auto& b = s.timeline.events[e];
    BOOST_TEST_CONTEXT("event " << b.id << " " << b.value.timex) {
      BOOST_TEST(a.id == b.id);
      BOOST_TEST(a.value.timex == b.value.timex);
      BOOST_TEST(a.mentions.size() == b.mentions.size());
    }
  }
  BOOST_TEST(!r.findings.has_conflict());
}

BOOST_AUTO_TEST_CASE(findings_are_stable_across_runs) {
  auto c1 = load("tests/fixtures/check/sunday");
  auto c2 = load("tests/fixtures/check/sunday");
  const auto a = check::build_checked(c1, lex().in());
  const auto b = check::build_checked(c2, lex().in());
  BOOST_TEST(check::render_json(a.findings, c1) == check::render_json(b.findings, c2));
  BOOST_TEST(check::render_text(a.findings, c1) == check::render_text(b.findings, c2));
}

BOOST_AUTO_TEST_CASE(weekday_that_the_date_does_not_fall_on) {
  annalist::diagnostics d;
  corpus::corpus c;
  c.name = "weekday";
  auto doc = corpus::ingest("The council met on Tuesday, May 19, 2021, in Reykjavik.\n", "w.txt", {}, d);
  BOOST_TEST_REQUIRE(doc.has_value());
  doc->published = *corpus::parse_published("2021-05-25", "UTC", d);
  c.documents.push_back(std::move(*doc));
  const auto r = check::build_checked(c, lex().in());
  const check::finding* w = nullptr;
  for (const auto& f : r.findings.findings)
    if (f.kind == check::finding_kind::weekday) w = &f;
  BOOST_TEST_REQUIRE(w != nullptr);
  BOOST_TEST((w->level == severity::warning));
  BOOST_TEST(w->explanation.find("Tuesday") != std::string::npos);
  BOOST_TEST(w->explanation.find("Wednesday") != std::string::npos);
  BOOST_TEST(!r.findings.has_conflict());  // a warning alone does not fail the check
}

BOOST_AUTO_TEST_CASE(past_report_after_the_stated_publication) {
  annalist::diagnostics d;
  corpus::corpus c;
  c.name = "publication";
  auto doc = corpus::ingest("The parliament voted on June 3, 2021 to leave the treaty.\n", "p.txt", {}, d);
  BOOST_TEST_REQUIRE(doc.has_value());
  doc->published = *corpus::parse_published("2021-05-19", "UTC", d);
  c.documents.push_back(std::move(*doc));
  const auto r = check::build_checked(c, lex().in());
  BOOST_TEST_REQUIRE(r.findings.findings.size() >= 1u);
  const auto& f = r.findings.findings.front();
  BOOST_TEST((f.kind == check::finding_kind::publication));
  BOOST_TEST((f.level == severity::error));
  BOOST_TEST(f.mentions.at(0).mention.time_text == "June 3, 2021");
}

BOOST_AUTO_TEST_CASE(tense_and_weekday_come_from_the_lexicon) {
  const auto& t = *lex().tagger;
  BOOST_TEST((check::tense_of("met", t) == check::tense::past));
  BOOST_TEST((check::tense_of("said", t) == check::tense::past));
  BOOST_TEST((check::tense_of("will", t) == check::tense::future));
  BOOST_TEST((check::tense_of("voted", t) == check::tense::past));    // by the past suffix
  BOOST_TEST((check::tense_of("planned", t) == check::tense::future)); // listed, not by suffix
  BOOST_TEST((check::listed_tense_of("opposed", t) == check::tense::unknown));
  const std::string s = "on Tuesday, May 19";
  BOOST_TEST(check::stated_weekday(s, 0, static_cast<std::uint32_t>(s.size()), t).value_or(0) == 2u);
  BOOST_TEST(!check::stated_weekday(s, 12, static_cast<std::uint32_t>(s.size()), t).has_value());
  BOOST_TEST(check::weekday_name(3, t) == "Wednesday");
}

BOOST_AUTO_TEST_CASE(same_speech_by_ordered_word_pairs) {
  const auto& e = *lex().events;
  BOOST_TEST(check::quote_overlap("It would be our preference to have a more stable and predictable relationship",
                                  "It would be our preference to have a more stable and more predictable relationship",
                                  e) >= 0.6);
  BOOST_TEST(check::quote_overlap("a predictable, stable relationship with Russia",
                                  "a more stable and more predictable relationship with Russia", e) < 0.6);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(check_cli)

int run(const std::string& args) {
  const int rc = std::system((std::string(ANNALIST_BINARY) + " check " + args + " > /dev/null 2>&1").c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

BOOST_AUTO_TEST_CASE(exit_codes) {
  BOOST_TEST(run(source_dir + "/samples/reykjavik-2021") == 0);
  BOOST_TEST(run(source_dir + "/tests/fixtures/check/sunday") == 1);
  BOOST_TEST(run(source_dir + "/tests/fixtures/check/sunday --format json") == 1);
  BOOST_TEST(run(source_dir + "/tests/fixtures/check/unpublished") == 0);
  BOOST_TEST(run(source_dir + "/tests/fixtures/check/no-such-folder") == 2);
  BOOST_TEST(run(source_dir + "/samples/reykjavik-2021 --format yaml") == 2);
}

BOOST_AUTO_TEST_SUITE_END()
