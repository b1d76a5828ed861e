#include "tagger/tagger.h"

#include <algorithm>
#include <bit>

#include <fmt/format.h>

namespace annalist::tagger {

namespace {

struct lexical_item {
  std::uint16_t cls;
  std::uint16_t len;  // tokens
  std::uint32_t entry;
};

// One step of a match path: which element matched which tokens.
struct step {
  std::uint32_t token;
  std::uint32_t entry;         // lexicon entry, or kNoEntry for literals and shapes
  std::uint16_t cls;           // class id (shapes included); 0xFFFF for literals
  std::optional<field> bind;
  bool add = false;
};
constexpr std::uint32_t kNoEntry = 0xFFFFFFFF;
constexpr std::uint16_t kLiteral = 0xFFFF;    // step.cls of a literal
constexpr std::uint16_t kConnector = 0xFFFE;  // step.cls of a range's connector

bool shape_matches(const token& t, std::uint16_t cls) {
  switch (static_cast<shape>(cls)) {
    case shape::int_: return t.kind == token_kind::number && t.digits <= 4 && t.num >= 0;
    case shape::day: return t.kind == token_kind::number && t.digits <= 2 && t.num >= 1 && t.num <= 31;
    case shape::year: return t.kind == token_kind::number && t.digits == 4 && t.num >= 1000 && t.num <= 2199;
    case shape::ord: return t.kind == token_kind::ordinal;
    case shape::clock: return t.kind == token_kind::clock;
    case shape::isodate: return t.kind == token_kind::isodate;
    case shape::slashdate: return t.kind == token_kind::slashdate && t.num3 >= 0;
    case shape::decade: return t.kind == token_kind::decade;
    case shape::yy: return t.kind == token_kind::number && t.digits == 2;
    case shape::hhmm:
      return t.kind == token_kind::number && t.digits == 4 && t.num >= 0 && t.num / 100 <= 23 && t.num % 100 <= 59;
    case shape::fraction:  // a proper fraction: "1/2", "3/4" (not the date "5/18/2021")
      return t.kind == token_kind::slashdate && t.num3 < 0 && t.num >= 1 && t.num < t.num2 && t.num2 <= 16;
    case shape::decimal: return t.kind == token_kind::decimal;
    case shape::dotclock:  // "14.02": two digits after the dot, a valid hour and minute
      return t.kind == token_kind::decimal && t.num3 == 2 && t.num >= 0 && t.num <= 23 && t.num2 <= 59;
    case shape::count_: break;
  }
  return false;
}

// Token kinds some built-in shape accepts (see shape_matches): all but words, punctuation and
// skipped tokens, which the enumeration lists first and last (one comparison, as this is asked
// for every token).
bool has_shape(token_kind k) {
  static_assert(token_kind::number == token_kind{1} && token_kind::decimal == token_kind{7} &&
                token_kind::punct == token_kind{8} && token_kind::skip == token_kind{9});
  return static_cast<unsigned>(k) - 1u < 7u;
}

bool in_list(const std::vector<std::string>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool ends_with_any(std::string_view w, const std::vector<std::string>& suffixes) {
  return std::any_of(suffixes.begin(), suffixes.end(), [&](const std::string& s) { return w.ends_with(s); });
}

class matcher {
 public:
  matcher(const lexicon& lex, const tokens& toks, const tense_probe& tense)
      : lex_(lex), toks_(toks), tense_(tense) {
    index_items();
  }

  std::vector<mention> run() {
    std::vector<mention> out;
    const std::uint32_t n = static_cast<std::uint32_t>(toks_.size());
    // A mention is about 760 bytes and dense text has one every few tokens: growing the vector
    // step by step moved every mention a dozen times into freshly faulted pages (most of the
    // time on a list of dates). Room for one per two tokens is reserved up front instead; pages
    // that no mention touches are never faulted in.
    out.reserve(n / 2 + 1);
    std::uint32_t i = 0;
    while (i < n) {
      // Most tokens can start nothing: no root literal edge, no lexical item, no numeric shape,
      // no root connector (what walk() would try). Punctuation may open a pattern ("'80s"), but
      // only by a literal.
      const auto& t = toks_.list[i];
      if (t.kind == token_kind::skip ||
          (root_edge_[i] == kNoEdge &&
           (t.kind == token_kind::punct ||
            (item_begin_[i] == item_begin_[i + 1] && !has_shape(t.kind) && !root_connector(t.sym))))) {
        ++i;
        continue;
      }
      start_ = i;
      best_end_ = i;
      best_pattern_ = 0;
      path_.clear();
      best_path_.clear();
      walk(0, i);
      if (best_end_ == i) { ++i; continue; }
      const auto& p = lex_.patterns()[best_pattern_];
      if (p.range) build_range(i, best_end_, out);
      else if (!p.negative) out.push_back(build(i, best_end_, best_path_));
      i = best_end_;
    }
    return out;
  }

 private:
  const lexicon& lex_;
  const tokens& toks_;
  const tense_probe& tense_;
  std::vector<std::uint32_t> item_begin_;  // items of token p: items_[item_begin_[p] .. item_begin_[p+1])
  std::vector<lexical_item> items_;
  // The root's literal edge for each token, looked up once (the root is tried at every token).
  static constexpr std::uint32_t kNoEdge = lexicon::no_child;
  std::vector<std::uint32_t> root_edge_;
  // The built-in shapes each token fits, a bit per shape (shape_matches, once per token).
  std::vector<std::uint16_t> shapes_;
  static_assert(shape_count <= 16);
  // The class edges walk() takes at a token, as indices into the node's `classes`: a stack shared
  // by the nested calls, each of which uses the part above what its callers left.
  std::vector<std::uint32_t> fired_;
  std::uint32_t start_ = 0, best_end_ = 0, best_pattern_ = 0;
  bool probing_ = false;  // inside date_starts_at's lookahead
  std::vector<step> path_, best_path_;

  // Whether a connector edge leaves the root for this symbol (a pattern whose elements before
  // its connector are all optional).
  bool root_connector(std::uint32_t sym) const {
    for (const auto& e : lex_.trie[0].connectors)
      if (e.sym == sym && sym != symbol_table::none) return true;
    return false;
  }

  void index_items() {
    const std::size_t n = toks_.size();
    item_begin_.assign(n + 1, 0);
    root_edge_.assign(n, kNoEdge);
    shapes_.assign(n, 0);
    for (std::size_t p = 0; p < n; ++p) {
      item_begin_[p] = static_cast<std::uint32_t>(items_.size());
      const auto& t = toks_.list[p];
      if (has_shape(t.kind))
        for (std::uint16_t s = 0; s < shape_count; ++s)
          if (shape_matches(t, s)) shapes_[p] |= static_cast<std::uint16_t>(1u << s);
      if (t.sym == symbol_table::none) continue;  // a word the lexicon never mentions
      root_edge_[p] = lex_.root_child(t.sym);
      if (t.kind != token_kind::word && t.kind != token_kind::punct && t.kind != token_kind::number &&
          t.kind != token_kind::ordinal)
        continue;
      // When the next token continues no form, only the forms of one token can match: they are
      // listed apart, so that the others are not even read.
      const bool may_continue = p + 1 < n && lex_.continues_form(toks_.list[p + 1].sym);
      for (const auto& f : may_continue ? lex_.forms_starting(t.sym) : lex_.single_forms_starting(t.sym)) {
        if (p + 1 + f.rest.size() > n) continue;
        bool ok = true;
        for (std::size_t k = 0; k < f.rest.size() && ok; ++k) ok = toks_.list[p + 1 + k].sym == f.rest[k];
        if (!ok) continue;
        items_.push_back({f.cls, static_cast<std::uint16_t>(1 + f.rest.size()), f.entry});
      }
    }
    item_begin_[n] = static_cast<std::uint32_t>(items_.size());
  }

  // "a week" after a number or a counted noun is a rate, not a duration: "$2 million a year",
  // "four flights a week", "24 hours a day" (the article is `rate_articles`, the words before
  // it `rate_after`, or a plural by the bare-year guard's endings).
  bool rate(std::uint32_t at) const {
    const auto& toks = toks_.list;
    if (at == 0 || !in_list(lex_.rate_articles, toks_.norm(at))) return false;
    const auto& pt = toks[at - 1];
    const auto prev = toks_.norm(at - 1);
    if (pt.kind == token_kind::number || in_list(lex_.rate_after, prev)) return true;
    return pt.kind == token_kind::word && !pt.capitalized && prev.size() >= 4 &&
           ends_with_any(prev, lex_.plural_suffixes) && !ends_with_any(prev, lex_.not_plural_suffixes);
  }

  // A common word capitalized inside a sentence of lower-case prose is part of a name: the
  // programmes "This Week" and "60 Minutes", the film "High Noon", the "Spring of Life" rallies.
  // A headline in title case capitalizes every word, so there the capital says nothing.
  bool looks_like_title(std::uint32_t end) const {
    const auto& toks = toks_.list;
    bool capital_inside = false;
    auto ends_sentence = [&](std::uint32_t q) {  // token q closes a sentence (or a clause before a quote)
      const auto w = toks_.norm(q);
      return w == "." || w == "!" || w == "?" || w == ":" || w == ",";
    };
    for (std::uint32_t p = start_; p < end; ++p) {
      // A quotation opens a sentence too: '..., "Today we agreed"', but not the title in 'the
      // "Spring of Life" rallies'.
      const bool opens_sentence =
          p == 0 || toks[p].newline_before ||
          (ends_sentence(p - 1) && toks_.norm(p - 1) != "," && toks_.norm(p - 1) != ":") ||
          (toks_.norm(p - 1) == "\"" && (p == 1 || toks[p - 1].newline_before || ends_sentence(p - 2)));
      if (toks[p].kind == token_kind::word && toks[p].capitalized && !opens_sentence) capital_inside = true;
    }
    return capital_inside && !title_case_line(start_, end);
  }

  // Whether the line around tokens [first, end) is in title case: most of its longer words
  // capitalized.
  bool title_case_line(std::uint32_t first, std::uint32_t end) const {
    const auto& toks = toks_.list;
    std::uint32_t from = first, to = end;
    while (from > 0 && !toks[from].newline_before && first - from < 40) --from;
    while (to < toks.size() && !toks[to].newline_before && to - end < 40) ++to;
    int words = 0, capitals = 0;
    for (std::uint32_t p = from; p < to; ++p) {
      if (toks[p].kind != token_kind::word || toks[p].end - toks[p].start < 4) continue;
      ++words;
      capitals += toks[p].capitalized;
    }
    return words > 0 && 10 * capitals >= 7 * words;
  }

  bool guard_ok(const pattern& p, std::uint32_t end) {
    for (const auto& g : p.guards)
      if (!check(g, end)) return false;
    return true;
  }

  // A word list of a guard ("after:for|over|in") holds `w`.
  static bool listed(std::string_view list, std::string_view w) {
    while (!list.empty()) {
      const auto bar = list.find('|');
      if (list.substr(0, bar) == w) return true;
      if (bar == std::string_view::npos) break;
      list.remove_prefix(bar + 1);
    }
    return false;
  }

  // What follows the number ending at `end` makes it an amount or a code, not a date:
  // "2000 percent", "2000-strong", "2082.1", "1500 delegates" (lists: lexicon settings).
  bool amount_follows(std::uint32_t end) const {
    const auto& toks = toks_.list;
    if (end >= toks.size()) return false;
    const auto next = toks_.norm(end);
    const auto& nt = toks[end];
    if (in_list(lex_.year_guard_after, next)) return true;
    if (!nt.space_before && (next == "-" || next == "/" || next == ":") && end + 1 < toks.size() &&
        toks[end + 1].kind != token_kind::number)
      return true;
    if (!nt.space_before && next == "." && end + 1 < toks.size() && !toks[end + 1].space_before &&
        toks[end + 1].kind == token_kind::number)
      return true;
    if (!nt.space_before && nt.kind == token_kind::word) return true;
    return nt.kind == token_kind::word && !nt.capitalized && next.size() >= 5 &&
           ends_with_any(next, lex_.plural_suffixes) && !ends_with_any(next, lex_.not_plural_suffixes);
  }

  // Whether the longest match starting at token `p` says a point in time ("Christmas", "last
  // Tuesday", "May 18"): not a duration, a set, a vague or fuzzy reference, or another offset.
  // The walk runs nested inside the current one, whose state is set aside meanwhile.
  bool date_starts_at(std::uint32_t p) {
    // An offset's date is no offset itself, so the lookahead never nests: a text of a thousand
    // "a day after"s costs a thousand short lookaheads, not a thousand-deep recursion.
    if (p >= toks_.size() || probing_) return false;
    probing_ = true;
    auto saved_path = std::move(path_), saved_best = std::move(best_path_);
    const auto saved_start = start_, saved_end = best_end_, saved_pattern = best_pattern_;
    start_ = best_end_ = p;
    best_pattern_ = 0;
    path_.clear();
    best_path_.clear();
    walk(0, p);
    bool date = false;
    if (best_end_ > p) {
      const auto& pat = lex_.patterns()[best_pattern_];
      if (!pat.negative && !pat.range) {
        const auto m = build(p, best_end_, best_path_).what;
        const auto type = m.text(field::type);
        const bool point = m.has(field::day) || m.has(field::weekday) || m.has(field::holiday) ||
                           m.has(field::month) || m.has(field::year) || m.has(field::season) ||
                           m.has(field::quarter) || (m.has(field::shift) && m.has(field::unit));
        date = point && type != "duration" && type != "set" && !m.flag(field::frequency) &&
               !m.flag(field::vague) && !m.has(field::ref) && !m.has(field::direction) && !m.has(field::special);
      }
    }
    path_ = std::move(saved_path);
    best_path_ = std::move(saved_best);
    start_ = saved_start;
    best_end_ = saved_end;
    best_pattern_ = saved_pattern;
    probing_ = false;
    return date;
  }

  bool check(std::string_view guard, std::uint32_t end) {
    const auto& toks = toks_.list;
    if (guard == "bare_year") {
      if (start_ > 0) {
        const auto prev = toks_.norm(start_ - 1);
        if (in_list(lex_.year_guard_before, prev)) return false;
        // glued to a word or number by a hyphen or slash: "F-1986", "1986/87" parts
        if (!toks[start_].space_before && (prev == "-" || prev == "/" || prev == "." || prev == ":"))
          return false;
        if (!toks[start_].space_before && toks[start_ - 1].kind == token_kind::word) return false;
        // A name and a number: "Base 2010", "Orion 1980", "Q-Series 2000": a capitalized word
        // the lexicon does not know, inside a sentence of prose, makes the number part of a
        // name (a month, holiday or season before a year is a lexicon word; a headline
        // capitalizes every word, so there the capital says nothing).
        const auto& pt = toks[start_ - 1];
        const auto before = start_ >= 2 ? toks_.norm(start_ - 2) : std::string_view{};
        const bool opens_sentence = start_ < 2 || pt.newline_before || before == "." || before == "!" ||
                                    before == "?" || before == ":" || before == "\"";
        if (pt.kind == token_kind::word && pt.capitalized && pt.sym == symbol_table::none && !opens_sentence &&
            !title_case_line(start_, end))
          return false;
      }
      return !amount_follows(end);
    }
    if (guard == "not_amount") return !amount_follows(end);
    if (guard == "capitalized_words") {
      // Every word of the expression (a range's connector aside) is capitalized: "17-19 May".
      for (const auto& s : path_) {
        if (s.cls == kConnector) continue;
        const auto& t = toks[s.token];
        if (t.kind == token_kind::word && !t.capitalized) return false;
      }
      return true;
    }
    if (guard == "prose_case") return !looks_like_title(end);
    if (guard == "not_rate") return !rate(start_);
    if (guard == "future") return tense_ && tense_(toks_, start_, end) > 0;
    if (guard.starts_with("not_before:"))
      return end >= toks.size() || !listed(guard.substr(11), toks_.norm(end));
    if (guard.starts_with("not_after:")) return start_ == 0 || !listed(guard.substr(10), toks_.norm(start_ - 1));
    auto sentence_start = [&] {
      return start_ == 0 || toks[start_].newline_before || toks_.norm(start_ - 1) == "." ||
             toks_.norm(start_ - 1) == "\"";
    };
    if (guard == "sentence_start") return sentence_start();
    if (guard == "capitalized") {
      // A month name that is also a word ("May", "March") is the month when capitalized, and,
      // at the start of a sentence, only when a number or punctuation follows it.
      if (!toks[start_].capitalized) return false;
      if (sentence_start())
        return end < toks.size() && (toks[end].kind == token_kind::punct || toks[end].kind == token_kind::number);
      return true;
    }
    // "capitalized:CLASS": every token the match took through that class is capitalized ("this
    // march" is a protest, "this March" a month).
    if (guard.starts_with("capitalized:")) {
      const auto cls = lex_.class_id(guard.substr(12));
      for (const auto& s : path_)
        if (cls && s.cls == *cls && !toks[s.token].capitalized) return false;
      return true;
    }
    // "after:W1|W2": the token before the expression is one of the words; "before:" the token
    // after it; "not_before:" the token after it is none of them (or there is none);
    // "not_after:" the token before it is none of them (checked above).
    if (guard.starts_with("after:")) return start_ > 0 && listed(guard.substr(6), toks_.norm(start_ - 1));
    if (guard.starts_with("before:")) return end < toks.size() && listed(guard.substr(7), toks_.norm(end));
    if (guard == "clause_end") {
      // Nothing follows in the clause ("two days before."), or the phrase is set off by a comma
      // as an apposition to a date ("on May 18, a day before the summit"); not "two days before
      // the vote", which counts from the vote.
      if (start_ > 0 && toks_.norm(start_ - 1) == ",") return true;
      return end >= toks.size() || toks[end].kind == token_kind::punct || toks[end].newline_before;
    }
    if (guard == "before_date") return date_starts_at(end);
    if (guard == "not_after_number") {
      return !(start_ > 0 && toks[start_ - 1].kind == token_kind::number);
    }
    return true;
  }

  void accept(const lexicon::node& node, std::uint32_t p) {
    // An expression never ends on a comma, hyphen or apostrophe an optional element took in.
    const auto last = toks_.norm(p - 1);
    if (toks_.list[p - 1].kind == token_kind::punct && (last == "," || last == "-" || last == "'")) return;
    for (const auto pid : node.accept) {
      const auto& pat = lex_.patterns()[pid];
      if (!guard_ok(pat, p)) continue;
      const bool better = p > best_end_ || (p == best_end_ && best_end_ > start_ && pid < best_pattern_);
      if (better) {
        best_end_ = p;
        best_pattern_ = pid;
        best_path_ = path_;
      }
      break;  // accept lists are in lexicon order: the first that passes its guard is the one
    }
  }

  void walk(std::uint32_t node_id, std::uint32_t p) {
    const auto& node = lex_.trie[node_id];
    if (!node.accept.empty() && p > start_) accept(node, p);
    if (p >= toks_.size()) return;
    const auto& t = toks_.list[p];
    if (!node.literal.empty() && t.sym != symbol_table::none) {
      // The root's edge was looked up once per token (the root is tried at every token).
      const std::uint32_t child = node_id == 0 ? root_edge_[p] : node.literal_child(t.sym);
      if (child != kNoEdge) {
        path_.push_back({p, kNoEntry, kLiteral, std::nullopt, false});
        walk(child, p + 1);
        path_.pop_back();
      }
    }
    for (const auto& e : node.connectors) {
      if (e.sym != t.sym || t.sym == symbol_table::none) continue;
      path_.push_back({p, kNoEntry, kConnector, std::nullopt, false});
      walk(e.child, p + 1);
      path_.pop_back();
    }
    // A class edge takes a lexical item that starts here or a numeric shape; most words have
    // neither, and the root alone has dozens of class edges to go through.
    if (item_begin_[p] == item_begin_[p + 1] && shapes_[p] == 0) return;
    if (node.classes.empty()) return;
    // Only the edges of the token's classes can be taken: they are looked up by class and tried
    // in edge order, as a loop over every edge would.
    const std::size_t base = fired_.size();
    const auto fire = [&](std::uint16_t cls) {
      for (const auto& s : node.edges_of(cls)) fired_.push_back(s.edge);
    };
    for (unsigned m = shapes_[p]; m != 0; m &= m - 1) fire(static_cast<std::uint16_t>(std::countr_zero(m)));
    for (std::uint32_t k = item_begin_[p]; k < item_begin_[p + 1]; ++k) fire(items_[k].cls);
    std::sort(fired_.begin() + base, fired_.end());
    fired_.erase(std::unique(fired_.begin() + base, fired_.end()), fired_.end());  // items of one class
    const std::size_t top = fired_.size();
    for (std::size_t f = base; f < top; ++f) {
      const auto& e = node.classes[fired_[f]];  // by index: the nested calls may grow fired_
      if (e.cls < shape_count) {
        path_.push_back({p, kNoEntry, e.cls, e.bind, e.add});
        walk(e.child, p + 1);
        path_.pop_back();
        continue;
      }
      for (std::uint32_t k = item_begin_[p]; k < item_begin_[p + 1]; ++k) {
        const auto& it = items_[k];
        if (it.cls != e.cls) continue;
        path_.push_back({p, it.entry, e.cls, e.bind, e.add});
        walk(e.child, p + it.len);
        path_.pop_back();
      }
    }
    fired_.resize(base);
  }

  static void bind(meaning& m, const step& s, int v) {
    if (s.add && m.get(*s.bind) != unset) v += m.get(*s.bind);
    m.set(*s.bind, v);
  }

  void apply_shape(meaning& m, const step& s) const {
    const auto& t = toks_.list[s.token];
    if (s.bind && s.cls != static_cast<std::uint16_t>(shape::fraction) &&
        s.cls != static_cast<std::uint16_t>(shape::decimal) && s.cls != static_cast<std::uint16_t>(shape::dotclock)) {
      bind(m, s, t.num);
      return;
    }
    switch (static_cast<shape>(s.cls)) {
      case shape::int_: m.set(field::amount, t.num); break;
      case shape::day: m.set(field::day, t.num); break;
      case shape::year: m.set(field::year, t.num); break;
      case shape::ord: m.set(field::ordinal, t.num); break;
      case shape::clock:
      case shape::dotclock:  // "14.02": the decimal's two parts are the hour and the minute
        m.set(field::hour, t.num);
        m.set(field::minute, t.num2);
        break;
      case shape::isodate:
        m.set(field::year, t.num);
        m.set(field::month, t.num2);
        m.set(field::day, t.num3);
        break;
      case shape::slashdate: {
        // The lexicon's order, unless only the other one makes a date: "17/05/2021" in an
        // English text that writes 5/17/2021 is still May 17.
        bool month_first = lex_.slash_month_first;
        if (month_first && t.num > 12 && t.num2 <= 12) month_first = false;
        else if (!month_first && t.num2 > 12 && t.num <= 12) month_first = true;
        m.set(field::month, month_first ? t.num : t.num2);
        m.set(field::day, month_first ? t.num2 : t.num);
        if (t.num3 >= 100) m.set(field::year, t.num3);
        else if (t.num3 >= 0) m.set(field::yy, t.num3);
        break;
      }
      case shape::decade:
        m.set(field::decade, t.num >= 100 ? t.num : t.num);
        if (t.num < 100) m.set(field::yy, t.num);
        break;
      case shape::yy: m.set(field::yy, t.num); break;
      case shape::hhmm:
        m.set(field::hour, t.num / 100);
        m.set(field::minute, t.num % 100);
        break;
      case shape::fraction:
        m.set(field::numerator, t.num);
        m.set(field::denominator, t.num2);
        break;
      case shape::decimal: {
        int den = 1;
        for (int k = 0; k < t.num3; ++k) den *= 10;
        m.set(field::amount, t.num);
        m.set(field::numerator, t.num2);
        m.set(field::denominator, den);
        m.set(field::decimal, 1);
        break;
      }
      case shape::count_: break;
    }
  }

  mention build(std::uint32_t first, std::uint32_t last, const std::vector<step>& path) const {
    mention out;
    out.first = first;
    out.last = last;
    out.start = toks_.list[first].start;
    out.end = toks_.list[last - 1].end;
    out.pattern = best_pattern_;
    for (const auto& s : path) {
      if (s.entry != kNoEntry) {
        const auto& e = lex_.entries()[s.entry];
        for (const auto& st : e.sets) out.what.apply(st);
        if (s.bind && e.value != unset) bind(out.what, s, e.value);
        out.entries.push_back(s.entry);
      } else if (s.cls != kLiteral && s.cls != kConnector) {
        apply_shape(out.what, s);
      }
    }
    for (const auto& st : lex_.patterns()[best_pattern_].sets) out.what.apply(st);
    return out;
  }

  // A range: one mention per endpoint, split at the connector.
  void build_range(std::uint32_t first, std::uint32_t last, std::vector<mention>& out) const {
    const auto conn = std::find_if(best_path_.begin(), best_path_.end(),
                                   [](const step& s) { return s.cls == kConnector; });
    if (conn == best_path_.end()) return;
    const std::uint32_t at = conn->token;
    mention a = build(first, at, {best_path_.begin(), conn});
    mention b = build(at + 1, last, {conn + 1, best_path_.end()});
    const bool b_stands_alone = b.what.has(field::month) || b.what.has(field::year) || b.what.has(field::weekday);
    complete_range(a.what, b.what);
    if (!in_order(a.what, b.what)) {
      // "from March 3 to March 1", "May 19-17": no range. The first endpoint is a date of its
      // own; the second only when it says all it needs ("March 1"), not when elliptical ("17").
      a = build(first, at, {best_path_.begin(), conn});
      out.push_back(std::move(a));
      if (b_stands_alone) out.push_back(build(at + 1, last, {conn + 1, best_path_.end()}));
      return;
    }
    a.range = 1;
    b.range = 2;
    out.push_back(std::move(a));
    out.push_back(std::move(b));
  }

  // The second endpoint does not come before the first, as far as the fields tell; a month
  // earlier than the first's is the next year's only across a turn of the year ("Dec. 30-Jan.
  // 2"), at most two months on.
  static bool in_order(const meaning& a, const meaning& b) {
    const auto both = [&](field f) { return a.has(f) && b.has(f); };
    if (both(field::year) && a.get(field::year) != b.get(field::year))
      return a.get(field::year) < b.get(field::year);
    if (both(field::month) && a.get(field::month) != b.get(field::month)) {
      if (a.get(field::month) < b.get(field::month)) return true;
      const bool turn = !(both(field::year)) || b.get(field::year) > a.get(field::year);
      return turn && b.get(field::month) + 12 - a.get(field::month) <= 2;
    }
    if (both(field::day)) return a.get(field::day) <= b.get(field::day);
    return true;
  }

  // An endpoint takes what it leaves out from the other: "May 17-19" (19 is in May), "17-19
  // May", "May 17-19, 2021" (the year is both endpoints'), "1992-93" (93 is in 1992's century).
  static void complete_range(meaning& a, meaning& b) {
    const auto finer_than_year = [](const meaning& m) {
      return m.has(field::month) || m.has(field::day) || m.has(field::season) || m.has(field::quarter) ||
             m.has(field::half);
    };
    if (a.has(field::year) && !b.has(field::year) && b.has(field::yy) && !finer_than_year(b)) {
      int y = a.get(field::year) / 100 * 100 + b.get(field::yy);
      if (y <= a.get(field::year)) y += 100;
      b.set(field::year, y);
      b.clear(field::yy);
    }
    // "between 2 and 4 p.m.": the first hour shares the second's half of the day, unless it
    // would then come after it ("11 to 1 p.m." starts before noon).
    if (b.has(field::ampm) && !a.has(field::ampm) && a.has(field::hour) && b.has(field::hour) &&
        a.get(field::hour) <= b.get(field::hour))
      a.set(field::ampm, b.text(field::ampm));
    // "Monday and Tuesday nights": recurring days share the part of the day written once.
    if (a.flag(field::frequency) && a.has(field::weekday) && !a.has(field::part) && b.has(field::part))
      a.set(field::part, b.text(field::part));
    if (a.has(field::month) && !b.has(field::month) && b.has(field::day)) b.set(field::month, a.get(field::month));
    if (b.has(field::month) && !a.has(field::month) && a.has(field::day)) a.set(field::month, b.get(field::month));
    // A year stated on one endpoint is the other's, a turn of the year between them counted:
    // "Dec. 30-Jan. 2, 2021" starts in 2020.
    const bool months = a.has(field::month) && b.has(field::month);
    if (b.has(field::year) && !a.has(field::year) && !a.has(field::yy) && finer_than_year(a)) {
      const bool back = months && a.get(field::month) > b.get(field::month);
      a.set(field::year, b.get(field::year) - (back ? 1 : 0));
    }
    if (a.has(field::year) && !b.has(field::year) && !b.has(field::yy) && finer_than_year(b)) {
      const bool on = months && b.get(field::month) < a.get(field::month);
      b.set(field::year, a.get(field::year) + (on ? 1 : 0));
    }
  }
};

}  // namespace

tag_result tag(std::string_view text, const lexicon& lex, const tense_probe& tense) {
  tag_result r;
  r.toks = tokenize(text, &lex.symbols);
  matcher m(lex, r.toks, tense);
  r.mentions = m.run();
  return r;
}

std::string rule_chain(const mention& m, const lexicon& lex) {
  const auto& p = lex.patterns()[m.pattern];
  std::string out = fmt::format("{} ({}:{})", p.name, p.origin.file, p.origin.where.line);
  for (const auto e : m.entries) {
    const auto& en = lex.entries()[e];
    out += fmt::format(" <- {} '{}' ({}:{})", lex.class_name(en.cls), en.form, en.origin.file,
                       en.origin.where.line);
  }
  return out;
}

}  // namespace annalist::tagger
