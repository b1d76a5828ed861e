// annalist/merge/merge.h — the merge stage: event mentions of a whole corpus in, one event per
// real-world event out.
//
//     auto r = merge::merge_mentions(std::move(all_mentions), lex, opts);
//     // r.events: dated events only, sorted; r.candidates: same-speech pairs on different days
//
// Rules (thresholds in options.h / config/default.toml [merge]):
//   * mentions are compared only with events whose time they fit: same day when both are dated
//     to the day or finer, otherwise overlapping intervals (a month holds its days); mentions
//     whose days differ never merge;
//   * kinds must be compatible (lexicon [kinds]); a quotation that shares too little with the
//     event's quotations, or persons of which none is shared, rule an event out;
//   * evidence: shared actors, same place, shared quotation, shared words; the best event at or
//     above the threshold wins, otherwise the mention starts an event;
//   * a mention that continues another (events::mention::continues) joins its event;
//   * undated mentions join the best dated event at the (higher) undated threshold, or are
//     left out: a timeline has no place for them;
//   * blocking by day, month and year buckets (and actor for undated mentions) keeps the work
//     near-linear in the number of mentions.
// The result does not depend on the order of documents beyond their corpus order (stable ids).
#pragma once

#include <vector>

#include "events/lexicon.h"
#include "events/mention.h"
#include "merge/options.h"
#include "merge/timeline.h"

namespace annalist::merge {

struct merge_result {
  std::vector<event> events;
  std::vector<candidate> candidates;
};

/// `mentions` in corpus order (document, then text order); `continues` indices are relative to
/// the mentions of the same document.
merge_result merge_mentions(std::vector<events::mention> mentions, const events::lexicon& lex,
                            const options& opts);

/// Sort order of the timeline: start, then finer granularity first, then id.
bool timeline_order(const event& a, const event& b);

}  // namespace annalist::merge
