// Tests of the merge stage on mentions built by hand: what joins, what stays apart, the conflict
// candidates, the event's value, title, status and ids, and the [merge] settings.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "events/lexicon.h"
#include "merge/merge.h"
#include "merge/options.h"

using namespace annalist;
using namespace date::literals;

namespace {

const ::annalist::events::lexicon& lex() {
  static const ::annalist::events::lexicon l = [] {
    diagnostics d;
    auto x = ::annalist::events::lexicon::load(std::string(ANNALIST_SOURCE_DIR) + "/lexicon/en", d);
    if (!x) throw std::runtime_error("events lexicon does not load");
    return std::move(*x);
  }();
  return l;
}

struct mk {
  ::annalist::events::mention m;
  mk(std::string doc, std::uint32_t doc_index, std::string kind, std::string sentence) {
    m.document = std::move(doc);
    m.document_index = doc_index;
    m.kind = std::move(kind);
    m.sentence_text = sentence;
    m.headline = std::move(sentence);
    m.verb = true;
    m.trigger_text = "said";
  }
  mk& at(time::value v, std::string text) { m.time = std::move(v); m.time_text = std::move(text); return *this; }
  mk& by(std::string person) {
    m.actors.push_back(person);
    m.persons.push_back(person);
    if (m.speaker.empty()) m.speaker = person;
    return *this;
  }
  mk& says(std::string q) { m.quote = std::move(q); return *this; }
  mk& sentence(std::uint32_t s) { m.sentence_index = s; m.trigger = {s * 100, s * 100 + 4}; return *this; }
  mk& with(std::string actor) { m.actors.push_back(std::move(actor)); return *this; }
  mk& planned() { m.state = ::annalist::events::status::planned; return *this; }
  mk& cont(std::uint32_t head) { m.continues = head; return *this; }
  operator ::annalist::events::mention() const { return m; }
};

const auto may17 = time::value::of_day(2021_y / date::May / 17);
const auto may18 = time::value::of_day(2021_y / date::May / 18);
const std::string quote_a = "The harbour will reopen to ferries before the winter storms arrive";
const std::string quote_b = "Our budget cannot carry another year of emergency repairs to the bridge";

merge::merge_result merge_all(std::vector<::annalist::events::mention> ms, ::annalist::merge::options o = {}) {
  return ::annalist::merge::merge_mentions(std::move(ms), lex(), o);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(merge)

BOOST_AUTO_TEST_CASE(same_quote_same_day_two_outlets_is_one_event) {
  auto r = merge_all({mk("a", 0, "statement", "Varga said on Monday the harbour will reopen.")
                          .at(may17, "Monday").by("Ada Varga").says(quote_a),
                      mk("b", 1, "statement", "The mayor said on May 17 that the harbour will reopen.")
                          .at(may17, "May 17").by("Ada Varga").says("the harbour will reopen to ferries before the winter")});
  BOOST_REQUIRE(r.events.size() == 1u);
  BOOST_TEST(r.events[0].mentions.size() == 2u);
  BOOST_TEST(r.events[0].value.timex == "2021-05-17");
  BOOST_TEST(r.candidates.empty());
}

BOOST_AUTO_TEST_CASE(same_quote_on_different_days_is_two_events_and_a_candidate) {
  auto r = merge_all({mk("a", 0, "statement", "Varga said on Monday the harbour will reopen.")
                          .at(may17, "Monday").by("Ada Varga").says(quote_a),
                      mk("b", 1, "statement", "Varga said on Tuesday the harbour will reopen.")
                          .at(may18, "Tuesday").by("Ada Varga").says(quote_a)});
  BOOST_REQUIRE(r.events.size() == 2u);
  BOOST_TEST(r.events[0].value.timex == "2021-05-17");
  BOOST_TEST(r.events[1].value.timex == "2021-05-18");
  BOOST_REQUIRE(r.candidates.size() == 1u);
  BOOST_TEST(r.candidates[0].first == 0u);
  BOOST_TEST(r.candidates[0].second == 1u);
  BOOST_TEST(r.candidates[0].explanation ==
             "the same quotation is dated 2021-05-17 by a and 2021-05-18 by b");
}

BOOST_AUTO_TEST_CASE(different_quotes_or_speakers_on_one_day_stay_apart) {
  auto r = merge_all({mk("a", 0, "statement", "Varga said on Monday the harbour will reopen.")
                          .at(may17, "Monday").by("Ada Varga").says(quote_a),
                      mk("a", 0, "statement", "Varga also said on Monday that the budget is tight.")
                          .at(may17, "Monday").by("Ada Varga").says(quote_b).sentence(1),
                      mk("b", 1, "statement", "Olsen said on Monday the harbour will reopen.")
                          .at(may17, "Monday").by("Per Olsen")});
  BOOST_TEST(r.events.size() == 3u);
  BOOST_TEST(r.candidates.empty());
}

BOOST_AUTO_TEST_CASE(a_month_joins_the_day_inside_it_and_the_day_is_the_value) {
  auto r = merge_all({mk("a", 0, "inauguration", "Varga took office in January.")
                          .at(time::value::of_month(2021_y / date::January), "January").by("Ada Varga"),
                      mk("b", 1, "inauguration", "Varga's January 20 inauguration drew crowds.")
                          .at(time::value::of_day(2021_y / date::January / 20), "January 20").by("Ada Varga")});
  BOOST_REQUIRE(r.events.size() == 1u);
  BOOST_TEST(r.events[0].value.timex == "2021-01-20");
  BOOST_TEST(r.events[0].mentions[0].document == "a");  // corpus order kept
}

BOOST_AUTO_TEST_CASE(a_weekend_fits_either_of_its_days) {
  // "this weekend" is stated at day granularity but covers Saturday and Sunday
  auto weekend = time::value::of_day(2021_y / date::May / 22);
  weekend.span->end = weekend.span->start + date::days{2};
  weekend.timex = "2021-W20-WE";
  auto r = merge_all({mk("a", 0, "diversion", "The ferry was diverted to Brekka on Sunday.")
                          .at(time::value::of_day(2021_y / date::May / 23), "Sunday").with("Brekka"),
                      mk("b", 1, "diversion", "The mayor defended the diversion of the ferry this weekend.")
                          .at(weekend, "this weekend").with("Brekka")});
  BOOST_REQUIRE(r.events.size() == 1u);
  BOOST_TEST(r.events[0].value.timex == "2021-05-23");
}

BOOST_AUTO_TEST_CASE(incompatible_kinds_never_merge) {
  auto r = merge_all({mk("a", 0, "vote", "Varga voted on Monday.").at(may17, "Monday").by("Ada Varga"),
                      mk("b", 1, "attack", "Varga attacked on Monday.").at(may17, "Monday").by("Ada Varga")});
  BOOST_TEST(r.events.size() == 2u);
}

BOOST_AUTO_TEST_CASE(undated_mentions_join_only_on_strong_evidence) {
  auto r = merge_all({mk("a", 0, "statement", "Varga said on Monday the harbour will reopen.")
                          .at(may17, "Monday").by("Ada Varga").says(quote_a),
                      mk("b", 1, "statement", "Varga said the harbour will reopen.").by("Ada Varga").says(quote_a),
                      mk("c", 2, "statement", "Varga said something else entirely.").by("Ada Varga")});
  BOOST_REQUIRE(r.events.size() == 1u);
  BOOST_TEST(r.events[0].mentions.size() == 2u);  // "c" has no date and too little in common
  BOOST_TEST(r.events[0].mentions[1].document == "b");
}

BOOST_AUTO_TEST_CASE(events_of_one_day_join_when_their_mentions_together_agree) {
  // "b" shares too little with "a" to join it alone; "c" has both of their actors and joins "a";
  // the event a+c then shares an actor and most of b's words with b, so all three are one.
  auto three = [](std::string c_doc, std::uint32_t c_index, std::uint32_t c_sentence) {
    return std::vector<::annalist::events::mention>{
        mk("a", 0, "diversion", "ferry diverted northern port storm").at(may17, "Monday").with("Alfa"),
        mk("b", 1, "diversion", "navy escorted vessel harbour storm").at(may17, "Monday").with("Beta"),
        mk(c_doc, c_index, "diversion", "navy escorted ferry diverted northern port storm")
            .at(may17, "Monday").with("Alfa").with("Beta").sentence(c_sentence)};
  };
  auto r = merge_all(three("c", 2, 0));
  BOOST_REQUIRE(r.events.size() == 1u);
  BOOST_TEST(r.events[0].mentions.size() == 3u);
  // A document that itself dates the two reports tells two events apart: they stay two.
  auto r2 = merge_all(three("b", 1, 1));
  BOOST_TEST(r2.events.size() == 2u);
  // Only a day tells them apart: the same document naming the month of one of them does not.
  auto r3 = merge_all({mk("a", 0, "diversion", "ferry diverted northern port storm").at(may17, "Monday").with("Alfa"),
                       mk("b", 1, "diversion", "navy escorted vessel harbour storm").at(may17, "Monday").with("Beta"),
                       mk("b", 1, "diversion", "navy escorted ferry diverted northern port storm")
                           .at(time::value::of_month(2021_y / date::May), "last month")
                           .with("Alfa").with("Beta").sentence(1)});
  BOOST_TEST(r3.events.size() == 1u);
  // The threshold is a setting.
  ::annalist::merge::options strict;
  strict.join_threshold = 5.0;
  BOOST_TEST(merge_all(three("c", 2, 0), strict).events.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_continuation_joins_its_head) {
  auto r = merge_all({mk("a", 0, "statement", "Varga spoke on Monday.").at(may17, "Monday").by("Ada Varga").says(quote_a),
                      mk("a", 0, "statement", "She added more.").at(may17, "Monday").by("Ada Varga").says(quote_b).sentence(1).cont(0)});
  BOOST_REQUIRE(r.events.size() == 1u);
  BOOST_TEST(r.events[0].mentions.size() == 2u);
}

BOOST_AUTO_TEST_CASE(time_of_day_needs_support_from_enough_sources) {
  time::value evening = may17;
  evening.timex = "2021-05-17TEV";
  evening.gran = time::granularity::part_of_day;
  evening.span = time::interval{evening.span->start + std::chrono::hours{18}, evening.span->end};
  auto base = [&](std::string doc, std::uint32_t i) {
    return mk(doc, i, "meeting", "Varga and Olsen met Monday in Oslo.").by("Ada Varga").by("Per Olsen");
  };
  auto one_of_three = merge_all({base("a", 0).at(evening, "Monday evening"), base("b", 1).at(may17, "Monday"),
                                 base("c", 2).at(may17, "Monday")});
  BOOST_REQUIRE(one_of_three.events.size() == 1u);
  BOOST_TEST(one_of_three.events[0].value.timex == "2021-05-17");
  auto only = merge_all({base("a", 0).at(evening, "Monday evening")});
  BOOST_TEST(only.events[0].value.timex == "2021-05-17TEV");
}

BOOST_AUTO_TEST_CASE(order_ids_titles_and_status) {
  auto ms = std::vector<::annalist::events::mention>{
      mk("a", 0, "summit", "Leaders will hold a summit in June.")
          .at(time::value::of_month(2021_y / date::June), "June").by("Joe Biden").planned(),
      mk("a", 0, "meeting", "Varga and Olsen met in Oslo on June 3 to plan the next steps for the harbour and the bridge repairs.")
          .at(time::value::of_day(2021_y / date::June / 3), "June 3").by("Ada Varga").sentence(1),
      mk("a", 0, "vote", "Council voted in 1990.").at(time::value::of_year(1990_y), "1990").sentence(2)};
  auto r1 = merge_all(ms);
  auto r2 = merge_all(ms);
  BOOST_REQUIRE(r1.events.size() == 3u);
  BOOST_TEST(r1.events[0].value.timex == "1990");
  BOOST_TEST(r1.events[1].value.timex == "2021-06");  // June starts before June 3: by start
  BOOST_TEST(r1.events[2].value.timex == "2021-06-03");
  BOOST_TEST(r1.events[1].state == ::annalist::events::status::planned);
  BOOST_TEST(r1.events[0].id == r2.events[0].id);
  BOOST_TEST(r1.events[0].id != r1.events[1].id);
  BOOST_TEST(r1.events[2].title.size() <= 100u);
  BOOST_TEST(::annalist::merge::timeline_order(r1.events[1], r1.events[2]));
}

BOOST_AUTO_TEST_CASE(titles_name_the_action_and_who_spoke) {
  // A fragment that names only who acted ("said Varga") does not title the event.
  auto r = merge_all({mk("a", 0, "statement", "said Varga.").at(may17, "Monday").by("Ada Varga"),
                      mk("b", 1, "statement", "Varga said the harbour will reopen in spring.")
                          .at(may17, "Monday").by("Ada Varga")});
  BOOST_REQUIRE(r.events.size() == 1u);
  BOOST_TEST(r.events[0].title == "Varga said the harbour will reopen in spring.");
  // Speech by a body is titled by its name.
  auto r2 = merge_all({mk("a", 0, "publication", "The Harbour Authority wrote on Monday.")
                           .at(may17, "Monday").with("Harbour Authority").says(quote_a)});
  BOOST_REQUIRE(r2.events.size() == 1u);
  BOOST_TEST(r2.events[0].title == "Harbour Authority: \u201C" + quote_a + "\u201D");
  // A long quotation is cut, and keeps its closing mark within the length.
  auto r3 = merge_all({mk("a", 0, "statement", "Varga said so on Monday.").at(may17, "Monday").by("Ada Varga")
                           .says(quote_a + " and " + quote_b + " and " + quote_a)});
  BOOST_REQUIRE(r3.events.size() == 1u);
  const auto& t = r3.events[0].title;
  BOOST_TEST(t.rfind("Varga: \u201CThe harbour will reopen", 0) == 0u);
  BOOST_TEST(t.ends_with("\u2026\u201D"));
  std::size_t cps = 0;
  for (unsigned char c : t) cps += (c & 0xC0) != 0x80;
  BOOST_TEST(cps <= 100u);
}

BOOST_AUTO_TEST_CASE(options_from_toml_with_positions) {
  ::annalist::merge::options o;
  diagnostics d;
  BOOST_TEST(::annalist::merge::options::apply("[merge]\nquote_same = 0.6\ntitle_max = 80\n", "c.toml", o, d));
  BOOST_TEST(o.quote_same == 0.6);
  BOOST_TEST(o.title_max == 80);
  BOOST_TEST(!::annalist::merge::options::apply("[merge]\nquote_sam = 0.6\n", "c.toml", o, d));
  BOOST_REQUIRE(d.size() == 1u);
  BOOST_TEST(d[0].to_string() == "c.toml:2:13: error: config: unknown key 'quote_sam' in [merge] (did you mean 'quote_same'?)");
  d.clear();
  BOOST_TEST(!::annalist::merge::options::apply("[merge]\nquote_veto = 2\n", "c.toml", o, d));
  BOOST_TEST(d.at(0).message == "[merge] quote_veto must lie in [0, 1]");
  d.clear();
  BOOST_TEST(::annalist::merge::options::apply("[merge]\njoin_threshold = 3.5\n", "c.toml", o, d));
  BOOST_TEST(o.join_threshold == 3.5);
  // the shipped defaults parse and equal the built-in ones
  const std::string path = std::string(ANNALIST_SOURCE_DIR) + "/config/default.toml";
  std::ifstream in(path);
  if (in) {
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ::annalist::merge::options shipped;
    diagnostics d2;
    BOOST_TEST(::annalist::merge::options::apply(text, path, shipped, d2));
    const ::annalist::merge::options built;
    BOOST_TEST(shipped.merge_threshold == built.merge_threshold);
    BOOST_TEST(shipped.join_threshold == built.join_threshold);
    BOOST_TEST(shipped.quote_same == built.quote_same);
    BOOST_TEST(shipped.undated_lexical == built.undated_lexical);
  }
}

BOOST_AUTO_TEST_SUITE_END()
