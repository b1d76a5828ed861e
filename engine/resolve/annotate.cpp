#include "resolve/annotate.h"

#include <algorithm>

#include <fmt/format.h>

#include "resolve/resolver.h"
#include "tagger/lexicon.h"
#include "tagger/tagger.h"

namespace annalist::resolve {

namespace {

using tagger::field;
using tagger::token;
using tagger::token_kind;

// Tokens that close a sentence for the purpose of looking for tense cues.
bool boundary_before(const tagger::tokens& toks, std::size_t p) {
  if (p == 0) return true;
  const auto& t = toks.list[p];
  if (t.newline_before) return true;
  const auto prev = toks.norm(p - 1);
  if (prev == "!" || prev == "?" || prev == ";") return true;
  if (prev != ".") return false;
  if (!t.capitalized && t.kind == token_kind::word) return false;
  // "Birmingham, Ala., killed": an abbreviation's dot before a comma ends no sentence.
  if (t.kind == token_kind::punct && (toks.norm(p) == "," || toks.norm(p) == ";" || toks.norm(p) == ")")) return false;
  // "U.S. officials", "Mr. Lavrov": a single letter or short title before the dot is no end.
  if (p >= 2 && toks.list[p - 2].kind == token_kind::word && toks.list[p - 2].end - toks.list[p - 2].start <= 2)
    return false;
  return true;
}

struct cue {
  direction dir = direction::nearest;
  std::string_view word;  // into the tokens' normalized text
  std::uint32_t sym = tagger::symbol_table::none;  // the word's symbol (for word_list::contains)
  std::size_t distance = 0;
  bool found = false;
  bool by_suffix = false;  // a regular past form found by its ending, not a listed verb
  bool deadline = false;   // a cue with a reach ("by", "due to expire"): it governs the next words only
};

class cue_finder {
 public:
  cue_finder(const tagger::tokens& toks, const tagger::lexicon& lex) : toks_(toks), lex_(lex) {}

  // The nearest tense or modality cue in the mention's sentence, within a few tokens.
  cue find(std::uint32_t first, std::uint32_t last) const {
    constexpr std::size_t window = 12;
    // "Wednesday's ruling", "December's figures": a date that modifies a noun takes its time
    // from that noun, not from the verb of the clause.
    if (glued_after(last, lex_.noun_modifier_after)) return {};
    cue left, right;
    std::size_t aside = 0;  // tokens of closed asides passed over: they count for no distance
    const auto enclosing = enclosing_aside(first);  // the verbs before an aside are not its own
    for (std::size_t k = 1; k <= window + aside && first >= k; ++k) {
      const std::size_t p = first - k;
      if (boundary_before(toks_, p + 1) || (enclosing && p <= *enclosing)) break;
      if (const auto o = aside_opening(p)) {
        aside += p - *o + 1;
        k = first - *o;
        continue;
      }
      if (auto c = at(p, k - aside, true)) {
        left = *c;
        left.distance = k - aside;
        if (c->by_suffix) {
          // The finite verb comes first in its verb group: in "will redeem preferred shares on
          // Oct. 31" or "would be paid on a still unspecified date", the -ed word is an adjective
          // or participle, and the modal further left in the same clause sets the time.
          for (std::size_t j = k + 1; j <= window && first >= j; ++j) {
            const std::size_t q = first - j;
            if (boundary_before(toks_, q + 1) || lex_.clause_breaks.contains(sym(q)) ||
                lex_.clause_starts.contains(sym(q)))
              break;
            const auto m = at(q, j, true);
            if (m && !m->by_suffix) {
              if (m->dir == direction::future) left = *m, left.distance = k - aside;
              break;
            }
          }
        }
        break;
      }
    }
    for (std::size_t p = last, k = 1; p < toks_.size() && k <= window; ++p, ++k) {
      if (boundary_before(toks_, p)) break;
      // A verb after a comma or a conjunction belongs to another clause.
      if (lex_.clause_breaks.contains(sym(p))) break;
      if (auto c = at(p, k, false)) {
        right = *c;
        right.distance = k;
        break;
      }
    }
    if (left.found && left.deadline && lex_.perfect_deadlines.contains(left.sym) &&
        (fronted(first - left.distance) ? in_sentence(first, last, lex_.past_perfect)
                                         : in_clause_before(first - left.distance, lex_.past_perfect))) {
      // "By late Monday, the military had carried out dozens of strikes", "members had filed
      // reports by Wednesday": in the past perfect the deadline has passed. A "had" in another
      // clause ("The sale, which had been expected, is part of a plan to repay the loan by
      // February") leaves the deadline its own direction.
      left.dir = direction::past;
      return left;
    }
    if (left.found && left.deadline && lex_.perfect_deadlines.contains(left.sym) && fronted(first - left.distance)) {
      // "By August, rebels held the east": a deadline at the head of a sentence whose verb is
      // in the simple past has passed too.
      if (const auto main = first_cue_after(last); main && main->dir == direction::past) {
        left.dir = direction::past;
        return left;
      }
    }
    if (left.found && left.deadline && lex_.perfect_deadlines.contains(left.sym) &&
        simple_past_before(first, first - left.distance)) {
      // "The death toll rose to 212 by Friday", "police arrested 20 people by Sunday": the
      // clause's verb is past, and so is its deadline.
      left.dir = direction::past;
      return left;
    }
    if (left.found && left.dir == direction::past && lex_.deadline_setters.contains(left.sym) &&
        infinitive_between(first - left.distance + 1, first)) {
      // "agreed to buy the unit in February", "decided to sell it in March": the date is the
      // infinitive's, which comes after the decision, on either side of publication.
      left.dir = direction::nearest;
    }
    if (left.found && (!right.found || left.distance <= right.distance)) return left;
    if (right.found) return right;
    return sentence_cue(first, last);
  }

