#include "tagger/lexicon.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "tagger/token.h"

namespace annalist::tagger {

namespace {

constexpr std::array<std::string_view, field_count> kFieldNames = {
    "year", "month", "day", "weekday", "hour", "minute", "decade", "century", "quarter", "half",
    "amount", "shift", "direction", "ordinal", "nth", "yy", "reach", "numerator", "denominator",
    "unit", "season", "part", "anchor", "mod", "ref", "type", "holiday", "ampm", "special", "tense",
    "vague", "frequency", "fiscal", "approximate", "decimal"};

constexpr std::array<std::string_view, shape_count> kShapeNames = {
    "int", "day", "year", "ord", "clock", "isodate", "slashdate", "decade", "yy", "hhmm", "fraction",
    "decimal", "dotclock"};

source_position pos(const toml::node& n) {
  const auto& s = n.source().begin;
  return {static_cast<std::uint32_t>(s.line), static_cast<std::uint32_t>(s.column)};
}

}  // namespace

std::string_view to_string(field f) { return kFieldNames[static_cast<std::size_t>(f)]; }

std::optional<field> field_from(std::string_view name) {
  for (std::size_t i = 0; i < kFieldNames.size(); ++i)
    if (kFieldNames[i] == name) return static_cast<field>(i);
  return std::nullopt;
}

std::string meaning::to_string() const {
  std::string out = "{";
  for (std::size_t i = 0; i < field_count; ++i) {
    const auto f = static_cast<field>(i);
    if (!has(f)) continue;
    if (out.size() > 1) out += ' ';
    out += tagger::to_string(f);
    if (is_numeric(f)) out += fmt::format("={}", get(f));
    else if (is_text(f)) out += fmt::format("={}", text(f));
  }
  return out + "}";
}

std::optional<std::uint16_t> lexicon::class_id(std::string_view name) const {
  const auto it = class_ids_.find(name);
  if (it == class_ids_.end()) return std::nullopt;
  return it->second;
}

struct lexicon_builder {
  lexicon& lex;
  diagnostics& diags;
  std::string file;
  std::vector<std::pair<std::uint32_t, lexicon::form>> forms;  // (first symbol, form), lexicon order

  void error(source_position where, std::string message) {
    diags.push_back({severity::error, file, where, "lexicon", std::move(message)});
  }

  std::uint16_t intern_class(std::string_view name) {
    const auto it = lex.class_ids_.find(name);
    if (it != lex.class_ids_.end()) return it->second;
    const auto id = static_cast<std::uint16_t>(lex.class_names_.size());
    lex.class_names_.emplace_back(name);
    lex.class_ids_.emplace(std::string(name), id);
    return id;
  }

  std::string_view pooled(std::string_view s) {
    for (const auto& p : lex.pool_)
      if (p == s) return p;
    return lex.pool_.emplace_back(s);
  }

  static std::vector<std::string> token_norms(std::string_view text) {
    const auto toks = tokenize(text);
    std::vector<std::string> out;
    for (const auto& t : toks.list) out.emplace_back(toks.norm(t));
    return out;
  }

  std::vector<std::string> field_names() const {
    return {kFieldNames.begin(), kFieldNames.end()};
  }

  // A meaning field written as a TOML key; false (with a diagnostic) when it is not one.
  bool read_setting(std::string_view key, const toml::node& value, std::vector<setting>& out) {
    const auto f = field_from(key);
    if (!f) return false;
    setting s;
    s.name = *f;
    if (is_numeric(*f)) {
      if (auto v = value.value<std::int64_t>()) s.number = static_cast<int>(*v);
      else { error(pos(value), fmt::format("field '{}' takes a number", key)); return true; }
    } else if (is_text(*f)) {
      if (auto v = value.value<std::string>()) s.text = pooled(*v);
      else { error(pos(value), fmt::format("field '{}' takes a string", key)); return true; }
      // The resolver reads these by name: a misspelt one would silently be no cue.
      static constexpr std::array<std::string_view, 6> tenses = {"past", "future", "scheduled",
                                                                 "report", "present", "none"};
      if (*f == field::tense && std::find(tenses.begin(), tenses.end(), s.text) == tenses.end()) {
        error(pos(value), fmt::format("tense '{}' is not one of past, future, scheduled, report, present, none",
                                      s.text));
        return true;
      }
    } else {
      if (auto v = value.value<bool>()) {
        if (!*v) return true;
        s.number = 1;
      } else { error(pos(value), fmt::format("field '{}' takes true or false", key)); return true; }
    }
    out.push_back(s);
    return true;
  }

