#include "events/lexicon.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace annalist::events {

std::string_view to_string(entity_kind k) {
  switch (k) {
    case entity_kind::person: return "person";
    case entity_kind::country: return "country";
    case entity_kind::city: return "city";
    case entity_kind::region: return "region";
    case entity_kind::organisation: return "organisation";
    case entity_kind::unknown: return "unknown";
  }
  return "unknown";
}

void phrase_table::add(std::vector<std::string> tokens, std::uint32_t payload, std::uint8_t role) {
  if (tokens.empty()) return;
  auto& v = by_first_[tokens.front()];
  v.push_back({std::move(tokens), payload, role});
  std::stable_sort(v.begin(), v.end(),
                   [](const entry& a, const entry& b) { return a.tokens.size() > b.tokens.size(); });
}

std::vector<const phrase_table::entry*> phrase_table::longest(const std::vector<token>& toks,
                                                              std::size_t i, std::size_t end) const {
  std::vector<const entry*> out;
  if (i >= end) return out;
  auto it = by_first_.find(toks[i].fold);
  if (it == by_first_.end()) return out;
  for (const auto& e : it->second) {
    if (!out.empty() && e.tokens.size() < out.front()->tokens.size()) break;
    if (i + e.tokens.size() > end) continue;
    bool ok = true;
    for (std::size_t k = 1; k < e.tokens.size() && ok; ++k) ok = toks[i + k].fold == e.tokens[k];
    if (ok) out.push_back(&e);
  }
  return out;
}

std::vector<std::string> lexicon::phrase_tokens(std::string_view phrase) const {
  std::vector<std::string> out;
  for (auto& t : tokenize(phrase, fold)) out.push_back(std::move(t.fold));
  return out;
}

bool lexicon::compatible(std::string_view a, std::string_view b) const {
  if (a == b) return true;
  auto it = compatible_.find(std::string(a));
  return it != compatible_.end() && it->second.count(std::string(b));
}

std::optional<std::uint32_t> lexicon::entity_named(std::string_view name) const {
  auto it = entity_by_name_.find(std::string(name));
  if (it == entity_by_name_.end()) return std::nullopt;
  return it->second;
}

namespace {

struct reader {
  const std::string& file;
  diagnostics& out;
  bool failed = false;

  void error(const toml::node* n, std::string msg) {
    diagnostic d;
    d.file = file;
    if (n) d.where = {n->source().begin.line, n->source().begin.column};
    d.scope = "lexicon";
    d.message = std::move(msg);
    out.push_back(std::move(d));
    failed = true;
  }

  std::string str(const toml::table& t, std::string_view key, bool required) {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) error(&t, fmt::format("missing key '{}'", key));
      return {};
    }
    if (auto s = n->value<std::string>()) return *s;
    error(n, fmt::format("'{}' must be a string", key));
    return {};
  }

  std::vector<std::string> strings(const toml::table& t, std::string_view key) {
    std::vector<std::string> v;
    const toml::node* n = t.get(key);
    if (!n) return v;
    const toml::array* a = n->as_array();
    if (!a) {
      error(n, fmt::format("'{}' must be an array of strings", key));
      return v;
    }
    for (const auto& e : *a) {
      if (auto s = e.value<std::string>()) v.push_back(*s);
      else error(&e, fmt::format("'{}' must hold strings only", key));
    }
    return v;
  }

  void only_keys(const toml::table& t, std::string_view where,
                 const std::vector<std::string>& allowed) {
    for (const auto& [k, v] : t) {
      if (std::find(allowed.begin(), allowed.end(), k.str()) != allowed.end()) continue;
      const std::string hint = closest_match(k.str(), allowed);
      error(&v, fmt::format("unknown key '{}' in {}{}", k.str(), where,
                            hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
    }
  }
};

std::optional<toml::table> parse_toml(std::string_view text, const std::string& path,
                                      diagnostics& out) {
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    diagnostic d;
    d.file = path;
    d.where = {e.source().begin.line, e.source().begin.column};
    d.scope = "lexicon";
    d.message = std::string(e.description());
    out.push_back(std::move(d));
    return std::nullopt;
  }
}

