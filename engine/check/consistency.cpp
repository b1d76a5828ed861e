// The consistency checks over a built timeline (check.h: check_timeline).
//
// Each check reads either the merged timeline (conflicts, agreements, containment, a past
// report of something others date later) or one document's resolved expressions (weekday,
// tense, publication). A finding cites the mentions it rests on; the events stage's mention is
// used when one carries the expression, so that the sentence cited is the one the timeline shows.
#include <algorithm>
#include <map>
#include <set>
#include <string>

#include <fmt/format.h>

#include "check/check.h"
#include "check/evidence.h"
#include "events/tokens.h"
#include "tagger/lexicon.h"

namespace annalist::check {

namespace {

using corpus::published_from;

std::string join(const std::vector<std::string>& xs, std::string_view sep = ", ") {
  std::string r;
  for (const auto& x : xs) {
    if (!r.empty()) r += sep;
    r += x;
  }
  return r;
}

// The event a kind names in prose: "news_conference" -> "news conference".
std::string kind_words(std::string_view kind) {
  std::string r(kind.empty() ? "event" : kind);
  std::replace(r.begin(), r.end(), '_', ' ');
  return r;
}

// A mention carries its own date (not one inherited from the sentence before).
bool own_date(const events::mention& m) { return m.dated() && !m.time_inherited && m.time_span.size() > 0; }

bool stated_publication(const corpus::publication_time& p) {
  return p.local && (p.from == published_from::manifest || p.from == published_from::header);
}

class checker {
 public:
  checker(const corpus::corpus& c, const merge::timeline& t, const inputs& in)
      : c_(c), t_(t), in_(in), lex_(in.tagger_lexicon) {
    for (std::uint32_t i = 0; i < c.documents.size(); ++i) {
      index_[c.documents[i].id] = i;
      timexes_.push_back(resolve_document(c.documents[i], lex_));
    }
    for (std::size_t e = 0; e < t.events.size(); ++e)
      for (const auto& m : t.events[e].mentions)
        if (own_date(m)) carried_.emplace(key{doc_of(m), m.time_span.start}, std::make_pair(e, &m));
  }

  report run() {
    report r;
    conflicts(r.findings);
    agreements(r.findings);
    containment(r.findings);
    expressions(r.findings);
    reported_past(r.findings);
    normalize(r.findings);
    return r;
  }

 private:
  using key = std::pair<std::uint32_t, std::uint32_t>;  // document index, time expression start
  const corpus::corpus& c_;
  const merge::timeline& t_;
  const inputs& in_;
  const tagger::lexicon& lex_;
  std::map<std::string, std::uint32_t> index_;
  std::vector<std::vector<resolve::timex>> timexes_;
  std::map<key, std::pair<std::size_t, const events::mention*>> carried_;

  std::uint32_t doc_of(const events::mention& m) const {
    const auto it = index_.find(m.document);
    return it == index_.end() ? m.document_index : it->second;
  }
  const corpus::document& doc(const events::mention& m) const { return c_.documents[doc_of(m)]; }

  cited cite(const events::mention& m) const {
    cited x;
    x.mention = m;
    const auto& d = doc(m);
    if (m.time_span.size() > 0) x.file_time = {d.original_offset(m.time_span.start), d.original_offset(m.time_span.end)};
    x.value = m.time ? m.time->timex : std::string();
    return x;
  }

  // The timeline's mention for an expression when one carries it, else a stand-in.
  cited cite(std::uint32_t d, const resolve::timex& t) const {
    if (const auto it = carried_.find({d, t.start}); it != carried_.end()) return cite(*it->second.second);
    return cite(mention_for(c_.documents[d], d, t));
  }

  const resolve::timex* timex_of(const events::mention& m) const {
    for (const auto& t : timexes_[doc_of(m)])
      if (t.start == m.time_span.start && t.end == m.time_span.end) return &t;
    return nullptr;
  }

  std::vector<std::string> documents_of(const std::vector<const events::mention*>& ms) const {
    std::set<std::pair<std::uint32_t, std::string>> ids;
    for (const auto* m : ms) ids.emplace(doc_of(*m), m->document);
    std::vector<std::string> r;
    for (const auto& [i, id] : ids) r.push_back(id);
    return r;
  }

  static std::vector<const events::mention*> dated_mentions(const merge::event& e) {
    std::vector<const events::mention*> r;
    for (const auto& m : e.mentions)
      if (own_date(m)) r.push_back(&m);
    if (r.empty())
      for (const auto& m : e.mentions)
        if (m.dated()) r.push_back(&m);
    return r;
  }

