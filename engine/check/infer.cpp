// Publication-time inference (check.h: infer_publication_times).
//
// A document with no stated publication time is first read without one: expressions stated in
// full (with their year) resolve anyway, and their tense bounds the day the text was written —
// what it tells as done happened before, what it announces had not yet. Within those bounds each
// candidate day D is tried as the publication day: the document is resolved and its events
// extracted as if published on D, then merged with the documents whose publication is known.
// The days on which the most of its dated mentions agree with the other sources (and the fewest
// land on a conflicting date) form the inferred interval; within it the most likely day is the
// one its deictic expressions sit closest to (news reports what is recent: "voted on May 19"
// read from the day before would be a year-old vote), ties going to the earliest.
#include <algorithm>
#include <limits>
#include <set>
#include <string>

#include <fmt/format.h>

#include "check/check.h"
#include "check/evidence.h"
#include "events/extract.h"
#include "merge/merge.h"
#include "merge/pipeline.h"
#include "tagger/lexicon.h"

namespace annalist::check {

namespace {

using days = date::days;
using date::local_days;

std::string iso(local_days d) { return time::iso_date(time::local_minutes{d.time_since_epoch()}); }

// Candidates are tried this far on either side of the dates the corpus suggests.
constexpr int window_days = 14;
// A deictic expression further than this from the candidate day costs no more: beyond a month
// the distance says nothing about which nearby day is right.
constexpr int distance_cap = 31;
constexpr std::size_t evidence_max = 10;

struct bounds {
  std::optional<local_days> lower, upper;  // inclusive
  std::vector<std::string> evidence;
  std::optional<int> latest_year;
};

bounds read_bounds(const corpus::document& d, const std::vector<resolve::timex>& undated,
                   const tagger::lexicon& lex) {
  bounds b;
  for (const auto& t : undated) {
    if (t.unresolved || !t.value.span || t.anchor != time::anchor_kind::absolute) continue;
    if (t.value.type == time::timex_type::duration || t.value.type == time::timex_type::set) continue;
    const auto first = first_day(t.value), last = end_day(t.value) - days{1};
    if (t.value.gran == time::granularity::year || t.value.gran <= time::granularity::month) {
      const int y = static_cast<int>(date::year_month_day{last}.year());
      if (!b.latest_year || y > *b.latest_year) b.latest_year = y;
    }
    const auto said = t.cue.empty() ? tense::unknown : tense_of(t.cue, lex);
    if (said == tense::past && (!b.lower || first > *b.lower)) {
      b.lower = first;
      b.evidence.push_back(fmt::format("on or after {}: '{}' is told as past ('{}')", iso(first), t.text, t.cue));
    } else if (said == tense::future && (!b.upper || last < *b.upper)) {
      b.upper = last;
      b.evidence.push_back(fmt::format("on or before {}: '{}' is still to come ('{}')", iso(last), t.text, t.cue));
    }
  }
  (void)d;
  return b;
}

struct trial {
  local_days day;
  int agree = 0, disagree = 0;
  int distance = 0;
  std::vector<std::string> evidence;
};

class inferrer {
 public:
  inferrer(const corpus::corpus& c, const inputs& in)
      : in_(in), names_(events::collect_names(c.documents, in.events_lexicon)) {
    for (std::uint32_t i = 0; i < c.documents.size(); ++i) {
      const auto& d = c.documents[i];
      if (!d.published.local) continue;
      known_days_.push_back(date::floor<days>(*d.published.local));
      for (auto& m : extract(d, i)) reference_.push_back(std::move(m));
    }
    reference_events_ = merge::merge_mentions(std::move(reference_), in.events_lexicon, in.merge_options).events;
  }

