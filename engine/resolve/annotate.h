// annalist/resolve/annotate.h — the temporal stage's public interface: find every temporal
// expression in a text and resolve it.
//
//     auto lex = annalist::tagger::lexicon::load(annalist::data_dir() / "lexicon/en");
//     auto found = annalist::resolve::annotate(text, {dct}, *lex.value);
//     // found[i].value.timex == "2021-05-17", found[i].anchor == anchor_kind::narrative
//
// Offsets are byte offsets into the `text` passed in (the caller maps them to file offsets).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "time/value.h"

namespace annalist::tagger {
class lexicon;
struct tag_result;
}

namespace annalist::resolve {

/// The document creation time deictic expressions anchor on, in the document's zone.
struct reference_time {
  time::local_minutes local;
  time::granularity gran = time::granularity::day;  // day, or minute when the time is known
};

/// One temporal expression, tagged and resolved.
struct timex {
  std::uint32_t start = 0;              // [start, end) bytes into the annotated text
  std::uint32_t end = 0;
  std::string text;                     // the extent, verbatim
  time::value value;                    // timex, granularity, interval
  time::anchor_kind anchor = time::anchor_kind::absolute;
  /// The point a publication or narrative anchor counted from ("2021-05-18"; with the time when
  /// it was used); empty for absolute values and durations.
  std::string anchored_on;
  std::string cue;                      // the word that set a direction ("said", "will"); may be empty
  std::string rule;                     // readable name of the lexicon rule that produced it
  std::vector<time::value> alternatives;  // ranked other readings when ambiguous
  bool unresolved = false;              // true when no anchor was available (no DCT, no narrative)
  /// 0: not part of a range; 1: the first endpoint of a range ("May 17" of "May 17-19"); 2: the
  /// second ("19"), which is never before the first.
  std::uint8_t range = 0;
};

struct annotate_options {
  std::optional<reference_time> dct;    // absent: deictic expressions stay unresolved
  /// The narrative's date before the text starts (lexicon examples, `annalist parse`): what
  /// "a day earlier" counts from when the text itself has no date before it.
  std::optional<time::value> narrative;
  /// Where impossible dates ("February 30, 2021") are reported, as warnings with the text's
  /// line:column (scope "tagger"); they are left out of the result either way.
  diagnostics* report = nullptr;
  std::string file;                     // label for those diagnostics
};

/// Reads a reference time written as TIMEX3/ISO 8601: "2021-05-19", "2021-05-19T17:55",
/// "2021-05-19T17:55:00Z", "2021-05-19 17:55" (an offset or "Z" is accepted and dropped: the
/// wall-clock time as written is taken as local). nullopt when malformed or not on the calendar.
std::optional<reference_time> parse_reference_time(std::string_view iso);

/// The tagger with this stage's tense cues for its `future` guard: what `annotate` tags.
tagger::tag_result tag(std::string_view text, const tagger::lexicon& lex);

/// Tags and resolves every temporal expression of `text`, in text order.
std::vector<timex> annotate(std::string_view text, const annotate_options& options,
                            const tagger::lexicon& lex);

/// The same, handing each expression to `each` as soon as it is resolved. A caller that writes
/// them out holds none: a long text has tens of thousands, and growing a vector of them cost
/// `annalist tag` more page faults than reading the file.
void annotate(std::string_view text, const annotate_options& options, const tagger::lexicon& lex,
              const std::function<void(timex&&)>& each);

}  // namespace annalist::resolve
