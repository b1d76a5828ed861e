// annalist/export/json.h — the timeline as the JSON of the design brief:
//
//     {"corpus": "reykjavik-2021",
//      "documents": [{"id": "000", "file": "000_a33....txt", "source": "RFE/RL",
//                     "published": "2021-05-19", "published_from": "manifest"}, ...],
//      "skipped": [{"file", "error"}],
//      "events": [{"id": "ev-...", "value": "2021-05-19", "start": "2021-05-19",
//                  "end": "2021-05-20", "granularity": "day", "title": "...", "kind": "meeting",
//                  "status": "happened", "actors": [...], "place": "Reykjavik",
//                  "mentions": [{"document": "000", "start": 12, "end": 190,
//                                "sentence": "...", "time_text": "May 19", "quote": null}]}],
//      "conflicts": [{"event", "values", "mentions", "explanation"}]}
//
// `start`/`end` of an event are the ISO dates of the half-open interval its value covers; those
// of a mention are byte offsets of its sentence in the original file. Absent values are null.
// Keys keep this order and the output ends with a newline: the same timeline gives the same bytes.
#pragma once

#include <string>

#include "merge/timeline.h"

namespace annalist::exports {

std::string timeline_json(const merge::timeline& t);

}  // namespace annalist::exports
