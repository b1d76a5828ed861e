// annalist/check/render.h — the report `annalist check` prints, as text or JSON.
//
//     auto text = check::render_text(report, corpus);
//     // check reykjavik-2021: 5 documents, 0 conflicts, 0 warnings, 6 agreements verified
//     // ...
//     // note: agreement: 000 'A day earlier', 001 'Monday', 003 'Monday' all date this ...
//
// JSON: {"corpus", "summary": {"conflicts", "warnings", "agreements"},
//        "documents": [{"id", "published", "published_from", "published_range", "evidence"}],
//        "findings": [{"kind", "severity", "event", "title", "values", "explanation",
//                      "mentions": [{"document", "start", "end", "sentence", "time_start",
//                                    "time_end", "time_text", "value"}]}]}
// Mention `start`/`end` are the sentence's bytes in the original file, as in the timeline JSON;
// `time_start`/`time_end` the time expression's. Both renderings are pure and deterministic.
#pragma once

#include <string>

#include "check/findings.h"
#include "corpus/ingest.h"

namespace annalist::check {

std::string render_text(const report& r, const corpus::corpus& c);
std::string render_json(const report& r, const corpus::corpus& c);

/// "2021-05-18 to 2021-05-19" (the last day, inclusive) for an inferred range.
std::string range_text(const time::interval& range);

}  // namespace annalist::check
