// annalist/merge/options.h — the [merge] section of config/default.toml.
//
// Every threshold of the merge is here, with the meaning config/default.toml documents. A
// file given with --config may set any subset; the rest keep their defaults.
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostic.h"

namespace annalist::merge {

struct options {
  // Evidence that two mentions report one event (a mention against an event being built):
  double weight_actor = 1.0;     // per shared actor, counting at most two
  double weight_place = 0.5;     // same place
  double weight_quote = 3.0;     // times the quote overlap (share of the shorter quote's words)
  double weight_lexical = 2.0;   // times the sentence overlap (share of the mention's words)
  double merge_threshold = 1.0;  // a dated mention joins the best event scoring at least this
  double join_threshold = 2.0;   // two events of one day join when their evidence reaches this
  // An undated mention joins a dated event only with a quotation of it (quote_same), or with
  // `undated_actors` shared persons (countries are in every sentence of a story, people less
  // so), or one shared actor and `undated_lexical` of its words.
  int undated_actors = 2;
  int undated_window_days = 31;  // ... among events reported by documents published this close
  double undated_lexical = 0.5;
  double quote_same = 0.5;       // quote overlap from which two quotations are the same speech
  double quote_veto = 0.2;       // quote overlap under which two quotations are different speech
  double subday_support = 0.5;   // share of day-dated documents needed for a time of day
  int conflict_window_days = 7;  // same-speech pairs further apart are not conflict candidates
  int title_max = 100;           // characters

  /// Reads the [merge] table of a TOML text into `o`, keeping values it does not set. Unknown
  /// keys and wrong types are diagnostics with file:line:col; returns false on any error.
  static bool apply(std::string_view toml_text, const std::string& file, options& o,
                    diagnostics& out);
};

}  // namespace annalist::merge