 private:
  const tagger::tokens& toks_;
  const tagger::lexicon& lex_;

  // Whether the tokens from p on, glued together, spell one of `words` ("'s" is the two
  // tokens ' and s).
  bool glued_after(std::size_t p, const std::vector<std::string>& words) const {
    if (p >= toks_.size() || toks_.list[p].space_before) return false;
    for (const auto& w : words) {
      if (w.empty()) continue;
      std::string_view rest = w;
      for (std::size_t q = p; q < toks_.size() && !rest.empty(); ++q) {
        if (q > p && toks_.list[q].space_before) break;
        const auto t = toks_.norm(q);
        if (!rest.starts_with(t)) break;
        rest.remove_prefix(t.size());
      }
      if (rest.empty()) return true;
    }
    return false;
  }

  std::uint32_t sym(std::size_t p) const { return toks_.list[p].sym; }

  // With no cue near the expression, the sentence's own tense: "In January, the company
  // hired ..."; the cue may stand across a comma. To the left only listed verbs count: an -ed
  // word far before the expression is as often an adjective as a verb.
  // Asides ("The minister, who took office in 2019, faces a vote Thursday") are passed over.
  cue sentence_cue(std::uint32_t first, std::uint32_t last) const {
    constexpr std::size_t reach = 40;
    bool left_open = true, right_open = true;
    std::size_t l = first, r = last;  // the next token to look at is l - 1, and r
    // An expression inside an aside ("The minister, who faces a vote on Thursday, took office
    // in 2019") takes its time from the aside alone.
    std::size_t lo = 0, hi = toks_.size();
    if (const auto o = enclosing_aside(first)) {
      lo = *o + 1;
      hi = aside_end(*o);
      if (hi <= last) hi = toks_.size();  // no end found near: only the left side is bounded
    }
    for (std::size_t k = 1; k <= reach && (left_open || right_open); ++k) {
      if (left_open) {
        if (l > 0 && !boundary_before(toks_, l))
          if (const auto o = aside_opening(l - 1)) l = *o;
        left_open = l > lo && !boundary_before(toks_, l);
        if (left_open)
          if (auto c = at(--l, k, true); c && !c->by_suffix) return with_distance(*c, k);
      }
      if (right_open) {
        if (r < toks_.size() && !boundary_before(toks_, r)) r = aside_end(r);
        right_open = r + 1 < hi && !boundary_before(toks_, r);
        if (right_open)
          if (auto c = at(r++, k, false)) return with_distance(*c, k);
      }
    }
    return {};
  }

  // An aside is a relative clause between commas (", who took office in 2019,") or words in
  // brackets: its verbs have their own time, not the time of the clause around it.
  // The first token of the aside that closes with token p, if p closes one.
  std::optional<std::size_t> aside_opening(std::size_t p) const {
    const auto close = toks_.norm(p);
    if (close == ")") return opening_before(p, true, false);
    if (close == ",") return opening_before(p, false, true);
    return std::nullopt;
  }

