#include "tagger/token.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace annalist::tagger {

namespace {

// Eight bytes at a time ("SWAR"): the bytes of a word are scanned and folded a machine word at
// a time; byte by byte, the end of every word was a mispredicted branch.
constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHigh = 0x8080808080808080ull;

std::uint64_t load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// The high bit of each byte of `w` that lies in [lo, hi] (ASCII bounds); bytes >= 0x80 never do.
std::uint64_t bytes_between(std::uint64_t w, unsigned char lo, unsigned char hi) {
  // Added to the low seven bits of a byte, 0x80 - lo carries into its high bit exactly when the
  // byte is >= lo, and never into the next byte.
  const std::uint64_t low7 = w & ~kHigh;
  const std::uint64_t at_least_lo = low7 + kOnes * (0x80 - lo);
  const std::uint64_t above_hi = low7 + kOnes * (0x7F - hi);
  return at_least_lo & ~above_hi & ~w & kHigh;
}

// Little-endian: the first byte in memory is the lowest. Big-endian machines take the byte loops.
constexpr bool kSwar = std::endian::native == std::endian::little;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }

// What a multi-byte UTF-8 sequence at `p` is, for the few code points that matter to tagging.
// Returns the byte length consumed and sets `as` to the ASCII character it stands for:
// ' ' for spaces, '\'' for apostrophes, '"' for quotes, '-' for dashes, '.' for the ellipsis,
// or 0 when it is an ordinary (letter-like) character.
std::size_t classify_multibyte(std::string_view s, std::size_t i, char& as) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  as = 0;
  if (b0 == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
    as = ' ';  // no-break space
    return 2;
  }
  if (b0 == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    if (b2 <= 0x8A || b2 == 0xAF) as = ' ';                  // U+2000..U+200A, U+202F
    else if (b2 >= 0x90 && b2 <= 0x95) as = '-';           // hyphens and dashes
    else if (b2 == 0x98 || b2 == 0x99 || b2 == 0xB2) as = '\'';  // ‘ ’ ′
    else if (b2 == 0x9C || b2 == 0x9D) as = '"';
    else if (b2 == 0xA6) as = '.';                          // …
    else if (b2 == 0x8B) as = ' ';                          // zero-width space
    return 3;
  }
  if (b0 >= 0xF0) return 4;
  if (b0 >= 0xE0) return 3;
  if (b0 >= 0xC0) return 2;
  return 1;  // stray continuation byte: treat as a letter byte of its own
}

struct builder {
  std::string_view text;
  tokens out;
  bool space = true, newline = false;
  // out.norm_text is written through `norm_end` into space grown ahead of it, and cut to size at
  // the end: a resize per token would zero-fill (a memset call) before every copy.
  std::size_t norm_end = 0;

  token& push(std::size_t start, std::size_t end, token_kind kind) {
    // Built in place: a local token copied in cost as much as filling it.
    token& t = out.list.emplace_back();
    t.start = static_cast<std::uint32_t>(start);
    t.end = static_cast<std::uint32_t>(end);
    t.kind = kind;
    t.space_before = space;
    t.newline_before = newline;
    t.norm_at = static_cast<std::uint32_t>(norm_end);
    space = newline = false;
    return t;
  }
  // `n` bytes of normalized text for token `t`, at the end of what is written so far.
  char* norm_space(token& t, std::size_t n) {
    if (norm_end + n + symbol_table::padding > out.norm_text.size())
      out.norm_text.resize(std::max(2 * out.norm_text.size(), norm_end + n + symbol_table::padding));
    t.norm_at = static_cast<std::uint32_t>(norm_end);
    t.norm_len = static_cast<std::uint16_t>(n > 0xFFFF ? 0xFFFF : n);
    char* d = out.norm_text.data() + norm_end;
    norm_end += n;
    return d;
  }
  void set_norm(token& t, std::string_view n) { std::memcpy(norm_space(t, n.size()), n.data(), n.size()); }
  void set_norm_lower(token& t) {
    const std::size_t n = t.end - t.start;
    char* d = norm_space(t, n);
    std::size_t k = 0;
    // Eight bytes at a time while eight can be read; the bytes written past n land in the
    // padding norm_space keeps after every form, and the next form overwrites them.
    if constexpr (kSwar)
      for (; k < n && t.start + k + 8 <= text.size(); k += 8) {
        const std::uint64_t w = load8(text.data() + t.start + k);
        const std::uint64_t folded = w | (bytes_between(w, 'A', 'Z') >> 2);  // 0x80 >> 2 == 'a' - 'A'
        std::memcpy(d + k, &folded, 8);
      }
    // Branch-free ASCII folding: whether a letter is upper case is a coin toss per word.
    for (; k < n; ++k) {
      const char c = text[t.start + k];
      d[k] = static_cast<char>(c + 32 * (static_cast<unsigned char>(c - 'A') < 26u));
    }
  }
};

