// annalist/core/diagnostic.h — where something went wrong and what to do about it.
//
// Every error a user can cause (a bad manifest, an unreadable article, a lexicon typo) is a
// diagnostic: a severity, the file, a 1-based line:column when there is one, a scope naming the
// stage ("manifest", "utf-8", "lexicon") and a message a person can act on. Printed as
//
//     samples/x/corpus.toml:4:1: error: manifest: unknown key 'publised' (did you mean 'published'?)
//
// Columns count Unicode code points, not bytes or graphemes (as toml++ does).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annalist {

/// 1-based line and column; line 0 means "no position".
struct source_position {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  explicit operator bool() const { return line != 0; }
  friend bool operator==(const source_position&, const source_position&) = default;
};
std::ostream& operator<<(std::ostream& os, const source_position& p);  // "line:column"

enum class severity : std::uint8_t { note, warning, error };

std::string_view to_string(severity s);

struct diagnostic {
  severity level = severity::error;
  std::string file;          // as the user named it; may be empty for command-line input
  source_position where;     // {0,0} when the problem is the whole file
  std::string scope;         // the stage that noticed: "manifest", "utf-8", "corpus", ...
  std::string message;

  /// "file:line:col: error: scope: message" (parts that are unknown are left out).
  std::string to_string() const;
};

/// Diagnostics collected by a stage; stages never print, the CLI does.
using diagnostics = std::vector<diagnostic>;

/// The line:column of byte `offset` in `text` (columns in code points).
source_position position_of(std::string_view text, std::size_t offset);

/// The closest candidate by edit distance, for "did you mean" hints; empty when nothing is close.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace annalist
