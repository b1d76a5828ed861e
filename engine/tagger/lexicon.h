// annalist/tagger/lexicon.h — the language resources (lexicon/<lang>/*.toml), compiled once.
//
//     auto lex = annalist::tagger::lexicon::load(annalist::data_dir() / "lexicon/en");
//     if (!lex.value) for (auto& d : lex.diags) std::cerr << d.to_string() << '\n';
//     // lexicon/en/months.toml:14:3: error: lexicon: unknown field 'mnth' (did you mean 'month'?)
//
// Every *.toml of the folder is read (no list to keep up to date). A file may hold:
//   [settings]   defaults: `ref` (examples' reference time), `slash_order` ("mdy" | "dmy"),
//                `past_suffixes`, `not_past`, `adjective_after`, `perfect`, `perfect_skip`,
//                `perfect_skip_suffixes`, `passive`, `clause_breaks`, `year_guard_before`,
//                `year_guard_after`, `plural_suffixes`, `not_plural_suffixes`
//   [[entry]]    a word class member: `class`, `forms` (one or more tokens each), optional
//                `value` (a number patterns may bind), any meaning field (`month = 5`), `examples`
//   [[pattern]]  a composition rule: `name`, `match` (elements), optional fields to set,
//                `negative = true` (a span that must never be tagged), `guard`, `examples`
//   negatives = ["COVID-19", ...]   phrases that must produce no timex at all
// docs/lexicon.md is the authoring guide. `from_sources` is the pure core (text in); `load`
// reads a folder and calls it, as toml::parse_file wraps toml::parse.
//
// Pattern elements (space-separated in `match`):
//   word        a literal token ("of", ",", "-", "'"); `a|an|one` for alternatives
//   <class>     any form of a lexicon class; `<class:field>` also stores the form's `value`
//               in that meaning field, `<class:+field>` adds it; built-in shapes: <int> <day>
//               (1..31) <year> (1000..2199) <ord> <clock> <isodate> <slashdate> <decade>
//               <yy> (two digits) <hhmm> (four digits 0000..2359: "2300 GMT") <fraction>
//               ("1/2": sets numerator and denominator) <decimal> ("2.5": sets amount,
//               numerator, denominator = 10^digits and the flag decimal) <dotclock> ("14.02",
//               a clock time written with a dot, as British papers do: sets hour and minute)
//   X?          the element is optional
//   ~a|b        the connector of a range ("May 17 ~- 19"): the tokens before it are the first
//               endpoint, those after it the second; each becomes a mention of its own
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/diagnostic.h"
#include "tagger/meaning.h"
#include "tagger/symbols.h"

namespace annalist::tagger {

/// Hash for string-keyed maps that are looked up with std::string_view (no temporary string).
struct string_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
template <class T>
using string_map = std::unordered_map<std::string, T, string_hash, std::equal_to<>>;

/// Built-in token shapes, class ids [0, shape_count).
enum class shape : std::uint16_t {
  int_, day, year, ord, clock, isodate, slashdate, decade, yy, hhmm, fraction, decimal, dotclock, count_
};
inline constexpr std::uint16_t shape_count = static_cast<std::uint16_t>(shape::count_);

/// Where a lexicon item was written, for diagnostics and test contexts.
struct lexicon_origin {
  std::string file;       // path as given to from_sources
  source_position where;
};

/// One example from the lexicon: `text` must come out as one timex spanning exactly it.
struct lexicon_example {
  std::string text;
  std::string context;   // sentence containing `text`; empty: `text` alone
  std::string ref;       // reference (publication) time, e.g. "2021-05-19" or "2021-05-19T17:55"
  std::string anchor;    // narrative anchor when the example needs one
  std::string expect;    // TIMEX3 value
  std::string gran;      // granularity name (time/value.h)
  std::string type;      // TIMEX3 type; empty: not checked
  bool negative = false; // true: `text` (or context) must produce no timex
  lexicon_origin origin;
};

struct lexicon_entry {
  std::uint16_t cls = 0;
  int value = unset;
  std::vector<setting> sets;
  std::string form;  // first form as written, for rule chains
  lexicon_origin origin;
};

struct pattern_element_choice {
  bool is_class = false;
  std::string literal;   // normalized token
  std::uint16_t cls = 0;
  std::optional<field> bind;
  bool add = false;  // `<class:+field>`: adds the value to the field ("twenty-one")
  bool connector = false;  // `~word`: a range's connector (literals only)
};

struct pattern {
  std::string name;
  std::vector<setting> sets;
  bool negative = false;
  std::string guard;     // as written: space-separated checks, all must pass ("after:in future")
  std::vector<std::string> guards;  // `guard` split at spaces
  bool range = false;    // has a connector: yields two mentions, one per endpoint
  lexicon_origin origin;
};

/// A settings list of words (tense.toml's `clause_breaks`, ...), used as a vector of strings.
/// `contains` tests a token by its symbol in one load instead of comparing its text with every
/// word: each word of every list is interned when the lexicon is compiled, so a token spelled
/// like one carries that word's id, and a token whose `sym` is `none` is in no list.
class word_list : public std::vector<std::string> {
 public:
  word_list& operator=(std::vector<std::string> words) {
    std::vector<std::string>::operator=(std::move(words));
    return *this;
  }
  bool contains(std::uint32_t sym) const noexcept { return sym < member_.size() && member_[sym]; }

