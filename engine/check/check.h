// annalist/check/check.h — the check stage: cross-source date consistency, and publication
// times inferred where a document states none.
//
//     check::inputs in{*tagger_lex, *events_lex, merge_options};
//     auto built = check::build_checked(corpus, in);   // infer, build the timeline, check it
//     // built.timeline.conflicts: the error findings, as `build --format json` writes them
//     // built.findings.findings: every finding, agreements included (`annalist check`)
//     // built.findings.inferred: one entry per document whose publication time was inferred
//
// The stage sits after merge (it reads the merged timeline and its conflict candidates) and
// before export. Publication-time inference has to run before the documents it concerns are
// resolved, so `build_checked` is the one entry point both `build` and `check` use: it fills
// the corpus's unknown publication times first, then builds, then checks.
// Pure: lexicons and settings come in loaded; nothing is read or printed here.
#pragma once

#include "check/findings.h"
#include "corpus/ingest.h"
#include "events/lexicon.h"
#include "merge/options.h"
#include "merge/timeline.h"

namespace annalist::tagger { class lexicon; }

namespace annalist::check {

struct inputs {
  const tagger::lexicon& tagger_lexicon;
  const events::lexicon& events_lexicon;
  const merge::options& merge_options;
};

/// The findings about a built timeline. `c` must be the corpus `t` was built from (with the
/// publication times it was built with).
report check_timeline(const corpus::corpus& c, const merge::timeline& t, const inputs& in);

/// Fills the publication time of every document of `c` that has none (from = unknown) with an
/// inferred one (from = inferred, local = the most likely day, inferred_range = the days the
/// evidence allows, stated = a one-line summary). Documents with a stated time are untouched.
/// Returns one entry per document it considered, in corpus order.
std::vector<inference> infer_publication_times(corpus::corpus& c, const inputs& in);

struct checked_timeline {
  merge::timeline timeline;  // conflicts filled with the error findings
  report findings;
};

/// infer_publication_times, merge::build_timeline, check_timeline; the error findings are
/// copied into timeline.conflicts and the inferred ranges into timeline.documents.
checked_timeline build_checked(corpus::corpus& c, const inputs& in);

/// The conflict entry `build --format json` writes for an error finding.
merge::conflict to_conflict(const finding& f);

}  // namespace annalist::check
