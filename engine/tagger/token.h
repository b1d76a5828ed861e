// annalist/tagger/token.h — the tagger's tokenizer: bytes in, tokens with byte offsets out.
//
//     auto toks = annalist::tagger::tokenize("On May 18, 2021-05-18 at 17:55 GMT");
//     // "on" "may" "18" "," "2021-05-18"(isodate) "at" "17:55"(clock) "gmt"
//
// Hand-written, one pass, no regex. Words are folded to ASCII lowercase (non-ASCII bytes are
// kept as they are), typographic apostrophes become "'" and dashes become "-". Numeric shapes
// that are language-neutral are recognised here, once, so that patterns need not rebuild them:
// integers, ordinals ("18th"), decades ("1990s"), clock times ("17:55"), ISO dates
// ("2021-05-18"), slashed dates ("5/18/2021"), decimals ("2.5"), and things that must never be read as dates
// (URLs, e-mail addresses, dimensions like "300x250", grouped numbers like "2,000") become
// `skip` or carry a flag the matcher refuses.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tagger/symbols.h"

namespace annalist::tagger {

enum class token_kind : std::uint8_t {
  word,       // letters (and any non-ASCII bytes that are not punctuation we know)
  number,     // digits; `num` holds the value, `digits` the count
  ordinal,    // "18th", "1st": `num` holds 18
  decade,     // "1990s", "80s": `num` holds 1990 / 80
  clock,      // "17:55", "9:05": `num` = hour, `num2` = minute
  isodate,    // "2021-05-18", "18.05.2021": num = year, num2 = month, num3 = day
  slashdate,  // "5/18/2021", "5/18/21", "5/18": num, num2, num3 as written (num3 = -1 if absent)
  decimal,    // "2.5": num = 2, num2 = 5 (the digits after the point), num3 = 1 (their count)
  punct,      // one punctuation character (normalized)
  skip        // URLs, e-mail, "300x250", grouped numbers ("2,000", "1.234.567"): never part of a timex
};

struct token {
  std::uint32_t start = 0;  // byte offsets into the text, [start, end)
  std::uint32_t end = 0;
  std::uint32_t norm_at = 0;  // normalized form: tokens::norm_text.substr(norm_at, norm_len)
  std::uint16_t norm_len = 0;
  std::uint32_t sym = symbol_table::none;  // the lexicon's id of the normalized form (tokenize's `symbols`)
  token_kind kind = token_kind::word;
  bool space_before = true;    // whitespace or start of text precedes
  bool newline_before = false; // a line break precedes (paragraph or heading boundary)
  bool capitalized = false;    // first letter upper case in the original text
  std::uint8_t digits = 0;     // number of digits for `number`
  std::int32_t num = -1, num2 = -1, num3 = -1;
};

struct tokens {
  std::vector<token> list;
  std::string norm_text;  // every token's normalized form, back to back
  std::string_view norm(const token& t) const { return {norm_text.data() + t.norm_at, t.norm_len}; }
  std::string_view norm(std::size_t i) const { return norm(list[i]); }
  std::size_t size() const { return list.size(); }
};

/// Tokenizes UTF-8 `text`. Never fails: bytes it does not understand become word bytes.
/// With `symbols` (the lexicon's), each token's `sym` is its normalized form's id there, looked
/// up once here so that later stages compare integers; without, every `sym` is `none`.
tokens tokenize(std::string_view text, const symbol_table* symbols = nullptr);

}  // namespace annalist::tagger