  void unknown_key(std::string_view key, const toml::node& n, std::vector<std::string> allowed) {
    for (auto& f : field_names()) allowed.push_back(f);
    const auto hint = closest_match(key, allowed);
    error(pos(n), hint.empty() ? fmt::format("unknown key '{}'", key)
                               : fmt::format("unknown key '{}' (did you mean '{}'?)", key, hint));
  }

  std::vector<std::string> strings(const toml::node& n, std::string_view what) {
    std::vector<std::string> out;
    if (auto s = n.value<std::string>()) { out.push_back(*s); return out; }
    if (const auto* a = n.as_array()) {
      for (const auto& x : *a) {
        if (auto s = x.value<std::string>()) out.push_back(*s);
        else error(pos(x), fmt::format("'{}' must list strings", what));
      }
      return out;
    }
    error(pos(n), fmt::format("'{}' must be a string or an array of strings", what));
    return out;
  }

  void read_examples(const toml::node& n, std::string_view default_ref, bool negative_list) {
    const auto* a = n.as_array();
    if (!a) { error(pos(n), "'examples' must be an array of tables"); return; }
    for (const auto& x : *a) {
      lexicon_example ex;
      ex.origin = {file, pos(x)};
      ex.ref = std::string(default_ref);
      ex.negative = negative_list;
      if (auto s = x.value<std::string>()) {  // a bare string: a negative, or text only
        ex.text = *s;
        if (!negative_list) error(pos(x), "an example needs { text, expect, gran }");
        lex.examples_.push_back(std::move(ex));
        continue;
      }
      const auto* t = x.as_table();
      if (!t) { error(pos(x), "an example must be a table"); continue; }
      for (const auto& kv : *t) {  // not a structured binding: clang 14 cannot capture one
        const auto& k = kv.first;
        const auto& v = kv.second;
        const std::string_view key = k.str();
        auto str = [&](std::string& into) {
          if (auto s = v.value<std::string>()) into = *s;
          else error(pos(v), fmt::format("example key '{}' takes a string", key));
        };
        if (key == "text") str(ex.text);
        else if (key == "context") str(ex.context);
        else if (key == "ref") str(ex.ref);
        else if (key == "anchor") str(ex.anchor);
        else if (key == "expect") str(ex.expect);
        else if (key == "gran") str(ex.gran);
        else if (key == "type") str(ex.type);
        else if (key == "negative") ex.negative = v.value<bool>().value_or(false);
        else {
          const auto hint = closest_match(key, {"text", "context", "ref", "anchor", "expect", "gran",
                                                "type", "negative"});
          error(pos(v), hint.empty() ? fmt::format("unknown example key '{}'", key)
                                     : fmt::format("unknown example key '{}' (did you mean '{}'?)", key, hint));
        }
      }
      if (ex.text.empty()) error(pos(x), "example without 'text'");
      if (!ex.negative && (ex.expect.empty() || ex.gran.empty()))
        error(pos(x), "example needs 'expect' and 'gran'");
      if (!ex.context.empty() && ex.context.find(ex.text) == std::string::npos)
        error(pos(x), fmt::format("example context does not contain '{}'", ex.text));
      lex.examples_.push_back(std::move(ex));
    }
  }

