// annalist/corpus/zones.h — time-zone abbreviations ("GMT", "EDT", "MSK") as stated in news
// text, mapped to a fixed UTC offset or an IANA zone. The table is data (lexicon/en/zones.toml):
//
//     [[zone]]
//     abbr = "EDT"
//     offset = "-04:00"          # or: iana = "Europe/Moscow"
//     name = "Eastern Daylight Time"
//     examples = [{ stated = "2021-05-19 10:20 EDT", zone = "UTC", expect = "2021-05-19T14:20" }]
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace annalist::corpus {

struct zone_abbreviation {
  std::string abbr;                          // as written, upper case: "EDT"
  std::optional<std::chrono::minutes> offset;  // fixed offset east of UTC, or
  std::string iana;                          // an IANA zone whose rules apply at the date
  std::string name;                          // what it stands for, for people
  source_position where;                     // its entry in the table file

  struct example {
    std::string stated, zone, expect;
    source_position where;
  };
  std::vector<example> examples;
};

class zone_table {
 public:
  zone_table() = default;
  /// Parses the TOML text of a zones table; `file` labels diagnostics. Entries with errors
  /// are left out and reported.
  static zone_table parse(std::string_view toml_text, std::string file, diagnostics& out);
  /// Reads and parses a zones table file.
  static zone_table load(const std::filesystem::path& file, diagnostics& out);
  /// The table shipped in the data folder (lexicon/en/zones.toml), loaded once per process;
  /// its problems, if any, are developer errors and are thrown as std::runtime_error.
  static std::shared_ptr<const zone_table> shipped();

  /// Case-sensitive lookup ("GMT", not "gmt": lower-case words are ordinary words).
  const zone_abbreviation* find(std::string_view abbr) const;
  const std::vector<zone_abbreviation>& entries() const { return entries_; }
  const std::string& file() const { return file_; }

 private:
  std::vector<zone_abbreviation> entries_;  // sorted by abbr
  std::string file_;
};

}  // namespace annalist::corpus
