// annalist/export/timeml.h — TimeML output: the document creation time and <TEXT> with inline
// annotations, as TempEval-3 tools (te3score.py, the TE3 toolkit) read it.
//
//     timeml::document d = timeml::document_of(doc, found);   // corpus document + its timexes
//     auto w = timeml::write(d, doc.file);
//     w.xml ->
//       <?xml version="1.0" encoding="UTF-8"?>
//       <TimeML ...>
//       <DOCID>000</DOCID>
//       <DCT><TIMEX3 tid="t0" type="DATE" value="2021-05-19" temporalFunction="false"
//            functionInDocument="CREATION_TIME">2021-05-19</TIMEX3></DCT>
//       <TEXT>Blinken said <TIMEX3 tid="t1" type="DATE" value="2021-05-18">Tuesday</TIMEX3> ...</TEXT>
//       </TimeML>
//
// The plain text survives byte for byte: '&', '<', '>' become entities and '\r' becomes "&#13;"
// (a parser would otherwise fold "\r\n" into "\n"). Characters XML 1.0 cannot carry at all (most
// C0 controls, U+FFFE, U+FFFF, invalid UTF-8) are written as U+FFFD with a warning.
//
// Annotations may nest (a span inside another is written inside it) but cannot cross: of two
// crossing spans the later-starting one is left out with a warning, as is a span outside the text
// or splitting a UTF-8 character. Spans are byte offsets into `document::text`.
//
// EVENT tags (issue 6's triggers) are ordinary annotations: add `event_annotation(...)`s to
// `document::annotations` next to the TIMEX3s and `write` orders and nests them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "corpus/document.h"
#include "corpus/timeml.h"
#include "resolve/annotate.h"

namespace annalist::exports::timeml {

using corpus::timeml::annotation;
using corpus::timeml::creation_time;
using corpus::timeml::document;

struct write_result {
  std::string xml;
  diagnostics diags;  // warnings only: writing always produces a file
};

/// Serializes `doc`; `file` labels the warnings.
write_result write(const document& doc, std::string_view file);

/// TIMEX3 for each tagged expression, tids t1, t2, ... in text order: type, value, mod when the
/// value has one, temporalFunction, and the anchorTimeID of a relative value: t0 (the creation
/// time, when `has_creation_time`) for a publication anchor, the latest earlier TIMEX3 starting on
/// the day counted from for a narrative one.
std::vector<annotation> timex_annotations(const std::vector<resolve::timex>& found, bool has_creation_time);

/// EVENT for an event trigger: eid and class (TimeML classes: OCCURRENCE, REPORTING, STATE, ...).
annotation event_annotation(corpus::span where, std::string eid, std::string event_class);

/// The creation-time TIMEX3 for a publication time: tid "t0", type DATE (or TIME when the time of
/// day is known), its TIMEX3 value, functionInDocument="CREATION_TIME". Absent when unknown.
std::optional<creation_time> creation_time_of(const corpus::publication_time& p);

/// A TimeML document for a corpus document and its tagged expressions (tids t1, t2, ... in text
/// order); DOCID is the document id.
document document_of(const corpus::document& doc, const std::vector<resolve::timex>& found);

}  // namespace annalist::exports::timeml
