// annalist/export/text.h — the timeline for reading in a terminal:
//
//     reykjavik-2021: 5 documents, 12 events
//
//     2021-05-19
//       day    Blinken and Lavrov met for the first time since President Biden took office
//              meeting, happened | Antony Blinken, Sergei Lavrov | Reykjavik
//              sources: 000 RFE/RL "May 19"; 001 "Wednesday"; ...
//
// Entries are grouped under their date (the value itself when coarser than a day: "2021-06",
// "1986"), in timeline order; each shows its granularity, title, kind and status, actors and
// place, and every source with the words that date the event there.
#pragma once

#include <string>

#include "merge/timeline.h"

namespace annalist::exports {

std::string timeline_text(const merge::timeline& t);

}  // namespace annalist::exports