 private:
  std::vector<bool> member_;  // by symbol

  friend struct lexicon_builder;
};

class lexicon {
 public:
  struct source {
    std::string name;  // label for diagnostics, e.g. "lexicon/en/months.toml"
    std::string text;
  };
  struct load_result {
    std::unique_ptr<lexicon> value;  // null when an error was found
    diagnostics diags;
  };

  /// Compiles the given TOML texts (pure: no file access).
  static load_result from_sources(const std::vector<source>& sources);
  /// Reads every *.toml in `folder` (sorted by name) and compiles them.
  static load_result load(const std::filesystem::path& folder);

  const std::vector<lexicon_example>& examples() const { return examples_; }
  const std::vector<pattern>& patterns() const { return patterns_; }
  const std::vector<lexicon_entry>& entries() const { return entries_; }
  std::string_view class_name(std::uint16_t id) const { return class_names_[id]; }
  std::optional<std::uint16_t> class_id(std::string_view name) const;

  // ---- compiled form, used by the matcher (tagger.cpp) and the resolver ----

  /// Every token form the lexicon mentions (entry forms, pattern literals, connectors). Pass it to
  /// `tokenize` so that tokens carry their ids; the structures below are keyed by them.
  symbol_table symbols;

  /// A lexical form: the tokens after the first one (symbols), and the entry it belongs to.
  struct form {
    std::vector<std::uint32_t> rest;
    std::uint32_t entry = 0;
    /// The entry's class, kept here: the tense-cue finder goes through every form of each word
    /// near an expression for the few of class "tense", and reading the class from the entry
    /// (a cache miss per form) was most of its time.
    std::uint16_t cls = 0;
  };
  /// Forms whose first token is the symbol `first`, in lexicon order; empty for `none`.
  std::span<const form> forms_starting(std::uint32_t first) const {
    if (first + 1 >= form_begin_.size()) return {};
    return {forms_.data() + form_begin_[first], forms_.data() + form_begin_[first + 1]};
  }
  /// The forms of one token among forms_starting(first), in the same order: all that can match
  /// when the next token continues no form ("the" starts dozens of forms, one or none alone).
  std::span<const form> single_forms_starting(std::uint32_t first) const {
    if (first + 1 >= single_begin_.size()) return {};
    return {single_forms_.data() + single_begin_[first], single_forms_.data() + single_begin_[first + 1]};
  }
  /// Whether `sym` is the second token of some form of several tokens. When the token after a
  /// form's first is not, only one-token forms can match there: "the" starts dozens of forms
  /// and precedes a word none of them continues with most of the time.
  bool continues_form(std::uint32_t sym) const { return sym < continues_form_.size() && continues_form_[sym]; }
  /// The same for a normalized token given as text (callers without symbols).
  std::span<const form> forms_starting(std::string_view first) const {
    return forms_starting(symbols.find(first));
  }

