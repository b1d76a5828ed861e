#include "core/diagnostic.h"

#include <algorithm>
#include <ostream>
#include <fmt/format.h>

namespace annalist {

std::string_view to_string(severity s) {
  switch (s) {
    case severity::note: return "note";
    case severity::warning: return "warning";
    case severity::error: return "error";
  }
  return "error";
}

std::ostream& operator<<(std::ostream& os, const source_position& p) {
  return os << p.line << ':' << p.column;
}

std::string diagnostic::to_string() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (where) out += fmt::format(":{}:{}", where.line, where.column);
    out += ": ";
  }
  out += annalist::to_string(level);
  out += ": ";
  if (!scope.empty()) {
    out += scope;
    out += ": ";
  }
  out += message;
  return out;
}

source_position position_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  source_position p{1, 1};
  for (std::size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((c & 0xC0) != 0x80) {  // count code points: skip continuation bytes
      ++p.column;
    }
  }
  return p;
}

namespace {
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}
}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  // Allow about one typo per three characters; anything further is not a useful hint.
  std::size_t best_d = std::max<std::size_t>(1, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    const auto d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

}  // namespace annalist
