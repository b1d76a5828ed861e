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

symbol_table::symbol_table() : names_(1) { resize(64); }

// The first eight bytes as they lie in memory, the rest zero. Together with the length it tells apart
// every string of up to eight bytes.
std::uint64_t symbol_table::head(std::string_view s) noexcept {
  if (s.size() >= 8) return load64(s.data());
  std::uint64_t w = 0;
  std::memcpy(&w, s.data(), s.size());
  return w;
}

// head + length (as probe_short has it), and beyond eight bytes the rest, eight bytes at a time
// (the last chunk overlapping the one before).
std::uint64_t symbol_table::key(std::string_view s, std::uint64_t head) noexcept {
  std::uint64_t h = head + s.size();
  if (s.size() > 8) {
    const char* p = s.data() + 8;
    std::size_t n = s.size() - 8;
    for (; n > 8; p += 8, n -= 8) h = mix(h, load64(p));
    h = mix(h, load64(p + n - 8));
  }
  return h;
}

std::uint32_t symbol_table::probe_long(std::string_view s, std::uint64_t head) const noexcept {
  for (std::size_t i = home(key(s, head));; i = (i + 1) & mask_) {
    const slot& sl = slots_[i];
    if (sl.id == none) return none;
    if (sl.head == head && sl.size == s.size() && names_[sl.id] == s) return sl.id;
  }
}

std::uint32_t symbol_table::find(std::string_view s) const noexcept {
  return s.size() <= 8 ? probe_short(head(s), s.size()) : probe_long(s, head(s));
}

std::uint32_t symbol_table::intern(std::string_view s) {
  if (const auto id = find(s); id != none) return id;
  const auto id = static_cast<std::uint32_t>(names_.size());
  names_.emplace_back(s);
  if (4 * names_.size() > slots_.size()) {  // keep at most a quarter full
    resize(2 * slots_.size());
  } else {
    place(id);
  }
  return id;
}

void symbol_table::resize(std::size_t slots) {
  slots_.assign(slots, slot{});
  mask_ = slots - 1;
  shift_ = 64 - static_cast<unsigned>(std::countr_zero(slots));
  for (std::uint32_t k = 1; k < names_.size(); ++k) place(k);
}

void symbol_table::place(std::uint32_t id) {
  const std::string_view s = names_[id];
  const std::uint64_t h = head(s);
  std::size_t i = home(key(s, h));
  while (slots_[i].id != none) i = (i + 1) & mask_;
  slots_[i] = {h, static_cast<std::uint32_t>(s.size()), id};
}

}  // namespace annalist::tagger
