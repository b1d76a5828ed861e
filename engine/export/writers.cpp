#include "export/writers.h"

#include "export/json.h"
#include "export/text.h"

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
  };
  return table;
}

const writer* find_writer(std::string_view name) {
  for (const auto& w : writers())
    if (w.name == name) return &w;
  return nullptr;
}

}  // namespace annalist::exports
