#include "merge/merge.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "events/extract.h"

namespace annalist::merge {

namespace {

using words = std::vector<std::uint64_t>;  // sorted, unique word hashes

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

words hashed(const std::vector<std::string>& ws) {
  words out;
  out.reserve(ws.size());
  for (const auto& w : ws) out.push_back(fnv1a(w));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

/// Size of the intersection of two sorted, duplicate-free vectors (word hashes or entity ids).
template <class T>
std::size_t common(const std::vector<T>& a, const std::vector<T>& b) {
  std::size_t n = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) ++i;
    else if (*j < *i) ++j;
    else { ++n; ++i; ++j; }
  }
  return n;
}

/// `into` becomes the sorted union of itself and `more` (both sorted, duplicate-free).
template <class T>
void unite(std::vector<T>& into, const std::vector<T>& more) {
  std::vector<T> out;
  out.reserve(into.size() + more.size());
  std::set_union(into.begin(), into.end(), more.begin(), more.end(), std::back_inserter(out));
  into.swap(out);
}

/// Share of the shorter quotation's words found in the other; 0 when either is too short to say.
double quote_overlap(const words& a, const words& b) {
  const auto shorter = std::min(a.size(), b.size());
  if (shorter < 3) return 0;
  return double(common(a, b)) / double(shorter);
}

using days = date::days;

std::int64_t day_of(time::local_minutes t) {
  return date::floor<days>(t).time_since_epoch().count();
}

/// Granularity of a value, at least as coarse as a day (parts of days count as days).
bool fine(time::granularity g) { return g <= time::granularity::day; }

struct prepared {
  words sentence, quote;
  std::vector<std::uint32_t> actors, persons;  // interned, sorted
  std::uint32_t place = 0;                     // interned; 0 none
  std::uint32_t speaker = 0;                   // interned; 0 none
  bool has_quote = false;
};

struct cluster {
  time::value value;
  std::string kind;
  std::vector<std::uint32_t> members;
  words vocabulary;
  std::vector<std::uint32_t> quoted;      // members with a quotation
  std::vector<std::uint32_t> actors, persons, places;  // sorted unions
  std::vector<std::uint32_t> speakers;    // sorted
  std::vector<std::uint32_t> dating_docs; // documents that date it themselves, sorted
  bool alive = true;                      // false once joined into another event
  std::vector<std::uint64_t> sentences;   // (document, sentence) of its members, sorted
  bool planned = false;                   // a dated member reports it as planned
};

std::uint64_t sentence_key(const events::mention& m) {
  return (std::uint64_t(m.document_index) << 32) | m.sentence_index;
}

class merger {
 public:
  merger(std::vector<events::mention>& ms, const events::lexicon& lex, const options& o)
      : ms_(ms), lex_(lex), o_(o) {}

  merge_result run();

 private:
  std::uint32_t intern(const std::string& s) {
    auto [it, fresh] = ids_.try_emplace(s, std::uint32_t(ids_.size() + 1));
    return it->second;
  }
  void prepare();
  bool time_fits(const events::mention& m, const cluster& c) const;
  struct evidence {
    bool vetoed = false;
    double quote = 0;        // best quote overlap with the event's quotations
    std::size_t actors = 0;  // shared actors
    std::size_t persons = 0; // shared persons
    bool place = false;
    double lexical = 0;      // share of the mention's words found in the event's
    double total = 0;
  };
  evidence weigh(std::uint32_t m, const cluster& c) const;
  void add(std::uint32_t m, std::uint32_t c);
  double join_score(const cluster& a, const cluster& b) const;
  void join_same_day();
  std::uint32_t open(std::uint32_t m);
  void index(std::uint32_t c);
  std::vector<std::uint32_t> candidates_for(const events::mention& m) const;
  void find_candidates(const std::vector<std::size_t>& event_of_cluster, merge_result& r) const;
  event finish(const cluster& c) const;

