// annalist/export/csv.h — the timeline as CSV for spreadsheets and data tools (RFC 4180).
//
//     "id","value","start","end","granularity","kind","status","title","actors","place","sources","mention_count"\r\n
//     "ev-0538ca6f9a83","2021-05-19","2021-05-19","2021-05-20","day","meeting","happened",
//       "Blinken and Lavrov met ...","Antony Blinken; Sergei Lavrov","Reykjavik",
//       "RFE/RL (000); 001; NPR (004)","27"\r\n
//
// Every field is quoted, embedded quotes are doubled, records end with CRLF; UTF-8 without a byte
// order mark. Lists (actors, sources) are joined with "; ". `end` is exclusive, as in the JSON.
// Absent values (an undated event's start) are empty fields.
//
// `timeline_mentions_csv` gives one record per mention instead (`build --format csv --mentions`):
// the event's columns, then the document, its source and publication time, the sentence's byte
// offsets in the file, the words that date it, its own value and status, the quote and the sentence.
#pragma once

#include <string>

#include "merge/timeline.h"

namespace annalist::exports {

std::string timeline_csv(const merge::timeline& t);
std::string timeline_mentions_csv(const merge::timeline& t);

}  // namespace annalist::exports
