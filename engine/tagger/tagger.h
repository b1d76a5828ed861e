// annalist/tagger/tagger.h — finds temporal expressions and what they say (not yet resolved).
//
//     auto found = annalist::tagger::tag("Lavrov said Tuesday that ...", lex);
//     // found.mentions[0]: bytes [12, 19) "Tuesday", meaning {weekday=2}, rule "<weekday>"
//
// One left-to-right pass over the tokens: at each position the lexicon's pattern trie is walked
// (literal edges, class edges over the lexical items that start there, built-in number shapes)
// and the longest accepted match wins; ties go to the pattern written first. A match of a
// negative pattern ("71-year-old", "COVID-19") consumes its tokens and yields nothing. A range
// pattern ("May 17-19") yields one mention per endpoint; an endpoint that leaves out what the
// other states takes it from there ("19" gets May; a year after the range applies to both).
// Pure: no I/O, no state beyond the arguments.
#pragma once

#include <cstdint>
#include <functional>
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
  std::uint8_t range = 0;             // 0: no range; 1: a range's first endpoint; 2: its second
};

struct tag_result {
  tokens toks;
  std::vector<mention> mentions;
};

/// The tense of the clause around tokens [first, last), as the caller reads it: -1 past,
/// 0 present or none, 1 future. The `future` guard asks it; without one that guard fails.
using tense_probe = std::function<int(const tokens& toks, std::uint32_t first, std::uint32_t last)>;

tag_result tag(std::string_view text, const lexicon& lex, const tense_probe& tense = {});

/// "<pattern name> [entry form (file:line), ...]": how a mention was built, for `annalist parse`.
std::string rule_chain(const mention& m, const lexicon& lex);

}  // namespace annalist::tagger
