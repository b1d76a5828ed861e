#include "export/provenance.h"

#include <algorithm>
#include <array>

#include <date/tz.h>
#include <fmt/format.h>

namespace annalist::exports {

namespace {

constexpr std::array<std::string_view, 12> month_names = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// English, not the process locale: output must not change with LC_ALL.
std::string month_day_year(date::year_month_day d) {
  return fmt::format("{} {}, {}", month_names[unsigned(d.month()) - 1], unsigned(d.day()),
                     int(d.year()));
}

std::string ordinal(int n) {
  const int tens = n % 100;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                       : n % 10 == 1              ? "st"
                       : n % 10 == 2              ? "nd"
                       : n % 10 == 3              ? "rd"
                                                  : "th";
  return fmt::format("{}{}", n, suffix);
}

// The part after the last '-' or 'T' of a TIMEX3 value: "SU" of "2021-SU", "EV" of "2021-05-19TEV".
std::string_view suffix(std::string_view timex, char sep) {
  const auto at = timex.rfind(sep);
  return at == std::string_view::npos ? std::string_view() : timex.substr(at + 1);
}

std::string_view mod_prefix(std::string_view mod) {
  if (mod == "START") return "early ";
  if (mod == "MID") return "mid-";
  if (mod == "END") return "late ";
  if (mod == "APPROX") return "about ";
  if (mod == "BEFORE") return "before ";
  if (mod == "AFTER") return "after ";
  if (mod == "ON_OR_BEFORE") return "on or before ";
  if (mod == "ON_OR_AFTER") return "on or after ";
  if (mod == "LESS_THAN") return "less than ";
  if (mod == "MORE_THAN") return "more than ";
  if (mod == "EQUAL_OR_LESS") return "at most ";
  if (mod == "EQUAL_OR_MORE") return "at least ";
  return {};
}

std::string calendar_date(const time::value& v) {
  using time::granularity;
  const auto start = v.span->start;
  const auto day = date::floor<date::days>(start);
  const date::year_month_day ymd{day};
  const int year = int(ymd.year());
  const auto month = unsigned(ymd.month());
  switch (v.gran) {
    case granularity::second:
    case granularity::minute:
    case granularity::hour:
      return fmt::format("{}, {}", month_day_year(ymd), date::format("%H:%M", start));
    case granularity::part_of_day: {
      const auto part = suffix(v.timex, 'T');
      const std::string_view name = part == "MO"   ? "morning"
                                    : part == "AF" ? "afternoon"
                                    : part == "EV" ? "evening"
                                    : part == "NI" ? "night"
                                    : part == "DT" ? "daytime"
                                                   : "";
      if (name.empty()) return month_day_year(ymd);
      return fmt::format("{}, {}", month_day_year(ymd), name);
    }
    case granularity::day: return month_day_year(ymd);
    case granularity::week: return "week of " + month_day_year(ymd);
    case granularity::month: return fmt::format("{} {}", month_names[month - 1], year);
    case granularity::quarter: return fmt::format("Q{} {}", (month - 1) / 3 + 1, year);
    case granularity::season: {
      const auto s = suffix(v.timex, '-');
      const std::string_view name = s == "SP"   ? "spring"
                                    : s == "SU" ? "summer"
                                    : s == "FA" ? "autumn"
                                    : s == "WI" ? "winter"
                                                : "season";
      return fmt::format("{} {}", name, year);
    }
    case granularity::half_year:
      return fmt::format("{} half of {}", month <= 6 ? "first" : "second", year);
    case granularity::year: return fmt::format("{}", year);
    case granularity::decade: return fmt::format("{}s", year);
    case granularity::century: return ordinal(year / 100 + 1) + " century";
    case granularity::millennium: return ordinal(year / 1000 + 1) + " millennium";
    case granularity::none: break;
  }
  return v.timex;
}

}  // namespace

const merge::source_document* find_source(const merge::timeline& t, std::string_view id) {
  for (const auto& d : t.documents)
    if (d.id == id) return &d;
  return nullptr;
}

const corpus::document* find_document(const corpus::corpus& c, std::string_view id) {
  for (const auto& d : c.documents)
    if (d.id == id) return &d;
  return nullptr;
}

std::vector<const merge::source_document*> sources_of(const merge::timeline& t,
                                                      const merge::event& e) {
  std::vector<const merge::source_document*> out;
  for (const auto& m : e.mentions) {
    const auto* d = find_source(t, m.document);
    if (d && std::find(out.begin(), out.end(), d) == out.end()) out.push_back(d);
  }
  return out;
}

std::string source_label(const merge::source_document& d) {
  return d.source.empty() ? d.id : fmt::format("{} ({})", d.source, d.id);
}

std::string url_of(const merge::timeline& t, const merge::event& e) {
  for (const auto* d : sources_of(t, e))
    if (!d->url.empty()) return d->url;
  return {};
}

std::string zone_of(const corpus::corpus& c, const merge::event& e) {
  const events::mention* stating = nullptr;
  for (const auto& m : e.mentions)
    if (m.time && m.time->timex == e.value.timex) {
      stating = &m;
      break;
    }
  if (!stating && !e.mentions.empty()) stating = &e.mentions.front();
  if (stating)
    if (const auto* d = find_document(c, stating->document); d && !d->published.zone.empty())
      return d->published.zone;
  return c.zone.empty() ? std::string("UTC") : c.zone;
}

bool is_utc(std::string_view zone) {
  return zone == "UTC" || zone == "Etc/UTC" || zone == "GMT" || zone == "Etc/GMT" ||
         zone == "Etc/Universal" || zone == "Universal" || zone == "Zulu" || zone == "Etc/Zulu";
}

std::optional<date::sys_seconds> latest_publication(const corpus::corpus& c) {
  std::optional<date::sys_seconds> latest;
  for (const auto& d : c.documents) {
    if (!d.published.local) continue;
    date::sys_seconds at;
    try {
      const auto* zone = date::locate_zone(d.published.zone.empty() ? "UTC" : d.published.zone);
      at = date::floor<std::chrono::seconds>(
          zone->to_sys(*d.published.local, date::choose::earliest));
    } catch (const std::exception&) {
      // Ingestion accepts only zones the database knows; a zone that vanished since is read as
      // UTC rather than losing the document's date.
      at = date::sys_seconds{d.published.local->time_since_epoch()};
    }
    if (!latest || at > *latest) latest = at;
  }
  return latest;
}

std::string display_date(const time::value& v) {
  if (!v.span) {
    if (v.timex == "PAST_REF") return "the past";
    if (v.timex == "PRESENT_REF") return "now";
    if (v.timex == "FUTURE_REF") return "the future";
    return v.timex;
  }
  return std::string(mod_prefix(v.mod)) + calendar_date(v);
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (const char c : s) switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  return out;
}

std::uint64_t stable_hash(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

const merge::conflict* conflict_of(const merge::timeline& t, std::string_view event_id) {
  for (const auto& c : t.conflicts)
    if (c.event == event_id) return &c;
  return nullptr;
}

}  // namespace annalist::exports
