#include "export/timeml_build.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "export/timeml.h"
#include "resolve/annotate.h"

namespace annalist::exports {

namespace {

bool crosses(corpus::span a, corpus::span b) {
  return (a.start < b.start && b.start < a.end && a.end < b.end) ||
         (b.start < a.start && a.start < b.end && b.end < a.end);
}

std::string_view event_class(std::string_view kind) {
  return kind == "statement" || kind == "announcement" ? "REPORTING" : "OCCURRENCE";
}

// The expressions that date this document's mentions, when the whole text cannot be re-tagged.
std::vector<resolve::timex> dating_expressions(const merge::timeline& t, std::string_view doc) {
  std::vector<resolve::timex> out;
  for (const auto& e : t.events)
    for (const auto& m : e.mentions) {
      if (m.document != doc || !m.time || m.time_inherited || m.time_span.size() == 0) continue;
      const bool seen = std::any_of(out.begin(), out.end(), [&](const resolve::timex& x) {
        return x.start == m.time_span.start && x.end == m.time_span.end;
      });
      if (seen) continue;
      resolve::timex x;
      x.start = m.time_span.start;
      x.end = m.time_span.end;
      x.text = m.time_text;
      x.value = *m.time;
      out.push_back(std::move(x));
    }
  std::sort(out.begin(), out.end(), [](const resolve::timex& a, const resolve::timex& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  return out;
}

}  // namespace

std::string timeml_file_name(const corpus::document& d) {
  return std::filesystem::path(d.file).filename().replace_extension(".tml").string();
}

std::vector<output_file> timeline_timeml(const input& in) {
  std::vector<output_file> files;
  for (const auto& doc : in.corpus.documents) {
    std::vector<resolve::timex> found;
    if (in.settings.lexicon) {
      // The same call, on the same text and reference time, as the pipeline's (merge/pipeline.cpp).
      resolve::annotate_options ao;
      if (doc.published.local)
        ao.dct = resolve::reference_time{*doc.published.local, doc.published.gran};
      found = resolve::annotate(doc.text, ao, *in.settings.lexicon);
    } else {
      found = dating_expressions(in.timeline, doc.id);
    }
    auto tml = timeml::document_of(doc, found);

    // Triggers in text order, each once; one that would cross a TIMEX3 or another trigger cannot
    // be written inline and is left out.
    std::vector<std::pair<corpus::span, std::string_view>> triggers;
    for (const auto& e : in.timeline.events)
      for (const auto& m : e.mentions)
        if (m.document == doc.id && m.trigger.size() > 0) triggers.emplace_back(m.trigger, m.kind);
    std::stable_sort(triggers.begin(), triggers.end(), [](const auto& a, const auto& b) {
      return a.first.start != b.first.start ? a.first.start < b.first.start
                                            : a.first.end > b.first.end;
    });
    std::vector<corpus::span> taken;
    for (const auto& a : tml.annotations) taken.push_back(a.where);
    std::size_t n = 0;
    for (const auto& [where, kind] : triggers) {
      const bool clash = std::any_of(taken.begin(), taken.end(), [&](corpus::span s) {
        return crosses(s, where) || s == where;
      });
      if (clash) continue;
      taken.push_back(where);
      tml.annotations.push_back(
          timeml::event_annotation(where, fmt::format("e{}", ++n), std::string(event_class(kind))));
    }
    files.push_back({timeml_file_name(doc), timeml::write(tml, doc.file).xml});
  }
  return files;
}

}  // namespace annalist::exports
