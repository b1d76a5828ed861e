#include "events/extract.h"

#include <algorithm>
#include <ostream>
#include <set>

namespace annalist::events {

std::string_view to_string(status s) {
  switch (s) {
    case status::happened: return "happened";
    case status::planned: return "planned";
    case status::expected: return "expected";
  }
  return "happened";
}

std::ostream& operator<<(std::ostream& os, status s) { return os << to_string(s); }

namespace {

constexpr std::uint32_t npos = UINT32_MAX;
// Two event words of one clause name one event only when this close ("offered a prebuttal at a
// news conference"); further apart they are separate events ("hold talks ... for a summit").
constexpr std::uint32_t kAbsorbGap = 5;

bool is_dash(std::string_view t) {
  return t == "--" || t == "-" || t == "\u2013" || t == "\u2014" || t == "\u2015";
}

struct entity_hit {
  std::uint32_t first = 0, last = 0;  // tokens [first, last)
  std::string name;
  entity_kind kind = entity_kind::unknown;
  bool is_place = false;      // where something happened, not who did it
  bool pronoun = false;       // a pronoun standing for `name`
};

struct trigger_hit {
  std::uint32_t first = 0, last = 0;
  std::uint32_t entry = 0;
  std::uint32_t clause = 0;
  std::optional<std::uint32_t> timex;  // index into the timex list
  bool in_quote = false;
  bool premodified = false;  // dated by the expression before it ("the 1986 summit")
  std::uint32_t np_start = 0;  // where its noun phrase starts when premodified
  std::uint32_t command_end = npos;  // after the verb that ordered it ("ordered X to close")
};

/// Everything extraction computes about one document's tokens.
struct analysis {
  const corpus::document& doc;
  const lexicon& lex;
  const name_index& names;
  const std::vector<resolve::timex>& timexes;
  std::vector<token> toks;
  std::vector<std::uint32_t> timex_of;    // token -> timex index or npos
  std::vector<std::uint32_t> quote_of;    // token -> quote region or npos (marks included)
  std::vector<std::uint32_t> clause_of;   // token -> clause id (unique in the document)
  std::vector<std::pair<std::uint32_t, std::uint32_t>> quotes;  // token ranges of quoted text
  std::vector<std::pair<std::uint32_t, std::uint32_t>> sentence_tokens;
  std::vector<entity_hit> hits;           // in token order
  std::vector<std::uint32_t> hit_at;      // token -> index into hits or npos