  // The opening token of the aside that holds token p, if p stands in one.
  std::optional<std::size_t> enclosing_aside(std::size_t p) const { return opening_before(p, true, true); }

  // The nearest opening before token p, within its sentence: an open bracket (`brackets`; a
  // closing one on the way means none), or a comma before a relative pronoun (`commas`; any
  // other comma on the way means none).
  std::optional<std::size_t> opening_before(std::size_t p, bool brackets, bool commas) const {
    constexpr std::size_t reach = 30;
    for (std::size_t k = 1; k <= reach && p >= k; ++k) {
      const std::size_t q = p - k;
      if (boundary_before(toks_, q + 1)) return std::nullopt;
      const auto t = toks_.norm(q);
      if (brackets && t == "(") return q;
      if (brackets && t == ")") return std::nullopt;
      if (commas && t == ",") return q + 1 < p && comma_opens_aside(q) ? std::optional(q) : std::nullopt;
    }
    return std::nullopt;
  }

  // Whether token q is a comma that opens an aside (", who ...", ", when ...").
  bool comma_opens_aside(std::size_t q) const {
    return toks_.norm(q) == "," && q + 1 < toks_.size() && lex_.aside_openers.contains(sym(q + 1));
  }

  // The token after the aside that opens with token p, or p when none opens there. An aside
  // left open runs to the end of its sentence.
  std::size_t aside_end(std::size_t p) const {
    constexpr std::size_t reach = 30;
    const bool bracket = toks_.norm(p) == "(";
    if (!bracket && !comma_opens_aside(p)) return p;
    std::size_t q = p + 1;
    for (; q < toks_.size() && q <= p + reach && !boundary_before(toks_, q); ++q) {
      const auto t = toks_.norm(q);
      if (bracket ? t == ")" : t == ",") return q + 1;
    }
    return q < toks_.size() && q <= p + reach ? q : p;
  }

  // Whether one of `words` stands in the expression's sentence.
  bool in_sentence(std::uint32_t first, std::uint32_t last, const tagger::word_list& words) const {
    for (std::size_t p = first; p > 0 && !boundary_before(toks_, p); --p)
      if (words.contains(sym(p - 1))) return true;
    for (std::size_t p = last; p < toks_.size() && !boundary_before(toks_, p); ++p)
      if (words.contains(sym(p))) return true;
    return false;
  }

  // Whether one of `words` stands before token p in its clause, with no modal between: in
  // "had signalled it would wait until the summer" the deadline lies ahead of the signal.
  bool in_clause_before(std::size_t p, const tagger::word_list& words) const {
    for (std::size_t q = p; q > 0 && !boundary_before(toks_, q); --q) {
      const auto w = sym(q - 1);
      if (words.contains(w)) return true;
      if (lex_.clause_breaks.contains(w) || lex_.modals.contains(w)) return false;
    }
    return false;
  }

 public:
  // Whether a reporting verb ("said", "told reporters") stands at most `reach` words before
  // token p, outside quotation marks: the expression then dates the speech act.
  bool reported(std::size_t p, const std::vector<std::uint8_t>& quoted, std::size_t reach = 5) const {
    for (std::size_t k = 1; k <= reach && p >= k; ++k) {
      const std::size_t q = p - k;
      if (boundary_before(toks_, q + 1) || quoted[q] || toks_.norm(q) == "\"") return false;
      for (const auto& f : lex_.forms_starting(toks_.list[q].sym)) {
        if (f.cls != lex_.tense_class || !f.rest.empty()) continue;
        const auto& e = lex_.entries()[f.entry];
        for (const auto& st : e.sets)
          if (st.name == field::tense && st.text == "report") return true;
      }
    }
    return false;
  }

 private:
  // Whether the verb of the clause before token p (a deadline cue) is in the simple past, with
  // no future between: "rose to 212 by", not "agreed to sell the unit by" (an infinitive looks
  // ahead), "said it would repay the loan by", "should go home by" (a modal), "extended its
  // deadline until" (the verb sets the deadline), or "has risen to 212 by".
  bool simple_past_before(std::uint32_t first, std::size_t p) const {
    for (std::size_t q = p; q > 0 && !boundary_before(toks_, q); --q) {
      const std::size_t at_q = q - 1;
      const auto w = sym(at_q);
      if (lex_.clause_breaks.contains(w) || lex_.clause_starts.contains(w) || lex_.modals.contains(w) ||
          lex_.deadline_setters.contains(w))
        return false;
      if (at_q + 1 < p && infinitive_at(at_q)) return false;
      if (const auto c = at(at_q, first - at_q, true)) return c->dir == direction::past;
    }
    return false;
  }