  /// Pattern trie: each node has literal edges, class edges and the patterns accepted there.
  struct class_edge {
    std::uint16_t cls;
    std::optional<field> bind;
    bool add;
    std::uint32_t child;
  };
  struct literal_edge {
    std::uint32_t sym;
    std::uint32_t child;
  };
  static constexpr std::uint32_t no_child = 0xFFFFFFFF;
  /// A class edge by its class: node::by_class lists (class, index into node::classes).
  struct class_slot {
    std::uint16_t cls;
    std::uint32_t edge;
  };
  struct node {
    std::vector<literal_edge> literal;  // sorted by symbol
    std::vector<class_edge> classes;
    /// `classes` by class id, then edge order: a token has one or two classes (its items' and
    /// the shapes it fits), and the root alone has dozens of class edges, so the matcher looks
    /// those classes up here rather than testing every edge.
    std::vector<class_slot> by_class;
    /// The slots of the edges of class `cls`, in edge order.
    std::span<const class_slot> edges_of(std::uint16_t cls) const {
      const auto lo = std::lower_bound(by_class.begin(), by_class.end(), cls,
                                       [](const class_slot& s, std::uint16_t c) { return s.cls < c; });
      auto hi = lo;
      while (hi != by_class.end() && hi->cls == cls) ++hi;
      return {lo, hi};
    }
    /// Range connectors (`~-`, `~to`): literal edges whose token belongs to neither endpoint.
    std::vector<literal_edge> connectors;  // in lexicon order
    std::vector<std::uint32_t> accept;  // pattern ids, in lexicon order
    /// The child for a token with symbol `sym`, or no_child.
    std::uint32_t literal_child(std::uint32_t sym) const {
      if (literal.size() <= 8) {  // most nodes: a scan beats a binary search
        for (const auto& e : literal)
          if (e.sym == sym) return e.child;
        return no_child;
      }
      const auto it = std::lower_bound(literal.begin(), literal.end(), sym,
                                       [](const literal_edge& e, std::uint32_t s) { return e.sym < s; });
      return it != literal.end() && it->sym == sym ? it->child : no_child;
    }
  };
  std::vector<node> trie;
  /// The root's literal child for a token with symbol `sym` (no_child when none): the root is
  /// tried at every token of a text and has many literal edges, so it is a table by symbol.
  std::uint32_t root_child(std::uint32_t sym) const {
    return sym < root_literal_.size() ? root_literal_[sym] : no_child;
  }

  // settings
  bool slash_month_first = true;
  word_list past_suffixes, not_past, perfect, passive, clause_breaks;
  /// Words that open a subordinate clause to the left of an expression ("that", "which"): a
  /// modal before them does not govern a verb after them.
  word_list clause_starts;
  /// Words that open an aside after a comma (", who took office in 2019,", ", when ..."): the
  /// aside, once closed, gives no tense to the clause around it.
  word_list aside_openers;
  /// Words after which a scheduled present ("resume Monday") is no future: "did not resume".
  word_list negators;
  /// Words before a future cue that make it a former plan ("originally set for April").
  word_list former_plan;
  /// Past verbs whose infinitive happened (or not) when they did: "tried to hold the vote on Friday".
  word_list implicatives;
  /// The past perfect auxiliary: in its sentence a deadline cue ("by") looks back.
  word_list past_perfect;
  /// The deadline cues that look back in the past perfect ("had filed by Wednesday"); others
  /// keep their direction ("had been set to expire Nov. 6").
  word_list perfect_deadlines;
  /// Modals, and past verbs that set a deadline ("extended the offer until", "gave him until"):
  /// between them and a deadline cue the deadline still lies ahead of the clause's past.
  word_list modals, deadline_setters;
  /// Tokens after an expression that make it modify a noun ("'s": "Wednesday's ruling").
  word_list noun_modifier_after;
  word_list year_guard_before, year_guard_after;
  /// Words after which a past-suffix word is an adjective, not a verb ("the planned summit").
  word_list adjective_after;
  /// Words that may stand between a perfect auxiliary and its participle ("has not given"),
  /// and word endings that do so ("has recently given"; only for words longer than the ending + 1).
  word_list perfect_skip, perfect_skip_suffixes;
  /// A lower-case word of 5+ letters after a bare year that ends in one of `plural_suffixes`
  /// and in none of `not_plural_suffixes` counts things: "2000 delegates" is no year.
  word_list plural_suffixes, not_plural_suffixes;
  /// "a"/"per" + unit after a number, one of `rate_after` or a plural is a rate ("$2 million a
  /// year"): guard `not_rate`.
  word_list rate_articles, rate_after;
  std::uint16_t tense_class = 0xFFFF;  // class "tense" when present

 private:
  std::vector<std::string> class_names_;
  string_map<std::uint16_t> class_ids_;
  std::vector<lexicon_entry> entries_;
  std::vector<pattern> patterns_;
  std::vector<lexicon_example> examples_;
  std::deque<std::string> pool_;  // text field values; stable addresses
  std::vector<form> forms_;                // grouped by first symbol, lexicon order within a group
  std::vector<std::uint32_t> form_begin_;  // by symbol: forms_[form_begin_[s] .. form_begin_[s + 1])
  std::vector<bool> continues_form_;       // by symbol: see continues_form
  std::vector<form> single_forms_;           // the forms of one token, grouped like forms_
  std::vector<std::uint32_t> single_begin_;  // by symbol, like form_begin_
  std::vector<std::uint32_t> root_literal_;  // by symbol: trie[0]'s literal child, or no_child

  friend struct lexicon_builder;
};

}  // namespace annalist::tagger