  void read_entry(const toml::table& t, std::string_view default_ref) {
    lexicon_entry e;
    e.origin = {file, pos(t)};
    std::vector<std::string> form_texts;
    const toml::node* examples = nullptr;
    bool have_class = false;
    for (const auto& [k, v] : t) {
      const std::string_view key = k.str();
      if (key == "class") {
        if (auto s = v.value<std::string>()) {
          if (std::find(kShapeNames.begin(), kShapeNames.end(), *s) != kShapeNames.end())
            error(pos(v), fmt::format("class '{}' is a built-in shape", *s));
          e.cls = intern_class(*s);
          have_class = true;
        } else error(pos(v), "'class' takes a string");
      } else if (key == "forms" || key == "form") {
        form_texts = strings(v, key);
      } else if (key == "value") {
        if (auto n = v.value<std::int64_t>()) e.value = static_cast<int>(*n);
        else error(pos(v), "'value' takes a number");
      } else if (key == "examples") {
        examples = &v;
      } else if (!read_setting(key, v, e.sets)) {
        unknown_key(key, v, {"class", "forms", "value", "examples"});
      }
    }
    if (!have_class) { error(pos(t), "entry without 'class'"); return; }
    if (form_texts.empty()) { error(pos(t), "entry without 'forms'"); return; }
    e.form = form_texts.front();
    const auto id = static_cast<std::uint32_t>(lex.entries_.size());
    lex.entries_.push_back(std::move(e));
    for (const auto& f : form_texts) {
      auto norms = token_norms(f);
      if (norms.empty()) { error(pos(t), "empty form"); continue; }
      lexicon::form fm;
      fm.entry = id;
      fm.cls = lex.entries_[id].cls;
      for (std::size_t k = 1; k < norms.size(); ++k) fm.rest.push_back(lex.symbols.intern(norms[k]));
      forms.emplace_back(lex.symbols.intern(norms.front()), std::move(fm));
    }
    if (examples) read_examples(*examples, default_ref, false);
  }

  struct element {
    std::vector<pattern_element_choice> choices;
    bool optional = false;
    bool connector = false;
  };

