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

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
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
  /// length. Inline, as the tokenizer calls it for every token of a text.
  std::uint32_t find_padded(const char* p, std::size_t n) const noexcept {
    if (n > 8) return find({p, n});
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return probe_short(w & kHeadMasks[n], n);
  }
  /// One more than the largest id (ids index arrays of this size).
  std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(names_.size()); }
  std::string_view name(std::uint32_t id) const { return names_[id]; }

 private:
  // Open addressing with linear probing, at most a quarter full, so that most look-ups read
  // one slot. A slot holds the string's length and its first eight bytes (`head`, zero-padded),
  // which settle the comparison for forms of up to eight bytes (nearly all) without touching
  // the string itself.
  struct slot {
    std::uint64_t head = 0;
    std::uint32_t size = 0;
    std::uint32_t id = none;  // none: empty slot
  };
  std::vector<slot> slots_;
  std::size_t mask_ = 0;   // slots_.size() - 1
  unsigned shift_ = 0;     // 64 - log2(slots_.size()): a hash's top bits pick its slot
  std::vector<std::string> names_;  // by id; names_[none] is a placeholder never found

  // kHeadMasks[n] keeps the first min(n, 8) bytes of a word loaded from memory, as head() has
  // them (shifting by 64 is undefined, hence a table).
  static constexpr std::array<std::uint64_t, 9> kHeadMasks = [] {
    std::array<std::uint64_t, 9> m{};
    for (std::size_t k = 0; k < 8; ++k)
      m[k] = std::endian::native == std::endian::little ? (std::uint64_t{1} << (8 * k)) - 1
                                                        : ~(~std::uint64_t{0} >> (8 * k));
    m[8] = ~std::uint64_t{0};
    return m;
  }();

  // Fibonacci hashing: one multiplication, whose top bits depend on every bit of the key.
  std::size_t home(std::uint64_t key) const noexcept {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  // A form of up to eight bytes: its head and length are the whole comparison. An empty slot
  // ends the search; it matches only the empty string, whose answer is none either way.
  std::uint32_t probe_short(std::uint64_t head, std::size_t n) const noexcept {
    for (std::size_t i = home(head + n);; i = (i + 1) & mask_) {
      const slot& sl = slots_[i];
      const bool hit = (sl.head == head) & (sl.size == n);
      if (hit | (sl.id == none)) return hit ? sl.id : none;
    }
  }

  static std::uint64_t head(std::string_view s) noexcept;
  // What picks a string's slot: head and length, and for a longer string the rest mixed in.
  static std::uint64_t key(std::string_view s, std::uint64_t head) noexcept;
  std::uint32_t probe_long(std::string_view s, std::uint64_t head) const noexcept;
  void place(std::uint32_t id);
  void resize(std::size_t slots);
};

}  // namespace annalist::tagger
