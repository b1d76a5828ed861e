#include "check/findings.h"

#include <algorithm>
#include <tuple>

namespace annalist::check {

std::string_view to_string(finding_kind k) {
  switch (k) {
    case finding_kind::conflict: return "conflict";
    case finding_kind::weekday: return "weekday";
    case finding_kind::tense: return "tense";
    case finding_kind::containment: return "containment";
    case finding_kind::publication: return "publication";
    case finding_kind::agreement: return "agreement";
  }
  return "conflict";
}

bool report::has_conflict() const { return count(severity::error) != 0; }

std::size_t report::count(severity s) const {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(), [s](const finding& f) { return f.level == s; }));
}

namespace {

// Errors first (severity enum counts up from note), then kind, then where the first mention is.
auto sort_key(const finding& f) {
  const events::mention* m = f.mentions.empty() ? nullptr : &f.mentions.front().mention;
  return std::make_tuple(-static_cast<int>(f.level), static_cast<int>(f.kind),
                         m ? m->document_index : 0u, m ? m->sentence.start : 0u,
                         f.mentions.empty() ? 0u : f.mentions.front().file_time.start, f.event,
                         f.explanation);
}

bool same(const finding& a, const finding& b) {
  if (a.kind != b.kind || a.level != b.level || a.event != b.event || a.values != b.values ||
      a.explanation != b.explanation || a.mentions.size() != b.mentions.size())
    return false;
  for (std::size_t i = 0; i < a.mentions.size(); ++i) {
    if (a.mentions[i].mention.document != b.mentions[i].mention.document ||
        a.mentions[i].file_time != b.mentions[i].file_time)
      return false;
  }
  return true;
}

}  // namespace

void normalize(std::vector<finding>& findings) {
  for (auto& f : findings) {
    std::stable_sort(f.mentions.begin(), f.mentions.end(), [](const cited& a, const cited& b) {
      return std::tie(a.mention.document_index, a.file_time.start, a.mention.sentence.start) <
             std::tie(b.mention.document_index, b.file_time.start, b.mention.sentence.start);
    });
  }
  std::stable_sort(findings.begin(), findings.end(),
                   [](const finding& a, const finding& b) { return sort_key(a) < sort_key(b); });
  findings.erase(std::unique(findings.begin(), findings.end(), same), findings.end());
}

}  // namespace annalist::check
