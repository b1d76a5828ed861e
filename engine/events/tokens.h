// annalist/events/tokens.h — the word tokens event extraction works on.
//
//     tokenize("U.S. officials didn't meet Lavrov’s aides -- yet.", f)
//     -> U.S. | officials | did | n't | meet | Lavrov | 's | aides | -- | yet | .
//
// Dotted abbreviations stay whole ("U.S.", "a.m."), clitics split off ("'s", "n't", "'ll"),
// hyphenated words stay whole ("arms-control"), runs of hyphens are one dash. Offsets are bytes
// into the text given; `fold` is the matching key (see fold.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "events/fold.h"

namespace annalist::events {

enum class token_kind : std::uint8_t { word, number, punct };

struct token {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  token_kind kind = token_kind::punct;
  bool capitalized = false;  // first code point is an upper-case letter
  std::string fold;
};

/// Tokens of text[from, to); offsets are into `text`.
std::vector<token> tokenize(std::string_view text, const folder& f, std::uint32_t from = 0,
                            std::uint32_t to = UINT32_MAX);

/// Quotation marks, straight and typographic, that open or close quoted speech.
enum class quote_mark : std::uint8_t { none, open, close, either };
quote_mark quote_mark_of(std::string_view token_text);

}  // namespace annalist::events
