#include "merge/pipeline.h"

#include "events/extract.h"
#include "resolve/annotate.h"

namespace annalist::merge {

timeline build_timeline(const corpus::corpus& c, const tagger::lexicon& tagger_lexicon,
                        const events::lexicon& events_lexicon, const options& opts) {
  timeline t;
  t.corpus = c.name;
  for (const auto& d : c.documents)
    t.documents.push_back({d.id, d.file, d.source, d.url, d.published.timex(),
                           std::string(corpus::to_string(d.published.from))});
  for (const auto& s : c.skipped) t.skipped.push_back({s.file, s.error});

  const auto names = events::collect_names(c.documents, events_lexicon);
  std::vector<events::mention> all;
  for (std::uint32_t i = 0; i < c.documents.size(); ++i) {
    const auto& d = c.documents[i];
    resolve::annotate_options ao;
    if (d.published.local) ao.dct = resolve::reference_time{*d.published.local, d.published.gran};
    const auto timexes = resolve::annotate(d.text, ao, tagger_lexicon);
    auto ms = events::extract(d, i, timexes, events_lexicon, names);
    for (auto& m : ms) {
      m.file_sentence = {d.original_offset(m.sentence.start), d.original_offset(m.sentence.end)};
      all.push_back(std::move(m));
    }
  }
  auto r = merge_mentions(std::move(all), events_lexicon, opts);
  t.events = std::move(r.events);
  t.candidates = std::move(r.candidates);
  return t;
}

}  // namespace annalist::merge