// The end of the run of ASCII letters from i on (i itself when s[i] is no ASCII letter).
std::size_t letters_end(std::string_view s, std::size_t i) {
  if constexpr (kSwar)
    for (; i + 8 <= s.size(); i += 8) {
      const std::uint64_t w = load8(s.data() + i);
      const std::uint64_t letters = bytes_between(w | kOnes * 0x20, 'a', 'z');
      if (letters != kHigh) return i + std::countr_zero(~letters & kHigh) / 8;
    }
  while (i < s.size() && is_alpha(s[i])) ++i;
  return i;
}

std::size_t digit_run(std::string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && is_digit(s[j])) ++j;
  return j;
}

int to_int(std::string_view s, std::size_t a, std::size_t b) {
  int v = 0;
  for (std::size_t k = a; k < b && k < a + 9; ++k) v = v * 10 + (s[k] - '0');
  return v;
}

bool starts_with_ci(std::string_view s, std::size_t i, std::string_view p) {
  if (s.size() - i < p.size()) return false;
  for (std::size_t k = 0; k < p.size(); ++k)
    if (lower(s[i + k]) != p[k]) return false;
  return true;
}

bool is_space_at(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
  if (static_cast<unsigned char>(c) >= 0x80) {
    char as;
    classify_multibyte(s, i, as);
    return as == ' ';
  }
  return false;
}

std::size_t to_space(std::string_view s, std::size_t i) {
  while (i < s.size() && !is_space_at(s, i)) ++i;
  return i;
}

