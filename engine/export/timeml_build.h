// annalist/export/timeml_build.h — `annalist build --format timeml -o DIR`: one TimeML file per
// document of the corpus, for NLP tools and scorers that read TempEval-3 .tml files.
//
//     DIR/000_a3335683f4046451.tml
//       <DCT><TIMEX3 tid="t0" type="DATE" value="2021-05-19" ... functionInDocument="CREATION_TIME">
//       <TEXT>... Blinken and Lavrov <EVENT eid="e3" class="OCCURRENCE">met</EVENT> on
//             <TIMEX3 tid="t4" type="DATE" value="2021-05-19">Wednesday</TIMEX3> ...</TEXT>
//
// Each file is named after its document (the extension replaced by ".tml"). <TEXT> is the
// document's text as ingestion normalized it (NFC), every temporal expression the tagger finds is
// an inline TIMEX3 with its resolved value (export/timeml.h writes them), and the trigger of
// every event mention the timeline keeps is an EVENT: class REPORTING for statements and
// announcements, OCCURRENCE otherwise. The publication time is the DCT; a document whose
// publication time is unknown has no DCT.
//
// The tagger lexicon comes in `options::lexicon`; without it only the expressions that date an
// event mention are written (the timeline keeps those, not the others).
#pragma once

#include <vector>

#include "export/writers.h"

namespace annalist::exports {

std::vector<output_file> timeline_timeml(const input& in);

/// The TimeML file name of a document: "000_a33.txt" -> "000_a33.tml".
std::string timeml_file_name(const corpus::document& d);

}  // namespace annalist::exports
