#include "tagger/symbols.h"

#include <array>
#include <bit>
#include <cstring>

namespace annalist::tagger {

namespace {

std::uint64_t load64(const char* q) {
  std::uint64_t w;
  std::memcpy(&w, q, 8);
  return w;
}

// splitmix64's multiply-xorshift steps.
std::uint64_t mix(std::uint64_t h, std::uint64_t w) {
  h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 31);
}

}  // namespace

symbol_table::symbol_table() : slots_(64), names_(1) {}

// The first eight bytes as they lie in memory, the rest zero. Together with the length it tells apart
// every string of up to eight bytes.
std::uint64_t symbol_table::head(std::string_view s) noexcept {
  if (s.size() >= 8) return load64(s.data());
  std::uint64_t w = 0;
  std::memcpy(&w, s.data(), s.size());
  return w;
}

// The head, then the rest eight bytes at a time (the last chunk overlapping the one before).
std::uint64_t symbol_table::hash(std::string_view s, std::uint64_t head) noexcept {
  std::uint64_t h = mix(0x9E3779B97F4A7C15ull ^ s.size(), head);
  if (s.size() > 8) {
    const char* p = s.data() + 8;
    std::size_t n = s.size() - 8;
    for (; n > 8; p += 8, n -= 8) h = mix(h, load64(p));
    h = mix(h, load64(p + n - 8));
  }
  h *= 0x94D049BB133111EBull;
  return h ^ (h >> 29);
}

std::uint32_t symbol_table::probe(std::string_view s, std::uint64_t key) const noexcept {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash(s, key) & mask;; i = (i + 1) & mask) {
    const slot& sl = slots_[i];
    if (sl.id == none) return none;
    if (sl.head == key && sl.size == s.size() && (s.size() <= 8 || names_[sl.id] == s)) return sl.id;
  }
}

std::uint32_t symbol_table::find(std::string_view s) const noexcept { return probe(s, head(s)); }

std::uint32_t symbol_table::find_padded(const char* p, std::size_t n) const noexcept {
  // The mask keeps the first min(n, 8) bytes in memory order, as head() has them; shifting by
  // 64 is undefined, hence the table.
  static constexpr auto masks = [] {
    std::array<std::uint64_t, 9> m{};
    for (std::size_t k = 0; k < 8; ++k)
      m[k] = std::endian::native == std::endian::little ? (std::uint64_t{1} << (8 * k)) - 1
                                                        : ~(~std::uint64_t{0} >> (8 * k));
    m[8] = ~std::uint64_t{0};
    return m;
  }();
  return probe({p, n}, load64(p) & masks[n < 8 ? n : 8]);
}

std::uint32_t symbol_table::intern(std::string_view s) {
  if (const auto id = find(s); id != none) return id;
  const auto id = static_cast<std::uint32_t>(names_.size());
  names_.emplace_back(s);
  if (2 * names_.size() > slots_.size()) {  // keep at most half full
    slots_.assign(2 * slots_.size(), slot{});
    for (std::uint32_t k = 1; k <= id; ++k) place(k);
  } else {
    place(id);
  }
  return id;
}

void symbol_table::place(std::uint32_t id) {
  const std::string_view s = names_[id];
  const std::uint64_t key = head(s);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash(s, key) & mask;
  while (slots_[i].id != none) i = (i + 1) & mask;
  slots_[i] = {key, static_cast<std::uint32_t>(s.size()), id};
}

}  // namespace annalist::tagger
