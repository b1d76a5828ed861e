// annalist/export/timelinejs.h — the timeline as Knight Lab TimelineJS3 JSON, to load into a
// TimelineJS embed (`new TL.Timeline('timeline-embed', data)`).
//
//     {"title": {"text": {"headline": "reykjavik-2021", "text": "<p>17 events from 5 documents ...</p>"}},
//      "events": [
//        {"unique_id": "ev-a35a754a2e7d",
//         "start_date": {"year": 2021, "month": 6},        a month: year and month, no day
//         "end_date": {"year": 2021, "month": 6},          the last month it covers (inclusive)
//         "display_date": "June 2021",
//         "text": {"headline": "Are apparently preparing for a summit ...",
//                  "text": "<p><strong>planned</strong> summit ...</p><ul><li>RFE/RL (000) ...</li></ul>"},
//         "group": "summit"}, ...]}
//
// Dates carry the fields the granularity states: a year is {year}, a month or quarter
// {year, month}, a day or week {year, month, day}, a time adds {hour, minute}. `end_date` is
// inclusive, as TimelineJS reads it, and present only when the value covers more than one unit
// (a week: Monday to Sunday; a quarter: its first to its last month). `text` fields are HTML, so
// every string from the corpus is escaped. Events without a calendar interval are left out:
// TimelineJS requires a start date.
#pragma once

#include <string>

#include "merge/timeline.h"

namespace annalist::exports {

std::string timeline_timelinejs(const merge::timeline& t);

}  // namespace annalist::exports
