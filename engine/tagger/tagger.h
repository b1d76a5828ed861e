// annalist/tagger/tagger.h — finds temporal expressions and what they say (not yet resolved).
//
//     auto found = annalist::tagger::tag("Lavrov said Tuesday that ...", lex);
//     // found.mentions[0]: bytes [12, 19) "Tuesday", meaning {weekday=2}, rule "<weekday>"
//
// One left-to-right pass over the tokens: at each position the lexicon's pattern trie is walked
// (literal edges, class edges over the lexical items that start there, built-in number shapes)
// and the longest accepted match wins; ties go to the pattern written first. A match of a
// negative pattern ("71-year-old", "COVID-19") consumes its tokens and yields nothing.
// Pure: no I/O, no state beyond the arguments.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tagger/lexicon.h"
#include "tagger/meaning.h"
#include "tagger/token.h"

namespace annalist::tagger {

struct mention {
  std::uint32_t first = 0, last = 0;  // token range [first, last)
  std::uint32_t start = 0, end = 0;   // byte range [start, end) in the text
  meaning what;
  std::uint32_t pattern = 0;          // index into lexicon::patterns()
  std::vector<std::uint32_t> entries; // lexicon entries the match used, in text order
};

struct tag_result {
  tokens toks;
  std::vector<mention> mentions;
};

tag_result tag(std::string_view text, const lexicon& lex);

/// "<pattern name> [entry form (file:line), ...]": how a mention was built, for `annalist parse`.
std::string rule_chain(const mention& m, const lexicon& lex);

}  // namespace annalist::tagger