// Numbers and the numeric shapes that start with a digit.
std::size_t lex_number(builder& b, std::size_t i) {
  const std::string_view s = b.text;
  const std::size_t n = s.size();
  std::size_t j = digit_run(s, i);
  const std::size_t len = j - i;

  // ISO date: 4-2-2; year first with slashes or dots too, as East Asian outlets write it
  // ("2021/05/18", "2021.05.18"), when the month and day are possible.
  const auto year_first = [&](char sep) {
    if (sep == '-') return true;
    const int mo = to_int(s, j + 1, j + 3), d = to_int(s, j + 4, j + 6);
    return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 &&
           !(j + 7 < n && s[j + 6] == sep && is_digit(s[j + 7]));  // not "2021.05.18.3"
  };
  if (len == 4 && j + 6 <= n && (s[j] == '-' || s[j] == '/' || s[j] == '.') && is_digit(s[j + 1]) &&
      is_digit(s[j + 2]) && s[j + 3] == s[j] && is_digit(s[j + 4]) && is_digit(s[j + 5]) &&
      (j + 6 == n || !is_digit(s[j + 6])) && year_first(s[j])) {
    auto& t = b.push(i, j + 6, token_kind::isodate);
    t.num = to_int(s, i, j);
    t.num2 = to_int(s, j + 1, j + 3);
    t.num3 = to_int(s, j + 4, j + 6);
    b.set_norm(t, s.substr(i, j + 6 - i));
    return j + 6;
  }
  // Dotted date, day first: 18.05.2021, 1.5.2021 (the dotted order is day-month-year wherever
  // it is written; a four-digit year keeps version numbers and amounts out).
  if (len <= 2 && j + 1 < n && s[j] == '.' && is_digit(s[j + 1])) {
    const std::size_t k = digit_run(s, j + 1);
    if (k - (j + 1) <= 2 && k + 1 < n && s[k] == '.' && is_digit(s[k + 1])) {
      const std::size_t m = digit_run(s, k + 1);
      const bool closed = m == n || !(is_digit(s[m]) || ((s[m] == '.' || s[m] == ',') && m + 1 < n && is_digit(s[m + 1])));
      const int d = to_int(s, i, j), mo = to_int(s, j + 1, k);
      if (m - (k + 1) == 4 && closed && d >= 1 && d <= 31 && mo >= 1 && mo <= 12) {
        auto& t = b.push(i, m, token_kind::isodate);
        t.num = to_int(s, k + 1, m);
        t.num2 = mo;
        t.num3 = d;
        b.set_norm(t, s.substr(i, m - i));
        return m;
      }
    }
  }
  // A clock time with a dot, as British papers write it, when "am"/"pm" follows: "7.45pm",
  // "10.30 a.m." (without one "7.45" is an amount).
  if (len <= 2 && j + 2 < n && s[j] == '.' && is_digit(s[j + 1]) && is_digit(s[j + 2]) &&
      (j + 3 == n || !is_digit(s[j + 3]))) {
    std::size_t q = j + 3;
    if (q < n && s[q] == ' ') ++q;
    const bool ampm = q + 1 < n && (lower(s[q]) == 'a' || lower(s[q]) == 'p') &&
                      (lower(s[q + 1]) == 'm' || (s[q + 1] == '.' && q + 2 < n && lower(s[q + 2]) == 'm')) &&
                      [&] {
                        const std::size_t after = s[q + 1] == '.' ? q + 3 : q + 2;
                        return after >= n || !is_alpha(s[after]);
                      }();
    const int h = to_int(s, i, j), m = to_int(s, j + 1, j + 3);
    if (ampm && h >= 1 && h <= 12 && m <= 59) {
      auto& t = b.push(i, j + 3, token_kind::clock);
      t.num = h;
      t.num2 = m;
      b.set_norm(t, s.substr(i, j + 3 - i));
      return j + 3;
    }
  }
  // Grouped ("2,000", "1.234.567") numbers are amounts, never dates. A decimal ("3.5", one
  // point, at most four digits after it) is a token of its own, for amounts of time ("2.5 hours").
  if (j + 1 < n && (s[j] == ',' || s[j] == '.') && is_digit(s[j + 1]) && len <= 3) {
    const std::size_t k = digit_run(s, j + 1);
    if (s[j] == '.' || k - (j + 1) == 3) {
      std::size_t e = k;
      while (e + 1 < n && (s[e] == ',' || s[e] == '.') && is_digit(s[e + 1])) e = digit_run(s, e + 1);
      if (s[j] == '.' && e == k && k - (j + 1) <= 4) {
        auto& t = b.push(i, k, token_kind::decimal);
        t.num = to_int(s, i, j);
        t.num2 = to_int(s, j + 1, k);
        t.num3 = static_cast<std::int32_t>(k - (j + 1));
        b.set_norm(t, s.substr(i, k - i));
        return k;
      }
      auto& t = b.push(i, e, token_kind::skip);
      b.set_norm(t, s.substr(i, e - i));
      return e;
    }
  }
  // Clock time: H:MM or HH:MM, optional :SS.
  if (len <= 2 && j + 2 < n + 0 && s[j] == ':' && j + 2 < n && is_digit(s[j + 1]) && is_digit(s[j + 2]) &&
      (j + 3 == n || !is_digit(s[j + 3]))) {
    const int h = to_int(s, i, j), m = to_int(s, j + 1, j + 3);
    if ((h < 24 || (h == 24 && m == 0)) && m <= 59) {  // "24:00" closes a day; "24:30" is no time
      std::size_t e = j + 3;
      if (e + 2 < n && s[e] == ':' && is_digit(s[e + 1]) && is_digit(s[e + 2])) e += 3;
      auto& t = b.push(i, e, token_kind::clock);
      t.num = h;
      t.num2 = m;
      b.set_norm(t, s.substr(i, e - i));
      return e;
    }
  }
  // American numeric date with hyphens, year last: 05-18-2021 (read like 5/18/2021). Without the
  // four-digit year, "5-18" is a range or a score.
  if (len <= 2 && j + 1 < n && s[j] == '-' && is_digit(s[j + 1])) {
    const std::size_t k = digit_run(s, j + 1);
    if (k - (j + 1) <= 2 && k + 1 < n && s[k] == '-' && is_digit(s[k + 1])) {
      const std::size_t m = digit_run(s, k + 1);
      if (m - (k + 1) == 4 && (m == n || !(s[m] == '-' || s[m] == '.' || s[m] == ',') || m + 1 >= n ||
                               !is_digit(s[m + 1]))) {
        auto& t = b.push(i, m, token_kind::slashdate);
        t.num = to_int(s, i, j);
        t.num2 = to_int(s, j + 1, k);
        t.num3 = to_int(s, k + 1, m);
        b.set_norm(t, s.substr(i, m - i));
        return m;
      }
    }
  }
  // Slashed date or fraction: 5/18/2021, 5/18/21, 5/18, 1/2.
  if (len <= 2 && j + 1 < n && s[j] == '/' && is_digit(s[j + 1])) {
    const std::size_t k = digit_run(s, j + 1);
    if (k - (j + 1) <= 2) {
      auto& t = b.push(i, k, token_kind::slashdate);
      t.num = to_int(s, i, j);
      t.num2 = to_int(s, j + 1, k);
      std::size_t e = k;
      if (k + 1 < n && s[k] == '/' && is_digit(s[k + 1])) {
        const std::size_t m = digit_run(s, k + 1);
        if (m - (k + 1) == 2 || m - (k + 1) == 4) {
          t.num3 = to_int(s, k + 1, m);
          e = m;
        }
      }
      t.end = static_cast<std::uint32_t>(e);
      b.set_norm(t, s.substr(i, e - i));
      return e;
    }
  }
  // Phone numbers: 555-0100, 202-555-0100, 1-800-555-0100.
  if (len <= 4 && j + 1 < n && s[j] == '-' && is_digit(s[j + 1])) {
    const std::size_t k = digit_run(s, j + 1);
    const std::size_t len2 = k - (j + 1);
    if (len2 >= 3 && !(len == 4 && len2 == 4 && !(k < n && s[k] == '-'))) {
      std::size_t e = k;
      while (e + 1 < n && s[e] == '-' && is_digit(s[e + 1])) e = digit_run(s, e + 1);
      auto& t = b.push(i, e, token_kind::skip);
      b.set_norm(t, s.substr(i, e - i));
      return e;
    }
  }
  // Digits glued to letters.
  if (j < n && is_alpha(s[j])) {
    std::size_t k = j;
    while (k < n && is_alpha(s[k])) ++k;
    // The letters, folded to lower case without a temporary string (this runs per token).
    auto suffix_is = [&](std::string_view w) {
      if (k - j != w.size()) return false;
      for (std::size_t m = 0; m < w.size(); ++m)
        if (lower(s[j + m]) != w[m]) return false;
      return true;
    };
    if (suffix_is("st") || suffix_is("nd") || suffix_is("rd") || suffix_is("th")) {
      auto& t = b.push(i, k, token_kind::ordinal);
      t.num = to_int(s, i, j);
      b.set_norm_lower(t);
      return k;
    }
    if (suffix_is("s") && (len == 2 || len == 4) && s[j - 1] == '0') {
      auto& t = b.push(i, k, token_kind::decade);
      t.num = to_int(s, i, j);
      b.set_norm_lower(t);
      return k;
    }
    if (suffix_is("x") && k < n && is_digit(s[k])) {  // dimensions: 300x250, 16x9
      const std::size_t e = to_space(s, i);
      auto& t = b.push(i, e, token_kind::skip);
      b.set_norm(t, s.substr(i, e - i));
      return e;
    }
    // Otherwise ("10am", "5pm", "3m") the number stands alone and the letters follow.
  }
  auto& t = b.push(i, j, token_kind::number);
  t.num = len <= 9 ? to_int(s, i, j) : -1;
  t.digits = static_cast<std::uint8_t>(len > 255 ? 255 : len);
  b.set_norm(t, s.substr(i, j - i));
  return j;
}

}  // namespace

