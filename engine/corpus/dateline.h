// annalist/corpus/dateline.h — the words around a publication time in a document's header,
// which are language data (lexicon/en/dateline.toml), not code:
//
//     labels = ["date", "published", "posted", "updated", "on", ...]   # "Published May 25, 2021"
//     connectors = ["at"]                                              # "May 25, 2021 at 10:20 am"
//
// Month and weekday names and the am/pm markers come from ICU's locale data (English).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace annalist::corpus {

class dateline_words {
 public:
  dateline_words() = default;
  static dateline_words parse(std::string_view toml_text, std::string file, diagnostics& out);
  static dateline_words load(const std::filesystem::path& file, diagnostics& out);
  /// lexicon/en/dateline.toml from the data folder, loaded once per process; a problem in it
  /// is a developer error, thrown as std::runtime_error.
  static std::shared_ptr<const dateline_words> shipped();

  /// Case-insensitive (ASCII) membership.
  bool is_label(std::string_view word) const;
  bool is_connector(std::string_view word) const;
  bool is_particle(std::string_view word) const;

  std::vector<std::string> labels;      // lower case
  std::vector<std::string> particles;   // lower case: may join labels ("posted on"), never alone
  std::vector<std::string> connectors;  // lower case
};

/// Abbreviations after which no sentence ends (lexicon/en/abbreviations.toml), beyond ICU's own
/// list: `abbreviations = ["Dr.", "Gov.", ...]`.
std::vector<std::string> parse_abbreviations(std::string_view toml_text, const std::string& file,
                                             diagnostics& out);
/// The shipped list, loaded once per process (a problem in it is thrown as std::runtime_error).
std::shared_ptr<const std::vector<std::string>> shipped_abbreviations();

}  // namespace annalist::corpus
