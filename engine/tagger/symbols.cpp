#include "tagger/symbols.h"

#include <cstring>

namespace annalist::tagger {

symbol_table::symbol_table() : slots_(64), names_(1) {}

// Eight bytes at a time with a multiply-xorshift mix (the finalizer of splitmix64). Token forms
// are short: a form under eight bytes is read with two overlapping loads (or three single bytes
// under four), never byte by byte into a buffer, which would stall on store forwarding. The
// length goes into the seed, so the overlapping reads still tell every string apart.
std::uint64_t symbol_table::hash(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size();
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
  auto mix = [&](std::uint64_t w) {
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  };
  auto load64 = [](const unsigned char* q) {
    std::uint64_t w;
    std::memcpy(&w, q, 8);
    return w;
  };
  auto load32 = [](const unsigned char* q) {
    std::uint32_t w;
    std::memcpy(&w, q, 4);
    return std::uint64_t{w};
  };
  if (n >= 8) {
    for (; n > 8; p += 8, n -= 8) mix(load64(p));
    mix(load64(p + n - 8));  // the last eight bytes, overlapping the previous chunk
  } else if (n >= 4) {
    mix(load32(p) << 32 | load32(p + n - 4));
  } else if (n > 0) {
    mix(std::uint64_t{p[0]} << 16 | std::uint64_t{p[n / 2]} << 8 | p[n - 1]);
  }
  h *= 0x94D049BB133111EBull;
  return h ^ (h >> 29);
}

std::uint32_t symbol_table::find(std::string_view s) const noexcept {
  const std::uint64_t h = hash(s);
  const std::size_t mask = slots_.size() - 1;
  const auto check = static_cast<std::uint32_t>(h >> 32);
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const slot& sl = slots_[i];
    if (sl.id == none) return none;
    if (sl.check == check && names_[sl.id] == s) return sl.id;
  }
}

std::uint32_t symbol_table::intern(std::string_view s) {
  if (const auto id = find(s); id != none) return id;
  if (2 * (names_.size() + 1) > slots_.size()) rehash(2 * slots_.size());
  const auto id = static_cast<std::uint32_t>(names_.size());
  names_.emplace_back(s);
  const std::uint64_t h = hash(s);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  while (slots_[i].id != none) i = (i + 1) & mask;
  slots_[i] = {static_cast<std::uint32_t>(h >> 32), id};
  return id;
}

void symbol_table::rehash(std::size_t slot_count) {
  slots_.assign(slot_count, slot{});
  const std::size_t mask = slot_count - 1;
  for (std::uint32_t id = 1; id < names_.size(); ++id) {
    const std::uint64_t h = hash(names_[id]);
    std::size_t i = h & mask;
    while (slots_[i].id != none) i = (i + 1) & mask;
    slots_[i] = {static_cast<std::uint32_t>(h >> 32), id};
  }
}

}  // namespace annalist::tagger
