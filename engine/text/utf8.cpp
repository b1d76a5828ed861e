#include "text/utf8.h"

#include <cstring>
#include <fmt/format.h>

namespace annalist::text {

namespace {

struct decoded {
  std::size_t length = 0;  // bytes consumed when valid; maximal ill-formed subpart otherwise
  bool valid = false;
  const char* why = nullptr;
};

// Unicode 15, table 3-7 (well-formed byte sequences). The second byte's range depends on the
// lead byte, which is what rules out overlongs, surrogates and values above U+10FFFF.
decoded decode(const unsigned char* p, std::size_t n) {
  const unsigned char b0 = p[0];
  if (b0 < 0x80) return {1, true, nullptr};
  std::size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 2;
  } else if (b0 == 0xE0) {
    need = 3, lo = 0xA0;
  } else if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) {
    need = 3;
  } else if (b0 == 0xED) {
    need = 3, hi = 0x9F;
  } else if (b0 == 0xF0) {
    need = 4, lo = 0x90;
  } else if (b0 >= 0xF1 && b0 <= 0xF3) {
    need = 4;
  } else if (b0 == 0xF4) {
    need = 4, hi = 0x8F;
  } else if (b0 >= 0x80 && b0 <= 0xBF) {
    return {1, false, "unexpected continuation byte"};
  } else if (b0 == 0xC0 || b0 == 0xC1) {
    return {1, false, "overlong encoding"};
  } else {
    return {1, false, "invalid byte"};
  }
  for (std::size_t i = 1; i < need; ++i) {
    if (i >= n) return {i, false, "truncated sequence at end of file"};
    const unsigned char lo_i = i == 1 ? lo : 0x80, hi_i = i == 1 ? hi : 0xBF;
    if (p[i] < lo_i || p[i] > hi_i) {
      if (i == 1 && p[i] >= 0x80 && p[i] <= 0xBF)
        return {1, false, b0 == 0xED ? "encoded surrogate" : (b0 == 0xF4 ? "code point above U+10FFFF" : "overlong encoding")};
      return {i, false, "truncated sequence"};
    }
  }
  return {need, true, nullptr};
}

}  // namespace

std::size_t skip_ascii(std::string_view bytes, std::size_t from) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = from;
  while (i + 8 <= n) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ULL) break;
    i += 8;
  }
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

std::optional<utf8_error> find_invalid_utf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while ((i = skip_ascii(bytes, i)) < n) {
    const auto d = decode(p + i, n - i);
    if (!d.valid) {
      return utf8_error{i, d.length, fmt::format("{} 0x{:02x}", d.why, p[i])};
    }
    i += d.length;
  }
  return std::nullopt;
}

std::size_t find_nul(std::string_view bytes) { return bytes.find('\0'); }

std::size_t repair_utf8(std::string& bytes, std::vector<offset_point>& points) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(bytes.size() + 16);
  std::size_t replaced = 0, i = 0;
  std::string_view rest = bytes;
  while (auto bad = find_invalid_utf8(rest)) {
    out.append(rest.substr(0, bad->offset));
    out.append(kReplacement);
    i += bad->offset + bad->length;
    rest = std::string_view(bytes).substr(i);
    points.push_back({static_cast<std::uint32_t>(out.size()), static_cast<std::uint32_t>(i)});
    ++replaced;
  }
  if (replaced == 0) return 0;
  out.append(rest);
  bytes = std::move(out);
  return replaced;
}

}  // namespace annalist::text