  bool parse_match(std::string_view text, source_position where, std::vector<element>& out) {
    std::size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && text[i] == ' ') ++i;
      if (i >= text.size()) break;
      std::size_t j = text.find(' ', i);
      if (j == std::string_view::npos) j = text.size();
      std::string_view word = text.substr(i, j - i);
      i = j;
      element el;
      if (word.size() > 1 && word.back() == '?') {
        el.optional = true;
        word.remove_suffix(1);
      }
      if (word.size() > 1 && word.front() == '~') {
        el.connector = true;
        word.remove_prefix(1);
      }
      std::size_t a = 0;
      while (a <= word.size()) {
        std::size_t b = word.find('|', a);
        if (b == std::string_view::npos) b = word.size();
        const std::string_view alt = word.substr(a, b - a);
        a = b + 1;
        if (alt.empty()) continue;
        pattern_element_choice c;
        if (alt.size() > 2 && alt.front() == '<' && alt.back() == '>') {
          std::string_view name = alt.substr(1, alt.size() - 2);
          const auto colon = name.find(':');
          if (colon != std::string_view::npos) {
            auto fname = name.substr(colon + 1);
            if (!fname.empty() && fname.front() == '+') {
              c.add = true;
              fname.remove_prefix(1);
            }
            c.bind = field_from(fname);
            if (!c.bind || !is_numeric(*c.bind)) {
              error(where, fmt::format("'{}' is not a numeric field to bind", fname));
              return false;
            }
            name = name.substr(0, colon);
          }
          c.is_class = true;
          const auto sh = std::find(kShapeNames.begin(), kShapeNames.end(), name);
          if (sh != kShapeNames.end()) {
            c.cls = static_cast<std::uint16_t>(sh - kShapeNames.begin());
          } else if (auto id = lex.class_id(name)) {
            c.cls = *id;
          } else {
            std::vector<std::string> known(kShapeNames.begin(), kShapeNames.end());
            for (std::size_t k = shape_count; k < lex.class_names_.size(); ++k)
              known.push_back(lex.class_names_[k]);
            const auto hint = closest_match(name, known);
            error(where, hint.empty() ? fmt::format("unknown class <{}>", name)
                                      : fmt::format("unknown class <{}> (did you mean <{}>?)", name, hint));
            return false;
          }
        } else {
          const auto norms = token_norms(alt);
          if (norms.size() != 1) {
            error(where, fmt::format("literal '{}' is not one token", alt));
            return false;
          }
          c.literal = norms.front();
        }
        el.choices.push_back(std::move(c));
      }
      if (el.choices.empty()) { error(where, "empty pattern element"); return false; }
      if (el.connector) {
        if (el.optional || std::any_of(el.choices.begin(), el.choices.end(),
                                       [](const pattern_element_choice& c) { return c.is_class; })) {
          error(where, "a range connector '~' takes required literal words only");
          return false;
        }
        for (auto& c : el.choices) c.connector = true;
      }
      out.push_back(std::move(el));
    }
    return true;
  }

  void insert(const std::vector<element>& els, std::size_t k, std::uint32_t node, std::uint32_t pid,
              std::size_t& budget) {
    if (budget == 0) return;
    if (k == els.size()) {
      lex.trie[node].accept.push_back(pid);
      --budget;
      return;
    }
    const auto& el = els[k];
    if (el.optional) insert(els, k + 1, node, pid, budget);
    for (const auto& c : el.choices) {
      std::uint32_t child;
      if (c.is_class) {
        auto& edges = lex.trie[node].classes;
        auto it = std::find_if(edges.begin(), edges.end(), [&](const lexicon::class_edge& e) {
          return e.cls == c.cls && e.bind == c.bind && e.add == c.add;
        });
        if (it != edges.end()) child = it->child;
        else {
          child = static_cast<std::uint32_t>(lex.trie.size());
          lex.trie[node].classes.push_back({c.cls, c.bind, c.add, child});
          lex.trie.emplace_back();
        }
      } else if (c.connector) {
        const auto sym = lex.symbols.intern(c.literal);
        auto& edges = lex.trie[node].connectors;
        auto it = std::find_if(edges.begin(), edges.end(), [&](const auto& e) { return e.sym == sym; });
        if (it != edges.end()) child = it->child;
        else {
          child = static_cast<std::uint32_t>(lex.trie.size());
          lex.trie[node].connectors.push_back({sym, child});
          lex.trie.emplace_back();
        }
      } else {
        const auto sym = lex.symbols.intern(c.literal);
        child = lex.trie[node].literal_child(sym);
        if (child == lexicon::no_child) {
          child = static_cast<std::uint32_t>(lex.trie.size());
          auto& edges = lex.trie[node].literal;
          edges.insert(std::lower_bound(edges.begin(), edges.end(), sym,
                                        [](const lexicon::literal_edge& e, std::uint32_t s) { return e.sym < s; }),
                       {sym, child});
          lex.trie.emplace_back();
        }
      }
      insert(els, k + 1, child, pid, budget);
    }
  }

  void read_pattern(const toml::table& t, std::string_view default_ref, bool negative_table) {
    pattern p;
    p.origin = {file, pos(t)};
    p.negative = negative_table;
    std::string match;
    source_position match_at = pos(t);
    const toml::node* examples = nullptr;
    for (const auto& [k, v] : t) {
      const std::string_view key = k.str();
      if (key == "name") p.name = v.value<std::string>().value_or("");
      else if (key == "match") {
        match = v.value<std::string>().value_or("");
        match_at = pos(v);
      } else if (key == "negative") p.negative = v.value<bool>().value_or(false);
      else if (key == "guard") {
        p.guard = v.value<std::string>().value_or("");
        std::istringstream words(p.guard);
        for (std::string g; words >> g;) {
          if (g != "bare_year" && g != "before_date" && g != "not_after_number" && g != "capitalized" && g != "clause_end" &&
              g != "not_amount" && g != "future" && g != "capitalized_words" && g != "sentence_start" && g != "prose_case" && g != "not_rate" &&
              !g.starts_with("after:") && !g.starts_with("capitalized:") &&
              !g.starts_with("before:") && !g.starts_with("not_before:") && !g.starts_with("not_after:"))
            error(pos(v), fmt::format("unknown guard '{}' (known: bare_year, capitalized, clause_end, "
                                      "future, before_date, not_after_number, not_amount, sentence_start, prose_case, not_rate, capitalized:CLASS, after:WORD|WORD..., "
                                      "before:WORD|WORD..., not_before:WORD|WORD..., not_after:WORD|WORD...)", g));
          p.guards.push_back(std::move(g));
        }
      } else if (key == "examples") examples = &v;
      else if (!read_setting(key, v, p.sets))
        unknown_key(key, v, {"name", "match", "negative", "guard", "examples"});
    }
    if (match.empty()) { error(pos(t), "pattern without 'match'"); return; }
    if (p.name.empty()) p.name = match;
    std::vector<element> els;
    if (!parse_match(match, match_at, els)) return;
    if (std::all_of(els.begin(), els.end(), [](const element& e) { return e.optional; })) {
      error(match_at, "a pattern needs at least one required element");
      return;
    }
    const auto connectors = std::count_if(els.begin(), els.end(), [](const element& e) { return e.connector; });
    if (connectors > 1) {
      error(match_at, "a range has one connector '~'");
      return;
    }
    if (connectors == 1 && (els.front().connector || els.back().connector)) {
      error(match_at, "a range connector '~' needs an endpoint on each side");
      return;
    }
    p.range = connectors == 1;
    if (p.range && p.negative) {
      error(match_at, "a negative pattern cannot be a range");
      return;
    }
    const auto pid = static_cast<std::uint32_t>(lex.patterns_.size());
    lex.patterns_.push_back(std::move(p));
    std::size_t budget = 4096;
    insert(els, 0, 0, pid, budget);
    if (budget == 0) error(match_at, "pattern expands to more than 4096 sequences");
    if (examples) read_examples(*examples, default_ref, false);
  }

  // The tables by symbol, once every symbol is known. A stable sort keeps lexicon order within
  // a group of forms, which is the order the matcher tries lexical items in.
  // Interns every word of the settings lists, so that tokens spelled like one carry its id, and
  // marks each list's members by symbol (word_list::contains). After all other interning: the
  // tables are sized to the final symbol count. No token is empty, so neither is a symbol.
  void index_word_lists() {
    for (const auto& [name, list] : word_lists)
      for (const auto& w : lex.*list)
        if (!w.empty()) lex.symbols.intern(w);
    for (const auto& [name, list] : word_lists) {
      word_list& l = lex.*list;
      l.member_.assign(lex.symbols.size(), false);
      for (const auto& w : l)
        if (!w.empty()) l.member_[lex.symbols.find(w)] = true;
    }
  }

  void index_by_symbol() {
    lex.root_literal_.assign(lex.symbols.size(), lexicon::no_child);
    for (const auto& e : lex.trie[0].literal) lex.root_literal_[e.sym] = e.child;
    std::stable_sort(forms.begin(), forms.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    lex.form_begin_.assign(lex.symbols.size() + 1, 0);
    for (const auto& [first, f] : forms) ++lex.form_begin_[first + 1];
    for (std::size_t s = 1; s < lex.form_begin_.size(); ++s) lex.form_begin_[s] += lex.form_begin_[s - 1];
    lex.forms_.clear();
    lex.continues_form_.assign(lex.symbols.size(), false);
    for (auto& [first, f] : forms) {
      if (!f.rest.empty()) lex.continues_form_[f.rest.front()] = true;
      lex.forms_.push_back(std::move(f));
    }
    forms.clear();
    lex.single_begin_.assign(lex.symbols.size() + 1, 0);
    lex.single_forms_.clear();
    for (std::uint32_t s = 0; s < lex.symbols.size(); ++s) {
      lex.single_begin_[s] = static_cast<std::uint32_t>(lex.single_forms_.size());
      for (const auto& f : lex.forms_starting(s))
        if (f.rest.empty()) lex.single_forms_.push_back(f);
    }
    lex.single_begin_[lex.symbols.size()] = static_cast<std::uint32_t>(lex.single_forms_.size());
    for (auto& n : lex.trie) {
      n.by_class.clear();
      for (std::uint32_t k = 0; k < n.classes.size(); ++k) n.by_class.push_back({n.classes[k].cls, k});
      std::stable_sort(n.by_class.begin(), n.by_class.end(),
                       [](const lexicon::class_slot& a, const lexicon::class_slot& b) { return a.cls < b.cls; });
    }
  }

  // The settings that are lists of words, by name.
  static constexpr std::pair<std::string_view, word_list lexicon::*> word_lists[] = {
      {"past_suffixes", &lexicon::past_suffixes},
      {"not_past", &lexicon::not_past},
      {"perfect", &lexicon::perfect},
      {"passive", &lexicon::passive},
      {"clause_breaks", &lexicon::clause_breaks},
      {"clause_starts", &lexicon::clause_starts},
      {"aside_openers", &lexicon::aside_openers},
      {"negators", &lexicon::negators},
      {"former_plan", &lexicon::former_plan},
      {"implicatives", &lexicon::implicatives},
      {"past_perfect", &lexicon::past_perfect},
      {"perfect_deadlines", &lexicon::perfect_deadlines},
      {"modals", &lexicon::modals},
      {"deadline_setters", &lexicon::deadline_setters},
      {"noun_modifier_after", &lexicon::noun_modifier_after},
      {"year_guard_before", &lexicon::year_guard_before},
      {"year_guard_after", &lexicon::year_guard_after},
      {"adjective_after", &lexicon::adjective_after},
      {"perfect_skip", &lexicon::perfect_skip},
      {"perfect_skip_suffixes", &lexicon::perfect_skip_suffixes},
      {"plural_suffixes", &lexicon::plural_suffixes},
      {"not_plural_suffixes", &lexicon::not_plural_suffixes},
      {"rate_articles", &lexicon::rate_articles},
      {"rate_after", &lexicon::rate_after},
  };

  void read_settings(const toml::table& t, std::string& default_ref) {
    for (const auto& [k, v] : t) {
      const std::string_view key = k.str();
      if (key == "ref") default_ref = v.value<std::string>().value_or(default_ref);
      else if (key == "slash_order") {
        const auto s = v.value<std::string>().value_or("");
        if (s == "mdy") lex.slash_month_first = true;
        else if (s == "dmy") lex.slash_month_first = false;
        else error(pos(v), "slash_order is \"mdy\" or \"dmy\"");
      } else if (const auto list = std::find_if(std::begin(word_lists), std::end(word_lists),
                                                [&](const auto& w) { return w.first == key; });
                 list != std::end(word_lists)) {
        lex.*(list->second) = strings(v, key);
      } else {
        std::vector<std::string> known = {"ref", "slash_order"};
        for (const auto& w : word_lists) known.emplace_back(w.first);
        const auto hint = closest_match(key, known);
        error(pos(v), hint.empty() ? fmt::format("unknown setting '{}'", key)
                                   : fmt::format("unknown setting '{}' (did you mean '{}'?)", key, hint));
      }
    }
  }

  // Entries first (classes must exist before patterns name them), then patterns.
  // The folder also holds other stages' resources (events, entities, zones); a file is the
  // tagger's when it has entries, patterns or negatives.
  static bool is_tagger_file(const toml::table& root) {
    return root.contains("entry") || root.contains("pattern") || root.contains("negative") ||
           root.contains("negatives");
  }

  void read_file(const toml::table& root, bool patterns_pass) {
    if (!is_tagger_file(root)) return;
    std::string default_ref = "2021-05-19";
    if (const auto* s = root["settings"].as_table()) {
      if (patterns_pass) read_settings(*s, default_ref);
      else default_ref = (*s)["ref"].value<std::string>().value_or(default_ref);
    }
    for (const auto& [k, v] : root) {
      const std::string_view key = k.str();
      if (key == "settings") continue;
      if (key == "entry") {
        if (patterns_pass) continue;
        if (const auto* a = v.as_array()) {
          for (const auto& x : *a)
            if (const auto* t = x.as_table()) read_entry(*t, default_ref);
            else error(pos(x), "[[entry]] must be a table");
        } else error(pos(v), "'entry' must be an array of tables ([[entry]])");
      } else if (key == "pattern" || key == "negative") {
        if (!patterns_pass) continue;
        if (const auto* a = v.as_array()) {
          for (const auto& x : *a)
            if (const auto* t = x.as_table()) read_pattern(*t, default_ref, key == "negative");
            else error(pos(x), fmt::format("[[{}]] must be a table", key));
        } else error(pos(v), fmt::format("'{}' must be an array of tables", key));
      } else if (key == "negatives") {
        if (patterns_pass) read_examples(v, default_ref, true);
      } else if (!patterns_pass) {
        const auto hint = closest_match(key, {"settings", "entry", "pattern", "negative", "negatives"});
        error(pos(v), hint.empty() ? fmt::format("unknown table '{}'", key)
                                   : fmt::format("unknown table '{}' (did you mean '{}'?)", key, hint));
      }
    }
  }
};