  // A deictic expression depends on the publication time; say so when it is the suspect.
  std::string publication_hint(const std::vector<const events::mention*>& ms) const {
    std::vector<std::string> docs;
    for (const auto* m : ms) {
      const auto* t = timex_of(*m);
      if (t && t->anchor == time::anchor_kind::publication)
        docs.push_back(fmt::format("{}'s publication time ({})", m->document, doc(*m).published.timex()));
    }
    std::sort(docs.begin(), docs.end());
    docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
    return docs.empty() ? std::string() : fmt::format(", or {}", join(docs, " and "));
  }

  void conflict_between(const merge::event& a, const merge::event& b, std::vector<finding>& out) const {
    if (!a.value.span || !b.value.span || a.value.span->overlaps(*b.value.span)) return;
    auto ma = dated_mentions(a), mb = dated_mentions(b);
    if (ma.empty() || mb.empty()) return;
    auto da = documents_of(ma), db = documents_of(mb);
    // The side fewer sources support is the one to check first.
    const bool a_suspect = da.size() < db.size() || (da.size() == db.size() && a.value.timex > b.value.timex);
    const auto& [sus, sus_docs, sus_ms] = a_suspect ? std::tie(a, da, ma) : std::tie(b, db, mb);
    const auto& [other, other_docs] = a_suspect ? std::tie(b, db) : std::tie(a, da);
    std::vector<std::string> texts;
    for (const auto* m : sus_ms) texts.push_back(fmt::format("{} '{}'", m->document, m->time_text));
    finding f;
    f.kind = finding_kind::conflict;
    f.level = severity::error;
    f.event = other.id;
    f.event_title = other.title;
    f.values = {sus.value.timex, other.value.timex};
    for (const auto* m : sus_ms) f.mentions.push_back(cite(*m));
    for (const auto* m : dated_mentions(other)) f.mentions.push_back(cite(*m));
    f.explanation = fmt::format(
        "{} date{} this {} {}, {} date{} it {}: both cannot be true; check {}{}",
        join(sus_docs), sus_docs.size() == 1 ? "s" : "", kind_words(other.kind), sus.value.timex,
        join(other_docs), other_docs.size() == 1 ? "s" : "", other.value.timex, join(texts),
        publication_hint(sus_ms));
    out.push_back(std::move(f));
  }

  void conflicts(std::vector<finding>& out) const {
    // Pairs to look at: the merge's candidates, and day-dated events a few days apart that no
    // document dates both ways (one that does tells two happenings apart itself).
    std::set<std::pair<std::size_t, std::size_t>> pairs;
    for (const auto& cand : t_.candidates)
      if (cand.first < t_.events.size() && cand.second < t_.events.size())
        pairs.emplace(std::min(cand.first, cand.second), std::max(cand.first, cand.second));
    std::vector<std::size_t> days;
    for (std::size_t e = 0; e < t_.events.size(); ++e)
      if (t_.events[e].value.span && t_.events[e].value.gran <= time::granularity::day) days.push_back(e);
    std::sort(days.begin(), days.end(), [&](std::size_t a, std::size_t b) {
      return t_.events[a].value.span->start < t_.events[b].value.span->start;
    });
    const auto window = date::days{in_.merge_options.conflict_window_days};
    for (std::size_t i = 0; i < days.size(); ++i)
      for (std::size_t j = i + 1; j < days.size(); ++j) {
        const auto& a = t_.events[days[i]];
        const auto& b = t_.events[days[j]];
        if (first_day(b.value) - first_day(a.value) > window) break;
        pairs.emplace(std::min(days[i], days[j]), std::max(days[i], days[j]));
      }
    for (const auto& [x, y] : pairs) {
      const auto& a = t_.events[x];
      const auto& b = t_.events[y];
      const auto da = documents_of(dated_mentions(a)), db = documents_of(dated_mentions(b));
      bool disjoint = true;
      for (const auto& d : da) disjoint = disjoint && std::find(db.begin(), db.end(), d) == db.end();
      if (!disjoint || !same_happening(a, b, in_.events_lexicon)) continue;
      conflict_between(a, b, out);
    }
    // The merge never joins mentions dated on different days; should one event still hold
    // disjoint dates (a coarse and a fine value that miss each other), they are a conflict too.
    for (const auto& e : t_.events) {
      const auto ms = dated_mentions(e);
      for (std::size_t i = 0; i < ms.size(); ++i)
        for (std::size_t j = i + 1; j < ms.size(); ++j) {
          if (ms[i]->time->span->overlaps(*ms[j]->time->span)) continue;
          finding f;
          f.kind = finding_kind::conflict;
          f.level = severity::error;
          f.event = e.id;
          f.event_title = e.title;
          f.values = {ms[i]->time->timex, ms[j]->time->timex};
          f.mentions = {cite(*ms[i]), cite(*ms[j])};
          f.explanation = fmt::format("{} '{}' ({}) and {} '{}' ({}) date one {} on days that do not meet",
                                      ms[i]->document, ms[i]->time_text, ms[i]->time->timex,
                                      ms[j]->document, ms[j]->time_text, ms[j]->time->timex,
                                      kind_words(e.kind));
          out.push_back(std::move(f));
        }
    }
  }