  inference infer(corpus::document& d, std::uint32_t index) const {
    inference r;
    r.document = d.id;
    const auto undated = resolve::annotate(d.text, {}, in_.tagger_lexicon);
    auto b = read_bounds(d, undated, in_.tagger_lexicon);

    const auto candidates = candidate_days(d, undated, b);
    if (candidates.empty()) {
      r.evidence = b.evidence;
      r.evidence.push_back("no dated evidence to place the publication day: left unknown");
      return r;
    }
    std::vector<trial> trials;
    for (const auto day : candidates) trials.push_back(try_day(d, index, day));

    int best_net = std::numeric_limits<int>::min();
    for (const auto& t : trials) best_net = std::max(best_net, t.agree - t.disagree);
    // The best day, then the run of consecutive best-scoring days around it.
    std::size_t pick = trials.size();
    for (std::size_t i = 0; i < trials.size(); ++i) {
      if (trials[i].agree - trials[i].disagree != best_net) continue;
      if (pick == trials.size() || trials[i].distance < trials[pick].distance) pick = i;
    }
    std::size_t lo = pick, hi = pick;
    auto best = [&](std::size_t i) { return trials[i].agree - trials[i].disagree == best_net; };
    while (lo > 0 && best(lo - 1) && trials[lo - 1].day + days{1} == trials[lo].day) --lo;
    while (hi + 1 < trials.size() && best(hi + 1) && trials[hi].day + days{1} == trials[hi + 1].day) ++hi;

    const auto& chosen = trials[pick];
    r.range = time::interval{time::local_minutes{trials[lo].day.time_since_epoch()},
                             time::local_minutes{(trials[hi].day + days{1}).time_since_epoch()}};
    r.chosen = time::local_minutes{chosen.day.time_since_epoch()};
    for (const auto& e : chosen.evidence) r.evidence.push_back(e);
    for (const auto& e : b.evidence) r.evidence.push_back(e);
    if (b.latest_year) r.evidence.push_back(fmt::format("the latest year it names is {}", *b.latest_year));
    if (chosen.disagree > 0)
      r.evidence.push_back(fmt::format("{} dated mention{} still disagree{} with other sources on {}", chosen.disagree,
                                       chosen.disagree == 1 ? "" : "s", chosen.disagree == 1 ? "s" : "",
                                       iso(chosen.day)));
    if (r.evidence.size() > evidence_max) r.evidence.resize(evidence_max);

    auto& p = d.published;
    p.from = corpus::published_from::inferred;
    p.local = r.chosen;
    p.gran = time::granularity::day;
    p.where = {};
    p.inferred_range = r.range;
    p.stated = lo == hi ? fmt::format("inferred: {}", iso(chosen.day))
                        : fmt::format("inferred: between {} and {}, most likely {}", iso(trials[lo].day),
                                      iso(trials[hi].day), iso(chosen.day));
    return r;
  }

 private:
  const inputs& in_;
  events::name_index names_;
  std::vector<local_days> known_days_;
  std::vector<events::mention> reference_;
  std::vector<merge::event> reference_events_;  // the documents whose publication is stated

  std::vector<events::mention> extract(const corpus::document& d, std::uint32_t index) const {
    const auto timexes = resolve_document(d, in_.tagger_lexicon);
    auto ms = events::extract(d, index, timexes, in_.events_lexicon, names_);
    for (auto& m : ms) m.file_sentence = {d.original_offset(m.sentence.start), d.original_offset(m.sentence.end)};
    return ms;
  }

  // Days around what the corpus suggests: the other documents' publication days and the full
  // dates this one states; failing both, the latest year it names.
  std::vector<local_days> candidate_days(const corpus::document& d, const std::vector<resolve::timex>& undated,
                                         const bounds& b) const {
    (void)d;
    std::vector<local_days> seeds = known_days_;
    for (const auto& t : undated)
      if (!t.unresolved && t.value.span && t.value.gran <= time::granularity::day &&
          t.anchor == time::anchor_kind::absolute)
        seeds.push_back(first_day(t.value));
    std::set<local_days> days_set;
    auto within = [&](local_days x) { return (!b.lower || x >= *b.lower) && (!b.upper || x <= *b.upper); };
    for (const auto s : seeds)
      for (int k = -window_days; k <= window_days; ++k)
        if (within(s + days{k})) days_set.insert(s + days{k});
    if (days_set.empty()) {
      std::optional<local_days> from;
      if (b.lower) from = *b.lower;
      else if (b.upper) from = *b.upper - days{2 * window_days};
      else if (b.latest_year) from = local_days{date::year{*b.latest_year} / date::January / 1};
      if (from) {
        const int span = b.lower || b.upper ? 2 * window_days : 366;
        for (int k = 0; k <= span; ++k)
          if (within(*from + days{k})) days_set.insert(*from + days{k});
      }
    }
    return {days_set.begin(), days_set.end()};
  }

