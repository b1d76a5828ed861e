// annalist/merge/timeline.h — the merged timeline: what `annalist build` prints and every
// export writes.
//
//     2021-05-19  day  Blinken and Lavrov met for the first time since President Biden took office
//                 meeting, happened, actors [Antony Blinken, Sergei Lavrov], place Reykjavik
//                 mentions: 000 (set to hold talks ... May 19), 001 (plan to talk Wednesday), ...
//
// One `event` per real-world event, each keeping every mention that reports it (document, the
// sentence's bytes in the original file, the time expression, the quote). `candidates` are
// pairs of events that look like one event but are dated on different days: the consistency
// check (issue 7) decides which are conflicts and fills `conflicts`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "events/mention.h"
#include "time/value.h"

namespace annalist::merge {

struct event {
  std::string id;                 // stable across runs: derived from the event's content
  time::value value;              // the most specific value its mentions support
  std::string title;              // extractive, at most options::title_max characters
  std::string kind;
  events::status state = events::status::happened;
  std::vector<std::string> actors;  // most mentioned first
  std::string place;
  std::vector<events::mention> mentions;  // document order, then text order
};

/// Two events that would be one but for their dates (the same quotation dated differently).
struct candidate {
  std::size_t first = 0, second = 0;  // indices into timeline::events
  double score = 0;
  std::string explanation;
};

/// A finding of the consistency check: an event whose sources disagree.
struct conflict {
  std::string event;                     // event id
  std::vector<std::string> values;       // the values the sources give
  std::vector<events::mention> mentions; // the mentions involved
  std::string explanation;
};

struct source_document {
  std::string id, file, source, url;
  std::string published;       // TIMEX3 form, empty when unknown
  std::string published_from;  // manifest | header | inferred | unknown
  // When inferred (check stage): the days the evidence allows, and the evidence, one line each.
  std::optional<time::interval> published_range{};
  std::vector<std::string> published_evidence{};
};

struct skipped_document {
  std::string file, error;
};

struct timeline {
  std::string corpus;
  std::vector<source_document> documents;
  std::vector<skipped_document> skipped;
  std::vector<event> events;       // by start, then finer granularity first, then id
  std::vector<candidate> candidates;
  std::vector<conflict> conflicts;
};

}  // namespace annalist::merge