lexicon::load_result lexicon::from_sources(const std::vector<source>& sources) {
  load_result r;
  auto lex = std::make_unique<lexicon>();
  lex->trie.emplace_back();
  lexicon_builder b{*lex, r.diags, {}, {}};
  for (std::uint16_t i = 0; i < shape_count; ++i) b.intern_class(kShapeNames[i]);

  std::vector<toml::table> tables(sources.size());
  for (std::size_t i = 0; i < sources.size(); ++i) {
    b.file = sources[i].name;
#if TOML_EXCEPTIONS
    try {
      tables[i] = toml::parse(sources[i].text, sources[i].name);
    } catch (const toml::parse_error& e) {
      const auto& s = e.source().begin;
      b.error({static_cast<std::uint32_t>(s.line), static_cast<std::uint32_t>(s.column)},
              std::string(e.description()));
    }
#else
    auto res = toml::parse(sources[i].text, sources[i].name);
    if (!res) {
      const auto& s = res.error().source().begin;
      b.error({static_cast<std::uint32_t>(s.line), static_cast<std::uint32_t>(s.column)},
              std::string(res.error().description()));
    } else tables[i] = std::move(res).table();
#endif
  }
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t i = 0; i < sources.size(); ++i) {
      b.file = sources[i].name;
      b.read_file(tables[i], pass == 1);
    }
  b.index_word_lists();
  b.index_by_symbol();
  if (auto id = lex->class_id("tense")) lex->tense_class = *id;
  const bool failed = std::any_of(r.diags.begin(), r.diags.end(),
                                  [](const diagnostic& d) { return d.level == severity::error; });
  if (!failed) r.value = std::move(lex);
  return r;
}

lexicon::load_result lexicon::load(const std::filesystem::path& folder) {
  std::vector<source> sources;
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".toml") files.push_back(it->path());
  if (ec || files.empty()) {
    load_result r;
    r.diags.push_back({severity::error, folder.string(), {}, "lexicon",
                       ec ? fmt::format("cannot read the folder: {}", ec.message())
                          : "no *.toml files in the folder"});
    return r;
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    sources.push_back({f.string(), ss.str()});
  }
  return from_sources(sources);
}

}  // namespace annalist::tagger