  std::string_view text(std::uint32_t a, std::uint32_t b) const {  // tokens [a, b)
    if (a >= b) return {};
    return std::string_view(doc.text).substr(toks[a].start, toks[b - 1].end - toks[a].start);
  }
  bool word(std::uint32_t i) const { return toks[i].kind != token_kind::punct; }
};

bool starts_cue(const phrase_table& t, const analysis& a, std::uint32_t i, std::uint32_t end) {
  return !t.longest(a.toks, i, end).empty();
}

// ---- quotations -------------------------------------------------------------------------------

/// True when tokens from `i` read as an attribution: ", Blinken said" / ", he posted" /
/// ", said the minister". Returns the token after the reporting verb, or npos.
std::uint32_t attribution_after(const analysis& a, std::uint32_t i, std::uint32_t end) {
  std::uint32_t j = i;
  int names = 0;
  while (j < end && names < 4 &&
         ((a.toks[j].capitalized && a.word(j)) || a.lex.pronouns.count(a.toks[j].fold))) {
    ++j;
    ++names;
  }
  auto is_reporting = [&](std::uint32_t k) {
    for (auto* e : a.lex.trigger_phrases.longest(a.toks, k, end))
      if (a.lex.triggers[e->payload].reporting) return std::uint32_t(k + e->tokens.size());
    return npos;
  };
  if (names >= 1 && j < end) {
    if (auto r = is_reporting(j); r != npos) return r;
  }
  if (names == 0 && i < end) {
    if (auto r = is_reporting(i); r != npos) {
      // "said the minister": a name must follow
      if (r < end && (a.toks[r].capitalized || a.toks[r].fold == "the")) return r;
    }
  }
  return npos;
}

void find_quotes(analysis& a) {
  const auto n = std::uint32_t(a.toks.size());
  a.quote_of.assign(n, npos);
  auto add_region = [&](std::uint32_t from, std::uint32_t to) {  // content tokens [from, to)
    while (from < to && a.toks[from].kind == token_kind::punct &&
           quote_mark_of(a.text(from, from + 1)) != quote_mark::none) ++from;
    if (from >= to) return;
    const auto id = std::uint32_t(a.quotes.size());
    a.quotes.emplace_back(from, to);
    for (auto k = from; k < to; ++k) a.quote_of[k] = id;
  };
  // Token ranges of paragraphs, for resetting an unclosed quotation.
  std::vector<std::uint32_t> para_end_tok(n, n);
  {
    std::uint32_t t = 0;
    for (const auto& p : a.doc.paragraphs) {
      while (t < n && a.toks[t].start < p.start) ++t;
      std::uint32_t e = t;
      while (e < n && a.toks[e].start < p.end) ++e;
      for (auto k = t; k < e; ++k) para_end_tok[k] = e;
      t = e;
    }
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> raw;
  std::uint32_t open = npos;
  for (std::uint32_t i = 0; i < n; ++i) {
    if (open != npos && i >= para_end_tok[open]) {  // quotations do not cross paragraphs
      raw.emplace_back(open + 1, para_end_tok[open]);
      open = npos;
    }
    if (a.toks[i].kind != token_kind::punct) continue;
    const auto m = quote_mark_of(a.text(i, i + 1));
    if (m == quote_mark::none) continue;
    if (open == npos) {
      if (m != quote_mark::close) open = i;
      else if (i + 1 < n && a.word(i + 1) && (i == 0 || !a.word(i - 1) ||
                                               a.toks[i - 1].end < a.toks[i].start)) {
        open = i;  // a closing mark typed where an opening one belongs (“...” written ”...”)
      }
    } else {
      if (m == quote_mark::open && i > open + 1 && a.toks[i - 1].end < a.toks[i].start &&
          i + 1 < n && a.toks[i + 1].start == a.toks[i].end) {
        // an opening mark while open: the earlier quotation was never closed
        raw.emplace_back(open + 1, i);
        open = i;
        continue;
      }
      raw.emplace_back(open + 1, i);
      open = npos;
    }
  }
  if (open != npos) raw.emplace_back(open + 1, para_end_tok[open]);

  // Split a quotation at an attribution inside it (lost closing mark):
  // "It would be ..., Blinken said on Tuesday. At the same time, ..." -> two quotations.
  auto sentence_end_after = [&](std::uint32_t t) {
    for (const auto& [s, e] : a.sentence_tokens)
      if (t >= s && t < e) return e;
    return n;
  };
  for (auto [from, to] : raw) {
    std::uint32_t start = from;
    for (std::uint32_t k = from; k < to; ++k) {
      if (a.toks[k].fold != ",") continue;
      if (attribution_after(a, k + 1, to) == npos) continue;
      add_region(start, k);
      start = sentence_end_after(k);
      k = start;
    }
    if (start < to) add_region(start, to);
  }

  // Unmarked quotations: a sentence that ends ", he posted." quotes everything before the comma.
  for (const auto& [s, e] : a.sentence_tokens) {
    bool any = false;
    for (auto k = s; k < e; ++k) any = any || a.quote_of[k] != npos;
    if (any || e - s < 5) continue;
    std::uint32_t last = e;
    while (last > s && a.toks[last - 1].kind == token_kind::punct) --last;
    for (std::uint32_t k = last; k-- > s + 2;) {
      if (a.toks[k].fold != ",") continue;
      if (attribution_after(a, k + 1, e) == last) add_region(s, k);
      break;
    }
  }
}

// ---- entities ---------------------------------------------------------------------------------

bool place_context(const analysis& a, std::uint32_t first, std::uint32_t sent_start) {
  // "in Reykjavik", "in the Icelandic capital of Reykjavik", "at the White House"
  for (std::uint32_t k = first, steps = 0; k > sent_start && steps < 4; --k, ++steps) {
    const auto& f = a.toks[k - 1].fold;
    if (a.lex.locative.count(f)) return true;
    if (f == "," || f == "of" || f == "the" || (a.toks[k - 1].capitalized && a.word(k - 1)) ||
        a.hit_at[k - 1] != npos)
      continue;
    if (steps < 3 && a.word(k - 1) && !a.toks[k - 1].capitalized) continue;  // "the Icelandic capital"
    break;
  }
  return false;
}

void add_hit(analysis& a, entity_hit h) {
  const auto id = std::uint32_t(a.hits.size());
  for (auto k = h.first; k < h.last; ++k) a.hit_at[k] = id;
  a.hits.push_back(std::move(h));
}

void find_entities(analysis& a) {
  const auto n = std::uint32_t(a.toks.size());
  a.hit_at.assign(n, npos);
  const auto& lex = a.lex;
  std::string last_person;
  for (const auto& [s, e] : a.sentence_tokens) {
    // A headline in title case capitalizes every word: capitals say nothing about names there.
    std::uint32_t words = 0, caps = 0;
    for (auto k = s; k < e; ++k)
      if (a.toks[k].kind == token_kind::word && a.toks[k].fold.size() > 3) {
        ++words;
        caps += a.toks[k].capitalized;
      }
    const bool title_case = words >= 4 && caps * 10 >= words * 8;
    for (std::uint32_t i = s; i < e;) {
      if (a.timex_of[i] != npos || !a.word(i)) { ++i; continue; }
      // Pronouns stand for the last person named outside quotations.
      if (lex.pronouns.count(a.toks[i].fold)) {
        if (!last_person.empty() && a.quote_of[i] == npos)
          add_hit(a, {i, i + 1, last_person, entity_kind::person, false, true});
        ++i;
        continue;
      }
      // The gazetteer, longest match; its last token must be capitalized ("us" is not the U.S.).
      auto found = lex.entity_phrases.longest(a.toks, i, e);
      if (!found.empty()) {
        const auto len = std::uint32_t(found.front()->tokens.size());
        bool cap = a.toks[i + len - 1].capitalized;
        for (auto k = i; k < i + len && cap; ++k) cap = a.timex_of[k] == npos;
        if (cap) {
          const auto* best = found.front();
          for (auto* f : found)  // a full name beats a surname of someone else
            if (f->role < best->role) best = f;
          const auto& ent = lex.entities[best->payload];
          const auto role = static_cast<name_role>(best->role);
          entity_hit h{i, i + len, ent.name, ent.kind, false, false};
          if (role == name_role::demonym) {
            // "Russian Foreign Minister Sergei Lavrov": the adjective qualifies a name, not an actor
            const auto next = i + len;
            if (next < e && a.toks[next].capitalized && a.word(next)) { i = next; continue; }
            h.kind = entity_kind::country;
          } else if (ent.kind == entity_kind::country && i + len < e &&
                     lex.titles.count(a.toks[i + len].fold) && a.toks[i + len].capitalized) {
            // "U.S. Secretary of State Antony Blinken": the country qualifies a title
            i += len;
            continue;
          } else {
            const bool ctx = place_context(a, i, s);
            if (ent.kind == entity_kind::city || ent.kind == entity_kind::region) {
              h.is_place = true;
              if (!ctx && !ent.stands_for.empty()) {
                // "Moscow denied it": the government, not the city
                const auto& g = lex.entities[*lex.entity_named(ent.stands_for)];
                h.name = g.name;
                h.kind = g.kind;
                h.is_place = false;
              }
            } else if (ent.kind == entity_kind::country) {
              h.is_place = ctx;
            }
          }
          if (h.kind == entity_kind::person && a.quote_of[i] == npos) last_person = h.name;
          add_hit(a, std::move(h));
          i += len;
          continue;
        }
      }
      if (!a.toks[i].capitalized || title_case) { ++i; continue; }
      // A run of capitalized words the gazetteer does not know.
      std::uint32_t j = i + 1;
      while (j < e && a.toks[j].capitalized && a.word(j) && a.timex_of[j] == npos &&
             lex.entity_phrases.longest(a.toks, j, e).empty())
        ++j;
      std::uint32_t b = i;
      while (b < j && (lex.titles.count(a.toks[b].fold) || lex.name_stop.count(a.toks[b].fold))) ++b;
      // "Kestrel Valley Airport", "the Election Commission": a body or a building, not a
      // person; a name after its head is the person ("Interior Ministry Spokeswoman Ana Lis").
      std::uint32_t head = npos;
      for (auto k = b; k < j; ++k)
        if (lex.org_heads.count(a.toks[k].fold)) head = k;
      // "the Vox Nordic channel", "the Tarn rebel group": names a thing
      if (head == npos && j < e && a.word(j) && !a.toks[j].capitalized && b < j &&
          (lex.org_heads.count(a.toks[j].fold) ||
           (j + 1 < e && a.word(j + 1) && lex.org_heads.count(a.toks[j + 1].fold) &&
            !lex.stopwords.count(a.toks[j].fold)))) {
        add_hit(a, {b, j, std::string(a.text(b, j)), entity_kind::organisation,
                    place_context(a, b, s), false});
        i = j;
        continue;
      }
      if (head != npos) {
        std::uint32_t p = head + 1;
        while (p < j && lex.titles.count(a.toks[p].fold)) ++p;
        if (j - p >= 2) {
          b = p;
        } else {
          add_hit(a, {b, head + 1, std::string(a.text(b, head + 1)), entity_kind::organisation,
                      place_context(a, b, s), false});
          i = j;
          continue;
        }
      }
      if (j - b >= 2) {
        std::string name(a.text(b, j));
        if (a.quote_of[b] == npos) last_person = name;
        add_hit(a, {b, j, std::move(name), entity_kind::person, false, false});
      } else if (j - b == 1) {
        auto it = a.names.by_surname.find(a.toks[b].fold);
        if (it != a.names.by_surname.end()) {
          if (a.quote_of[b] == npos) last_person = it->second;
          add_hit(a, {b, j, it->second, entity_kind::person, false, false});
        } else if (b != s && !lex.name_stop.count(a.toks[b].fold)) {
          // A lone capitalized word mid-sentence: an organisation, outlet or name we cannot type.
          add_hit(a, {b, j, std::string(a.text(b, j)), entity_kind::unknown,
                      place_context(a, b, s), false});
        }
      }
      i = j;
    }
  }
}

// ---- clauses ----------------------------------------------------------------------------------

void find_clauses(analysis& a) {
  const auto n = std::uint32_t(a.toks.size());
  a.clause_of.assign(n, 0);
  std::uint32_t next_id = 0;
  for (const auto& [s, e] : a.sentence_tokens) {
    std::vector<std::uint32_t> stack{next_id++};
    std::uint32_t quote_region = npos;
    std::uint32_t quote_clause = 0;
    for (std::uint32_t i = s; i < e; ++i) {
      const auto q = a.quote_of[i];
      if (q != npos) {  // every quotation is a clause space of its own
        if (q != quote_region) { quote_region = q; quote_clause = next_id++; }
        a.clause_of[i] = quote_clause;
        continue;
      }
      const auto& f = a.toks[i].fold;
      const bool in_timex = a.timex_of[i] != npos;
      if (!in_timex && a.toks[i].kind == token_kind::punct) {
        const auto t = a.text(i, i + 1);
        if (is_dash(t) || t == "(" || t == ")") {
          const bool closing = t == ")" || (stack.size() > 1 && is_dash(t));
          if (closing && stack.size() > 1) {
            a.clause_of[i] = stack.back();
            stack.pop_back();
            continue;
          }
          bool paired = t == "(";
          for (auto k = i + 1; k < e && !paired && t != "("; ++k)
            paired = a.quote_of[k] == npos && is_dash(a.text(k, k + 1));
          if (paired) {
            stack.push_back(next_id++);
            a.clause_of[i] = stack.back();
            continue;
          }
          stack.back() = next_id++;  // a single dash ends a clause
          a.clause_of[i] = stack.back();
          continue;
        }
        if (f == ";" || f == ":") {
          stack.back() = next_id++;
          a.clause_of[i] = stack.back();
          continue;
        }
        if (f == "," && i + 1 < e && a.lex.after_comma.count(a.toks[i + 1].fold) &&
            a.timex_of[i + 1] == npos) {
          a.clause_of[i] = stack.back();
          stack.back() = next_id++;
          continue;
        }
      }
      if (!in_timex && i > s && a.lex.relative.count(f) && a.toks[i - 1].fold != ",") {
        stack.back() = next_id++;
      }
      a.clause_of[i] = stack.back();
    }
  }
}

// ---- triggers and attachment ----------------------------------------------------------------

std::vector<trigger_hit> find_triggers(const analysis& a, std::uint32_t s, std::uint32_t e) {
  std::vector<trigger_hit> out;
  for (std::uint32_t i = s; i < e;) {
    if (a.timex_of[i] != npos || !a.word(i)) { ++i; continue; }
    auto found = a.lex.trigger_phrases.longest(a.toks, i, e);
    if (found.empty()) { ++i; continue; }
    const auto len = std::uint32_t(found.front()->tokens.size());
    bool clean = true;
    for (auto k = i; k < i + len; ++k) clean = clean && a.timex_of[k] == npos;
    if (!clean) { ++i; continue; }
    // "told told": a repeated word is one trigger
    if (!out.empty() && out.back().last == i && a.toks[out.back().first].fold == a.toks[i].fold) {
      i += len;
      continue;
    }
    // Negated predicates did not happen: "decided not to levy sanctions".
    bool negated = false;
    for (std::uint32_t k = i > s + 3 ? i - 3 : s; k < i && !negated; ++k)
      negated = a.clause_of[k] == a.clause_of[i] && starts_cue(a.lex.negation, a, k, i);
    if (!negated)
      out.push_back({i, i + len, found.front()->payload, a.clause_of[i], std::nullopt,
                     a.quote_of[i] != npos});
    i += len;
  }
  // "launched a mortar attack": a light verb with an event noun for object is not an event of its
  // own; the noun is (and takes the verb's time, see attach)
  // Whether one of a list's phrases spans exactly the trigger's words.
  const auto spans = [&](const auto& list, const trigger_hit& t) {
    for (auto* f : list.longest(a.toks, t.first, e))
      if (t.first + f->tokens.size() == t.last) return true;
    return false;
  };
  std::vector<trigger_hit> kept;
  for (std::size_t k = 0; k < out.size(); ++k) {
    const auto& t = out[k];
    if (a.lex.triggers[t.entry].verb && k + 1 < out.size() && !a.lex.triggers[out[k + 1].entry].verb &&
        out[k + 1].clause == t.clause && out[k + 1].first <= t.last + 3) {
      const bool light = spans(a.lex.light_verbs, t);
      bool words = true;
      for (auto m = t.last; m < out[k + 1].first; ++m) words = words && a.word(m) && a.timex_of[m] == npos;
      if (light && words) continue;
    }
    // "ordered a patrol boat on Friday to intercept the ferry": the command is no event of its
    // own; the ordered action is, and whoever gave the order did not carry it out
    {
      if (spans(a.lex.commands, t) && a.lex.triggers[t.entry].verb) {
        std::size_t ordered = out.size();
        for (std::size_t j = k + 1; j < out.size() && out[j].first <= t.last + 10; ++j)
          if (out[j].clause == t.clause && a.lex.triggers[out[j].entry].verb &&
              out[j].first > t.last + 1 && a.toks[out[j].first - 1].fold == "to") {
            ordered = j;
            break;
          }
        bool clean = ordered < out.size();
        for (auto m = t.last; clean && m < out[ordered].first; ++m)
          clean = a.clause_of[m] == t.clause && a.quote_of[m] == npos &&
                  !a.lex.relational.count(a.toks[m].fold) &&
                  (a.word(m) || a.timex_of[m] != npos);
        if (clean) {
          out[ordered].command_end = t.last;
          continue;
        }
      }
    }
    kept.push_back(t);
  }
  return kept;
}

bool datable(const resolve::timex& t) {
  if (t.value.type == time::timex_type::duration || t.value.type == time::timex_type::set) return false;
  return t.value.span.has_value() || t.value.timex == "FUTURE_REF" || t.value.timex == "PAST_REF";
}

void attach(const analysis& a, std::uint32_t s, std::uint32_t e, std::vector<trigger_hit>& trig) {
  const auto& lex = a.lex;
  auto trig_at = [&](std::uint32_t tok) -> trigger_hit* {
    for (auto& t : trig)
      if (tok >= t.first && tok < t.last) return &t;
    return nullptr;
  };
  auto noun = [&](const trigger_hit* t) { return t && !lex.triggers[t->entry].verb; };
  // "on Friday at 2 a.m.", "at midnight on June 5": a finer expression next to the coarser one
  // that holds it states one time; the pair dates one event, with the finer value.
  auto refines = [&](std::uint32_t f, std::uint32_t c) {
    const auto& fv = a.timexes[f].value;
    const auto& cv = a.timexes[c].value;
    return datable(a.timexes[f]) && fv.span && cv.span && fv.gran < cv.gran &&
           cv.span->contains(*fv.span);
  };
  std::vector<std::uint32_t> consumed;
  for (std::uint32_t i = s; i < e;) {
    const auto tx = a.timex_of[i];
    if (tx == npos) { ++i; continue; }
    std::uint32_t b = i;
    while (b < e && a.timex_of[b] == tx) ++b;
    const std::uint32_t first = i;
    i = b;
    if (!datable(a.timexes[tx])) continue;
    if (std::find(consumed.begin(), consumed.end(), tx) != consumed.end()) continue;
    // ", a day before ...": restates the expression before it
    if (first >= s + 2 && a.toks[first - 1].fold == "," && a.timex_of[first - 2] != npos) continue;
    std::uint32_t dating = tx;
    {
      std::uint32_t nb = b;
      if (nb < e && (lex.time_prepositions.count(a.toks[nb].fold) || lex.locative.count(a.toks[nb].fold) ||
                     a.toks[nb].fold == ","))
        ++nb;
      if (nb < e && a.timex_of[nb] != npos && a.timex_of[nb] != tx) {
        const auto nx = a.timex_of[nb];
        // "midnight" next to a day is read as its start by some and its end by others: the
        // pair dates the event to the day
        auto midnight = [&](std::uint32_t x) {
          const auto& v = a.timexes[x].value;
          return v.gran <= time::granularity::hour &&
                 v.span->start == date::floor<date::days>(v.span->start);
        };
        if (refines(nx, tx)) {
          if (!midnight(nx)) dating = nx;
          consumed.push_back(nx);
        } else if (refines(tx, nx)) {
          if (midnight(tx)) dating = nx;
          consumed.push_back(nx);
        }
      }
    }
    const auto clause = a.clause_of[first];
    const bool quoted = a.quote_of[first] != npos;
    auto take = [&](trigger_hit* t) {
      if (!t || t->timex) return false;
      t->timex = dating;
      return true;
    };
    // "the worst flooding since 1998", "for the first time since 2019": the time is when the
    // last comparable event happened; it dates only the noun it is compared on, never the clause
    if (first > s + 1 && lex.comparison_time.count(a.toks[first - 1].fold)) {
      std::uint32_t sup = npos;
      for (std::uint32_t k = first - 1, steps = 0; k > s && steps < 6; ++steps) {
        --k;
        if (!a.word(k)) break;
        if (lex.superlatives.count(a.toks[k].fold)) { sup = k; break; }
      }
      if (sup != npos) {
        for (auto k = sup + 1; k + 1 < first; ++k)
          if (noun(trig_at(k)) && take(trig_at(k))) break;
        continue;
      }
    }
    // 1. the event noun right after: "the 1986 summit", "Wednesday's meeting", "the anniversary
    //    of Stalin's deportation"
    {
      std::uint32_t k = b;
      if (k < e && a.toks[k].fold == "'s") ++k;
      if (k < e && noun(trig_at(k)) && take(trig_at(k))) {
        auto* t = trig_at(k);
        t->premodified = true;
        // "Biden's January 20 inauguration": the possessor belongs to the phrase
        t->np_start = first;
        if (first >= s + 2 && a.toks[first - 1].fold == "'s" && a.hit_at[first - 2] != npos)
          t->np_start = a.hits[a.hit_at[first - 2]].first;
        else
          for (std::uint32_t k = first, steps = 0; k > s && steps < 3; --k, ++steps) {
            if (lex.determiners.count(a.toks[k - 1].fold)) { t->np_start = k - 1; break; }
            if (!a.word(k - 1) || trig_at(k - 1)) break;
          }
        continue;
      }
      // "Tuesday was the day of the vote", "Friday is the deadline": a time that is the
      // subject of a copula dates the event noun of its complement
      if (k == b && k < e && starts_cue(lex.copulas, a, k, e)) {
        std::uint32_t m = k + std::uint32_t(lex.copulas.longest(a.toks, k, e).front()->tokens.size());
        for (int steps = 0; m < e && steps < 5 && a.word(m) && a.timex_of[m] == npos; ++m, ++steps) {
          auto* t = trig_at(m);
          if (!t) continue;
          if (noun(t) && t->first == m && take(t)) goto next_timex;
          break;
        }
      }
      // "last year's long harbour strikes": a possessive date reaches the head of its noun phrase
      if (k > b && k < e && a.toks[b].fold == "'s") {
        std::uint32_t m = k;
        for (int steps = 0; m < e && steps < 3 && a.word(m) && !trig_at(m) && a.timex_of[m] == npos &&
                            a.hit_at[m] == npos && !lex.stopwords.count(a.toks[m].fold);
             ++m, ++steps) {}
        if (m > k && m < e && noun(trig_at(m)) && trig_at(m)->first == m && take(trig_at(m))) {
          trig_at(m)->premodified = true;
          trig_at(m)->np_start = first;
          continue;
        }
        // "talked about last Monday's results": a possessive date modifies its noun, never the verb
        // of the clause; a noun that names no event leaves it dating nothing
        if (!trig_at(k)) continue;
      }
      if (k < e && lex.of.count(a.toks[k].fold)) {
        for (std::uint32_t m = k + 1, steps = 0; m < e && steps < 4; ++m, ++steps) {
          if (noun(trig_at(m))) {
            if (take(trig_at(m))) {
              trig_at(m)->premodified = true;
              trig_at(m)->np_start = k + 1;  // "the anniversary of [Stalin's deportation ...]"
              goto next_timex;
            }
            break;
          }
          if (a.toks[m].kind == token_kind::punct) break;
        }
      }
    }
    // 2. the event noun right before: "a news conference Monday in Moscow", "talks in Iceland
    //    on May 19"
    {
      std::uint32_t k = first;
      int steps = 0;
      while (k > s && steps < 5) {
        const auto p = k - 1;
        if (auto* t = trig_at(p)) {
          if (noun(t) && take(t)) goto next_timex;
          break;
        }
        const auto& f = a.toks[p].fold;
        const bool skippable = lex.locative.count(f) || f == "on" || f == "the" ||
                               (a.toks[p].capitalized && a.word(p) && a.hit_at[p] != npos &&
                                a.hits[a.hit_at[p]].is_place);
        if (!skippable) break;
        k = p;
        ++steps;
      }
    }
    if (quoted) continue;  // inside speech only an adjacent event noun is dated
    {
      const std::string& before = first > s ? a.toks[first - 1].fold : std::string();
      auto allowed = [&](const trigger_hit& t) {
        const auto& w = lex.triggers[t.entry].only_with;
        return w.empty() || std::find(w.begin(), w.end(), before) != w.end() ||
               std::find(w.begin(), w.end(), a.toks[first].fold) != w.end();
      };
      // 3. the nearest verb of the clause, left first, never across a relational word; a verb
      //    that says something took effect dates its subject ("the truce took hold on Sunday")
      trigger_hit* verb_left = nullptr;
      bool any_left_verb = false;
      auto light_object = [&](std::uint32_t k) -> trigger_hit* {
        const auto f = lex.light_verbs.longest(a.toks, k, e);
        if (f.empty()) return nullptr;
        std::uint32_t m = k + std::uint32_t(f.front()->tokens.size());
        for (int steps = 0; m < e && steps < 4; ++m, ++steps) {
          if (!a.word(m) || a.timex_of[m] != npos || a.clause_of[m] != a.clause_of[k]) return nullptr;
          if (auto* t = trig_at(m)) return noun(t) && !t->timex ? t : nullptr;
        }
        return nullptr;
      };
      auto subject_of_aspectual = [&](std::uint32_t k) -> trigger_hit* {
        for (auto* f : lex.aspectual.longest(a.toks, k, first)) {
          if (k + f->tokens.size() > first) continue;
          for (std::uint32_t m = k, steps = 0; m > s && steps < 12; ++steps) {
            --m;
            const auto& w = a.toks[m].fold;
            if (w == ";" || w == ":" || is_dash(a.text(m, m + 1)) || lex.relational.count(w)) break;
            if (auto* t = trig_at(m)) return noun(t) && !t->timex ? t : nullptr;
          }
        }
        return nullptr;
      };
      for (std::uint32_t k = first, dist = 0; k > s && dist < 15;) {
        --k;
        if (a.clause_of[k] != clause) {
          if (a.quote_of[k] != npos || k < s) continue;
          // a parenthetical inside the clause is stepped over; another clause ends the search
          bool nested = false;
          for (auto m = k; m > s && !nested; --m) nested = a.clause_of[m - 1] == clause;
          if (!nested) break;
          continue;
        }
        ++dist;
        // the expression's own preposition ("until August 1") relates nothing else
        if (dist > 1 && lex.relational.count(a.toks[k].fold)) break;
        if (!trig_at(k) && !any_left_verb) {
          if (auto* subj = subject_of_aspectual(k); subj && take(subj)) goto next_timex;
          if (auto* obj = light_object(k); obj && take(obj)) goto next_timex;
        }
        if (auto* t = trig_at(k); t && lex.triggers[t->entry].verb) {
          any_left_verb = true;
          if (!t->timex && allowed(*t)) { verb_left = t; break; }
        }
      }
      if (take(verb_left)) continue;
      if (!any_left_verb) {
        // A time that opens its sentence ("In early June, a ferry ... was diverted") dates the
        // main verb, however long the subject before it.
        const bool fronted = (first == s || (first == s + 1 && lex.time_prepositions.count(a.toks[s].fold))) &&
                             b < e && a.toks[b].fold == ",";
        const std::uint32_t reach = fronted ? 24 : 8;
        for (std::uint32_t k = b, dist = 0; k < e && dist < reach; ++k) {
          if (a.clause_of[k] != clause) {
            if (a.quote_of[k] != npos) break;
            continue;  // parenthetical: "Lavrov -- Russia's top diplomat -- said"
          }
          ++dist;
          if (lex.relational.count(a.toks[k].fold) || a.timex_of[k] != npos) break;
          if (!trig_at(k))
            if (auto* obj = light_object(k)) {
              if (take(obj)) goto next_timex;
              break;
            }
          if (auto* t = trig_at(k); t && lex.triggers[t->entry].verb) {
            if (allowed(*t) && take(t)) goto next_timex;
            break;
          }
        }
      }
      // 4. the nearest event noun of the clause (things like treaties only when adjacent)
      for (std::uint32_t k = first, dist = 0; k > s && dist < 12;) {
        --k;
        if (a.clause_of[k] != clause) break;
        ++dist;
        if (lex.relational.count(a.toks[k].fold)) break;
        if (auto* t = trig_at(k); noun(t) && !lex.triggers[t->entry].artifact && !t->timex &&
                                  allowed(*t)) {
          if (take(t)) goto next_timex;
        }
      }
      for (std::uint32_t k = b, dist = 0; k < e && dist < 3; ++k, ++dist) {
        if (a.clause_of[k] != clause || lex.relational.count(a.toks[k].fold)) break;
        if (auto* t = trig_at(k); noun(t) && !lex.triggers[t->entry].artifact && allowed(*t)) {
          if (take(t)) goto next_timex;
          break;
        }
      }
    }
  next_timex:;
  }
}

// ---- mentions ---------------------------------------------------------------------------------

status status_of(const analysis& a, const trigger_hit& t, std::uint32_t s, std::uint32_t e) {
  const auto& lex = a.lex;
  const int w = lex.status_window;
  auto scan = [&](std::uint32_t from, std::uint32_t to) -> std::optional<status> {
    std::optional<status> found;
    for (auto k = from; k < to; ++k) {
      if (a.clause_of[k] != t.clause || a.timex_of[k] != npos) continue;
      if (starts_cue(lex.expected, a, k, to)) found = status::expected;
      else if (starts_cue(lex.planned, a, k, to)) found = status::planned;
    }
    return found;
  };
  const auto from = t.first > s + std::uint32_t(w) ? t.first - std::uint32_t(w) : s;
  if (auto st = scan(from, t.first)) return *st;
  if (!lex.triggers[t.entry].verb) {  // "the talks are scheduled to start"
    if (auto st = scan(t.last, std::min(e, t.last + 4))) return *st;
  }
  return status::happened;
}

std::string compose(const analysis& a, std::uint32_t from, std::uint32_t to,
                    const std::vector<std::pair<std::uint32_t, std::uint32_t>>& cut) {
  std::string out;
  std::uint32_t prev_end = 0;
  bool after_cut = false;
  for (auto k = from; k < to; ++k) {
    bool skip = false;
    for (auto [x, y] : cut) skip = skip || (k >= x && k < y);
    if (skip) { after_cut = !out.empty(); continue; }
    const auto& t = a.toks[k];
    // "to close on Friday, the bridge" without its time is "to close, the bridge", not "close ,"
    const bool closing = t.kind == token_kind::punct &&
                         (t.fold == "," || t.fold == "." || t.fold == ";" || t.fold == ":");
    if (after_cut && closing) {
      after_cut = false;
      if (out.back() != ',' && out.back() != '.' && out.back() != ';' && out.back() != ':')
        out += a.doc.text.substr(t.start, t.end - t.start);
      prev_end = t.end;
      continue;
    }
    after_cut = false;
    if (!out.empty() && t.start > prev_end) out += ' ';
    out += a.doc.text.substr(t.start, t.end - t.start);
    prev_end = t.end;
  }
  return out;
}

std::string short_name(const std::string& name, entity_kind k) {
  if (k != entity_kind::person) return name;
  const auto sp = name.rfind(' ');
  return sp == std::string::npos ? name : name.substr(sp + 1);
}

}  // namespace

std::vector<std::string> content_words(std::string_view text, const lexicon& lex) {
  std::vector<std::string> out;
  for (auto& t : tokenize(text, lex.fold)) {
    if (t.kind == token_kind::punct || lex.stopwords.count(t.fold)) continue;
    out.push_back(std::move(t.fold));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

name_index collect_names(std::span<const corpus::document> docs, const lexicon& lex) {
  // Full names (two capitalized words or more, titles stripped) the gazetteer lacks; a surname
  // shared by two different full names names neither.
  std::unordered_map<std::string, std::set<std::string>> seen;
  for (const auto& d : docs) {
    const auto toks = tokenize(d.text, lex.fold);
    for (std::size_t i = 0; i < toks.size();) {
      if (!toks[i].capitalized || toks[i].kind != token_kind::word) { ++i; continue; }
      if (!lex.entity_phrases.longest(toks, i, toks.size()).empty()) { ++i; continue; }
      std::size_t j = i + 1;
      while (j < toks.size() && toks[j].capitalized && toks[j].kind == token_kind::word &&
             lex.entity_phrases.longest(toks, j, toks.size()).empty() &&
             toks[j].start <= toks[j - 1].end + 1)
        ++j;
      std::size_t b = i;
      while (b < j && (lex.titles.count(toks[b].fold) || lex.name_stop.count(toks[b].fold))) ++b;
      for (auto k = b; k < j; ++k)  // names of bodies and buildings are no one's full name
        if (lex.org_heads.count(toks[k].fold)) {
          b = k + 1;
          while (b < j && lex.titles.count(toks[b].fold)) ++b;
        }
      if (j < toks.size() && !toks[j].capitalized && lex.org_heads.count(toks[j].fold)) b = j;
      if (j - b >= 2 && j - b <= 4) {
        std::string full = d.text.substr(toks[b].start, toks[j - 1].end - toks[b].start);
        seen[toks[j - 1].fold].insert(std::move(full));
      }
      i = j;
    }
  }
  name_index idx;
  for (auto& [surname, fulls] : seen)
    if (fulls.size() == 1) idx.by_surname[surname] = *fulls.begin();
  return idx;
}

std::vector<mention> extract(const corpus::document& doc, std::uint32_t document_index,
                             const std::vector<resolve::timex>& timexes, const lexicon& lex,
                             const name_index& names) {
  analysis a{doc, lex, names, timexes, tokenize(doc.text, lex.fold), {}, {}, {}, {}, {}, {}, {}};
  const auto n = std::uint32_t(a.toks.size());
  a.timex_of.assign(n, npos);
  {
    std::uint32_t k = 0;
    for (std::uint32_t t = 0; t < timexes.size(); ++t) {
      while (k < n && a.toks[k].end <= timexes[t].start) ++k;
      for (auto m = k; m < n && a.toks[m].start < timexes[t].end; ++m) a.timex_of[m] = t;
    }
  }
  {
    std::uint32_t k = 0;
    for (const auto& s : doc.sentences) {
      while (k < n && a.toks[k].start < s.where.start) ++k;
      std::uint32_t e = k;
      while (e < n && a.toks[e].start < s.where.end) ++e;
      a.sentence_tokens.emplace_back(k, e);
      k = e;
    }
  }
  find_quotes(a);
  find_entities(a);
  find_clauses(a);

  std::vector<mention> out;
  std::vector<std::uint32_t> out_first_token;
  // The end of the publication day: events dated from there on are still to come.
  const bool have_dct = doc.published.local.has_value();
  const time::local_minutes dct_end =
      have_dct ? time::local_minutes{(date::floor<date::days>(*doc.published.local) + date::days{1})
                                         .time_since_epoch()}
               : time::local_minutes{};

  for (std::uint32_t si = 0; si < a.sentence_tokens.size(); ++si) {
    const auto [s, e] = a.sentence_tokens[si];
    if (s >= e) continue;
    auto trig = find_triggers(a, s, e);
    if (trig.empty()) continue;
    attach(a, s, e, trig);

    // One mention per dated trigger, absorbing the undated triggers of compatible kind in its
    // clause ("offered a prebuttal at a news conference Monday" is one event); the remaining
    // undated triggers of a clause group the same way around their first verb.
    // "took office following the inauguration": a relational word keeps two events apart
    auto relation_between = [&](const trigger_hit& x, const trigger_hit& y) {
      const auto from = std::min(x.last, y.last), to = std::max(x.first, y.first);
      for (auto k = from; k < to; ++k)
        if (lex.relational.count(a.toks[k].fold)) return true;
      return false;
    };
    std::vector<bool> used(trig.size(), false);
    std::vector<std::vector<std::size_t>> groups;
    for (std::size_t x = 0; x < trig.size(); ++x)
      if (trig[x].timex) { groups.push_back({x}); used[x] = true; }
    for (auto& g : groups) {
      const auto& head = trig[g.front()];
      for (std::size_t y = 0; y < trig.size(); ++y) {
        if (used[y] || trig[y].clause != head.clause || trig[y].in_quote) continue;
        const auto gap = trig[y].first > head.first ? trig[y].first - head.last : head.first - trig[y].last;
        if (gap > kAbsorbGap || relation_between(trig[y], head)) continue;
        if (lex.compatible(lex.triggers[trig[y].entry].kind, lex.triggers[head.entry].kind)) {
          g.push_back(y);
          used[y] = true;
        }
      }
    }
    // "a harbour tour on Sunday as the two mayors met for a second day": two dated
    // events of compatible kinds on one day, told as simultaneous, are one event.
    for (std::size_t gx = 0; gx < groups.size(); ++gx)
      for (std::size_t gy = gx + 1; gy < groups.size(); ++gy) {
        if (groups[gx].empty() || groups[gy].empty()) continue;
        const auto& x = trig[groups[gx].front()];
        const auto& y = trig[groups[gy].front()];
        if (x.in_quote || y.in_quote) continue;
        const auto& vx = timexes[*x.timex].value;
        const auto& vy = timexes[*y.timex].value;
        if (!vx.span || !vy.span || vx.gran > time::granularity::day || vy.gran > time::granularity::day ||
            date::floor<date::days>(vx.span->start) != date::floor<date::days>(vy.span->start))
          continue;
        if (!lex.compatible(lex.triggers[x.entry].kind, lex.triggers[y.entry].kind) || relation_between(x, y))
          continue;
        bool together = false;
        for (auto k = std::min(x.last, y.last); k < std::max(x.first, y.first) && !together; ++k)
          together = a.timex_of[k] == npos && starts_cue(lex.simultaneous, a, k, std::max(x.first, y.first));
        if (!together) continue;
        groups[gx].insert(groups[gx].end(), groups[gy].begin(), groups[gy].end());
        groups[gy].clear();
      }
    std::erase_if(groups, [](const auto& g) { return g.empty(); });
    for (std::size_t x = 0; x < trig.size(); ++x) {
      if (used[x] || trig[x].in_quote) continue;
      std::vector<std::size_t> g{x};
      used[x] = true;
      for (std::size_t y = x + 1; y < trig.size(); ++y) {
        if (used[y] || trig[y].clause != trig[x].clause || trig[y].in_quote) continue;
        if (trig[y].first - trig[g.back()].last > kAbsorbGap || relation_between(trig[g.back()], trig[y]))
          continue;
        if (lex.compatible(lex.triggers[trig[y].entry].kind, lex.triggers[trig[x].entry].kind)) {
          g.push_back(y);
          used[y] = true;
        }
      }
      // the verb heads an undated group
      std::stable_partition(g.begin(), g.end(),
                            [&](std::size_t k) { return lex.triggers[trig[k].entry].verb; });
      groups.push_back(std::move(g));
    }

    const auto sentence_first_out = out.size();
    std::vector<bool> reports;  // per mention of this sentence: its trigger introduces speech
    for (auto g : groups) {
      // The dated trigger dates the group; a verb in it names the event ("to sign the accord on
      // Friday" is a signing).
      const auto dated_timex = trig[g.front()].timex;
      std::stable_partition(g.begin(), g.end(),
                            [&](std::size_t k) { return lex.triggers[trig[k].entry].verb; });
      trigger_hit t = trig[g.front()];
      if (!t.timex && dated_timex) {
        t.timex = dated_timex;
        t.premodified = false;
      } else if (t.timex != dated_timex) {
        t = trig[g.front()];
      }
      if (trig[g.front()].premodified && g.size() == 1) t = trig[g.front()];
      const auto& entry = lex.triggers[t.entry];
      mention m;
      m.document = doc.id;
      m.document_index = document_index;
      if (have_dct) m.published = date::floor<date::days>(*doc.published.local);
      m.sentence_index = si;
      m.sentence = doc.sentences[si].where;
      m.sentence_text = doc.text.substr(m.sentence.start, m.sentence.size());
      m.trigger = {a.toks[t.first].start, a.toks[t.last - 1].end};
      m.trigger_text = doc.text.substr(m.trigger.start, m.trigger.size());
      m.kind = entry.kind;
      m.verb = entry.verb;
      m.state = status_of(a, t, s, e);
      if (t.timex) {
        const auto& tx = timexes[*t.timex];
        m.time = tx.value;
        m.time_text = tx.text;
        m.time_span = {tx.start, tx.end};
        if (tx.value.timex == "FUTURE_REF") m.state = status::planned;
        if (m.state == status::happened && have_dct && tx.value.span &&
            tx.value.span->start >= dct_end)
          m.state = status::planned;
      }

      // Actors: the participants named after the trigger ("a summit between X and Y"), else
      // the clause's actors, else the sentence's.
      std::vector<const entity_hit*> actors, places;
      auto consider = [&](std::uint32_t from, std::uint32_t to, bool same_clause) {
        for (auto k = from; k < to; ++k) {
          const auto h = a.hit_at[k];
          if (h == npos || a.hits[h].first != k || a.quote_of[k] != npos) continue;
          if (same_clause && a.clause_of[k] != t.clause) continue;
          (a.hits[h].is_place ? places : actors).push_back(&a.hits[h]);
        }
      };
      if (!entry.verb && t.last < e && lex.participants.count(a.toks[t.last].fold))
        consider(t.last + 1, std::min(e, t.last + 12), true);
      if (actors.empty()) {
        places.clear();
        consider(s, e, true);
      }
      // Names from other clauses of the sentence are what it talks about, not who acted: they
      // are actors but not the persons a merge compares ("During the tour, which began on
      // Tuesday, he met X" says nothing of who toured).
      const bool from_clause = !actors.empty();
      if (actors.empty()) consider(s, e, false);
      if (places.empty()) {
        std::vector<const entity_hit*> ignore;
        std::swap(ignore, actors);
        consider(s, e, false);
        std::swap(ignore, actors);
      }
      // The speaker of a reporting verb comes first: the person nearest to it in its clause.
      if (entry.reporting) {
        const entity_hit* speaker = nullptr;
        std::uint32_t best = npos;
        auto person_at = [&](std::uint32_t k) -> const entity_hit* {
          if (k >= e || a.hit_at[k] == npos) return nullptr;
          const auto& h = a.hits[a.hit_at[k]];
          return h.kind == entity_kind::person && h.first == k ? &h : nullptr;
        };
        // Inverted attribution after a quotation: `X is a "liar," added Y` is Y speaking;
        // a title before the name is stepped over ("said Minister Y", "said the minister Y").
        if (t.first > s && a.quote_of[t.first - 1] != npos && a.quote_of[t.first] == npos) {
          std::uint32_t k = t.last;
          for (int steps = 0; k < e && steps < 4 && !person_at(k) &&
                              (lex.titles.count(a.toks[k].fold) || a.toks[k].fold == "the");
               ++k, ++steps) {}
          speaker = person_at(k);
        }
        // "..., Y, who said ...": a reporting verb in a relative clause has the name before
        // the relative pronoun for speaker
        if (!speaker && t.first >= s + 3) {
          std::uint32_t k = t.first - 1;
          if (lex.relative.count(a.toks[k].fold) && a.toks[k].fold != "whom" &&
              a.toks[k].fold != "whose" && a.toks[k - 1].fold == "," && a.hit_at[k - 2] != npos) {
            const auto& h = a.hits[a.hit_at[k - 2]];
            if (h.kind == entity_kind::person && !h.pronoun) {
              speaker = &h;
              if (std::find(actors.begin(), actors.end(), speaker) == actors.end())
                actors.push_back(speaker);
            }
          }
        }
        if (!speaker)
          for (auto* h : actors) {
            if (h->kind != entity_kind::person || a.clause_of[h->first] != t.clause) continue;
            const auto d = h->first < t.first ? t.first - h->last : h->first - t.last;
            if (d < best) { best = d; speaker = h; }
          }
        if (speaker) {
          m.speaker = speaker->name;
          std::stable_partition(actors.begin(), actors.end(),
                                [&](const entity_hit* h) { return h->name == speaker->name; });
        }
      }
      // "Ada Varga defended the closing of the bridge on Sunday": an event noun that is the
      // object of another event verb of its clause, an event of its own, was not done by that
      // verb's subject; only the people named after the verb (the noun's own participants)
      // are its persons. A pronoun there ("defended her order") stands for the subject.
      std::uint32_t governing_verb = t.command_end;
      if (!entry.verb)
        for (std::size_t y = 0; y < trig.size(); ++y)
          if (std::find(g.begin(), g.end(), y) == g.end() && trig[y].clause == t.clause &&
              lex.triggers[trig[y].entry].verb && trig[y].last <= t.first && !trig[y].in_quote)
            governing_verb = trig[y].last;
      for (auto* h : actors) {
        if (std::find(m.actors.begin(), m.actors.end(), h->name) != m.actors.end()) continue;
        m.actors.push_back(h->name);
        const bool verbs_subject =
            governing_verb != npos && (h->first < governing_verb || h->pronoun);
        if (h->kind == entity_kind::person && (from_clause || h->name == m.speaker) && !verbs_subject)
          m.persons.push_back(h->name);
      }
      if (!places.empty()) m.place = places.front()->name;
      std::size_t persons = 0;
      for (auto* h : actors) persons += h->kind == entity_kind::person;
      if (!entry.several_actors.empty() && persons >= 2) m.kind = entry.several_actors;

      // The speech a reporting verb introduces: quotations in its sentence, and those that go on
      // in the next sentences of the paragraph before anyone else is quoted.
      if (entry.reporting) {
        std::string q;
        auto add_quote = [&](std::uint32_t id) {
          const auto [qa, qb] = a.quotes[id];
          std::uint32_t end = qb;
          while (end > qa && a.toks[end - 1].kind == token_kind::punct) --end;
          if (end <= qa) return;
          if (!q.empty()) q += ' ';
          q += compose(a, qa, end, {});
        };
        std::set<std::uint32_t> taken;
        for (auto k = s; k < e; ++k)
          if (a.quote_of[k] != npos && taken.insert(a.quote_of[k]).second) add_quote(a.quote_of[k]);
        const auto para = doc.sentences[si].paragraph;
        for (auto sj = si + 1; sj < a.sentence_tokens.size() && doc.sentences[sj].paragraph == para; ++sj) {
          const auto [s2, e2] = a.sentence_tokens[sj];
          bool all_quoted = true, other_speaker = false;
          for (auto k = s2; k < e2; ++k) {
            if (a.quote_of[k] != npos || a.toks[k].kind == token_kind::punct) continue;
            all_quoted = false;
            for (auto* f : lex.trigger_phrases.longest(a.toks, k, e2))
              other_speaker = other_speaker || lex.triggers[f->payload].reporting;
          }
          if (other_speaker || (!all_quoted && taken.empty())) break;
          for (auto k = s2; k < e2; ++k)
            if (a.quote_of[k] != npos && taken.insert(a.quote_of[k]).second) add_quote(a.quote_of[k]);
          if (!all_quoted) break;
        }
        m.quote = std::move(q);
      }

      // Headline: the trigger's clause, without its time expression (and the preposition before
      // it); a subject made only of names and titles becomes the names.
      {
        std::uint32_t cs = t.first, ce = t.last;
        while (cs > s && (a.clause_of[cs - 1] == t.clause || a.quote_of[cs - 1] != npos ||
                          a.clause_of[cs - 1] != a.clause_of[cs]) &&
               a.clause_of[cs - 1] == t.clause)
          --cs;
        while (ce < e && a.clause_of[ce] == t.clause) ++ce;
        // What was said, when no quotation says it: "a spokesperson said that the minister is
        // concerned" (the reported clause, without quotations of its own)
        if (entry.reporting && m.quote.empty() && ce < e && lex.relative.count(a.toks[ce].fold) &&
            a.quote_of[ce] == npos) {
          const auto reported = a.clause_of[ce];
          std::uint32_t re = ce;
          while (re < e && a.clause_of[re] == reported && a.quote_of[re] == npos) ++re;
          if (re > ce + 2) ce = re;
        }
        // "Ada Varga, who was arrested on Sunday": a clause opened by a relative pronoun has
        // the name before it for subject
        std::string antecedent;
        // "Following the closure, the city announced ...": a phrase fronted before the subject,
        // opened by a preposition or a subordinator and closed by a comma, is not what happened
        if (entry.verb && cs < t.first) {
          const auto& f0 = a.toks[cs].fold;
          if (!lex.relative.count(f0) &&  // "who was held, is ..." is no fronted phrase
              (lex.after_comma.count(f0) || lex.relational.count(f0) || lex.participants.count(f0) ||
               lex.time_prepositions.count(f0) || lex.locative.count(f0)))
            for (auto k = cs + 1; k + 1 < t.first; ++k)
              if (a.toks[k].fold == "," && a.quote_of[k] == npos && a.clause_of[k] == t.clause) {
                cs = k + 1;
                break;
              }
        }
        {
          const auto open = cs;
          while (cs < ce && (a.toks[cs].kind == token_kind::punct || lex.after_comma.count(a.toks[cs].fold) ||
                             lex.relative.count(a.toks[cs].fold)))
            ++cs;
          std::uint32_t rel = npos;
          for (auto k = open; k < cs; ++k)
            if (lex.relative.count(a.toks[k].fold) && lex.pronouns.count(a.toks[k].fold) == 0) rel = k;
          if (rel != npos && rel + 1 == cs && entry.verb && rel > s) {
            std::uint32_t k = rel;
            while (k > s && k + 3 > rel && a.toks[k - 1].kind == token_kind::punct) --k;
            if (k > s && a.hit_at[k - 1] != npos) {
              const auto& h = a.hits[a.hit_at[k - 1]];
              if (!h.is_place && !h.pronoun && h.kind != entity_kind::country)
                antecedent = short_name(h.name, h.kind);
            }
          }
        }
        std::vector<std::pair<std::uint32_t, std::uint32_t>> cut;
        if (t.timex) {
          std::uint32_t x = npos, y = 0;
          for (auto k = cs; k < ce; ++k)
            if (a.timex_of[k] == *t.timex) { x = std::min(x, k); y = k + 1; }
          if (x != npos) {
            if (x > cs && lex.time_prepositions.count(a.toks[x - 1].fold)) --x;
            if (y < ce && a.toks[y].fold == "'s") ++y;
            cut.emplace_back(x, y);
          }
        }
        // the subject: names, titles, demonyms and "and" only
        std::uint32_t subj_end = cs;
        bool names_only = true;
        std::vector<std::string> shorts;
        for (auto k = cs; k < t.first; ++k) {
          const auto& f = a.toks[k].fold;
          if (a.hit_at[k] != npos) {
            const auto& h = a.hits[a.hit_at[k]];
            if (h.first == k && h.kind == entity_kind::person && !h.pronoun)
              shorts.push_back(short_name(h.name, h.kind));
            subj_end = k + 1;
            continue;
          }
          if (lex.titles.count(f) || f == "and" || f == "of" || f == "," || f == "the" ||
              (a.toks[k].capitalized && a.word(k))) {
            subj_end = k + 1;
            continue;
          }
          names_only = false;
          break;
        }
        std::string head;
        if (t.in_quote && !t.premodified && a.quote_of[t.first] != npos) {
          // an event named inside speech, not as a phrase of its own ("the 1986 summit"): the
          // words of the speech, as a quotation
          auto [qa, qb] = a.quotes[a.quote_of[t.first]];
          while (qb > qa && a.toks[qb - 1].kind == token_kind::punct) --qb;
          m.headline = "\u201C" + compose(a, qa, qb, {}) + "\u201D";
        } else if (!entry.verb) {
          // the noun phrase: "the famous 1986 summit between President Ronald Reagan and ..."
          std::uint32_t np = t.premodified ? t.np_start : t.first;
          if (!t.premodified && t.first >= s + 2 && a.toks[t.first - 1].fold == "'s" &&
              a.hit_at[t.first - 2] != npos)
            np = a.hits[a.hit_at[t.first - 2]].first;  // "Russia's annexation of Crimea"
          else if (!t.premodified)
            for (std::uint32_t k = t.first, steps = 0; k > s && steps < 3; --k, ++steps) {
              if (lex.determiners.count(a.toks[k - 1].fold)) { np = k - 1; break; }
              if (!a.word(k - 1) || a.clause_of[k - 1] != t.clause) break;
            }
          std::uint32_t end = t.last;
          while (end < e && end - t.last < 12 && a.clause_of[end] == a.clause_of[t.first] &&
                 a.toks[end].kind != token_kind::punct && !lex.relative.count(a.toks[end].fold) &&
                 (!lex.after_comma.count(a.toks[end].fold) || a.toks[end].fold == "and")) {
            bool verb = false;
            for (auto* f : lex.trigger_phrases.longest(a.toks, end, e))
              verb = verb || lex.triggers[f->payload].verb;
            if (verb) break;
            ++end;
          }
          m.headline = compose(a, np, end, t.premodified ? decltype(cut){} : cut);
          // "their meeting" says too little: the clause around it says who met
          std::size_t words = 0;
          for (auto k = np; k < end; ++k)
            words += a.word(k) && !lex.determiners.count(a.toks[k].fold) &&
                     !lex.stopwords.count(a.toks[k].fold) && (t.timex ? a.timex_of[k] != *t.timex : true);
          if (words < 2 && ce > cs + 3) m.headline = compose(a, cs, ce, cut);
        } else if (names_only && shorts.size() >= 1 && subj_end == t.first && subj_end > cs) {
          for (std::size_t k = 0; k < shorts.size(); ++k)
            head += (k == 0 ? "" : k + 1 == shorts.size() ? " and " : ", ") + shorts[k];
          const auto rest = compose(a, t.first, ce, cut);
          m.headline = head + " " + rest;
        } else {
          m.headline = compose(a, cs, ce, cut);
          if (!antecedent.empty() && !m.headline.empty()) m.headline = antecedent + " " + m.headline;
        }
        // no stray punctuation or conjunction at either end ("On May 24, the consul met" without
        // its date is "the consul met"; "their meeting and" is "their meeting")
        for (bool again = true; again;) {
          again = false;
          while (!m.headline.empty() && (m.headline.back() == ',' || m.headline.back() == '.' ||
                                         m.headline.back() == ' ' || m.headline.back() == ';' ||
                                         m.headline.back() == ':'))
            m.headline.pop_back();
          // the last word: a conjunction, or a preposition whose object was the time cut out
          const auto sp = m.headline.rfind(' ');
          if (sp != std::string::npos) {
            const auto last = lex.fold.fold(m.headline.substr(sp + 1));
            if (last == "and" || last == "or" || last == "but" || lex.of.count(last) ||
                lex.time_prepositions.count(last) || lex.locative.count(last)) {
              m.headline.resize(sp);
              again = true;
            }
          }
        }
        while (!m.headline.empty() && (m.headline.front() == ',' || m.headline.front() == ' ' ||
                                       m.headline.front() == ';' || m.headline.front() == ':'))
          m.headline.erase(m.headline.begin());
      }
      reports.push_back(entry.reporting);
      out.push_back(std::move(m));
      out_first_token.push_back(t.first);
    }
    // "The city said on Tuesday it had closed the bridge from Tuesday": the report
    // and the happening it reports fall on one day, and the timeline holds the happening once.
    {
      auto same_day = [](const mention& x, const mention& y) {
        return x.dated() && y.dated() && x.time->gran <= time::granularity::day &&
               y.time->gran <= time::granularity::day &&
               date::floor<date::days>(x.time->span->start) == date::floor<date::days>(y.time->span->start);
      };
      std::vector<std::size_t> drop;
      for (std::size_t r = sentence_first_out; r < out.size(); ++r) {
        if (!reports[r - sentence_first_out] || !out[r].quote.empty()) continue;
        for (std::size_t x = sentence_first_out; x < out.size(); ++x)
          if (x != r && !reports[x - sentence_first_out] && out_first_token[x] > out_first_token[r] &&
              out[x].state == status::happened && same_day(out[r], out[x])) {
            drop.push_back(r);
            break;
          }
      }
      for (auto k = drop.rbegin(); k != drop.rend(); ++k) {
        out.erase(out.begin() + std::ptrdiff_t(*k));
        out_first_token.erase(out_first_token.begin() + std::ptrdiff_t(*k));
      }
    }
  }

  // Text order.
  std::vector<std::size_t> order(out.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return out_first_token[x] < out_first_token[y]; });
  std::vector<mention> sorted;
  std::vector<std::uint32_t> first_tok;
  for (auto k : order) {
    sorted.push_back(std::move(out[k]));
    first_tok.push_back(out_first_token[k]);
  }

  // Continuations: an undated mention whose speaker or actor acted in a dated mention of the
  // same or the two sentences before, with a compatible kind, goes on that mention; so does an
  // undated definite event noun ("their meeting") after a dated one of its kind.
  for (std::size_t k = 0; k < sorted.size(); ++k) {
    auto& m = sorted[k];
    if (m.time) continue;
    const auto ft = first_tok[k];
    const bool definite = !m.verb && ft > 0 && lex.definite.count(a.toks[ft - 1].fold);
    // "his meeting with Ana Lis": the people a definite noun names as its participants
    std::vector<std::string> named;
    if (definite) {
      std::uint32_t lt = ft;
      while (lt < n && a.toks[lt].end < m.trigger.end) ++lt;
      const auto [s, e] = a.sentence_tokens[m.sentence_index];
      if (lt + 1 < e && lex.participants.count(a.toks[lt + 1].fold))
        for (auto k2 = lt + 2; k2 < std::min(e, lt + 14) && a.clause_of[k2] == a.clause_of[ft]; ++k2) {
          const auto h = a.hit_at[k2];
          if (h != npos && a.hits[h].first == k2 && a.hits[h].kind == entity_kind::person &&
              !a.hits[h].pronoun)
            named.push_back(a.hits[h].name);
        }
    }
    for (std::size_t j = k; j-- > 0;) {
      const auto& d = sorted[j];
      if (d.sentence_index + 2 < m.sentence_index) break;
      if (!d.dated() || !lex.compatible(d.kind, m.kind)) continue;
      // a speaker goes on speaking ("he added, ...") only with a quotation of their own
      const bool same_actor = !m.quote.empty() && !m.actors.empty() &&
                              std::find(d.actors.begin(), d.actors.end(), m.actors.front()) != d.actors.end();
      if (!same_actor && !definite) continue;
      // a definite noun naming someone the earlier event did not involve is another event
      // ("the tour began on Tuesday ... after his meeting with Ana Lis")
      if (!same_actor && std::any_of(named.begin(), named.end(), [&](const std::string& p) {
            return std::find(d.actors.begin(), d.actors.end(), p) == d.actors.end();
          }))
        break;
      m.time = d.time;
      m.time_text = d.time_text;
      m.time_inherited = true;
      m.continues = std::uint32_t(j);
      if (m.state == status::happened) m.state = d.state;
      break;
    }
  }
  return sorted;
}

}  // namespace annalist::events
