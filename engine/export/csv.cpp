#include "export/csv.h"

#include <fmt/format.h>

#include "export/provenance.h"

namespace annalist::exports {

namespace {

// Always quoted: a spreadsheet then never splits a title at its comma, and every row reads the
// same whatever its content.
void field(std::string& out, std::string_view v, bool first = false) {
  if (!first) out += ',';
  out += '"';
  for (const char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void end_record(std::string& out) { out += "\r\n"; }

std::string joined(const std::vector<std::string>& items) {
  std::string r;
  for (const auto& s : items) r += (r.empty() ? "" : "; ") + s;
  return r;
}

void event_fields(std::string& out, const merge::event& e) {
  field(out, e.id, true);
  field(out, e.value.timex);
  field(out, e.value.span ? time::iso_date(e.value.span->start) : std::string());
  field(out, e.value.span ? time::iso_date(e.value.span->end) : std::string());
  field(out, time::to_string(e.value.gran));
  field(out, e.kind);
  field(out, events::to_string(e.state));
  field(out, e.title);
}

void header(std::string& out, std::initializer_list<std::string_view> names) {
  bool first = true;
  for (const auto n : names) {
    field(out, n, first);
    first = false;
  }
  end_record(out);
}

}  // namespace

std::string timeline_csv(const merge::timeline& t) {
  std::string out;
  header(out, {"id", "value", "start", "end", "granularity", "kind", "status", "title", "actors",
               "place", "sources", "mention_count"});
  for (const auto& e : t.events) {
    event_fields(out, e);
    field(out, joined(e.actors));
    field(out, e.place);
    std::vector<std::string> labels;
    for (const auto* d : sources_of(t, e)) labels.push_back(source_label(*d));
    field(out, joined(labels));
    field(out, fmt::format("{}", e.mentions.size()));
    end_record(out);
  }
  return out;
}

std::string timeline_mentions_csv(const merge::timeline& t) {
  std::string out;
  header(out, {"event", "value", "start", "end", "granularity", "kind", "status", "title",
               "document", "source", "published", "sentence_start", "sentence_end", "time_text",
               "mention_value", "mention_status", "quote", "sentence"});
  for (const auto& e : t.events)
    for (const auto& m : e.mentions) {
      event_fields(out, e);
      const auto* d = find_source(t, m.document);
      field(out, m.document);
      field(out, d ? d->source : std::string());
      field(out, d ? d->published : std::string());
      field(out, fmt::format("{}", m.file_sentence.start));
      field(out, fmt::format("{}", m.file_sentence.end));
      field(out, m.time_text);
      field(out, m.time ? m.time->timex : std::string());
      field(out, events::to_string(m.state));
      field(out, m.quote);
      field(out, m.sentence_text);
      end_record(out);
    }
  return out;
}

}  // namespace annalist::exports