  void agreements(std::vector<finding>& out) const {
    for (const auto& e : t_.events) {
      std::vector<const events::mention*> ms;
      for (const auto& m : e.mentions)
        if (own_date(m)) ms.push_back(&m);
      const auto docs = documents_of(ms);
      if (docs.size() < 2) continue;
      finding f;
      f.kind = finding_kind::agreement;
      f.level = severity::note;
      f.event = e.id;
      f.event_title = e.title;
      std::vector<std::string> said;
      for (const auto* m : ms) {
        f.mentions.push_back(cite(*m));
        if (std::find(f.values.begin(), f.values.end(), m->time->timex) == f.values.end())
          f.values.push_back(m->time->timex);
      }
      for (const auto& x : f.mentions) said.push_back(fmt::format("{} '{}'", x.mention.document, x.mention.time_text));
      f.explanation = fmt::format("{} all date this {} {}", join(said), kind_words(e.kind), e.value.timex);
      out.push_back(std::move(f));
    }
  }

  // Two mentions of one account in one document: adjacent sentences, compatible kinds, a
  // shared actor (or one continues the other).
  bool same_account(const events::mention& a, const events::mention& b) const {
    if (a.document != b.document) return false;
    const auto gap = a.sentence_index > b.sentence_index ? a.sentence_index - b.sentence_index
                                                         : b.sentence_index - a.sentence_index;
    if (gap > 1) return false;
    if (!in_.events_lexicon.compatible(a.kind, b.kind)) return false;
    // The same people (or, where none is named, the same other actors): a meeting of ministers
    // next to a summit of presidents is two accounts.
    if (std::set<std::string>(a.persons.begin(), a.persons.end()) !=
        std::set<std::string>(b.persons.begin(), b.persons.end()))
      return false;
    for (const auto& x : a.actors)
      if (std::find(b.actors.begin(), b.actors.end(), x) != b.actors.end()) return true;
    return false;
  }

  void containment(std::vector<finding>& out) const {
    std::vector<const events::mention*> all;
    for (const auto& e : t_.events)
      for (const auto& m : e.mentions)
        if (own_date(m)) all.push_back(&m);
    for (const auto* fine : all)
      for (const auto* coarse : all) {
        if (fine == coarse || !(fine->time->gran < coarse->time->gran)) continue;
        if (coarse->time->gran == time::granularity::none || !same_account(*fine, *coarse)) continue;
        const auto& fs = *fine->time->span;
        const auto& cs = *coarse->time->span;
        if (fs.overlaps(cs) && !cs.contains(fs)) continue;  // straddles: neither agrees nor contradicts
        finding f;
        f.kind = cs.contains(fs) ? finding_kind::agreement : finding_kind::containment;
        f.level = cs.contains(fs) ? severity::note : severity::warning;
        f.values = {fine->time->timex, coarse->time->timex};
        f.mentions = {cite(*fine), cite(*coarse)};
        f.explanation =
            cs.contains(fs)
                ? fmt::format("{}: '{}' ({}) lies within '{}' ({} to {}) of the same account", fine->document,
                              fine->time_text, fine->time->timex, coarse->time_text, time::iso_date(cs.start),
                              time::iso_date(cs.end))
                : fmt::format("{}: '{}' ({}) falls outside '{}' ({} to {}) that the same account gives it; one of "
                              "the two is wrong",
                              fine->document, fine->time_text, fine->time->timex, coarse->time_text,
                              time::iso_date(cs.start), time::iso_date(cs.end));
        out.push_back(std::move(f));
      }
  }

  // Findings about single expressions: a weekday their date does not fall on, a tense their
  // date contradicts given the publication time.
  void expressions(std::vector<finding>& out) const {
    for (std::uint32_t di = 0; di < c_.documents.size(); ++di) {
      const auto& d = c_.documents[di];
      for (const auto& t : timexes_[di]) {
        if (t.unresolved || !t.value.span || t.value.type == time::timex_type::set ||
            t.value.type == time::timex_type::duration)
          continue;
        weekday(di, d, t, out);
        tense_against_publication(di, d, t, out);
      }
    }
  }