source_position pos(const toml::node& n) { return {n.source().begin.line, n.source().begin.column}; }

}  // namespace

std::optional<lexicon> lexicon::parse(std::string_view events_toml, const std::string& events_path,
                                      std::string_view entities_toml,
                                      const std::string& entities_path, diagnostics& out) {
  auto ev = parse_toml(events_toml, events_path, out);
  auto en = parse_toml(entities_toml, entities_path, out);
  if (!ev || !en) return std::nullopt;

  lexicon lex;
  reader r{events_path, out};
  r.only_keys(*ev, "events lexicon", {"kinds", "trigger", "status", "clause", "similarity"});

  // [kinds]
  if (const toml::table* kinds = (*ev)["kinds"].as_table()) {
    for (const auto& [k, v] : *kinds) lex.compatible_[std::string(k.str())];
    for (const auto& [k, v] : *kinds) {
      const toml::array* a = v.as_array();
      if (!a) { r.error(&v, fmt::format("kind '{}' must list compatible kinds", k.str())); continue; }
      for (const auto& e : *a) {
        auto s = e.value<std::string>();
        if (!s || !lex.compatible_.count(*s)) {
          r.error(&e, fmt::format("kind '{}' lists unknown kind '{}'", k.str(), s ? *s : "?"));
          continue;
        }
        lex.compatible_[std::string(k.str())].insert(*s);
        lex.compatible_[*s].insert(std::string(k.str()));
      }
    }
  } else {
    r.error(ev->get("kinds") ? ev->get("kinds") : nullptr, "missing table [kinds]");
  }
  std::vector<std::string> kind_names;
  for (const auto& [k, v] : lex.compatible_) kind_names.push_back(k);
  std::sort(kind_names.begin(), kind_names.end());

  // [[trigger]]
  std::unordered_map<std::string, source_position> seen_form;
  if (const toml::array* trs = (*ev)["trigger"].as_array()) {
    for (const auto& node : *trs) {
      const toml::table* t = node.as_table();
      if (!t) { r.error(&node, "[[trigger]] must be a table"); continue; }
      r.only_keys(*t, "[[trigger]]", {"kind", "pos", "forms", "reporting", "several_actors",
                                      "only_with", "artifact", "examples"});
      trigger_entry e;
      e.kind = r.str(*t, "kind", true);
      if (!e.kind.empty() && !lex.compatible_.count(e.kind)) {
        const auto hint = closest_match(e.kind, kind_names);
        r.error(t->get("kind"), fmt::format("unknown kind '{}'{}", e.kind,
                                            hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
      }
      const std::string p = r.str(*t, "pos", true);
      if (p != "verb" && p != "noun") r.error(t->get("pos"), "'pos' must be \"verb\" or \"noun\"");
      e.verb = p == "verb";
      e.reporting = (*t)["reporting"].value_or(false);
      e.artifact = (*t)["artifact"].value_or(false);
      e.several_actors = r.str(*t, "several_actors", false);
      if (!e.several_actors.empty() && !lex.compatible_.count(e.several_actors))
        r.error(t->get("several_actors"), fmt::format("unknown kind '{}'", e.several_actors));
      for (auto& w : r.strings(*t, "only_with")) e.only_with.push_back(lex.fold.fold(w));
      const auto idx = std::uint32_t(lex.triggers.size());
      if (const toml::array* forms = (*t)["forms"].as_array()) {
        for (const auto& f : *forms) {
          auto s = f.value<std::string>();
          if (!s) { r.error(&f, "forms must be strings"); continue; }
          auto toks = lex.phrase_tokens(*s);
          std::string key;
          for (auto& x : toks) key += x + " ";
          if (auto it = seen_form.find(key); it != seen_form.end()) {
            r.error(&f, fmt::format("form '{}' is already a trigger at line {}", *s, it->second.line));
            continue;
          }
          seen_form[key] = pos(f);
          lex.trigger_phrases.add(std::move(toks), idx);
        }
      } else {
        r.error(t, "[[trigger]] needs 'forms'");
      }
      if (const toml::array* ex = (*t)["examples"].as_array()) {
        for (const auto& x : *ex) {
          const toml::table* xt = x.as_table();
          if (!xt) { r.error(&x, "examples are tables { text, trigger, kind }"); continue; }
          r.only_keys(*xt, "example", {"text", "trigger", "kind"});
          lex.trigger_examples.push_back({r.str(*xt, "text", true), r.str(*xt, "trigger", true),
                                          r.str(*xt, "kind", true), events_path, pos(x)});
        }
      }
      lex.triggers.push_back(std::move(e));
    }
  } else {
    r.error(nullptr, "no [[trigger]] entries");
  }

  // [status]
  if (const toml::table* st = (*ev)["status"].as_table()) {
    r.only_keys(*st, "[status]", {"window", "planned", "expected", "negation"});
    lex.status_window = int((*st)["window"].value_or(6));
    for (auto& w : r.strings(*st, "planned")) lex.planned.add(lex.phrase_tokens(w), 0);
    for (auto& w : r.strings(*st, "expected")) lex.expected.add(lex.phrase_tokens(w), 0);
    for (auto& w : r.strings(*st, "negation")) lex.negation.add(lex.phrase_tokens(w), 0);
  }
  // [clause]
  if (const toml::table* cl = (*ev)["clause"].as_table()) {
    r.only_keys(*cl, "[clause]", {"after_comma", "relative", "relational", "of", "locative", "definite", "determiners", "time_prepositions",
                                  "person_pronouns", "simultaneous", "participants", "aspectual", "light_verbs", "commands", "copulas", "superlatives", "comparison_time"});
    auto fill = [&](std::unordered_set<std::string>& set, std::string_view key) {
      for (auto& w : r.strings(*cl, key)) set.insert(lex.fold.fold(w));
    };
    fill(lex.after_comma, "after_comma");
    fill(lex.relative, "relative");
    fill(lex.relational, "relational");
    fill(lex.of, "of");
    fill(lex.locative, "locative");
    fill(lex.pronouns, "person_pronouns");
    fill(lex.participants, "participants");
    fill(lex.definite, "definite");
    fill(lex.determiners, "determiners");
    fill(lex.time_prepositions, "time_prepositions");
    fill(lex.superlatives, "superlatives");
    fill(lex.comparison_time, "comparison_time");
    for (auto& w : r.strings(*cl, "simultaneous")) lex.simultaneous.add(lex.phrase_tokens(w), 0);
    for (auto& w : r.strings(*cl, "aspectual")) lex.aspectual.add(lex.phrase_tokens(w), 0);
    for (auto& w : r.strings(*cl, "light_verbs")) lex.light_verbs.add(lex.phrase_tokens(w), 0);
    for (auto& w : r.strings(*cl, "commands")) lex.commands.add(lex.phrase_tokens(w), 0);
    for (auto& w : r.strings(*cl, "copulas")) lex.copulas.add(lex.phrase_tokens(w), 0);
  }
  if (const toml::table* sim = (*ev)["similarity"].as_table()) {
    r.only_keys(*sim, "[similarity]", {"stopwords"});
    for (auto& w : r.strings(*sim, "stopwords")) lex.stopwords.insert(lex.fold.fold(w));
  }

  // entities.toml
  reader q{entities_path, out};
  q.only_keys(*en, "entities lexicon", {"names", "entity"});
  if (const toml::table* names = (*en)["names"].as_table()) {
    q.only_keys(*names, "[names]", {"titles", "stop", "organisations"});
    for (auto& w : q.strings(*names, "organisations")) lex.org_heads.insert(lex.fold.fold(w));
    for (auto& w : q.strings(*names, "titles")) lex.titles.insert(lex.fold.fold(w));
    for (auto& w : q.strings(*names, "stop")) lex.name_stop.insert(lex.fold.fold(w));
  }
  const std::vector<std::string> kinds = {"person", "country", "city", "region", "organisation"};
  std::vector<std::pair<std::string, const toml::node*>> pending_stands_for;
  if (const toml::array* ents = (*en)["entity"].as_array()) {
    for (const auto& node : *ents) {
      const toml::table* t = node.as_table();
      if (!t) { q.error(&node, "[[entity]] must be a table"); continue; }
      q.only_keys(*t, "[[entity]]", {"name", "kind", "aliases", "demonyms", "stands_for", "examples"});
      entity_entry e;
      e.name = q.str(*t, "name", true);
      const std::string k = q.str(*t, "kind", true);
      auto ki = std::find(kinds.begin(), kinds.end(), k);
      if (ki == kinds.end()) {
        const auto hint = closest_match(k, kinds);
        q.error(t->get("kind"), fmt::format("unknown entity kind '{}'{}", k,
                                            hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
      } else {
        e.kind = static_cast<entity_kind>(ki - kinds.begin());
      }
      e.stands_for = q.str(*t, "stands_for", false);
      if (!e.stands_for.empty()) pending_stands_for.emplace_back(e.stands_for, t->get("stands_for"));
      if (lex.entity_by_name_.count(e.name)) {
        q.error(t->get("name"), fmt::format("entity '{}' is listed twice", e.name));
        continue;
      }
      const auto idx = std::uint32_t(lex.entities.size());
      lex.entity_by_name_[e.name] = idx;
      auto name_toks = lex.phrase_tokens(e.name);
      if (e.kind == entity_kind::person && name_toks.size() >= 2)
        lex.entity_phrases.add({name_toks.back()}, idx, std::uint8_t(name_role::surname));
      lex.entity_phrases.add(std::move(name_toks), idx, std::uint8_t(name_role::name));
      for (auto& a : q.strings(*t, "aliases")) {
        auto toks = lex.phrase_tokens(a);
        if (e.kind == entity_kind::person && toks.size() >= 2)
          lex.entity_phrases.add({toks.back()}, idx, std::uint8_t(name_role::surname));
        lex.entity_phrases.add(std::move(toks), idx, std::uint8_t(name_role::alias));
      }
      for (auto& a : q.strings(*t, "demonyms"))
        lex.entity_phrases.add(lex.phrase_tokens(a), idx, std::uint8_t(name_role::demonym));
      if (const toml::array* ex = (*t)["examples"].as_array()) {
        for (const auto& x : *ex) {
          const toml::table* xt = x.as_table();
          if (!xt) { q.error(&x, "examples are tables { text, entity }"); continue; }
          lex.entity_examples.push_back({q.str(*xt, "text", true), q.str(*xt, "entity", true),
                                         entities_path, pos(x)});
        }
      }
      lex.entities.push_back(std::move(e));
    }
  }
  for (const auto& [name, node] : pending_stands_for)
    if (!lex.entity_by_name_.count(name))
      q.error(node, fmt::format("stands_for names unknown entity '{}'", name));

  if (r.failed || q.failed) return std::nullopt;
  return lex;
}

std::optional<lexicon> lexicon::load(const std::filesystem::path& dir, diagnostics& out) {
  auto read = [&](const std::filesystem::path& p, std::string& into) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      out.push_back({severity::error, p.string(), {}, "lexicon", "cannot read file"});
      return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    into = ss.str();
    return true;
  };
  std::string ev, en;
  const auto evp = dir / "events.toml", enp = dir / "entities.toml";
  if (!read(evp, ev) || !read(enp, en)) return std::nullopt;
  return parse(ev, evp.string(), en, enp.string(), out);
}

}  // namespace annalist::events
