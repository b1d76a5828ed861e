// annalist/export/writers.h — the table of timeline formats `annalist build --format` offers.
//
//     for (const auto& w : exports::writers()) ...           // "text", "json", ...
//     auto files = exports::find_writer("json")->write({timeline, corpus});
//     // files[0].name == "" (the one output: stdout or -o FILE), files[0].content == "{...}"
//
// A writer is pure: it returns what to write, and the CLI writes it. A format that writes one
// file per document (timeml) returns named files and sets `needs_directory`. Adding a format is
// adding a file in engine/export/ and one row to the table in writers.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "corpus/ingest.h"
#include "merge/timeline.h"

namespace annalist::tagger { class lexicon; }

namespace annalist::exports {

/// What a format may be asked beyond the timeline; the CLI fills it from its options.
struct options {
  bool mentions = false;                     // csv: one row per mention instead of per event
  const tagger::lexicon* lexicon = nullptr;  // timeml: tags every temporal expression of a
                                             // document, not only those that date an event
};

struct input {
  const merge::timeline& timeline;
  const corpus::corpus& corpus;   // the documents, for formats that carry text
  options settings = {};
};

struct output_file {
  std::string name;     // empty: the single output of the format
  std::string content;
};

struct writer {
  std::string_view name;
  std::string_view help;
  bool needs_directory = false;  // -o names a folder that receives one file per `name`
  std::vector<output_file> (*write)(const input&) = nullptr;
};

/// Every format, in the order `--help` lists them.
const std::vector<writer>& writers();
/// The writer called `name`, or null.
const writer* find_writer(std::string_view name);

}  // namespace annalist::exports
