// annalist/check/findings.h — what the consistency check reports.
//
// A finding names a kind, a severity, the mentions involved (document, the time expression's
// bytes in the original file, the sentence), the values they give and one line a person can
// act on:
//
//     conflict  error  event e3f1..  2021-05-16 vs 2021-05-17
//       001 [1893,1899) "Sunday"       in "Perhaps anticipating Blinken's position, ..."
//       003 [3012,3018) "Monday"       in "Perhaps anticipating Blinken’s position, ..."
//       -> 001 dates this news conference 2021-05-16, 000, 003 date it 2021-05-17: ...
//
// Severities: `error` is a contradiction between what the sources state (a conflict: `check`
// exits 1); `warning` is a statement at odds with itself or its publication time that may be a
// tagging slip as much as a source's error; `note` is a verified agreement, printed so that a
// reader sees what was checked, not only what failed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "corpus/document.h"
#include "events/mention.h"
#include "time/value.h"

namespace annalist::check {

enum class finding_kind : std::uint8_t {
  conflict,     // mentions of one event dated on days that cannot both be true
  weekday,      // "Tuesday, May 19" when May 19 of that year is a Wednesday
  tense,        // reported as past but dated after the publication time (or the reverse)
  containment,  // a date outside the coarser period the same account gives it
  publication,  // the stated publication time is before something the document reports as past
  agreement     // sources that date one event the same way, each by its own expression
};
std::string_view to_string(finding_kind k);

/// One mention a finding rests on.
struct cited {
  events::mention mention;   // document, sentence (text and file bytes), time text and value
  corpus::span file_time;    // the time expression in the original file's bytes; {0,0} if none
  std::string value;         // the TIMEX3 value this mention gives
};

struct finding {
  finding_kind kind = finding_kind::conflict;
  severity level = severity::error;
  std::string event;                  // merged event id; empty when no event is involved
  std::string event_title;
  std::vector<std::string> values;    // distinct values, in the order of `mentions`
  std::vector<cited> mentions;        // by document, then offset
  std::string explanation;            // one line
};

/// How a publication time was inferred (check/infer.h).
struct inference {
  std::string document;                 // document id
  std::optional<time::interval> range;  // days the evidence allows; absent when none
  std::optional<time::local_minutes> chosen;  // the most likely day within `range`
  std::vector<std::string> evidence;    // one line each, most telling first
};

struct report {
  std::vector<finding> findings;        // sorted: severity (errors first), kind, document, offset
  std::vector<inference> inferred;      // documents whose publication time was inferred

  bool has_conflict() const;
  std::size_t count(severity s) const;
};

/// Sorts findings into report order and removes exact duplicates; stable across runs.
void normalize(std::vector<finding>& findings);

}  // namespace annalist::check