  std::vector<events::mention>& ms_;
  const events::lexicon& lex_;
  const options& o_;
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<prepared> prep_;
  std::vector<cluster> clusters_;
  std::vector<std::uint32_t> cluster_of_;  // per mention; UINT32_MAX none
  // Blocking: clusters by day, by month and by year (each also holds the finer clusters in it),
  // clusters stated exactly at a month or a year, clusters coarser than a year, and actors.
  std::unordered_map<std::int64_t, std::vector<std::uint32_t>> by_day_, by_month_, by_year_,
      month_exact_, year_exact_;
  std::vector<std::uint32_t> coarse_;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_actor_;  // (actor, week)
  std::unordered_map<std::string, std::vector<std::uint32_t>> planned_by_kind_;
};

constexpr std::uint32_t none = UINT32_MAX;
constexpr std::int64_t kNoWeek = INT32_MIN;

std::uint64_t actor_week(std::uint32_t actor, std::int64_t week) {
  return (std::uint64_t(actor) << 32) ^ std::uint64_t(std::uint32_t(week));
}

std::int64_t month_key(time::local_minutes t) {
  const date::year_month_day d{date::floor<days>(t)};
  return std::int64_t(int(d.year())) * 12 + std::int64_t(unsigned(d.month())) - 1;
}
std::int64_t year_key(time::local_minutes t) {
  return int(date::year_month_day{date::floor<days>(t)}.year());
}

void merger::prepare() {
  prep_.resize(ms_.size());
  for (std::size_t i = 0; i < ms_.size(); ++i) {
    const auto& m = ms_[i];
    auto& p = prep_[i];
    p.sentence = hashed(events::content_words(m.sentence_text, lex_));
    if (!m.quote.empty()) {
      p.quote = hashed(events::content_words(m.quote, lex_));
      p.has_quote = p.quote.size() >= 3;
    }
    for (const auto& a : m.actors) p.actors.push_back(intern(a));
    for (const auto& a : m.persons) p.persons.push_back(intern(a));
    std::sort(p.actors.begin(), p.actors.end());
    std::sort(p.persons.begin(), p.persons.end());
    if (!m.place.empty()) p.place = intern(m.place);
    if (!m.speaker.empty()) p.speaker = intern(m.speaker);
  }
}

bool merger::time_fits(const events::mention& m, const cluster& c) const {
  const auto& a = *m.time->span;
  const auto& b = *c.value.span;
  // "this weekend" is stated at day granularity but covers two days: it fits either of them
  auto one_day = [](const auto& s) { return day_of(s.start) == day_of(s.end - std::chrono::minutes{1}); };
  if (fine(m.time->gran) && fine(c.value.gran) && one_day(a) && one_day(b))
    return day_of(a.start) == day_of(b.start);
  return a.overlaps(b);
}

merger::evidence merger::weigh(std::uint32_t mi, const cluster& c) const {
  const auto& m = ms_[mi];
  const auto& p = prep_[mi];
  evidence ev;
  if (!lex_.compatible(m.kind, c.kind)) { ev.vetoed = true; return ev; }
  // Two event words of one sentence that extraction kept apart are two events.
  if (std::binary_search(c.sentences.begin(), c.sentences.end(), sentence_key(m))) {
    ev.vetoed = true;
    return ev;
  }
  bool any_quote = false;
  for (auto q : c.quoted) {
    if (!p.has_quote) break;
    any_quote = true;
    ev.quote = std::max(ev.quote, quote_overlap(p.quote, prep_[q].quote));
  }
  if (any_quote && ev.quote < o_.quote_veto) { ev.vetoed = true; return ev; }
  if (!p.persons.empty() && !c.persons.empty() && common(p.persons, c.persons) == 0 &&
      ev.quote < o_.quote_same) {
    ev.vetoed = true;
    return ev;
  }
  // "Blinken said" and "Lavrov said" are two statements, whatever else they share.
  if (p.speaker && !c.speakers.empty() && ev.quote < o_.quote_same &&
      !std::binary_search(c.speakers.begin(), c.speakers.end(), p.speaker)) {
    ev.vetoed = true;
    return ev;
  }
  ev.actors = common(p.actors, c.actors);
  ev.persons = common(p.persons, c.persons);
  ev.place = p.place && std::binary_search(c.places.begin(), c.places.end(), p.place);
  ev.lexical =
      p.sentence.empty() ? 0 : double(common(p.sentence, c.vocabulary)) / double(p.sentence.size());
  ev.total = o_.weight_actor * double(std::min<std::size_t>(2, ev.actors)) +
             (ev.place ? o_.weight_place : 0) + o_.weight_quote * ev.quote +
             o_.weight_lexical * ev.lexical;
  return ev;
}

void merger::add(std::uint32_t mi, std::uint32_t ci) {
  auto& c = clusters_[ci];
  const auto& p = prep_[mi];
  const auto& m = ms_[mi];
  c.members.push_back(mi);
  cluster_of_[mi] = ci;
  const auto sk = sentence_key(m);
  c.sentences.insert(std::lower_bound(c.sentences.begin(), c.sentences.end(), sk), sk);
  // Only dated members describe the event for the mentions still to come: an undated one that
  // joined on thin evidence must not pull in others like it.
  if (!m.dated()) return;
  // A document tells two events of one day apart only when it dates both to the day: "last
  // month" beside "on Sunday" does not say they are different days.
  if (!m.time_inherited && fine(m.time->gran))
    unite(c.dating_docs, std::vector<std::uint32_t>{m.document_index});
  unite(c.vocabulary, p.sentence);
  if (p.has_quote) c.quoted.push_back(mi);
  std::vector<std::uint32_t> before = c.actors;
  unite(c.actors, p.actors);
  unite(c.persons, p.persons);
  if (p.place) unite(c.places, std::vector<std::uint32_t>{p.place});
  if (p.speaker) unite(c.speakers, std::vector<std::uint32_t>{p.speaker});
  // Undated mentions look for events by actor among documents published about when theirs was.
  const std::int64_t week = m.published ? m.published->time_since_epoch().count() / 7 : kNoWeek;
  for (auto a : c.actors) {
    auto& v = by_actor_[actor_week(a, week)];
    if (v.empty() || v.back() != ci) v.push_back(ci);
  }
  if (m.state == events::status::planned && !c.planned) {
    c.planned = true;
    planned_by_kind_[c.kind].push_back(ci);
  }
}

/// Evidence that two events of one day are one, or a negative number when something rules it out.
double merger::join_score(const cluster& a, const cluster& b) const {
  if (!lex_.compatible(a.kind, b.kind)) return -1;
  if (common(a.dating_docs, b.dating_docs) || common(a.sentences, b.sentences)) return -1;
  double quote = 0;
  for (auto x : a.quoted)
    for (auto y : b.quoted) quote = std::max(quote, quote_overlap(prep_[x].quote, prep_[y].quote));
  if (!a.quoted.empty() && !b.quoted.empty() && quote < o_.quote_veto) return -1;
  if (quote < o_.quote_same) {
    if (!a.persons.empty() && !b.persons.empty() && !common(a.persons, b.persons)) return -1;
    if (!a.speakers.empty() && !b.speakers.empty() && !common(a.speakers, b.speakers)) return -1;
  }
  const auto smaller = std::min(a.vocabulary.size(), b.vocabulary.size());
  const double lexical = smaller ? double(common(a.vocabulary, b.vocabulary)) / double(smaller) : 0;
  return o_.weight_actor * double(std::min<std::size_t>(2, common(a.actors, b.actors))) +
         (common(a.places, b.places) ? o_.weight_place : 0) + o_.weight_quote * quote +
         o_.weight_lexical * lexical;
}

void merger::join_same_day() {
  // Candidates share the day and an actor: (actor, day) -> events, in cluster order.
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_actor_day;
  auto key = [](std::uint32_t actor, std::int64_t day) {
    return (std::uint64_t(actor) << 32) ^ std::uint64_t(std::uint32_t(day));
  };
  auto enter = [&](std::uint32_t ci) {
    const auto day = day_of(clusters_[ci].value.span->start);
    for (auto a : clusters_[ci].actors) {
      auto& v = by_actor_day[key(a, day)];
      if (std::find(v.begin(), v.end(), ci) == v.end()) v.push_back(ci);
    }
  };
  for (std::uint32_t ci = 0; ci < clusters_.size(); ++ci)
    if (fine(clusters_[ci].value.gran)) enter(ci);
  // In cluster order, each event takes in the events of its day that score best against it.
  for (std::uint32_t ci = 0; ci < clusters_.size(); ++ci) {
    if (!clusters_[ci].alive || !fine(clusters_[ci].value.gran)) continue;
    for (;;) {
      const auto day = day_of(clusters_[ci].value.span->start);
      std::vector<std::uint32_t> cands;
      for (auto a : clusters_[ci].actors) {
        auto it = by_actor_day.find(key(a, day));
        if (it != by_actor_day.end()) cands.insert(cands.end(), it->second.begin(), it->second.end());
      }
      std::sort(cands.begin(), cands.end());
      cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
      std::uint32_t best = none;
      double best_score = 0;
      for (auto cj : cands) {
        if (cj == ci || !clusters_[cj].alive) continue;
        const double sc = join_score(clusters_[ci], clusters_[cj]);
        if (sc >= o_.join_threshold && (best == none || sc > best_score)) { best = cj; best_score = sc; }
      }
      if (best == none) break;
      const auto [keep, gone] = std::minmax(ci, best);
      auto members = std::move(clusters_[gone].members);
      clusters_[gone].members.clear();
      clusters_[gone].alive = false;
      std::sort(members.begin(), members.end());
      for (auto mi : members) add(mi, keep);
      enter(keep);
      if (keep != ci) break;  // ci itself was taken in by an earlier event
    }
  }
}

std::uint32_t merger::open(std::uint32_t mi) {
  const auto ci = std::uint32_t(clusters_.size());
  cluster c;
  c.value = *ms_[mi].time;
  c.kind = ms_[mi].kind;
  clusters_.push_back(std::move(c));
  index(ci);
  add(mi, ci);
  return ci;
}

void merger::index(std::uint32_t ci) {
  const auto& v = clusters_[ci].value;
  const auto& s = *v.span;
  const auto last = s.end - std::chrono::minutes{1};
  const bool one_day = day_of(s.start) == day_of(last);
  const bool one_month = month_key(s.start) == month_key(last);
  const bool one_year = year_key(s.start) == year_key(last);
  if (one_day) by_day_[day_of(s.start)].push_back(ci);
  if (one_month) {
    by_month_[month_key(s.start)].push_back(ci);
    if (!one_day) month_exact_[month_key(s.start)].push_back(ci);
  }
  if (one_year) {
    by_year_[year_key(s.start)].push_back(ci);
    if (!one_month) year_exact_[year_key(s.start)].push_back(ci);
  } else {
    coarse_.push_back(ci);
  }
}

std::vector<std::uint32_t> merger::candidates_for(const events::mention& m) const {
  std::vector<std::uint32_t> out;
  const auto& s = *m.time->span;
  const auto last = s.end - std::chrono::minutes{1};
  auto take = [&](const auto& map, std::int64_t key) {
    auto it = map.find(key);
    if (it != map.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  };
  const bool one_day = day_of(s.start) == day_of(last);
  const bool one_month = month_key(s.start) == month_key(last);
  const bool one_year = year_key(s.start) == year_key(last);
  if (one_day) {
    take(by_day_, day_of(s.start));
    take(month_exact_, month_key(s.start));
    take(year_exact_, year_key(s.start));
  } else if (one_month) {
    take(by_month_, month_key(s.start));
    take(year_exact_, year_key(s.start));
  } else if (one_year) {
    take(by_year_, year_key(s.start));
  } else {
    // decades and centuries: every year they span (bounded by the value itself)
    for (auto y = year_key(s.start); y <= year_key(last); ++y) take(by_year_, y);
  }
  out.insert(out.end(), coarse_.begin(), coarse_.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

merge_result merger::run() {
  prepare();
  cluster_of_.assign(ms_.size(), none);

  // Document starts, to turn `continues` (per document) into corpus indices.
  std::vector<std::uint32_t> doc_base(ms_.size(), 0);
  for (std::uint32_t i = 1; i < ms_.size(); ++i)
    doc_base[i] = ms_[i].document_index == ms_[i - 1].document_index ? doc_base[i - 1] : i;

  // Dated mentions, finest first, so that a month finds the days already grouped in it.
  std::vector<std::uint32_t> dated, undated;
  for (std::uint32_t i = 0; i < ms_.size(); ++i) (ms_[i].dated() ? dated : undated).push_back(i);
  std::stable_sort(dated.begin(), dated.end(), [&](std::uint32_t a, std::uint32_t b) {
    const auto ga = std::max(ms_[a].time->gran, time::granularity::day);
    const auto gb = std::max(ms_[b].time->gran, time::granularity::day);
    return ga < gb;
  });
  for (auto mi : dated) {
    const auto& m = ms_[mi];
    if (m.continues) {
      const auto head = doc_base[mi] + *m.continues;
      if (head < ms_.size() && cluster_of_[head] != none) {
        add(mi, cluster_of_[head]);
        continue;
      }
    }
    std::uint32_t best = none;
    double best_score = 0;
    for (auto ci : candidates_for(m)) {
      const auto& c = clusters_[ci];
      if (!time_fits(m, c)) continue;
      const auto ev = weigh(mi, c);
      if (ev.vetoed || ev.total < o_.merge_threshold) continue;
      if (best == none || ev.total > best_score) { best = ci; best_score = ev.total; }
    }
    if (best == none) open(mi);
    else add(mi, best);
  }

  join_same_day();

  // Undated mentions join a dated event sharing an actor, or none.
  for (auto mi : undated) {
    const auto& m = ms_[mi];
    if (m.continues) {
      const auto head = doc_base[mi] + *m.continues;
      if (head < ms_.size() && cluster_of_[head] != none) {
        add(mi, cluster_of_[head]);
        continue;
      }
    }
    std::vector<std::uint32_t> cands;
    std::vector<std::int64_t> weeks;
    if (m.published) {
      const auto w = m.published->time_since_epoch().count() / 7, span = (o_.undated_window_days + 6) / 7;
      for (auto k = w - span; k <= w + span; ++k) weeks.push_back(k);
    }
    weeks.push_back(kNoWeek);
    for (auto a : prep_[mi].actors)
      for (auto w : weeks) {
        auto it = by_actor_.find(actor_week(a, w));
        if (it != by_actor_.end()) cands.insert(cands.end(), it->second.begin(), it->second.end());
      }
    std::sort(cands.begin(), cands.end());
    cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
    std::uint32_t best = none;
    double best_score = 0;
    for (auto ci : cands) {
      const auto& c = clusters_[ci];
      if (!c.alive) continue;
      // "FUTURE_REF" and planned mentions belong to events still to come, and past ones to past
      if (m.time && m.time->timex == "FUTURE_REF" && m.state == events::status::happened) continue;
      const auto ev = weigh(mi, c);
      if (ev.vetoed) continue;
      // Without a date, only a quotation or the same people in the same words say which event.
      const bool speech = prep_[mi].has_quote && ev.quote >= o_.quote_same;
      const bool people = !prep_[mi].has_quote &&
                          (ev.persons >= std::size_t(o_.undated_actors) ||
                           (ev.actors >= 1 && ev.lexical >= o_.undated_lexical));
      if (!speech && !people) continue;
      if (best == none || ev.total > best_score) { best = ci; best_score = ev.total; }
    }
    // "a possible summit in the coming weeks": a plan without names is the one plan of its kind
    // the corpus dates, when there is exactly one.
    if (best == none && m.state != events::status::happened) {
      auto it = planned_by_kind_.find(m.kind);
      std::vector<std::uint32_t> plans;
      if (it != planned_by_kind_.end())
        for (auto ci : it->second)
          if (clusters_[ci].alive) plans.push_back(ci);
      if (plans.size() == 1 && !weigh(mi, clusters_[plans.front()]).vetoed) best = plans.front();
    }
    if (best != none) add(mi, best);
  }

  merge_result r;
  std::vector<std::size_t> event_of_cluster(clusters_.size());
  std::vector<std::pair<event, std::uint32_t>> built;
  for (std::uint32_t ci = 0; ci < clusters_.size(); ++ci)
    if (clusters_[ci].alive) built.emplace_back(finish(clusters_[ci]), ci);
  // Stable ids: a collision (same content) gets a suffix in corpus order.
  std::map<std::string, int> seen;
  for (auto& [ev, ci] : built) {
    const int n = seen[ev.id]++;
    if (n) ev.id += fmt::format("-{}", n + 1);
  }
  std::stable_sort(built.begin(), built.end(),
                   [](const auto& a, const auto& b) { return timeline_order(a.first, b.first); });
  for (std::size_t k = 0; k < built.size(); ++k) event_of_cluster[built[k].second] = k;
  for (auto& [ev, ci] : built) r.events.push_back(std::move(ev));
  find_candidates(event_of_cluster, r);
  return r;
}

void merger::find_candidates(const std::vector<std::size_t>& event_of_cluster,
                             merge_result& r) const {
  // Events dated to different days that share a speaker and a quotation (or two persons and
  // most of their words): the same event told differently, for the consistency check.
  const std::int64_t window = o_.conflict_window_days;
  if (window <= 0) return;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> buckets;  // (actor, week)
  auto key = [](std::uint32_t actor, std::int64_t bucket) {
    return (std::uint64_t(actor) << 32) ^ std::uint64_t(bucket & 0xFFFFFFFF);
  };
  for (std::uint32_t ci = 0; ci < clusters_.size(); ++ci) {
    const auto& c = clusters_[ci];
    if (!c.alive || !fine(c.value.gran)) continue;
    for (auto a : c.actors) buckets[key(a, day_of(c.value.span->start) / window)].push_back(ci);
  }
  std::set<std::pair<std::uint32_t, std::uint32_t>> done;
  for (std::uint32_t ci = 0; ci < clusters_.size(); ++ci) {
    const auto& c = clusters_[ci];
    if (!c.alive || !fine(c.value.gran)) continue;
    const auto d = day_of(c.value.span->start);
    for (auto a : c.actors) {
      for (std::int64_t b = d / window - 1; b <= d / window + 1; ++b) {
        auto it = buckets.find(key(a, b));
        if (it == buckets.end()) continue;
        for (auto cj : it->second) {
          if (cj <= ci || !done.insert({ci, cj}).second) continue;
          const auto& o = clusters_[cj];
          const auto d2 = day_of(o.value.span->start);
          if (d2 == d || std::llabs(d2 - d) > window || !lex_.compatible(c.kind, o.kind)) continue;
          double qs = 0;
          std::uint32_t qa = none, qb = none;
          for (auto x : c.quoted)
            for (auto y : o.quoted) {
              const double s = quote_overlap(prep_[x].quote, prep_[y].quote);
              if (s > qs) { qs = s; qa = x; qb = y; }
            }
          std::string why;
          if (qs >= o_.quote_same) {
            why = fmt::format("the same quotation is dated {} by {} and {} by {}",
                              ms_[qa].time->timex, ms_[qa].document, ms_[qb].time->timex,
                              ms_[qb].document);
          } else if (common(c.persons, o.persons) >= 2 && c.quoted.empty() == o.quoted.empty()) {
            const double lex = double(common(c.vocabulary, o.vocabulary)) /
                               double(std::max<std::size_t>(1, std::min(c.vocabulary.size(), o.vocabulary.size())));
            if (lex < 0.5) continue;
            why = fmt::format("the same people and words are dated {} and {}", c.value.timex,
                              o.value.timex);
          } else {
            continue;
          }
          candidate k;
          k.first = event_of_cluster[ci];
          k.second = event_of_cluster[cj];
          if (k.first > k.second) std::swap(k.first, k.second);
          k.score = qs;
          k.explanation = std::move(why);
          r.candidates.push_back(std::move(k));
        }
      }
    }
  }
  std::sort(r.candidates.begin(), r.candidates.end(), [](const candidate& a, const candidate& b) {
    return std::tie(a.first, a.second) < std::tie(b.first, b.second);
  });
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

/// At most `max` code points, cut at a word boundary with an ellipsis.
std::string shorten(std::string s, std::size_t max) {
  if (code_points(s) <= max) return s;
  std::size_t bytes = 0, cps = 0;
  while (bytes < s.size() && cps < max - 1) {
    ++bytes;
    while (bytes < s.size() && (static_cast<unsigned char>(s[bytes]) & 0xC0) == 0x80) ++bytes;
    ++cps;
  }
  std::size_t cut = s.rfind(' ', bytes);
  if (cut == std::string::npos || cut < bytes / 2) cut = bytes;
  s.resize(cut);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == ';' || s.back() == ':'))
    s.pop_back();
  return s + "\u2026";
}

event merger::finish(const cluster& c) const {
  event ev;
  std::vector<std::uint32_t> members = c.members;
  std::sort(members.begin(), members.end());  // corpus order: document, then text

  // Value: the most specific the mentions support; a time of day needs enough documents.
  const events::mention* finest = nullptr;
  for (auto mi : members) {
    const auto& m = ms_[mi];
    if (!m.dated()) continue;
    if (!finest || m.time->gran < finest->time->gran) finest = &m;
  }
  ev.value = finest->time.value();
  if (ev.value.gran < time::granularity::day) {
    std::set<std::string> day_docs, fine_docs;
    for (auto mi : members) {
      const auto& m = ms_[mi];
      if (!m.dated() || !fine(m.time->gran)) continue;
      day_docs.insert(m.document);
      if (m.time->timex == ev.value.timex) fine_docs.insert(m.document);
    }
    if (double(fine_docs.size()) < o_.subday_support * double(day_docs.size())) {
      ev.value = time::value::of_day(date::year_month_day{date::floor<days>(ev.value.span->start)});
    }
  }

  // Kind: the most frequent; status: a past-tense report that it happened outweighs plans.
  std::map<std::string, int> kinds;
  int planned = 0, expected = 0, happened = 0;
  bool reported_done = false;
  for (auto mi : members) {
    const auto& m = ms_[mi];
    // the dated mentions say what the event is; undated ones only joined it
    if (m.dated()) kinds[m.kind] += 2;
    ++kinds[m.kind];
    switch (m.state) {
      case events::status::planned: ++planned; break;
      case events::status::expected: ++expected; break;
      case events::status::happened:
        ++happened;
        reported_done = reported_done || (m.verb && m.dated() && !m.time_inherited);
        break;
    }
  }
  int best_kind = 0;
  for (const auto& [k, n] : kinds)
    if (n > best_kind) { best_kind = n; ev.kind = k; }
  if (reported_done || (happened > planned && happened > expected)) ev.state = events::status::happened;
  else if (expected > planned) ev.state = events::status::expected;
  else ev.state = events::status::planned;

  // Actors by how many mentions name them; place likewise.
  std::map<std::string, std::pair<int, std::size_t>> actors, places;  // name -> (count, first seen)
  std::size_t order = 0;
  for (auto mi : members) {
    for (const auto& a : ms_[mi].actors) {
      auto& e = actors.try_emplace(a, 0, order++).first->second;
      ++e.first;
    }
    if (!ms_[mi].place.empty()) {
      auto& e = places.try_emplace(ms_[mi].place, 0, order++).first->second;
      ++e.first;
    }
  }
  std::vector<std::pair<std::string, std::pair<int, std::size_t>>> av(actors.begin(), actors.end());
  std::stable_sort(av.begin(), av.end(), [](const auto& a, const auto& b) {
    return a.second.first != b.second.first ? a.second.first > b.second.first
                                            : a.second.second < b.second.second;
  });
  // An actor named once among many mentions is usually someone the sentence also talks about.
  for (auto& [name, n] : av)
    if (n.first >= 2 || members.size() <= 2) ev.actors.push_back(name);
  int best_place = 0;
  std::size_t best_first = 0;
  for (const auto& [name, n] : places)
    if (n.first > best_place || (n.first == best_place && n.second < best_first)) {
      best_place = n.first;
      best_first = n.second;
      ev.place = name;
    }

  // Title: from the mention that shares most words with the others (dated, with a verb and
  // actors preferred), extractive.
  const events::mention* rep = nullptr;
  double rep_score = -1;
  std::unordered_map<std::uint64_t, int> word_count;
  for (auto mi : members)
    for (auto w : prep_[mi].sentence) ++word_count[w];
  for (auto mi : members) {
    const auto& m = ms_[mi];
    if (m.headline.empty()) continue;
    const auto& own = prep_[mi].sentence;
    std::size_t shared = 0;
    for (auto w : own) shared += word_count[w] >= 2;  // found in another mention too
    double s = own.empty() ? 0 : 5.0 * double(shared) / double(own.size());
    s += m.dated() && !m.time_inherited ? 3 : 0;
    s += m.verb ? 2 : 0;
    s += m.actors.empty() ? 0 : 1;
    s += m.quote.empty() || m.speaker.empty() ? 0 : 1;  // speech whose speaker is known
    s += m.kind == ev.kind ? 1 : 0;
    s -= double(code_points(m.headline)) / 100.0;  // shorter reads better
    // A title names the action and who acted: "said Varga" names only who.
    {
      std::size_t names = 0;
      const auto ws = events::content_words(m.headline, lex_);
      for (const auto& w : ws)
        for (const auto& a : m.actors)
          if (lex_.fold.fold(a).find(w) != std::string::npos) { ++names; break; }
      if (ws.size() < names + 3) s -= 10;  // only when no other mention says more
    }
    if (s > rep_score) { rep_score = s; rep = &m; }
  }
  if (!rep) rep = &ms_[members.front()];
  // Speech is titled by who spoke (a person by surname; an organisation, "the Harbour Authority", by
  // its name) and what they said.
  const bool speech = !rep->quote.empty() && (!rep->persons.empty() || !rep->actors.empty());
  if (speech) {
    std::string who = rep->speaker;
    if (who.empty() && !rep->persons.empty()) who = rep->persons.front();
    const bool person = !who.empty();
    if (!person) who = rep->actors.front();
    const auto sp = who.rfind(' ');
    const auto full = fmt::format("{}: \u201C{}\u201D", sp == std::string::npos || !person ? who : who.substr(sp + 1),
                                  rep->quote);
    // a cut quotation keeps its closing mark within the length
    ev.title = code_points(full) <= std::size_t(o_.title_max) ? full : shorten(full, std::size_t(o_.title_max) - 1);
    if (ev.title.size() >= 3 && ev.title.compare(ev.title.size() - 3, 3, "\u2026") == 0)
      ev.title += "\u201D";
    if (code_points(ev.title) > std::size_t(o_.title_max)) ev.title = shorten(rep->headline, std::size_t(o_.title_max));
  } else {
    ev.title = shorten(rep->headline.empty() ? rep->trigger_text : rep->headline, std::size_t(o_.title_max));
  }
  if (!ev.title.empty()) {
    // Titles start with a capital, as headlines do (only ASCII letters are touched).
    if (ev.title[0] >= 'a' && ev.title[0] <= 'z') ev.title[0] = char(ev.title[0] - 'a' + 'A');
  }

  // Id: content-derived, so the same corpus gives the same ids on every run.
  const auto& first = ms_[members.front()];
  ev.id = fmt::format("ev-{:012x}", fnv1a(fmt::format("{}|{}|{}|{}", ev.kind, ev.value.timex,
                                                     first.document, first.trigger.start)) &
                                        0xFFFFFFFFFFFFull);
  for (auto mi : members) ev.mentions.push_back(ms_[mi]);
  return ev;
}

}  // namespace

bool timeline_order(const event& a, const event& b) {
  const auto sa = a.value.span ? a.value.span->start : time::local_minutes::min();
  const auto sb = b.value.span ? b.value.span->start : time::local_minutes::min();
  if (sa != sb) return sa < sb;
  if (a.value.gran != b.value.gran) return a.value.gran < b.value.gran;
  return a.id < b.id;
}

merge_result merge_mentions(std::vector<events::mention> mentions, const events::lexicon& lex,
                            const options& opts) {
  merger m(mentions, lex, opts);
  return m.run();
}

}  // namespace annalist::merge