tokens tokenize(std::string_view text, const symbol_table* symbols) {
  builder b{text, {}, true, false};
  b.out.list.reserve(text.size() / 5 + 8);
  b.out.norm_text.resize(text.size() + symbol_table::padding);
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const char c = text[i];
    const auto uc = static_cast<unsigned char>(c);
    if (c == '\n') { b.space = b.newline = true; ++i; continue; }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') { b.space = true; ++i; continue; }
    if (is_digit(c)) { i = lex_number(b, i); continue; }
    if (is_alpha(c) || uc >= 0x80) {
      if (uc >= 0x80) {
        char as;
        const std::size_t len = classify_multibyte(text, i, as);
        if (as == ' ') { b.space = true; i += len; continue; }
        if (as != 0) {
          auto& t = b.push(i, i + len, token_kind::punct);
          b.set_norm(t, std::string_view(&as, 1));
          i += len;
          continue;
        }
      }
      // Only a word that starts with an h or a w can be a URL: most words are not compared.
      const char first = static_cast<char>(c | 0x20);
      if ((first == 'h' || first == 'w') &&
          (starts_with_ci(text, i, "http://") || starts_with_ci(text, i, "https://") ||
           starts_with_ci(text, i, "www."))) {
        const std::size_t e = to_space(text, i);
        auto& t = b.push(i, e, token_kind::skip);
        b.set_norm(t, "<url>");
        i = e;
        continue;
      }
      // A word: ASCII letters and non-punctuation multi-byte characters.
      std::size_t j = i;
      while ((j = letters_end(text, j)) < n && static_cast<unsigned char>(text[j]) >= 0x80) {
        char as;
        const std::size_t len = classify_multibyte(text, j, as);
        if (as != 0) break;
        j += len;
      }
      if (j < n && text[j] == '@') {  // e-mail address
        const std::size_t e = to_space(text, i);
        auto& t = b.push(i, e, token_kind::skip);
        b.set_norm(t, "<email>");
        i = e;
        continue;
      }
      auto& t = b.push(i, j, token_kind::word);
      t.capitalized = c >= 'A' && c <= 'Z';
      b.set_norm_lower(t);
      i = j;
      continue;
    }
    // ASCII punctuation, one character each; '+' before digits is an international phone number.
    if (c == '+' && i + 1 < n && is_digit(text[i + 1])) {
      std::size_t e = i + 1;
      while (e < n && (is_digit(text[e]) || text[e] == ' ' || text[e] == '-' || text[e] == '(' ||
                       text[e] == ')')) ++e;
      while (e > i && !is_digit(text[e - 1])) --e;
      auto& t = b.push(i, e, token_kind::skip);
      b.set_norm(t, "<phone>");
      i = e;
      continue;
    }
    auto& t = b.push(i, i + 1, token_kind::punct);
    const char p = c == '`' ? '\'' : c;
    b.set_norm(t, std::string_view(&p, 1));
    ++i;
  }
  // While norm_text still has its padding after the last form, for symbol_table::find_padded.
  if (symbols)
    for (auto& t : b.out.list) t.sym = symbols->find_padded(b.out.norm_text.data() + t.norm_at, t.norm_len);
  b.out.norm_text.resize(b.norm_end);
  return std::move(b.out);
}

}  // namespace annalist::tagger
