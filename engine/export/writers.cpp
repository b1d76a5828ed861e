#include "export/writers.h"

#include "export/csv.h"
#include "export/html.h"
#include "export/ics.h"
#include "export/json.h"
#include "export/text.h"
#include "export/timelinejs.h"
#include "export/timeml_build.h"

namespace annalist::exports {

namespace {
std::vector<output_file> one(std::string content) { return {{std::string(), std::move(content)}}; }
}  // namespace

const std::vector<writer>& writers() {
  static const std::vector<writer> table = {
      {"text", "the chronological timeline, grouped by date, for reading", false,
       [](const input& in) { return one(timeline_text(in.timeline)); }},
      {"json", "the timeline JSON of the design brief (documents, events, mentions, conflicts)",
       false, [](const input& in) { return one(timeline_json(in.timeline)); }},
      {"csv", "one row per event (--mentions: per mention), RFC 4180, for spreadsheets", false,
       [](const input& in) {
         return one(in.settings.mentions ? timeline_mentions_csv(in.timeline)
                                         : timeline_csv(in.timeline));
       }},
      {"ics", "iCalendar (RFC 5545): one event per dated entry, to import into a calendar", false,
       [](const input& in) { return one(timeline_ics(in)); }},
      {"timeml", "TimeML: one .tml per document with TIMEX3 and EVENT tags (needs -o DIR)", true,
       timeline_timeml},
      {"timelinejs", "Knight Lab TimelineJS3 JSON", false,
       [](const input& in) { return one(timeline_timelinejs(in.timeline)); }},
      {"html", "one self-contained page: the timeline on a vertical axis, sources expandable",
       false, [](const input& in) { return one(timeline_html(in.timeline)); }},
  };
  return table;
}

const writer* find_writer(std::string_view name) {
  for (const auto& w : writers())
    if (w.name == name) return &w;
  return nullptr;
}

}  // namespace annalist::exports
