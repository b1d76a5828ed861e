#include "tagger/symbols.h"

#include <cstring>

namespace annalist::tagger {

namespace {

std::uint64_t load64(const char* q) {
  std::uint64_t w;
  std::memcpy(&w, q, 8);
  return w;
}
std::uint64_t load32(const char* q) {
  std::uint32_t w;
  std::memcpy(&w, q, 4);
  return w;
}

// splitmix64's multiply-xorshift steps.
std::uint64_t mix(std::uint64_t h, std::uint64_t w) {
  h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 31);
}

}  // namespace

symbol_table::symbol_table() : slots_(64), names_(1) {}

// The first eight bytes, read without a byte loop (which would stall on store forwarding when
// the word is then loaded whole): a shorter string is read with two overlapping loads, or three
// single bytes under four. Together with the length it tells apart every string of up to eight
// bytes.
std::uint64_t symbol_table::head(std::string_view s) noexcept {
  const char* p = s.data();
  const std::size_t n = s.size();
  if (n >= 8) return load64(p);
  if (n >= 4) return load32(p) << 32 | load32(p + n - 4);
  if (n > 0) {
    const auto byte = [&](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(p[i])}; };
    return byte(0) << 16 | byte(n / 2) << 8 | byte(n - 1);
  }
  return 0;
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

std::uint32_t symbol_table::find(std::string_view s) const noexcept {
  const std::uint64_t key = head(s);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash(s, key) & mask;; i = (i + 1) & mask) {
    const slot& sl = slots_[i];
    if (sl.id == none) return none;
    if (sl.head == key && sl.size == s.size() && (s.size() <= 8 || names_[sl.id] == s)) return sl.id;
  }
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