  // The first tense cue after token `last` in its sentence, asides passed over.
  std::optional<cue> first_cue_after(std::uint32_t last) const {
    constexpr std::size_t reach = 20;
    std::size_t r = last;
    for (std::size_t k = 1; k <= reach && r < toks_.size() && !boundary_before(toks_, r); ++k) {
      r = aside_end(r);
      if (r >= toks_.size() || boundary_before(toks_, r)) break;
      if (auto c = at(r++, k, false)) return c;
    }
    return std::nullopt;
  }

  // Whether token q is "to" before a lower-case word that is no adjective: an infinitive.
  bool infinitive_at(std::size_t q) const {
    if (q + 1 >= toks_.size() || toks_.norm(q) != "to") return false;
    const auto& next = toks_.list[q + 1];
    return next.kind == token_kind::word && !next.capitalized && !lex_.adjective_after.contains(next.sym);
  }

  // Whether tokens [from, to) hold an infinitive.
  bool infinitive_between(std::size_t from, std::size_t to) const {
    for (std::size_t q = from; q + 1 < to; ++q)
      if (infinitive_at(q)) return true;
    return false;
  }

  // Whether token p opens its sentence or clause.
  bool fronted(std::size_t p) const {
    return boundary_before(toks_, p) || lex_.clause_breaks.contains(sym(p - 1));
  }

  static cue with_distance(cue c, std::size_t k) {
    c.distance = k;
    return c;
  }

  // "will be held", "was held": a participle after "be" takes its tense from the auxiliary,
  // so the scan goes on to it.
  bool passive_before(std::size_t p) const { return p > 0 && lex_.passive.contains(sym(p - 1)); }

  bool perfect_before(std::size_t p) const {
    for (std::size_t k = 1; k <= 2 && p >= k; ++k) {
      if (lex_.perfect.contains(sym(p - k))) return true;
      // "has not given", "has recently given": the words that may stand in between (tense.toml).
      const auto w = toks_.norm(p - k);
      const bool skip = lex_.perfect_skip.contains(sym(p - k)) ||
                        std::any_of(lex_.perfect_skip_suffixes.begin(), lex_.perfect_skip_suffixes.end(),
                                    [&](const std::string& s) { return w.size() > s.size() + 1 && w.ends_with(s); });
      if (!skip) break;
    }
    return false;
  }

