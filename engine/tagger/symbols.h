// annalist/tagger/symbols.h — the lexicon's words as small integers.
//
//     symbol_table syms;
//     const auto may = syms.intern("may");        // at lexicon load
//     syms.find("may") == may;                     // per token of a text: one hash, one compare
//     syms.find("walrus") == symbol_table::none;   // a word the lexicon never mentions
//
// Every token form the lexicon mentions (entry forms and pattern literals) is
// interned once when the lexicon is compiled; the tokenizer then looks each token of a text up
// once, and the matcher, the form index and the tense-cue finder compare integers instead of
// hashing and comparing strings again at every step. Equal ids mean equal strings, and a token
// whose form the lexicon never mentions gets `none`, which no lexicon item carries.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace annalist::tagger {

class symbol_table {
 public:
  /// The id of every string that was not interned.
  static constexpr std::uint32_t none = 0;

  symbol_table();

  /// The id of `s`, adding it when new. Ids are dense: 1, 2, 3, ... in order of first interning.
  std::uint32_t intern(std::string_view s);
  /// The id of `s`, or `none`. No allocation; one hash of `s`.
  std::uint32_t find(std::string_view s) const noexcept;
  /// Bytes `find_padded` may read past the end of a string.
  static constexpr std::size_t padding = 8;
  /// find({p, n}), where `padding` bytes after p + n may be read (the tokenizer's buffer has
  /// them): a form of up to eight bytes is then one load and a mask, without a branch on its
  /// length.
  std::uint32_t find_padded(const char* p, std::size_t n) const noexcept;
  /// One more than the largest id (ids index arrays of this size).
  std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(names_.size()); }
  std::string_view name(std::uint32_t id) const { return names_[id]; }

 private:
  // Open addressing with linear probing, at most half full. A slot holds the string's length and
  // its first eight bytes (`head`, zero-padded), which settle the comparison for forms of up to eight bytes (nearly
  // all) without touching the string itself.
  struct slot {
    std::uint64_t head = 0;
    std::uint32_t size = 0;
    std::uint32_t id = none;  // none: empty slot
  };
  std::vector<slot> slots_;
  std::vector<std::string> names_;  // by id; names_[none] is a placeholder never found

  static std::uint64_t head(std::string_view s) noexcept;
  static std::uint64_t hash(std::string_view s, std::uint64_t head) noexcept;
  std::uint32_t probe(std::string_view s, std::uint64_t head) const noexcept;
  void place(std::uint32_t id);
};

}  // namespace annalist::tagger
