// annalist/events/lexicon.h — event triggers, status cues and the gazetteer, compiled from
// lexicon/en/events.toml and lexicon/en/entities.toml.
//
//     annalist::diagnostics diags;
//     auto lex = annalist::events::lexicon::load(annalist::data_dir() / "lexicon/en", diags);
//     // lex->triggers_at(tokens, i) -> the longest trigger starting at token i
//
// All language knowledge of the events stage is here; extract.cpp holds none. `parse` is pure
// (text in); `load` reads the two files and wraps it. Errors name the file and line:column.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/diagnostic.h"
#include "events/fold.h"
#include "events/tokens.h"

namespace annalist::events {

struct trigger_entry {
  std::string kind;
  bool verb = false;
  bool reporting = false;       // introduces speech
  bool artifact = false;        // a thing as much as an event: dated only by an adjacent time
  std::string several_actors;   // kind when two or more actors share its clause; may be empty
  std::vector<std::string> only_with;  // folded words that must introduce its time expression
};

enum class entity_kind : std::uint8_t { person, country, city, region, organisation, unknown };
std::string_view to_string(entity_kind k);

struct entity_entry {
  std::string name;
  entity_kind kind = entity_kind::unknown;
  std::string stands_for;  // a city's country when it is not a place; empty otherwise
};

/// How a phrase names an entity.
enum class name_role : std::uint8_t { name, alias, surname, demonym };

/// Examples the lexicon carries; tests run each one.
struct trigger_example {
  std::string text, trigger, kind;
  std::string file;
  source_position where;
};
struct entity_example {
  std::string text, entity;
  std::string file;
  source_position where;
};

/// Token sequences (folded) mapped to payloads; lookup finds every phrase starting at a token,
/// longest first.
class phrase_table {
 public:
  struct entry {
    std::vector<std::string> tokens;
    std::uint32_t payload = 0;
    std::uint8_t role = 0;
  };
  void add(std::vector<std::string> tokens, std::uint32_t payload, std::uint8_t role = 0);
  /// Longest entries matching tokens[i...]; empty when none. Entries of equal length all come.
  std::vector<const entry*> longest(const std::vector<token>& toks, std::size_t i,
                                    std::size_t end) const;
  bool empty() const { return by_first_.empty(); }

 private:
  std::unordered_map<std::string, std::vector<entry>> by_first_;
};

class lexicon {
 public:
  static std::optional<lexicon> parse(std::string_view events_toml, const std::string& events_path,
                                      std::string_view entities_toml,
                                      const std::string& entities_path, diagnostics& out);
  /// Reads `dir`/events.toml and `dir`/entities.toml.
  static std::optional<lexicon> load(const std::filesystem::path& dir, diagnostics& out);

  folder fold;
  std::vector<trigger_entry> triggers;
  phrase_table trigger_phrases;          // payload: index into triggers
  std::vector<entity_entry> entities;
  phrase_table entity_phrases;           // payload: index into entities; role: name_role
  std::unordered_set<std::string> titles, name_stop;
  std::unordered_set<std::string> org_heads;  // head nouns of organisation and place names

  phrase_table planned, expected, negation;  // status cues
  int status_window = 6;
  std::unordered_set<std::string> after_comma, relative, relational, of, locative, pronouns,
      participants, stopwords, definite, determiners, time_prepositions;
  std::unordered_set<std::string> superlatives, comparison_time;  // "the worst ... since 1998"
  phrase_table simultaneous;
  phrase_table aspectual;
  phrase_table light_verbs;
  phrase_table commands;  // "ordered a jet to intercept": the event is the ordered action
  phrase_table copulas;  // "Friday is the deadline": the time is the event's  // "launched an attack": the object noun is the event  // "took effect": the event is the subject noun

  std::vector<trigger_example> trigger_examples;
  std::vector<entity_example> entity_examples;

  /// Same kind, or listed as compatible in [kinds] (the relation is made symmetric).
  bool compatible(std::string_view a, std::string_view b) const;
  bool known_kind(std::string_view k) const { return compatible_.count(std::string(k)) != 0; }
  /// Folded tokens of a phrase written in the lexicon.
  std::vector<std::string> phrase_tokens(std::string_view phrase) const;
  /// Index of the entity named exactly `name`, if any.
  std::optional<std::uint32_t> entity_named(std::string_view name) const;

 private:
  lexicon() = default;
  std::unordered_map<std::string, std::unordered_set<std::string>> compatible_;
  std::unordered_map<std::string, std::uint32_t> entity_by_name_;
};

}  // namespace annalist::events