  void weekday(std::uint32_t di, const corpus::document& d, const resolve::timex& t, std::vector<finding>& out) const {
    if (t.value.gran > time::granularity::day) return;
    const auto stated = stated_weekday(d.text, t.start, t.end, lex_);
    if (!stated) return;
    const date::weekday actual{first_day(t.value)};
    if (actual.iso_encoding() == *stated) return;
    finding f;
    f.kind = finding_kind::weekday;
    f.level = severity::warning;
    f.mentions = {cite(di, t)};
    f.values = {t.value.timex};
    f.explanation = fmt::format("{}: '{}' names a {} but {} is a {}; the weekday or the date is wrong", d.id,
                                t.text, weekday_name(*stated, lex_), t.value.timex,
                                weekday_name(actual.iso_encoding(), lex_));
    out.push_back(std::move(f));
  }

  void tense_against_publication(std::uint32_t di, const corpus::document& d, const resolve::timex& t,
                                 std::vector<finding>& out) const {
    if (!d.published.local || t.cue.empty()) return;
    const bool absolute = t.anchor == time::anchor_kind::absolute;
    // A relative expression fixes its own direction ("next month"); only a cue the lexicon lists
    // says enough against it: an -ed word may be an adjective ("diametrically opposed").
    const auto said = absolute ? tense_of(t.cue, lex_) : listed_tense_of(t.cue, lex_);
    if (said == tense::unknown) return;
    const auto pub = date::floor<date::days>(*d.published.local);
    const bool late = said == tense::past && first_day(t.value) > pub;
    const bool early = said == tense::future && end_day(t.value) <= pub;
    if (!late && !early) return;
    finding f;
    f.mentions = {cite(di, t)};
    f.values = {t.value.timex, d.published.timex()};
    if (const auto it = carried_.find({di, t.start}); it != carried_.end()) {
      f.event = t_.events[it->second.first].id;
      f.event_title = t_.events[it->second.first].title;
    }
    // A date stated in full does not depend on the publication time: then it is the stated
    // publication time that the text contradicts.
    if (absolute && stated_publication(d.published)) {
      f.kind = finding_kind::publication;
      f.level = severity::error;
      f.explanation = fmt::format(
          "{} is said to be published {} ({}), but reports '{}' ({}) as {}; check its publication time",
          d.id, d.published.timex(), corpus::to_string(d.published.from), t.text, t.value.timex,
          late ? "past" : "still to come");
    } else {
      f.kind = finding_kind::tense;
      f.level = severity::warning;
      f.explanation = fmt::format("{}: '{}' is told in the {} tense ('{}') but resolves to {}, {} publication ({})",
                                  d.id, t.text, late ? "past" : "future", t.cue, t.value.timex,
                                  late ? "after its" : "before its", d.published.timex());
    }
    out.push_back(std::move(f));
  }

  // A document that tells as done ("met", "withdrew") an event that other sources date after
  // its publication day: the tense, or the publication time, is wrong.
  void reported_past(std::vector<finding>& out) const {
    for (const auto& e : t_.events) {
      if (!e.value.span || e.value.gran > time::granularity::day) continue;
      const auto dated = dated_mentions(e);
      const auto dating_docs = documents_of(dated);
      for (const auto& m : e.mentions) {
        if (own_date(m) || !m.verb) continue;
        const auto& d = doc(m);
        if (!d.published.local || std::find(dating_docs.begin(), dating_docs.end(), m.document) != dating_docs.end())
          continue;
        if (tense_of(m.trigger_text, lex_) != tense::past) continue;
        const auto pub = date::floor<date::days>(*d.published.local);
        if (first_day(e.value) <= pub) continue;
        finding f;
        f.kind = stated_publication(d.published) ? finding_kind::publication : finding_kind::tense;
        f.level = severity::warning;
        f.event = e.id;
        f.event_title = e.title;
        f.values = {e.value.timex, d.published.timex()};
        f.mentions.push_back(cite(m));
        for (const auto* x : dated) f.mentions.push_back(cite(*x));
        f.explanation = fmt::format(
            "{} (published {}) reports '{}' as done, but {} date{} this {} {}, later; check {}'s publication time",
            m.document, d.published.timex(), m.trigger_text, join(dating_docs), dating_docs.size() == 1 ? "s" : "",
            kind_words(e.kind), e.value.timex, m.document);
        out.push_back(std::move(f));
      }
    }
  }
};

}  // namespace

report check_timeline(const corpus::corpus& c, const merge::timeline& t, const inputs& in) {
  return checker(c, t, in).run();
}

merge::conflict to_conflict(const finding& f) {
  merge::conflict c;
  c.event = f.event;
  c.values = f.values;
  for (const auto& m : f.mentions) c.mentions.push_back(m.mention);
  c.explanation = f.explanation;
  return c;
}

}  // namespace annalist::check
