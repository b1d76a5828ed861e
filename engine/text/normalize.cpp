#include "text/normalize.h"

#include <algorithm>
#include <stdexcept>

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

namespace annalist::text {

namespace {
const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  // ICU's own data is missing: the installation is broken, not the input.
  if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU NFC data unavailable");
  return *n;
}

bool icu_is_nfc(std::string_view in) {
  UErrorCode status = U_ZERO_ERROR;
  const bool yes = nfc().isNormalizedUTF8(
      icu::StringPiece(in.data(), static_cast<std::int32_t>(in.size())), status);
  return U_SUCCESS(status) && yes;
}

// Where the stretch of text from non-ASCII byte `i` ends: at the next eight ASCII bytes in a
// row, or at the end of the text. Shorter ASCII gaps stay inside, so that text in another
// script goes to ICU in long pieces rather than a call per word.
std::size_t end_of_non_ascii(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x80) ++i;
    const std::size_t next = skip_ascii(s, i);
    if (next == s.size() || next - i >= 8) return i;
    i = next;
  }
  return i;
}

}  // namespace

bool is_nfc(std::string_view in) {
  // ASCII is NFC, and no two ASCII characters compose, so only the stretches holding non-ASCII
  // bytes need ICU's check, each with the ASCII character before it (which a combining mark may
  // join). News text is nearly all ASCII: this reads it eight bytes at a time, where ICU's check
  // of the whole text cost as much as validating it.
  for (std::size_t i = skip_ascii(in, 0); i < in.size(); i = skip_ascii(in, i)) {
    const std::size_t from = i > 0 ? i - 1 : 0;
    i = end_of_non_ascii(in, i);
    if (!icu_is_nfc(in.substr(from, i - from))) return false;
  }
  return true;
}

std::string to_nfc(std::string_view in, std::vector<offset_point>& points) {
  if (is_nfc(in)) return std::string(in);
  std::string out;
  out.reserve(in.size());
  icu::StringByteSink<std::string> sink(&out);
  icu::Edits edits;
  UErrorCode status = U_ZERO_ERROR;
  nfc().normalizeUTF8(0, icu::StringPiece(in.data(), static_cast<std::int32_t>(in.size())), sink,
                      &edits, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalization failed: ") +
                                                  u_errorName(status));
  // Edits are in UTF-8 bytes here; each changed range ends where lengths agree again.
  auto it = edits.getCoarseChangesIterator();
  while (it.next(status)) {
    points.push_back({static_cast<std::uint32_t>(it.destinationIndex() + it.newLength()),
                      static_cast<std::uint32_t>(it.sourceIndex() + it.oldLength())});
  }
  return out;
}

std::uint32_t map_back(const std::vector<offset_point>& points, std::uint32_t to) {
  auto next = std::upper_bound(points.begin(), points.end(), to,
                               [](std::uint32_t v, const offset_point& p) { return v < p.to; });
  std::uint32_t base_to = 0, base_from = 0;
  if (next != points.begin()) {
    base_to = std::prev(next)->to;
    base_from = std::prev(next)->from;
  }
  std::uint32_t r = base_from + (to - base_to);
  if (next != points.end()) r = std::min(r, next->from);
  return r;
}

}  // namespace annalist::text
