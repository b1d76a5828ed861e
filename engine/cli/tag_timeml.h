// annalist/cli/tag_timeml.h — `annalist tag --input timeml`: tag TimeML documents (TempEval-3
// .tml files) and write them back as TimeML that ../shared/tools/te3score.py scores directly.
//
//     annalist tag --input timeml -o out/ data/TimeBank/*.tml    # out/<same name>.tml each
//     annalist tag --input timeml ABC19980108.1830.0711.tml      # one file: TimeML on stdout
//     annalist tag --input timeml --format json a.tml b.tml      # JSON lines, as for text files
//
// For each input the DCT (the TIMEX3 with functionInDocument="CREATION_TIME") is the reference
// time and the plain content of <TEXT> (tags stripped, entities decoded, whitespace kept) is what
// gets tagged. The TimeML output keeps DOCID, the DCT TIMEX3 as it was, and the TEXT byte for byte,
// with the input's own TEXT annotations replaced by our TIMEX3 tags (tid "t1", "t2", ...).
// JSON lines carry byte offsets into that plain TEXT.
//
// A directory among the inputs stands for every *.tml below it (sorted); its files keep their
// path relative to that directory under the output folder, so `-o out/ train/` mirrors `train/`.
//
// This is I/O (the CLI's job): the reading and writing themselves are the library's
// corpus/timeml.h and export/timeml.h.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "resolve/annotate.h"

namespace annalist::tagger { class lexicon; }

namespace annalist::cli {

enum class timeml_output : std::uint8_t { timeml, json };

struct tag_timeml_options {
  std::vector<std::filesystem::path> inputs;     // .tml files, or folders searched for *.tml
  std::optional<std::filesystem::path> out_dir;  // absent: stdout (TimeML only for one file)
  timeml_output format = timeml_output::timeml;
  /// --dct: used instead of each document's own DCT, and makes a missing DCT no error.
  std::optional<resolve::reference_time> dct;
};

/// Tags every input. A document that cannot be read (malformed XML with its line:column, no
/// <TEXT>, no or unreadable DCT) is reported on stderr and skipped; the rest go on.
/// Returns 0 when at least one document was tagged, 2 (cli::unusable) when none was or the
/// options are contradictory (several TimeML outputs to stdout).
int tag_timeml(const tag_timeml_options& options, const tagger::lexicon& lex);

}  // namespace annalist::cli
