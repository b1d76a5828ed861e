// annalist/merge/pipeline.h — from an ingested corpus to its timeline: tag and resolve every
// document, extract event mentions, merge them.
//
//     auto t = merge::build_timeline(corpus, *tagger_lex.value, *events_lex, merge::options{});
//     // t.events[0].value.timex == "1944-05-18" for samples/reykjavik-2021
//
// Pure: the corpus and lexicons come in loaded; nothing is read or printed here.
#pragma once

#include "corpus/ingest.h"
#include "events/lexicon.h"
#include "merge/merge.h"
#include "merge/options.h"
#include "merge/timeline.h"

namespace annalist::tagger { class lexicon; }

namespace annalist::merge {

timeline build_timeline(const corpus::corpus& c, const tagger::lexicon& tagger_lexicon,
                        const events::lexicon& events_lexicon, const options& opts);

}  // namespace annalist::merge
