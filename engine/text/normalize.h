// annalist/text/normalize.h — Unicode NFC with a map back to the input's byte offsets.
//
// Most news text is already NFC, so the check comes first (ICU quick check) and the common case
// costs one scan and no map. When something changes, ICU's Edits say exactly which byte ranges
// changed, and only those become points of the map.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.h"

namespace annalist::text {

/// NFC of valid UTF-8 `in`. `points` receives (output offset, input offset) pairs at the end
/// of each changed range; it stays empty when `in` was already NFC (the usual case).
/// Precondition: `in` is valid UTF-8 (see find_invalid_utf8).
std::string to_nfc(std::string_view in, std::vector<offset_point>& points);

/// True when `in` (valid UTF-8) is already in NFC.
bool is_nfc(std::string_view in);

/// Maps an offset through points made by to_nfc / repair_utf8: the output-side offset `to`
/// becomes an input-side offset. Offsets inside a changed range are clamped to its end.
std::uint32_t map_back(const std::vector<offset_point>& points, std::uint32_t to);

}  // namespace annalist::text
