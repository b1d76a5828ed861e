#include "corpus/document.h"

#include <algorithm>
#include <fmt/format.h>

namespace annalist::corpus {

std::string_view to_string(published_from p) {
  switch (p) {
    case published_from::manifest: return "manifest";
    case published_from::header: return "header";
    case published_from::inferred: return "inferred";
    case published_from::unknown: return "unknown";
  }
  return "unknown";
}

std::string publication_time::timex() const {
  if (!local) return {};
  const auto day = date::floor<date::days>(*local);
  const date::year_month_day ymd{day};
  std::string out = fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  if (gran != time::granularity::day) {
    const auto tod = *local - day;
    out += fmt::format("T{:02}:{:02}", tod.count() / 60, tod.count() % 60);
  }
  return out;
}

void offset_map::add(std::uint32_t norm, std::uint32_t orig) { points_.push_back({norm, orig}); }

std::uint32_t offset_map::original(std::uint32_t norm) const {
  // Between points, lengths agree; inside a changed range the offset is clamped to its end.
  auto next = std::upper_bound(points_.begin(), points_.end(), norm,
                               [](std::uint32_t v, const point& p) { return v < p.norm; });
  std::uint32_t base_norm = 0, base_orig = 0;
  if (next != points_.begin()) {
    base_norm = std::prev(next)->norm;
    base_orig = std::prev(next)->orig;
  }
  std::uint32_t r = base_orig + (norm - base_norm);
  if (next != points_.end()) r = std::min(r, next->orig);
  return r;
}

}  // namespace annalist::corpus
