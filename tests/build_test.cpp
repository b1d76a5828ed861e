// Golden tests of `annalist build` over samples/reykjavik-2021 (the events issue's list), the
// pipeline on fixtures written for the tests, and the determinism of the output.
#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/diagnostic.h"
#include "corpus/ingest.h"
#include "events/lexicon.h"
#include "merge/pipeline.h"
#include "tagger/lexicon.h"

using json = nlohmann::json;
using namespace annalist;

namespace {

std::string run(const std::string& cmd, int* rc = nullptr) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  BOOST_REQUIRE(p);
  std::array<char, 4096> buf;
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  const int status = pclose(p);
  if (rc) *rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

const std::string samples = std::string(ANNALIST_SOURCE_DIR) + "/samples/reykjavik-2021";

const json& timeline() {
  static const json t = [] {
    int rc = 0;
    auto out = run(std::string(ANNALIST_BINARY) + " build " + samples + " --format json", &rc);
    BOOST_REQUIRE(rc == 0);
    return json::parse(out);
  }();
  return t;
}

std::set<std::string> sources(const json& ev) {
  std::set<std::string> s;
  for (const auto& m : ev["mentions"]) s.insert(m["document"].get<std::string>());
  return s;
}

bool mentions_text(const json& ev, const std::string& needle, const char* field) {
  for (const auto& m : ev["mentions"])
    if (m[field].is_string() && m[field].get<std::string>().find(needle) != std::string::npos) return true;
  return false;
}

bool has_actor(const json& ev, const std::string& a) {
  for (const auto& x : ev["actors"])
    if (x == a) return true;
  return false;
}

/// The events with `value` that `pick` accepts; the issue asks for exactly one each.
template <class Pred>
std::vector<json> events_where(const std::string& value, Pred pick) {
  std::vector<json> out;
  for (const auto& e : timeline()["events"])
    if (e["value"] == value && pick(e)) out.push_back(e);
  return out;
}

void expect_one(const std::vector<json>& found, std::set<std::string> want_sources) {
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  const auto got = sources(found[0]);
  for (const auto& s : want_sources) BOOST_TEST_CONTEXT("source " << s) { BOOST_TEST(got.count(s) == 1u); }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(build)

BOOST_AUTO_TEST_CASE(meeting_in_reykjavik_from_all_five) {
  expect_one(events_where("2021-05-19", [](const json& e) {
               return e["kind"] == "meeting" && has_actor(e, "Antony Blinken") && has_actor(e, "Sergei Lavrov");
             }),
             {"000", "001", "002", "003", "004"});
}

BOOST_AUTO_TEST_CASE(blinken_preference_statement) {
  auto found = events_where("2021-05-18", [](const json& e) { return mentions_text(e, "our preference", "quote"); });
  expect_one(found, {"000", "001", "002", "003"});
  BOOST_TEST(found[0]["title"].get<std::string>().find("Blinken") == 0u);
}

BOOST_AUTO_TEST_CASE(lavrov_news_conference_in_moscow) {
  expect_one(events_where("2021-05-17", [](const json& e) { return mentions_text(e, "Apparently", "quote"); }),
             {"000", "001", "003"});
}

BOOST_AUTO_TEST_CASE(blinken_tweet_on_crimea) {
  expect_one(events_where("2021-05-18", [](const json& e) { return mentions_text(e, "tweeted", "sentence"); }),
             {"001", "003"});
}

BOOST_AUTO_TEST_CASE(planned_biden_putin_summit) {
  auto found = events_where("2021-06", [](const json& e) { return e["kind"] == "summit"; });
  expect_one(found, {"000", "001", "003"});
  BOOST_TEST(found[0]["status"] == "planned");
  BOOST_TEST(has_actor(found[0], "Joe Biden"));
  BOOST_TEST(has_actor(found[0], "Vladimir Putin"));
}

BOOST_AUTO_TEST_CASE(reagan_gorbachev_summit_1986) {
  auto found = events_where("1986", [](const json& e) { return e["kind"] == "summit"; });
  expect_one(found, {"000", "002", "003"});
  BOOST_TEST(has_actor(found[0], "Ronald Reagan"));
  BOOST_TEST(found[0]["start"] == "1986-01-01");
  BOOST_TEST(found[0]["end"] == "1987-01-01");
  BOOST_TEST(found[0]["granularity"] == "year");
}

BOOST_AUTO_TEST_CASE(open_skies_withdrawal) {
  expect_one(events_where("2020-11-22", [](const json& e) { return e["kind"] == "withdrawal"; }), {"002"});
}

BOOST_AUTO_TEST_CASE(biden_inauguration) {
  expect_one(events_where("2021-01-20", [](const json& e) { return e["kind"] == "inauguration"; }), {"000", "002"});
}

BOOST_AUTO_TEST_CASE(no_entry_duplicates_another) {
  // Two events of one day and kind must differ in who acts or in what is quoted.
  const auto& evs = timeline()["events"];
  for (std::size_t i = 0; i < evs.size(); ++i)
    for (std::size_t j = i + 1; j < evs.size(); ++j) {
      if (evs[i]["value"] != evs[j]["value"] || evs[i]["kind"] != evs[j]["kind"]) continue;
      BOOST_TEST_CONTEXT(evs[i]["title"] << " / " << evs[j]["title"]) {
        BOOST_TEST(evs[i]["title"] != evs[j]["title"]);
        const auto a = sources(evs[i]), b = sources(evs[j]);
        BOOST_TEST(!(a == b && evs[i]["actors"] == evs[j]["actors"]));
      }
    }
}

BOOST_AUTO_TEST_CASE(contract_fields_and_order) {
  const auto& t = timeline();
  BOOST_TEST(t["corpus"] == "reykjavik-2021");
  BOOST_TEST(t["documents"].size() == 5u);
  BOOST_TEST(t["documents"][0]["published_from"].is_string());
  BOOST_TEST(t["skipped"].is_array());
  BOOST_TEST(t["conflicts"].is_array());
  std::string prev_start;
  for (const auto& e : t["events"]) {
    for (const char* k : {"id", "value", "start", "end", "granularity", "title", "kind", "status", "actors",
                          "place", "mentions"})
      BOOST_TEST_CONTEXT(k) { BOOST_TEST(e.contains(k)); }
    BOOST_TEST(e["title"].get<std::string>().size() <= 300u);  // 100 characters, up to 3 bytes each
    BOOST_TEST(e["start"].get<std::string>() >= prev_start);
    prev_start = e["start"].get<std::string>();
    for (const auto& m : e["mentions"]) {
      BOOST_TEST(m["start"].get<unsigned>() < m["end"].get<unsigned>());
      for (const char* k : {"document", "sentence", "time_text", "quote"})
        BOOST_TEST_CONTEXT(k) { BOOST_TEST(m.contains(k)); }
    }
  }
}

BOOST_AUTO_TEST_CASE(mention_offsets_point_into_the_original_file) {
  const auto& t = timeline();
  std::map<std::string, std::string> files;
  for (const auto& d : t["documents"]) files[d["id"]] = d["file"];
  for (const auto& e : t["events"])
    for (const auto& m : e["mentions"]) {
      std::ifstream in(samples + "/" + files[m["document"]], std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      const auto s = m["start"].get<std::size_t>(), n = m["end"].get<std::size_t>() - s;
      BOOST_TEST(text.substr(s, n) == m["sentence"].get<std::string>());
    }
}

BOOST_AUTO_TEST_CASE(output_is_byte_identical_across_runs_zones_and_locales) {
  const std::string cmd = std::string(ANNALIST_BINARY) + " build " + samples;
  for (const char* fmt : {" --format json", ""}) {
    const auto a = run(cmd + fmt);
    BOOST_TEST(!a.empty());
    BOOST_TEST(run(cmd + fmt) == a);
    BOOST_TEST(run("TZ=Pacific/Kiritimati LC_ALL=C.UTF-8 " + cmd + fmt) == a);
  }
}

BOOST_AUTO_TEST_CASE(text_format_groups_by_date) {
  const auto out = run(std::string(ANNALIST_BINARY) + " build " + samples);
  BOOST_TEST(out.find("reykjavik-2021: 5 documents") == 0u);
  const auto d19 = out.find("\n2021-05-19\n"), d18 = out.find("\n2021-05-18\n"), y86 = out.find("\n1986\n");
  BOOST_TEST(y86 != std::string::npos);
  BOOST_TEST(d18 != std::string::npos);
  BOOST_TEST(d19 != std::string::npos);
  BOOST_TEST((y86 < d18 && d18 < d19));
  BOOST_TEST(out.find("sources: 000 RFE/RL") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_usage_exits_2_with_a_hint) {
  int rc = 0;
  run(std::string(ANNALIST_BINARY) + " build " + samples + " --format jsn 2>&1", &rc);
  BOOST_TEST(rc == 2);
  const auto msg = run(std::string(ANNALIST_BINARY) + " build " + samples + " --format jsn 2>&1 >/dev/null");
  BOOST_TEST(msg == "annalist build: unknown format 'jsn' (did you mean 'json'?)\n");
  run(std::string(ANNALIST_BINARY) + " build /nonexistent/corpus 2>/dev/null", &rc);
  BOOST_TEST(rc == 2);
}

BOOST_AUTO_TEST_CASE(same_quote_different_day_is_two_events_and_a_candidate) {
  diagnostics d;
  auto c = corpus::load_corpus(std::string(ANNALIST_SOURCE_DIR) + "/tests/fixtures/events/two-outlets", {}, d);
  BOOST_REQUIRE(c);
  const auto lexdir = std::string(ANNALIST_SOURCE_DIR) + "/lexicon/en";
  auto tlex = tagger::lexicon::load(lexdir);
  auto elex = ::annalist::events::lexicon::load(lexdir, d);
  BOOST_REQUIRE(tlex.value);
  BOOST_REQUIRE(elex);
  const auto t = ::annalist::merge::build_timeline(*c, *tlex.value, *elex, ::annalist::merge::options{});
  std::vector<const ::annalist::merge::event*> speech;
  for (const auto& e : t.events)
    for (const auto& m : e.mentions)
      if (m.quote.find("old pier open") != std::string::npos) { speech.push_back(&e); break; }
  BOOST_REQUIRE_EQUAL(speech.size(), 2u);
  BOOST_TEST(speech[0]->value.timex == "2021-03-08");
  BOOST_TEST(speech[1]->value.timex == "2021-03-09");
  std::set<std::string> monday;
  for (const auto& m : speech[0]->mentions) monday.insert(m.document);
  BOOST_TEST((monday == std::set<std::string>{"a", "c"}));
  BOOST_REQUIRE_EQUAL(t.candidates.size(), 1u);
  BOOST_TEST(&t.events[t.candidates[0].first] == speech[0]);
  BOOST_TEST(&t.events[t.candidates[0].second] == speech[1]);
}

BOOST_AUTO_TEST_SUITE_END()
