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
}  // namespace

bool is_nfc(std::string_view in) {
  UErrorCode status = U_ZERO_ERROR;
  const bool yes = nfc().isNormalizedUTF8(
      icu::StringPiece(in.data(), static_cast<std::int32_t>(in.size())), status);
  return U_SUCCESS(status) && yes;
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
