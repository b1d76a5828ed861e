// annalist/check/evidence.h — what the checks read off a document besides the timeline: its
// resolved expressions, the tense their cues state, and the weekday a span names.
// Internal to the check stage.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/document.h"
#include "events/lexicon.h"
#include "events/mention.h"
#include "merge/timeline.h"
#include "resolve/annotate.h"
#include "time/value.h"

namespace annalist::tagger { class lexicon; }

namespace annalist::check {

enum class tense : std::uint8_t { unknown, past, future };

/// The tense a word states according to the lexicon's tense class (lexicon/en/tense.toml):
/// past and reporting verbs are past, future and modality cues future; a word the class does
/// not list is past when it carries one of the lexicon's past suffixes ("voted"), unless the
/// lexicon lists it as not past ("planned").
tense tense_of(std::string_view word, const tagger::lexicon& lex);

/// tense_of, counting only words the tense class lists (no suffix rule).
tense listed_tense_of(std::string_view word, const tagger::lexicon& lex);

/// The ISO weekday (1 Monday .. 7 Sunday) that text[start, end) names through a lexicon entry
/// carrying a `weekday` field; nullopt when it names none.
std::optional<unsigned> stated_weekday(std::string_view text, std::uint32_t start, std::uint32_t end,
                                       const tagger::lexicon& lex);

/// The lexicon's name for ISO weekday `iso` (its first form, capitalized): "Tuesday".
std::string weekday_name(unsigned iso, const tagger::lexicon& lex);

/// The document's expressions resolved against its publication time (absent: left unresolved).
std::vector<resolve::timex> resolve_document(const corpus::document& d, const tagger::lexicon& lex);

/// The day a value starts on, and the first day after it ends.
date::local_days first_day(const time::value& v);
date::local_days end_day(const time::value& v);

/// Share of the shorter quotation's word pairs found, in order, in the longer one.
double quote_overlap(std::string_view x, std::string_view y, const events::lexicon& lex);

/// Two events that report one happening, whatever their dates: the same speech (quotations
/// sharing most word pairs), or, where one side quotes no one, the same people doing a
/// compatible kind of thing. A speaker who says much the same on two days is two happenings.
bool same_happening(const merge::event& a, const merge::event& b, const events::lexicon& lex);

/// An events::mention standing for an expression no extracted event carries, so that findings
/// about it cite the document, sentence and bytes the same way.
events::mention mention_for(const corpus::document& d, std::uint32_t document_index,
                            const resolve::timex& t);

}  // namespace annalist::check
