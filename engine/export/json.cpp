#include "export/json.h"

#include <nlohmann/json.hpp>

namespace annalist::exports {

namespace {

using json = nlohmann::ordered_json;

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json mention_json(const events::mention& m) {
  json j;
  j["document"] = m.document;
  j["start"] = m.file_sentence.start;
  j["end"] = m.file_sentence.end;
  j["sentence"] = m.sentence_text;
  j["time_text"] = or_null(m.time_text);
  j["quote"] = or_null(m.quote);
  return j;
}

}  // namespace

std::string timeline_json(const merge::timeline& t) {
  json j;
  j["corpus"] = t.corpus;
  j["documents"] = json::array();
  for (const auto& d : t.documents) {
    json doc = {{"id", d.id},
                {"file", d.file},
                {"source", or_null(d.source)},
                {"published", or_null(d.published)},
                {"published_from", d.published_from}};
    // Inferred publication times say what they rest on (additive fields, check stage).
    if (d.published_range) {
      doc["published_range"] = {{"start", time::iso_date(d.published_range->start)},
                                {"end", time::iso_date(d.published_range->end)}};
      doc["published_evidence"] = d.published_evidence;
    }
    j["documents"].push_back(std::move(doc));
  }
  j["skipped"] = json::array();
  for (const auto& s : t.skipped) j["skipped"].push_back({{"file", s.file}, {"error", s.error}});
  j["events"] = json::array();
  for (const auto& e : t.events) {
    json ev;
    ev["id"] = e.id;
    ev["value"] = e.value.timex;
    ev["start"] = e.value.span ? json(time::iso_date(e.value.span->start)) : json(nullptr);
    ev["end"] = e.value.span ? json(time::iso_date(e.value.span->end)) : json(nullptr);
    ev["granularity"] = std::string(time::to_string(e.value.gran));
    ev["title"] = e.title;
    ev["kind"] = e.kind;
    ev["status"] = std::string(events::to_string(e.state));
    ev["actors"] = e.actors;
    ev["place"] = or_null(e.place);
    ev["mentions"] = json::array();
    for (const auto& m : e.mentions) ev["mentions"].push_back(mention_json(m));
    j["events"].push_back(std::move(ev));
  }
  j["conflicts"] = json::array();
  for (const auto& c : t.conflicts) {
    json cj;
    cj["event"] = c.event;
    cj["values"] = c.values;
    cj["mentions"] = json::array();
    for (const auto& m : c.mentions) cj["mentions"].push_back(mention_json(m));
    cj["explanation"] = c.explanation;
    j["conflicts"].push_back(std::move(cj));
  }
  // Invalid UTF-8 cannot reach here (ingestion validates), but never let a writer throw on it.
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace annalist::exports