  // The cue at token p, `distance` tokens from the expression.
  std::optional<cue> at(std::size_t p, std::size_t distance, bool before) const {
    const auto& t = toks_.list[p];
    if (t.kind != token_kind::word && t.kind != token_kind::punct) return std::nullopt;
    const auto w = toks_.norm(p);
    cue c;
    c.word = w;
    c.sym = t.sym;
    c.found = true;
    // The longest listed form wins: "next to" (a place) over "next", "plans to" over "plans".
    const tagger::lexicon::form* best = nullptr;
    bool best_has_reach = false;
    for (const auto& f : lex_.forms_starting(t.sym)) {
      if (f.cls != lex_.tense_class || (best && best->rest.size() >= f.rest.size())) continue;
      const auto& e = lex_.entries()[f.entry];
      bool ok = p + 1 + f.rest.size() <= toks_.size();
      for (std::size_t k = 0; ok && k < f.rest.size(); ++k) ok = toks_.list[p + 1 + k].sym == f.rest[k];
      if (!ok) continue;
      // A cue with a reach ("since", "payable", "of record") governs only an expression
      // that follows its last word that closely.
      const auto reach = std::find_if(e.sets.begin(), e.sets.end(),
                                      [](const tagger::setting& s) { return s.name == field::reach; });
      if (reach != e.sets.end() &&
          (!before || distance > f.rest.size() + static_cast<std::size_t>(reach->number)))
        continue;
      best = &f;
      best_has_reach = reach != e.sets.end();
    }
    if (best) {
      const auto& e = lex_.entries()[best->entry];
      c.deadline = best_has_reach;
      for (const auto& s : e.sets) {
        if (s.name != field::tense) continue;
        if (s.text == "none") return std::nullopt;  // listed so that a shorter form does not match
        if (s.text == "report") {
          // "said Tuesday", "told reporters Monday": the speech act's own time.
          if (distance > 3) return std::nullopt;
          c.dir = direction::past;
        } else if (s.text == "past") {
          if (passive_before(p)) return std::nullopt;
          c.dir = perfect_before(p) ? direction::nearest : direction::past;
        } else if (s.text == "future") {
          // "originally set for April": a plan that was, now past or moved; the date may lie
          // either side of publication.
          c.dir = p > 0 && lex_.former_plan.contains(sym(p - 1)) ? direction::nearest : direction::future;
          // "tried to hold the vote on Friday", "failed to reopen Monday": the infinitive of a
          // past verb that tells whether it happened is as past as that verb.
          if (w == "to" && p > 0 && lex_.implicatives.contains(sym(p - 1))) c.dir = direction::past;
        } else if (s.text == "scheduled") {
          // "Talks resume Monday" looks ahead; "did not resume Monday" does not, and the
          // scan goes on to "did".
          if (p > 0 && lex_.negators.contains(sym(p - 1))) return std::nullopt;
          c.dir = direction::future;
        } else {
          c.dir = direction::nearest;
        }
        return c;
      }
    }
    // Regular past tense by its ending ("withdrew" must be listed; "voted" need not be).
    if (t.kind == token_kind::word && !t.capitalized && w.size() > 4 &&
        !lex_.not_past.contains(t.sym)) {
      for (const auto& suf : lex_.past_suffixes)
        if (w.ends_with(suf)) {
          // "the planned summit", "a scheduled visit": an -ed word right after a determiner
          // (tense.toml: adjective_after) is an adjective, not a verb.
          if (p > 0 && lex_.adjective_after.contains(sym(p - 1))) return std::nullopt;
          if (passive_before(p)) return std::nullopt;
          c.dir = perfect_before(p) ? direction::nearest : direction::past;
          c.by_suffix = true;
          return c;
        }
    }
    return std::nullopt;
  }
};

// The tense of the clause around tokens [first, last) for the tagger's `future` guard.
// A mention resolved with the tense cue found for it (not the one of the mention it serves).
resolution resolve_with_cues(const tagger::mention& m, const cue_finder& cues, resolve_context ctx) {
  const auto c = cues.find(m.first, m.last);
  ctx.dir = c.dir;
  ctx.cue_distance = c.found ? c.distance : 0;
  return resolve(m.what, ctx);
}

tagger::tense_probe tense_of(const tagger::lexicon& lex) {
  return [&lex](const tagger::tokens& toks, std::uint32_t first, std::uint32_t last) {
    const auto c = cue_finder(toks, lex).find(first, last);
    return c.found ? static_cast<int>(c.dir) : 0;
  };
}

bool calendar_value(const time::value& v) {
  return v.span.has_value() && v.type != time::timex_type::duration && v.type != time::timex_type::set;
}

// Whether a resolved value begins after the publication day.
bool after_publication(const resolution& r, const resolve_context& ctx) {
  return ctx.dct && calendar_value(r.value) &&
         r.value.span->start >= date::floor<date::days>(ctx.dct->local) + date::days{1};
}

// Only a comma (or a dash) between two mentions: the second restates the first.
bool appositive(const tagger::tokens& toks, const tagger::mention& prev, const tagger::mention& cur) {
  if (cur.first != prev.last + 1) return false;
  const auto sep = toks.norm(prev.last);
  return sep == "," || sep == "-";
}

}  // namespace

std::optional<reference_time> parse_reference_time(std::string_view s) {
  auto digits = [&](std::size_t at, std::size_t n) -> int {
    if (at + n > s.size()) return -1;
    int v = 0;
    for (std::size_t k = at; k < at + n; ++k) {
      if (s[k] < '0' || s[k] > '9') return -1;
      v = v * 10 + (s[k] - '0');
    }
    return v;
  };
  const int y = digits(0, 4), mo = digits(5, 2), d = digits(8, 2);
  if (y < 0 || mo < 0 || d < 0 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  reference_time r;
  r.local = time::local_minutes{date::local_days{ymd}.time_since_epoch()};
  r.gran = time::granularity::day;
  if (s.size() == 10) return r;
  if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
  const int h = digits(11, 2), mi = digits(14, 2);
  if (h < 0 || mi < 0 || s[13] != ':' || h > 23 || mi > 59) return std::nullopt;
  std::size_t rest = 16;
  if (rest < s.size() && s[rest] == ':') {
    if (digits(rest + 1, 2) < 0) return std::nullopt;
    rest += 3;
    while (rest < s.size() && (s[rest] == '.' || (s[rest] >= '0' && s[rest] <= '9'))) ++rest;
  }
  const auto zone = s.substr(rest);
  const bool zone_ok = zone.empty() || zone == "Z" ||
                       ((zone[0] == '+' || zone[0] == '-') && (zone.size() == 6 || zone.size() == 5 || zone.size() == 3));
  if (!zone_ok) return std::nullopt;
  r.local += std::chrono::minutes{h * 60 + mi};
  r.gran = time::granularity::minute;
  return r;
}

namespace {

// Splits long texts at line breaks into pieces of about 64 KiB, so that tokens of one piece at a
// time are held in memory; the narrative state carries across pieces.
std::size_t next_piece_end(std::string_view text, std::size_t from) {
  constexpr std::size_t target = 64 * 1024;
  if (text.size() - from <= target) return text.size();
  const std::size_t para = text.find("\n\n", from + target);
  if (para != std::string_view::npos && para - from < 4 * target) return para + 2;
  const std::size_t line = text.find('\n', from + target);
  if (line != std::string_view::npos && line - from < 4 * target) return line + 1;
  // One enormous line: cut at a space so that no word is split.
  std::size_t cut = from + 4 * target;
  while (cut < text.size() && text[cut] != ' ') ++cut;
  return cut;
}

// Per token, whether it stands inside a quotation: quotation marks are counted from the start of
// each paragraph (a quote that runs on into the next paragraph opens again there). A byte per
// token, not std::vector<bool>: setting a bit cost several instructions per token of the text.
std::vector<std::uint8_t> quoted_tokens(const tagger::tokens& toks) {
  std::vector<std::uint8_t> in(toks.size(), 0);
  bool open = false;
  for (std::size_t p = 0; p < toks.size(); ++p) {
    if (toks.list[p].newline_before) open = false;
    if (toks.list[p].kind == token_kind::punct && toks.norm(p) == "\"") {
      open = !open;
      continue;
    }
    in[p] = open;
  }
  return in;
}

// For each token, the number of paragraphs (lines with text) before it.
std::vector<std::uint32_t> paragraphs(const tagger::tokens& toks) {
  std::vector<std::uint32_t> out(toks.size(), 0);
  for (std::size_t q = 1; q < toks.size(); ++q) out[q] = out[q - 1] + toks.list[q].newline_before;
  return out;
}

// Keeps the reporting period under discussion: the quarter a report is about ("third-quarter
// profit", "the quarter"), and a longer period named after it ("the first half", "the nine
// months", as their year). A quarter or half named after the first becomes it only when it has
// begun by publication (not "the third quarter of 1990"), is not before the one under
// discussion ("after a flat second quarter", "the 1988 second quarter" are comparisons) and is
// over by publication ("analysts expect a loss in the fourth quarter" is an outlook), unless it
// is marked fiscal: a company's fiscal second quarter may end in September. The first quarter
// a text names is the period even when still under way: "fourth-quarter earnings" reported in
// November close a fiscal year that ended in September.
void track_period(const tagger::mention& m, const time::value& v, const std::optional<time::value>& named,
                  resolve_context& ctx) {
  if (named) {
    ctx.period_span = named;
    return;
  }
  const auto special = m.what.text(field::special);
  const bool quarter = v.gran == time::granularity::quarter &&
                       (m.what.has(field::quarter) || special == "period" || special == "period_ended" ||
                        special == "latest_period");
  const bool half = v.gran == time::granularity::half_year && m.what.has(field::half);
  if ((!quarter && !half) || !v.span) return;
  const bool fiscal = m.what.flag(field::fiscal);
  if (!fiscal) {
    if (ctx.dct && v.span->start > ctx.dct->local) return;
    if (ctx.period && ctx.period->span) {
      if (v.span->start < ctx.period->span->start) return;
      if (ctx.dct && v.span->end > ctx.dct->local) return;
    }
  }
  if (quarter) {
    if (!(ctx.period && v == *ctx.period)) ctx.period_fiscal = fiscal;
    ctx.period = v;
    ctx.period_span.reset();
  } else {
    ctx.period_span = v;
  }
}

}  // namespace

tagger::tag_result tag(std::string_view text, const tagger::lexicon& lex) {
  return tagger::tag(text, lex, tense_of(lex));
}

void annotate(std::string_view text, const annotate_options& options, const tagger::lexicon& lex,
              const std::function<void(timex&&)>& each) {
  resolve_context ctx;
  ctx.dct = options.dct;
  if (options.narrative && calendar_value(*options.narrative)) {
    ctx.narrative_any = options.narrative;
    if (options.narrative->gran <= time::granularity::day) ctx.narrative_day = options.narrative;
  }

  std::optional<reference_time> story_day;
  bool story_decided = false;
  for (std::size_t base = 0; base < text.size();) {
    const std::size_t stop = next_piece_end(text, base);
    const std::string_view piece = text.substr(base, stop - base);
    const auto tagged = tagger::tag(piece, lex, tense_of(lex));
    const cue_finder cues(tagged.toks, lex);
    const auto quoted = quoted_tokens(tagged.toks);
    const auto paragraph = paragraphs(tagged.toks);
    // The day each paragraph's quotes were spoken, when its attribution dates them ('"We met
    // yesterday," he said on Friday'): a day outside quotes right after a reporting verb.
    std::vector<std::pair<std::size_t, reference_time>> speech_days;  // (paragraph, day)
    for (const auto& m : tagged.mentions) {
      if (quoted[m.first] || !cues.reported(m.first, quoted)) continue;
      const auto para = paragraph[m.first];
      if (!speech_days.empty() && speech_days.back().first == para) continue;
      const auto said = resolve_with_cues(m, cues, ctx);
      if (!said.unresolved && calendar_value(said.value) && said.value.gran == time::granularity::day)
        speech_days.emplace_back(para, reference_time{date::floor<date::days>(said.value.span->start),
                                                      time::granularity::day});
    }
    const tagger::mention* prev = nullptr;
    std::optional<time::value> prev_value;
    for (std::size_t i = 0; i < tagged.mentions.size(); ++i) {
      const auto& m = tagged.mentions[i];
      // "two days after Christmas", "the day before last Tuesday": the offset counts from the
      // date right after it (the tagger's `before_date` guard saw it there); one expression.
      const tagger::mention* base_of_offset = nullptr;
      if ((m.what.text(field::special) == "offset_of_next" || m.what.text(field::special) == "unit_of_next") &&
          i + 1 < tagged.mentions.size() &&
          tagged.mentions[i + 1].first == m.last)
        base_of_offset = &tagged.mentions[++i];
      const auto c = cues.find(m.first, m.last);
      ctx.dir = c.dir;
      ctx.cue_distance = c.found ? c.distance : 0;
      // A range's second endpoint comes on or after its first.
      ctx.range_start.reset();
      if (m.range == 2 && prev && prev->range == 1 && prev_value) ctx.range_start = prev_value;
      resolution r;
      const bool anaphoric_offset =
          m.what.has(field::direction) && m.what.text(field::anchor) == "narrative";
      if (base_of_offset) {
        const auto base = resolve_with_cues(*base_of_offset, cues, ctx);
        if (base.impossible) {
          r = base;
        } else if (!base.unresolved && calendar_value(base.value)) {
          auto from_base = ctx;
          from_base.offset_base = base.value;
          r = resolve(m.what, from_base);
        } else {
          r = base;
          r.unresolved = true;
        }
      } else if (anaphoric_offset && prev && prev_value && appositive(tagged.toks, *prev, m)) {
        // "on May 18, a day before the meeting": the apposition names the same day again.
        r.value = *prev_value;
        r.anchor = time::anchor_kind::narrative;
        if (prev_value->span) r.anchored_on = time::iso_date(prev_value->span->start);
      } else if (quoted[m.first] && (story_day || !speech_days.empty())) {
        // '"Our talks today in Cairo"' in a story of Wednesday printed on Friday: the speaker's
        // today is the day the attribution gives, else the story's day, not the paper's.
        auto spoken = ctx;
        spoken.dct = story_day;
        const auto said = std::lower_bound(speech_days.begin(), speech_days.end(), paragraph[m.first],
                                           [](const auto& sd, std::size_t para) { return sd.first < para; });
        if (said != speech_days.end() && said->first == paragraph[m.first]) spoken.dct = said->second;
        if (!spoken.dct) spoken.dct = ctx.dct;
        r = resolve(m.what, spoken);
        if (r.anchor == time::anchor_kind::publication) r.anchor = time::anchor_kind::narrative;
      } else if (m.what.text(field::special) == "period_ended" && i + 1 < tagged.mentions.size() &&
                 tagged.mentions[i + 1].first == m.last + 1) {
        // "the quarter ended July 31": the date after "ended" says which quarter.
        const auto end = resolve_with_cues(tagged.mentions[i + 1], cues, ctx);
        if (!end.unresolved && !end.impossible && calendar_value(end.value)) ctx.period_end = end.value;
        r = resolve(m.what, ctx);
        ctx.period_end.reset();
      } else {
        r = resolve(m.what, ctx);
        if (ctx.dir == direction::past && (r.anchor == time::anchor_kind::narrative || anaphoric_offset) &&
            after_publication(r, ctx)) {
          // What a past clause tells had happened by publication: a reading counted from the
          // narrative that lies wholly after the publication day ("Protesters gathered at the
          // weekend" after a mention of Monday, printed on Wednesday) yields to the one counted
          // from publication, when that one does not and is as fine.
          auto from_publication = ctx;
          from_publication.narrative_any.reset();
          from_publication.narrative_day.reset();
          auto alt = resolve(m.what, from_publication);
          if (!alt.unresolved && !alt.impossible && calendar_value(alt.value) && !after_publication(alt, ctx) &&
              alt.value.gran == r.value.gran) {
            r = std::move(alt);
          } else if (anaphoric_offset && r.value.gran >= time::granularity::day) {
            // "Two years later, the city was rebuilt" with no earlier date to count from: the
            // offset counts from a time the text does not give. No date beats a wrong one. (Hours
            // after a late narrative time may run past midnight: "11 p.m. ... three hours later".)
            r = resolution::without_anchor();
          }
        }
      }
      const std::uint32_t start = static_cast<std::uint32_t>(base) + m.start;
      const std::uint32_t end = static_cast<std::uint32_t>(base) + (base_of_offset ? base_of_offset : &m)->end;
      if (r.impossible) {
        if (options.report)
          options.report->push_back({severity::warning, options.file, position_of(text, start), "tagger",
                                     fmt::format("'{}' is not a date on the calendar; not tagged",
                                                 text.substr(start, end - start))});
        continue;
      }
      if (r.weekday_conflict && options.report) {
        static constexpr const char* kDays[] = {"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                                "Saturday", "Sunday"};
        options.report->push_back({severity::warning, options.file, position_of(text, start), "tagger",
                                   fmt::format("'{}': {} is a {}, not the weekday stated; the date is kept",
                                               text.substr(start, end - start), r.value.timex.substr(0, 10),
                                               kDays[r.weekday_conflict])});
      }
      timex t;
      t.start = start;
      t.end = end;
      t.text = std::string(text.substr(start, end - start));
      t.value = std::move(r.value);
      t.anchor = r.anchor;
      t.anchored_on = std::move(r.anchored_on);
      t.alternatives = std::move(r.alternatives);
      t.unresolved = r.unresolved;
      if (c.found && c.dir != direction::nearest) t.cue = std::string(c.word);
      t.rule = lex.patterns()[m.pattern].name;
      t.range = m.range;
      if (!t.unresolved && !r.comparison) track_period(m, t.value, r.names_period, ctx);
      if (!t.unresolved && calendar_value(t.value) && !r.comparison) {
        // The story's day: the day the lede dates (a date in the first two paragraphs, outside
        // quotes), when it lies a few days before the publication day.
        if (!story_decided && base == 0 && ctx.dct && t.value.gran <= time::granularity::day && !quoted[m.first]) {
          story_decided = true;
          const auto day = date::floor<date::days>(t.value.span->start);
          const auto lag = (date::floor<date::days>(ctx.dct->local) - day).count();
          if (paragraph[m.first] < 2 && lag >= 1 && lag <= 3)
            story_day = reference_time{day, time::granularity::day};
        }
        ctx.narrative_any = t.value;
        if (t.value.gran <= time::granularity::day) ctx.narrative_day = t.value;
      }
      prev = &m;
      prev_value = calendar_value(t.value) ? std::optional(t.value) : std::nullopt;
      each(std::move(t));
    }
    base = stop;
  }
}

std::vector<timex> annotate(std::string_view text, const annotate_options& options,
                            const tagger::lexicon& lex) {
  std::vector<timex> out;
  annotate(text, options, lex, [&out](timex&& t) { out.push_back(std::move(t)); });
  return out;
}

}  // namespace annalist::resolve
