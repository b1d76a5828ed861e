// annalist/corpus/timeml.h — TimeML documents (TempEval-3 .tml files) as data.
//
// A TimeML document is, for annalist, three things: its DOCID, its document creation time (the
// TIMEX3 with functionInDocument="CREATION_TIME", normally inside <DCT>), and the plain content of
// <TEXT> with the inline annotations (TIMEX3, EVENT, SIGNAL, ...) as byte spans over it. `read`
// turns a file's bytes into that; export/timeml.h writes it back. Reading then writing keeps the
// plain TEXT byte for byte (whitespace included), which is what te3score.py requires.
//
//     auto r = timeml::read(bytes, "ABC19980108.1830.0711.tml");
//     if (!r.doc) { for (auto& d : r.diags) std::cerr << d.to_string() << '\n'; }
//     r.doc->dct.value            -> "1998-01-08"
//     r.doc->text                 -> "\nOn the other hand, it's turning out to be ..."
//     r.doc->annotations[1].name  -> "TIMEX3", .where -> {84, 88} ("week"), attribute("value") "P1W"
//
// Errors are diagnostics with scope "timeml" and the file's line:column (columns in code points):
//     x.tml:7:12: error: timeml: malformed XML: mismatched tag
//     x.tml:9:1: error: timeml: no document creation time: expected <DCT><TIMEX3 ...> before <TEXT>
// Parsing is by expat: entities are decoded, no external entity or DTD is ever loaded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "corpus/document.h"

namespace annalist::corpus::timeml {

/// Attributes in the order the file gives them (the writer keeps that order).
using attributes = std::vector<std::pair<std::string, std::string>>;

/// The value of attribute `name`, or empty when absent.
std::string_view attribute(const attributes& attrs, std::string_view name);

/// An element inside <TEXT>, as a span over the plain text.
struct annotation {
  std::string name;      // "TIMEX3", "EVENT", "SIGNAL", ... (any element inside TEXT)
  attributes attrs;
  span where;            // [start, end) bytes into document::text; may be empty (<TIMEX3 .../>)
  source_position from;  // where its start tag is in the file
  std::string_view attribute(std::string_view attr) const { return timeml::attribute(attrs, attr); }
};

/// The creation-time TIMEX3.
struct creation_time {
  attributes attrs;      // as written: tid, type, value, functionInDocument, ...
  std::string content;   // its element text, e.g. "19980108"
  source_position from;
  std::string_view value() const { return attribute(attrs, "value"); }
};

struct document {
  std::string docid;                  // content of <DOCID>, trimmed; may be empty
  std::optional<creation_time> dct;   // absent only when read with require_dct = false
  std::string text;                   // plain <TEXT> content, UTF-8
  source_position text_from;          // where the <TEXT> start tag is in the file
  std::vector<annotation> annotations;  // elements inside TEXT, by start tag order
  /// Byte offsets of `text` -> byte offsets in the file (entities, character references and
  /// inline tags make them differ); with position_in_file, diagnostics about the text point
  /// into the .tml file a user can open.
  offset_map file_offsets;
};

/// The file's line:column of byte `text_offset` of `doc.text`; `xml` is what `read` was given.
source_position position_in_file(const document& doc, std::string_view xml,
                                 std::uint32_t text_offset);

struct read_options {
  /// When false, a document without a creation time is read (dct absent) and not an error;
  /// callers that get the reference time elsewhere (`annalist tag --dct`) use this.
  bool require_dct = true;
};

struct read_result {
  std::optional<document> doc;  // absent when the file cannot be used; diags then say why
  diagnostics diags;
};

/// Reads TimeML from `xml`; `file` is only a label for diagnostics.
read_result read(std::string_view xml, std::string_view file, const read_options& options = {});

/// A creation-time value as a local date or date-time: "1998-01-08" (day granularity),
/// "1998-08-07T06:18" or "1998-08-07T06:18:00" (minute; seconds are dropped). Anything else,
/// or an impossible date ("1998-02-30"), gives nullopt.
struct dct_time {
  time::local_minutes local;
  time::granularity gran;
};
std::optional<dct_time> parse_dct_value(std::string_view value);

}  // namespace annalist::corpus::timeml
