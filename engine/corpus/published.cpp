// Publication times as people write them: in manifests ("2021-05-19T17:55Z") and in the header
// lines of scraped articles ("Update: 2021-05-19 17:55 GMT", "Posted on: May 25, 2021 at 10:20
// am"). One reader serves both, so a manifest accepts whatever a header may say.
#include <algorithm>
#include <array>
#include <stdexcept>

#include <date/tz.h>
#include <fmt/format.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>

#include "corpus/ingest.h"

namespace annalist::corpus {

namespace {

using std::size_t;

// Month and weekday names and the am/pm markers, from ICU's English locale data, lower case.
struct calendar_names {
  std::array<std::vector<std::string>, 12> months;   // wide and abbreviated
  std::array<std::vector<std::string>, 7> weekdays;  // index 0 = Sunday (date::weekday encoding)
  std::string am, pm;
};

std::string lower_utf8(const icu::UnicodeString& u) {
  icu::UnicodeString l(u);
  l.toLower(icu::Locale::getEnglish());
  std::string s;
  l.toUTF8String(s);
  return s;
}

const calendar_names& names() {
  static const calendar_names n = [] {
    calendar_names c;
    UErrorCode status = U_ZERO_ERROR;
    icu::DateFormatSymbols sym(icu::Locale::getEnglish(), status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU date symbols unavailable");
    std::int32_t count = 0;
    for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
      const auto* m = sym.getMonths(count, icu::DateFormatSymbols::FORMAT, width);
      for (std::int32_t i = 0; i < count && i < 12; ++i) c.months[i].push_back(lower_utf8(m[i]));
      const auto* w = sym.getWeekdays(count, icu::DateFormatSymbols::FORMAT, width);
      for (std::int32_t i = 1; i < count && i <= 7; ++i) c.weekdays[i - 1].push_back(lower_utf8(w[i]));
    }
    const auto* ap = sym.getAmPmStrings(count);
    if (count >= 2) {
      c.am = lower_utf8(ap[0]);
      c.pm = lower_utf8(ap[1]);
    }
    return c;
  }();
  return n;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

std::string lower(std::string_view s) {
  std::string r(s);
  for (auto& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}

// A name matches when it is a full or abbreviated form, or a prefix of the full form of at
// least three letters ("Sept", "Tues", "Thurs").
std::optional<unsigned> match_name(std::string_view word, const std::vector<std::string>* table,
                                   size_t size) {
  if (word.size() < 3) return std::nullopt;
  const std::string w = lower(word);
  for (size_t i = 0; i < size; ++i) {
    for (const auto& form : table[i])
      if (w == form) return static_cast<unsigned>(i);
    if (!table[i].empty() && table[i][0].size() > w.size() && table[i][0].compare(0, w.size(), w) == 0)
      return static_cast<unsigned>(i);
  }
  return std::nullopt;
}

// What a date-time expression stated, before any zone conversion.
struct stated {
  int y = 0;
  unsigned m = 0, d = 0;
  std::optional<int> minutes;                   // since midnight, local to the stated zone
  std::optional<std::chrono::minutes> offset;   // explicit offset or fixed abbreviation
  std::string iana;                             // abbreviation standing for an IANA zone
  std::optional<unsigned> weekday;              // as written, 0 = Sunday
  size_t begin = 0, end = 0;                    // bytes of the expression

  date::year_month_day ymd() const {
    return date::year{y} / date::month{m} / date::day{d};
  }
};

class reader {
 public:
  reader(std::string_view s, const zone_table& zones, const dateline_words& words)
      : s_(s), zones_(zones), words_(words) {}

  std::optional<stated> read_at(size_t i) const {
    if (auto r = iso_at(i)) return r;
    return named_at(i);
  }

 private:
  std::string_view s_;
  const zone_table& zones_;
  const dateline_words& words_;

  char at(size_t i) const { return i < s_.size() ? s_[i] : '\0'; }

  size_t digits(size_t i) const {
    size_t j = i;
    while (j < s_.size() && is_digit(s_[j])) ++j;
    return j - i;
  }
  int number(size_t i, size_t n) const {
    int v = 0;
    for (size_t k = 0; k < n; ++k) v = v * 10 + (s_[i + k] - '0');
    return v;
  }
  size_t word_end(size_t i) const {
    while (i < s_.size() && is_alpha(s_[i])) ++i;
    return i;
  }
  size_t skip_spaces(size_t i) const {
    while (i < s_.size() && (s_[i] == ' ' || s_[i] == '\t')) ++i;
    return i;
  }

  std::optional<stated> iso_at(size_t i) const {
    if (digits(i) != 4 || at(i + 4) != '-' || digits(i + 5) != 2 || at(i + 7) != '-' ||
        digits(i + 8) != 2)
      return std::nullopt;
    stated st;
    st.begin = i;
    st.y = number(i, 4);
    st.m = static_cast<unsigned>(number(i + 5, 2));
    st.d = static_cast<unsigned>(number(i + 8, 2));
    st.end = i + 10;
    size_t j = st.end;
    if (at(j) == 'T' || at(j) == ' ') time_at(st, j + 1, /*iso=*/true);
    return st;
  }

  std::optional<stated> named_at(size_t i) const {
    const auto& n = names();
    stated st;
    st.begin = i;
    size_t j = i;
    // Optional weekday: "Tuesday, " / "Tue. "
    if (is_alpha(at(j))) {
      const size_t e = word_end(j);
      if (auto wd = match_name(s_.substr(j, e - j), n.weekdays.data(), 7)) {
        st.weekday = *wd;
        j = e;
        if (at(j) == '.') ++j;
        if (at(j) == ',') ++j;
        j = skip_spaces(j);
      }
    }
    auto month_at = [&](size_t k, size_t& after) -> std::optional<unsigned> {
      if (!is_alpha(at(k))) return std::nullopt;
      const size_t e = word_end(k);
      auto m = match_name(s_.substr(k, e - k), n.months.data(), 12);
      if (!m) return std::nullopt;
      after = at(e) == '.' ? e + 1 : e;
      return m;
    };
    auto day_at = [&](size_t k, size_t& after) -> std::optional<unsigned> {
      const size_t nd = digits(k);
      if (nd < 1 || nd > 2) return std::nullopt;
      after = k + nd;
      // An ordinal suffix of two letters ("25th"), not a longer word.
      if (is_alpha(at(after)) && is_alpha(at(after + 1)) && !is_alpha(at(after + 2))) after += 2;
      if (is_alpha(at(after))) return std::nullopt;
      return static_cast<unsigned>(number(k, nd));
    };
    size_t after = j;
    std::optional<unsigned> month, day;
    if ((month = month_at(j, after))) {
      // "May 25, 2021"
      day = day_at(skip_spaces(after), after);
      if (!day) return std::nullopt;
    } else if ((day = day_at(j, after))) {
      // "25 May 2021"
      month = month_at(skip_spaces(after), after);
      if (!month) return std::nullopt;
    } else {
      return std::nullopt;
    }
    j = after;
    if (at(j) == ',') ++j;
    j = skip_spaces(j);
    if (digits(j) != 4) return std::nullopt;
    st.y = number(j, 4);
    st.m = *month + 1;
    st.d = *day;
    st.end = j + 4;
    time_at(st, st.end, /*iso=*/false);
    return st;
  }

  // Optional time of day and zone after a date; extends st.end only when one is found.
  void time_at(stated& st, size_t j, bool iso) const {
    if (!iso) {
      // Separators and connector words between a written date and its time.
      for (;;) {
        const size_t k = skip_spaces(j);
        if (at(k) == ',' || at(k) == '|' || at(k) == '@' || at(k) == '-') {
          j = k + 1;
        } else if (s_.compare(k, 3, "\xE2\x80\x93") == 0 || s_.compare(k, 3, "\xE2\x80\x94") == 0) {
          j = k + 3;  // en and em dashes
        } else if (is_alpha(at(k)) && words_.is_connector(s_.substr(k, word_end(k) - k))) {
          j = word_end(k);
        } else {
          j = k;
          break;
        }
      }
    }
    const size_t hd = digits(j);
    if (hd < 1 || hd > 2) return;
    int h = number(j, hd), mi = 0;
    size_t k = j + hd;
    bool colon = false;
    if (at(k) == ':' && digits(k + 1) == 2) {
      mi = number(k + 1, 2);
      k += 3;
      colon = true;
      if (at(k) == ':' && digits(k + 1) == 2) {
        k += 3;
        if (at(k) == '.' || at(k) == ',') k += 1 + digits(k + 1);  // fractional seconds
      }
    }
    if (iso && !colon) return;
    // am / pm, also written "a.m." or "AM".
    size_t m = skip_spaces(k);
    std::string marker;
    size_t e = m;
    while (e < s_.size() && (is_alpha(s_[e]) || (s_[e] == '.' && e > m))) {
      if (s_[e] != '.') marker += static_cast<char>(s_[e] | 0x20);
      ++e;
    }
    const auto& n = names();
    const bool am = !marker.empty() && marker == n.am, pm = !marker.empty() && marker == n.pm;
    if (am || pm) {
      if (h < 1 || h > 12) return;
      h = h % 12 + (pm ? 12 : 0);
      k = e;
    } else if (!colon) {
      return;  // a bare number after a date is not a time
    }
    if (h > 23 || mi > 59) return;
    st.minutes = h * 60 + mi;
    st.end = k;
    zone_at(st, k);
  }

  void zone_at(stated& st, size_t k) const {
    if (at(k) == 'Z' && !is_alpha(at(k + 1))) {
      st.offset = std::chrono::minutes(0);
      st.end = k + 1;
      return;
    }
    if (auto off = offset_at(k, st.end)) {
      st.offset = off;
      return;
    }
    size_t j = skip_spaces(k);
    const bool paren = at(j) == '(';
    if (paren) ++j;
    const size_t e = word_end(j);
    if (e == j || !std::all_of(s_.begin() + static_cast<std::ptrdiff_t>(j),
                               s_.begin() + static_cast<std::ptrdiff_t>(e), is_upper))
      return;
    const auto* z = zones_.find(s_.substr(j, e - j));
    if (!z) return;
    size_t end = e;
    if (z->offset) {
      st.offset = z->offset;
      // "GMT+3", "UTC-04:00": an offset written after a zero-offset abbreviation.
      size_t after = end;
      if (*z->offset == std::chrono::minutes(0))
        if (auto off = offset_at(e, after, /*short_hours=*/true)) st.offset = off, end = after;
    } else {
      st.iana = z->iana;
    }
    if (paren) {
      if (at(end) != ')') return;
      ++end;
    }
    st.end = end;
  }

  // "+02:00", "-0400", and with short_hours "+3"; sets `end` past it.
  std::optional<std::chrono::minutes> offset_at(size_t k, size_t& end, bool short_hours = false) const {
    if (at(k) != '+' && at(k) != '-' && s_.compare(k, 3, "\xE2\x88\x92") != 0) return std::nullopt;
    const int sign = at(k) == '+' ? 1 : -1;
    size_t j = k + (at(k) == '+' || at(k) == '-' ? 1 : 3);
    const size_t hd = digits(j);
    int h = 0, m = 0;
    if (hd == 4) {
      h = number(j, 2), m = number(j + 2, 2);
      j += 4;
    } else if (hd == 2 || (short_hours && hd == 1)) {
      h = number(j, hd);
      j += hd;
      if (at(j) == ':' && digits(j + 1) == 2) m = number(j + 1, 2), j += 3;
      else if (!short_hours) return std::nullopt;
    } else {
      return std::nullopt;
    }
    if (h > 14 || m > 59) return std::nullopt;
    end = j;
    return std::chrono::minutes(sign * (h * 60 + m));
  }
};

const char* month_name(unsigned m) {
  static constexpr std::array<const char*, 12> kNames = {
      "January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December"};
  return kNames[(m - 1) % 12];
}
const char* weekday_name(unsigned w) {
  static constexpr std::array<const char*, 7> kNames = {
      "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  return kNames[w % 7];
}

// Why a stated day does not exist, for the diagnostic.
std::string impossible(const stated& st, std::string_view text) {
  if (st.m < 1 || st.m > 12)
    return fmt::format("impossible date '{}': there is no month {}", text, st.m);
  const auto last = date::year_month_day_last(date::year{st.y} / date::month{st.m} / date::last).day();
  return fmt::format("impossible date '{}': {} {} has {} days", text, month_name(st.m), st.y,
                     static_cast<unsigned>(last));
}

std::string spelled(const stated& st) {
  return fmt::format("{} {}, {}", month_name(st.m), st.d, st.y);
}

std::string weekday_mismatch(const stated& st, std::string_view text) {
  const unsigned real = date::weekday{date::sys_days{st.ymd()}}.c_encoding();
  return fmt::format("'{}': {} was a {}, not a {}", text, spelled(st), weekday_name(real),
                     weekday_name(*st.weekday));
}

std::string zone_hint(std::string_view zone) {
  std::vector<std::string> names;
  const auto& db = date::get_tzdb();
  for (const auto& z : db.zones) names.push_back(std::string(z.name()));
  return closest_match(zone, names);
}

// Converts what was stated into a publication time local to `zone` (known to be valid).
publication_time to_publication(const stated& st, std::string_view zone) {
  publication_time p;
  p.zone = std::string(zone);
  const date::local_days day{st.ymd()};
  if (!st.minutes) {
    p.local = time::local_minutes{day.time_since_epoch()};
    p.gran = time::granularity::day;
    return p;
  }
  p.gran = time::granularity::minute;
  const date::local_time<std::chrono::minutes> as_stated{day.time_since_epoch() +
                                                        std::chrono::minutes(*st.minutes)};
  std::optional<date::sys_time<std::chrono::minutes>> instant;
  if (st.offset) {
    instant = date::sys_time<std::chrono::minutes>{as_stated.time_since_epoch() - *st.offset};
  } else if (!st.iana.empty()) {
    instant = date::floor<std::chrono::minutes>(
        date::locate_zone(st.iana)->to_sys(as_stated, date::choose::earliest));
  }
  if (!instant) {
    p.local = as_stated;  // no zone stated: it is the document's own local time
  } else {
    p.local = date::floor<std::chrono::minutes>(date::locate_zone(zone)->to_local(*instant));
  }
  return p;
}

diagnostic published_error(std::string message) {
  return {severity::error, {}, {}, "published", std::move(message)};
}

}  // namespace

bool known_zone(std::string_view name) {
  if (name.empty()) return false;
  try {
    (void)date::locate_zone(name);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

std::string unknown_zone_message(std::string_view zone) {
  std::string msg = fmt::format("unknown time zone '{}'", zone);
  if (auto hint = zone_hint(zone); !hint.empty()) msg += fmt::format(" (did you mean '{}'?)", hint);
  return msg;
}

std::optional<publication_time> parse_published(std::string_view value, std::string_view zone,
                                                const zone_table& zones,
                                                const dateline_words& words, diagnostics& out) {
  if (!known_zone(zone)) {
    out.push_back({severity::error, {}, {}, "timezone", unknown_zone_message(zone)});
    return std::nullopt;
  }
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty()) {
    out.push_back(published_error("empty publication time"));
    return std::nullopt;
  }
  reader r(value, zones, words);
  auto st = r.read_at(0);
  if (!st || st->end != value.size()) {
    out.push_back(published_error(fmt::format(
        "cannot read publication time '{}': expected a date (2021-05-19, May 19, 2021) or a "
        "date-time with its offset or zone (2021-05-19T17:55Z, 2021-05-19 17:55 GMT)", value)));
    return std::nullopt;
  }
  if (st->m < 1 || st->m > 12 || !st->ymd().ok()) {
    out.push_back(published_error(impossible(*st, value)));
    return std::nullopt;
  }
  if (st->weekday && date::weekday{date::sys_days{st->ymd()}}.c_encoding() != *st->weekday) {
    out.push_back({severity::warning, {}, {}, "published",
                   weekday_mismatch(*st, value)});
  }
  auto p = to_publication(*st, zone);
  p.from = published_from::manifest;
  p.stated = std::string(value);
  return p;
}

std::optional<publication_time> parse_published(std::string_view value, std::string_view zone,
                                                diagnostics& out) {
  return parse_published(value, zone, *zone_table::shipped(), *dateline_words::shipped(), out);
}

namespace {

// Is the text before a date on its line a label ("Published", "Posted/updated on:",
// "By Jane Roe |"), so that the date is the article's own and not part of its story?
bool label_prefix(std::string_view prefix, const dateline_words& words) {
  while (!prefix.empty() && (prefix.back() == ' ' || prefix.back() == '\t')) prefix.remove_suffix(1);
  while (!prefix.empty() && (prefix.front() == ' ' || prefix.front() == '\t')) prefix.remove_prefix(1);
  if (prefix.empty()) return true;
  std::vector<std::string_view> ws;
  size_t i = 0;
  while (i < prefix.size()) {
    while (i < prefix.size() && (prefix[i] == ' ' || prefix[i] == '/')) ++i;
    size_t j = i;
    while (j < prefix.size() && prefix[j] != ' ' && prefix[j] != '/') ++j;
    if (j > i) ws.push_back(prefix.substr(i, j - i));
    i = j;
  }
  const char last = prefix.back();
  const bool separator = last == ':' || last == '|' || last == '-' ||
                         prefix.ends_with("\xE2\x80\x94") || prefix.ends_with("\xE2\x80\x93") ||
                         prefix.ends_with("\xC2\xB7") || prefix.ends_with("\xE2\x80\xA2");
  if (separator) return ws.size() <= 6;
  if (ws.size() > 4) return false;
  bool label = false;
  for (std::string_view w : ws) {
    while (!w.empty() && !is_alpha(w.back())) w.remove_suffix(1);
    if (w.empty()) return false;
    if (words.is_label(w)) label = true;
    else if (!words.is_particle(w)) return false;
  }
  return label;
}

}  // namespace

// Internal: also returns the byte offset of the stated text, for ingest's position mapping.
std::optional<std::pair<publication_time, size_t>> find_header_time_at(
    std::string_view text, std::string_view zone, const zone_table& zones,
    const dateline_words& words, diagnostics& out) {
  constexpr int kHeaderLines = 6;      // non-blank lines that may carry a dateline
  constexpr size_t kLineWindow = 200;  // bytes of each line searched: datelines lead their line
  int seen = 0;
  size_t ls = 0;
  while (ls < text.size() && seen < kHeaderLines) {
    size_t le = text.find('\n', ls);
    if (le == std::string_view::npos) le = text.size();
    const std::string_view line = text.substr(ls, le - ls);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      ++seen;
      reader r(line, zones, words);
      const size_t limit = std::min(line.size(), kLineWindow);
      for (size_t p = 0; p < limit; ++p) {
        const char c = line[p];
        if (!is_alpha(c) && !is_digit(c)) continue;
        if (p > 0 && (is_alpha(line[p - 1]) || is_digit(line[p - 1]))) continue;
        auto st = r.read_at(p);
        if (!st) continue;
        if (!label_prefix(line.substr(0, p), words)) break;  // a date inside prose: not a header
        const std::string_view said = line.substr(st->begin, st->end - st->begin);
        if (st->m < 1 || st->m > 12 || !st->ymd().ok()) {
          out.push_back({severity::warning, {}, position_of(text, ls + p), "header",
                         impossible(*st, said) + "; not used as the publication time"});
          break;
        }
        if (st->weekday &&
            date::weekday{date::sys_days{st->ymd()}}.c_encoding() != *st->weekday) {
          out.push_back({severity::warning, {}, position_of(text, ls + p), "header",
                         weekday_mismatch(*st, said)});
        }
        auto pub = to_publication(*st, zone);
        pub.from = published_from::header;
        pub.stated = std::string(said);
        pub.where = position_of(text, ls + p);
        return std::pair{std::move(pub), ls + p};
      }
    }
    ls = le + 1;
  }
  return std::nullopt;
}

std::optional<publication_time> find_header_time(std::string_view text, std::string_view zone,
                                                 const zone_table& zones,
                                                 const dateline_words& words, diagnostics& out) {
  if (!known_zone(zone)) return std::nullopt;
  auto r = find_header_time_at(text, zone, zones, words, out);
  if (!r) return std::nullopt;
  return std::move(r->first);
}

}  // namespace annalist::corpus
