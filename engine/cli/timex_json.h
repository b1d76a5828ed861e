// annalist/cli/timex_json.h — one JSON line of `annalist tag` output, shared by the text and
// TimeML inputs so that both print the same fields.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "resolve/annotate.h"

namespace annalist::cli {

/// Appends `{"document","start","end","text","type","value","anchor",...}` and a newline to
/// `out`. `start`/`end`/`text` are passed in because the caller knows which bytes they refer to
/// (the original file, or TimeML's plain TEXT).
void append_timex_json(std::string& out, std::string_view document, std::uint32_t start,
                       std::uint32_t end, std::string_view text, const resolve::timex& t);

}  // namespace annalist::cli
