// annalist/text/utf8.h — UTF-8 validation and repair on raw bytes.
//
//     auto bad = annalist::text::find_invalid_utf8("caf\xC3");
//     // bad->offset == 3, bad->reason == "truncated sequence (expected 2 bytes, found 1)"
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annalist::text {

struct utf8_error {
  std::size_t offset = 0;  // byte offset of the first byte of the ill-formed sequence
  std::size_t length = 1;  // bytes that form the maximal ill-formed subpart (>= 1)
  std::string reason;      // "invalid byte 0xff", "truncated sequence ...", "overlong encoding"...
};

/// The first ill-formed sequence, per the Unicode "maximal subpart" rule (so a repair
/// replaces each error with exactly one U+FFFD, as ICU and browsers do); nullopt when valid.
std::optional<utf8_error> find_invalid_utf8(std::string_view bytes);

/// The offset of the first byte at or after `from` that is not ASCII (bytes.size() when none),
/// read eight bytes at a time: most news text is ASCII.
std::size_t skip_ascii(std::string_view bytes, std::size_t from);

/// Position of the first NUL byte, the mark of a binary file; npos when none.
std::size_t find_nul(std::string_view bytes);

/// One point of a piecewise offset map: `to` offset corresponds to `from` offset, and the
/// region after it keeps lengths equal until the next point.
struct offset_point {
  std::uint32_t to = 0;
  std::uint32_t from = 0;
};

/// Replaces every ill-formed sequence of `bytes` with U+FFFD. Returns how many were replaced;
/// `points` receives (repaired offset, original offset) pairs after each replacement.
std::size_t repair_utf8(std::string& bytes, std::vector<offset_point>& points);

}  // namespace annalist::text
