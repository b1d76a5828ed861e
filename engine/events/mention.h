// annalist/events/mention.h — one event mention: what a sentence says happened, when, who.
//
//     "Lavrov had offered a prebuttal at a news conference Monday in Moscow."
//     -> trigger "news conference", kind press_conference, actors [Sergei Lavrov], place Moscow,
//        time 2021-05-17 ("Monday"), status happened
//
// Offsets are bytes into corpus::document::text; the export stage maps them to the original file.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/document.h"
#include "time/value.h"

namespace annalist::events {

/// Whether the event took place, as the sentence tells it.
enum class status : std::uint8_t {
  happened,  // "met", "said", "withdrew"
  planned,   // "will meet", "are set to hold talks", "a potential summit", or dated after publication
  expected   // "are expected to sign", "is likely to vote": reported as expected by others
};
std::string_view to_string(status s);
std::ostream& operator<<(std::ostream& os, status s);

struct mention {
  std::string document;             // corpus::document::id
  std::optional<date::local_days> published;  // the document's publication day, when known
  std::uint32_t document_index = 0; // position of the document in the corpus
  std::uint32_t sentence_index = 0;
  corpus::span sentence;            // the sentence, in document text
  corpus::span file_sentence;       // the sentence in the original file's bytes (set by the
                                    // pipeline, which knows the document's offset map)
  std::string sentence_text;
  corpus::span trigger;             // the predicate
  std::string trigger_text;
  std::string kind;                 // a kind of lexicon/en/events.toml
  bool verb = false;                // the trigger is a verb (it heads a clause)
  status state = status::happened;
  std::vector<std::string> actors;  // entity names, in order of appearance, no repeats
  std::vector<std::string> persons; // the actors that are people (a subset of `actors`)
  std::string speaker;              // who speaks, for reporting verbs ("Blinken said"); may be empty
  std::string place;
  std::string quote;                // the speech it reports, quotation marks stripped
  std::string headline;             // the clause it stands in, the time expression removed

  // When: absent for undated mentions (which may still merge with dated ones).
  std::optional<time::value> time;
  std::string time_text;
  corpus::span time_span;           // {0,0} when undated or when the time was inherited
  bool time_inherited = false;      // taken from the mention it continues (see `continues`)
  std::optional<std::uint32_t> continues;  // index, in the same document, of the mention it goes on

  /// Dated with a calendar interval (not a duration, set or *_REF).
  bool dated() const { return time && time->span.has_value(); }
};

}  // namespace annalist::events