  trial try_day(const corpus::document& original, std::uint32_t index, local_days day) const {
    trial t;
    t.day = day;
    corpus::document d = original;  // only the publication time differs between trials
    d.published.local = time::local_minutes{day.time_since_epoch()};
    d.published.gran = time::granularity::day;

    const auto timexes = resolve_document(d, in_.tagger_lexicon);
    for (const auto& x : timexes) {
      if (x.unresolved || x.anchor != time::anchor_kind::publication || !x.value.span) continue;
      if (x.value.gran > time::granularity::month) continue;
      const auto first = first_day(x.value), end = end_day(x.value);
      const int dist = day < first ? (first - day).count() : day >= end ? (day - end).count() + 1 : 0;
      t.distance += std::min(dist, distance_cap);
    }

    // Each dated mention of ours against the events the other sources report: the same
    // happening dated the same way agrees, dated otherwise disagrees.
    for (const auto& m : events::extract(d, index, timexes, in_.events_lexicon, names_)) {
      if (!m.dated() || m.time_inherited || m.time_span.size() == 0) continue;
      merge::event mine;
      mine.kind = m.kind;
      mine.place = m.place;
      mine.mentions = {m};
      const merge::event* agreeing = nullptr;
      const merge::event* disagreeing = nullptr;
      for (const auto& e : reference_events_) {
        if (!e.value.span || !same_happening(mine, e, in_.events_lexicon)) continue;
        if (e.value.timex == m.time->timex) agreeing = agreeing ? agreeing : &e;
        else if (!e.value.span->overlaps(*m.time->span) && e.value.gran <= time::granularity::day &&
                 m.time->gran <= time::granularity::day)
          disagreeing = disagreeing ? disagreeing : &e;
      }
      if (agreeing) {
        ++t.agree;
        std::set<std::string> others;
        for (const auto& o : agreeing->mentions)
          if (o.dated() && !o.time_inherited) others.insert(o.document);
        std::string docs;
        for (const auto& o : others) docs += (docs.empty() ? "" : ", ") + o;
        t.evidence.push_back(fmt::format("'{}' puts '{}' on {}, as {} do{}", m.time_text, m.trigger_text,
                                         m.time->timex, docs, others.size() == 1 ? "es" : ""));
      } else if (disagreeing) {
        ++t.disagree;
      }
    }
    return t;
  }
};

}  // namespace

std::vector<inference> infer_publication_times(corpus::corpus& c, const inputs& in) {
  std::vector<inference> out;
  bool any = false;
  for (const auto& d : c.documents) any = any || !d.published.local;
  if (!any) return out;
  // Inferred from the documents whose time is stated only, so that one document's guess never
  // feeds another's and the result does not depend on corpus order.
  const inferrer inf(c, in);
  for (std::uint32_t i = 0; i < c.documents.size(); ++i)
    if (!c.documents[i].published.local) out.push_back(inf.infer(c.documents[i], i));
  return out;
}

checked_timeline build_checked(corpus::corpus& c, const inputs& in) {
  checked_timeline r;
  r.findings.inferred = infer_publication_times(c, in);
  r.timeline = merge::build_timeline(c, in.tagger_lexicon, in.events_lexicon, in.merge_options);
  for (const auto& i : r.findings.inferred)
    for (auto& d : r.timeline.documents)
      if (d.id == i.document && i.range) {
        d.published_range = i.range;
        d.published_evidence = i.evidence;
      }
  auto checked = check_timeline(c, r.timeline, in);
  r.findings.findings = std::move(checked.findings);
  for (const auto& f : r.findings.findings)
    // The timeline's conflicts belong to an event; an error about an expression no event
    // carries stays in the check report.
    if (f.level == severity::error && !f.event.empty()) r.timeline.conflicts.push_back(to_conflict(f));
  return r;
}

}  // namespace annalist::check
