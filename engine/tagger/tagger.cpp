#include "tagger/tagger.h"

#include <algorithm>

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
    case shape::count_: break;
  }
  return false;
}

bool in_list(const std::vector<std::string>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool ends_with_any(std::string_view w, const std::vector<std::string>& suffixes) {
  return std::any_of(suffixes.begin(), suffixes.end(), [&](const std::string& s) { return w.ends_with(s); });
}

class matcher {
 public:
  matcher(const lexicon& lex, const tokens& toks) : lex_(lex), toks_(toks) {
    index_items();
  }

  std::vector<mention> run() {
    std::vector<mention> out;
    const std::uint32_t n = static_cast<std::uint32_t>(toks_.size());
    std::uint32_t i = 0;
    while (i < n) {
      if (toks_.list[i].kind == token_kind::skip || toks_.list[i].kind == token_kind::punct) {
        // Punctuation may open a pattern ("'80s"), so only skip when the trie has no edge for it.
        if (toks_.list[i].kind == token_kind::skip || root_edge_[i] == kNoEdge) {
          ++i;
          continue;
        }
      }
      start_ = i;
      best_end_ = i;
      best_pattern_ = 0;
      path_.clear();
      best_path_.clear();
      walk(0, i);
      if (best_end_ == i) { ++i; continue; }
      const auto& p = lex_.patterns()[best_pattern_];
      if (!p.negative) out.push_back(build(i, best_end_));
      i = best_end_;
    }
    return out;
  }

 private:
  const lexicon& lex_;
  const tokens& toks_;
  std::vector<std::uint32_t> item_begin_;  // items of token p: items_[item_begin_[p] .. item_begin_[p+1])
  std::vector<lexical_item> items_;
  // The root's literal edge for each token, looked up once (the root is tried at every token).
  static constexpr std::uint32_t kNoEdge = 0xFFFFFFFF;
  std::vector<std::uint32_t> root_edge_;
  std::uint32_t start_ = 0, best_end_ = 0, best_pattern_ = 0;
  std::vector<step> path_, best_path_;

  void index_items() {
    const std::size_t n = toks_.size();
    item_begin_.assign(n + 1, 0);
    root_edge_.assign(n, kNoEdge);
    const auto& root = lex_.trie[0].literal;
    for (std::size_t p = 0; p < n; ++p) {
      item_begin_[p] = static_cast<std::uint32_t>(items_.size());
      if (const auto it = root.find(toks_.norm(p)); it != root.end()) root_edge_[p] = it->second;
      const auto& t = toks_.list[p];
      if (t.kind != token_kind::word && t.kind != token_kind::punct && t.kind != token_kind::number &&
          t.kind != token_kind::ordinal)
        continue;
      const auto it = lex_.forms_by_first.find(toks_.norm(p));
      if (it == lex_.forms_by_first.end()) continue;
      for (const auto& f : it->second) {
        if (p + 1 + f.rest.size() > n) continue;
        bool ok = true;
        for (std::size_t k = 0; k < f.rest.size() && ok; ++k) ok = toks_.norm(p + 1 + k) == f.rest[k];
        if (!ok) continue;
        items_.push_back({lex_.entries()[f.entry].cls, static_cast<std::uint16_t>(1 + f.rest.size()), f.entry});
      }
    }
    item_begin_[n] = static_cast<std::uint32_t>(items_.size());
  }

  bool guard_ok(const pattern& p, std::uint32_t end) const {
    if (p.guard.empty()) return true;
    const auto& toks = toks_.list;
    if (p.guard == "bare_year") {
      if (start_ > 0) {
        const auto prev = toks_.norm(start_ - 1);
        if (in_list(lex_.year_guard_before, prev)) return false;
        // glued to a word or number by a hyphen or slash: "F-1986", "1986/87" parts
        if (!toks[start_].space_before && (prev == "-" || prev == "/" || prev == "." || prev == ":"))
          return false;
        if (!toks[start_].space_before && toks[start_ - 1].kind == token_kind::word) return false;
      }
      if (end < toks.size()) {
        const auto next = toks_.norm(end);
        const auto& nt = toks[end];
        if (in_list(lex_.year_guard_after, next)) return false;
        if (!nt.space_before && (next == "-" || next == "/" || next == ":") && end + 1 < toks.size() &&
            toks[end + 1].kind != token_kind::number)
          return false;  // "2000-strong", "1000-page"
        // a decimal: "closed at 2082.1"
        if (!nt.space_before && next == "." && end + 1 < toks.size() && !toks[end + 1].space_before &&
            toks[end + 1].kind == token_kind::number)
          return false;
        if (!nt.space_before && nt.kind == token_kind::word) return false;
        // a count of something: "2000 soldiers", "1500 delegates" (plural endings: lexicon settings)
        if (nt.kind == token_kind::word && !nt.capitalized && next.size() >= 5 &&
            ends_with_any(next, lex_.plural_suffixes) && !ends_with_any(next, lex_.not_plural_suffixes))
          return false;
      }
      return true;
    }
    if (p.guard == "capitalized") {
      // A month name that is also a word ("May", "March") is the month when capitalized, and,
      // at the start of a sentence, only when a number or punctuation follows it.
      if (!toks[start_].capitalized) return false;
      const bool sentence_start = start_ == 0 || toks[start_].newline_before ||
                                  toks_.norm(start_ - 1) == "." || toks_.norm(start_ - 1) == "\"";
      if (sentence_start)
        return end < toks.size() && (toks[end].kind == token_kind::punct || toks[end].kind == token_kind::number);
      return true;
    }
    // "after:W1|W2": the token before the expression is one of the words; "before:" the token
    // after it.
    const bool after = p.guard.starts_with("after:"), before = p.guard.starts_with("before:");
    if (after || before) {
      if (after ? start_ == 0 : end >= toks.size()) return false;
      const auto word = toks_.norm(after ? start_ - 1 : end);
      std::string_view list = std::string_view(p.guard).substr(after ? 6 : 7);
      while (!list.empty()) {
        const auto bar = list.find('|');
        if (list.substr(0, bar) == word) return true;
        if (bar == std::string_view::npos) break;
        list.remove_prefix(bar + 1);
      }
      return false;
    }
    if (p.guard == "clause_end") {
      // Nothing follows in the clause ("two days before."), or the phrase is set off by a comma
      // as an apposition to a date ("on May 18, a day before the summit"); not "two days before
      // the vote", which counts from the vote.
      if (start_ > 0 && toks_.norm(start_ - 1) == ",") return true;
      return end >= toks.size() || toks[end].kind == token_kind::punct || toks[end].newline_before;
    }
    if (p.guard == "not_after_number") {
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
    if (!node.literal.empty()) {
      // The root's edge was looked up once per token; small nodes are scanned (cheaper than
      // hashing the token again), large ones hashed.
      std::uint32_t child = kNoEdge;
      if (node_id == 0) {
        child = root_edge_[p];
      } else if (node.literal.size() <= 8) {
        const auto w = toks_.norm(p);
        for (const auto& [lit, c] : node.literal)
          if (lit == w) { child = c; break; }
      } else if (const auto it = node.literal.find(toks_.norm(p)); it != node.literal.end()) {
        child = it->second;
      }
      if (child != kNoEdge) {
        path_.push_back({p, kNoEntry, 0xFFFF, std::nullopt, false});
        walk(child, p + 1);
        path_.pop_back();
      }
    }
    for (const auto& e : node.classes) {
      if (e.cls < shape_count) {
        if (!shape_matches(t, e.cls)) continue;
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
  }

  static void bind(meaning& m, const step& s, int v) {
    if (s.add && m.get(*s.bind) != unset) v += m.get(*s.bind);
    m.set(*s.bind, v);
  }

  void apply_shape(meaning& m, const step& s) const {
    const auto& t = toks_.list[s.token];
    if (s.bind) {
      bind(m, s, t.num);
      return;
    }
    switch (static_cast<shape>(s.cls)) {
      case shape::int_: m.set(field::amount, t.num); break;
      case shape::day: m.set(field::day, t.num); break;
      case shape::year: m.set(field::year, t.num); break;
      case shape::ord: m.set(field::ordinal, t.num); break;
      case shape::clock:
        m.set(field::hour, t.num);
        m.set(field::minute, t.num2);
        break;
      case shape::isodate:
        m.set(field::year, t.num);
        m.set(field::month, t.num2);
        m.set(field::day, t.num3);
        break;
      case shape::slashdate: {
        m.set(field::month, lex_.slash_month_first ? t.num : t.num2);
        m.set(field::day, lex_.slash_month_first ? t.num2 : t.num);
        if (t.num3 >= 100) m.set(field::year, t.num3);
        else if (t.num3 >= 0) m.set(field::yy, t.num3);
        break;
      }
      case shape::decade:
        m.set(field::decade, t.num >= 100 ? t.num : t.num);
        if (t.num < 100) m.set(field::yy, t.num);
        break;
      case shape::count_: break;
    }
  }

  mention build(std::uint32_t first, std::uint32_t last) const {
    mention out;
    out.first = first;
    out.last = last;
    out.start = toks_.list[first].start;
    out.end = toks_.list[last - 1].end;
    out.pattern = best_pattern_;
    for (const auto& s : best_path_) {
      if (s.entry != kNoEntry) {
        const auto& e = lex_.entries()[s.entry];
        for (const auto& st : e.sets) out.what.apply(st);
        if (s.bind && e.value != unset) bind(out.what, s, e.value);
        out.entries.push_back(s.entry);
      } else if (s.cls != 0xFFFF) {
        apply_shape(out.what, s);
      }
    }
    for (const auto& st : lex_.patterns()[best_pattern_].sets) out.what.apply(st);
    return out;
  }
};

}  // namespace

tag_result tag(std::string_view text, const lexicon& lex) {
  tag_result r;
  r.toks = tokenize(text);
  matcher m(lex, r.toks);
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
