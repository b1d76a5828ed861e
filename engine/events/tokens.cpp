#include "events/tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace annalist::events {

namespace {

struct cursor {
  std::string_view s;
  // Code point at byte i, and its length; invalid bytes read as U+FFFD of length 1.
  UChar32 at(std::size_t i, int* len = nullptr) const {
    if (i >= s.size()) { if (len) *len = 0; return -1; }
    int32_t j = int32_t(i);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), j, int32_t(s.size()), c);
    if (len) *len = j - int32_t(i);
    return c < 0 ? 0xFFFD : c;
  }
};

bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }
bool is_alnum(UChar32 c) { return c >= 0 && (u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_ALPHABETIC)); }
bool is_space(UChar32 c) { return c >= 0 && (u_isUWhiteSpace(c) || c == 0x00A0 || c == 0x200B); }

}  // namespace

std::vector<token> tokenize(std::string_view text, const folder& f, std::uint32_t from,
                            std::uint32_t to) {
  if (to > text.size()) to = std::uint32_t(text.size());
  cursor cur{text.substr(0, to)};
  std::vector<token> out;
  std::size_t i = from;
  auto push = [&](std::size_t a, std::size_t b, token_kind k) {
    token t;
    t.start = std::uint32_t(a);
    t.end = std::uint32_t(b);
    t.kind = k;
    const UChar32 c = cur.at(a);
    t.capitalized = c >= 0 && u_isupper(c);
    t.fold = f.fold(text.substr(a, b - a));
    out.push_back(std::move(t));
  };
  while (i < to) {
    int len = 0;
    UChar32 c = cur.at(i, &len);
    if (is_space(c)) { i += len; continue; }
    const std::size_t start = i;
    if (is_alnum(c)) {
      const bool digit_start = u_isdigit(c);
      // Dotted abbreviation: (L.)+ with single letters, as in U.S., U.N., a.m.
      {
        std::size_t j = i;
        int n = 0;
        for (;;) {
          int l1 = 0, l2 = 0;
          UChar32 a = cur.at(j, &l1);
          if (!(a >= 0 && u_isalpha(a))) break;
          UChar32 dot = cur.at(j + l1, &l2);
          if (dot != '.') break;
          // the letter must stand alone: the one after the dot starts a new letter or ends
          j += l1 + l2;
          ++n;
          UChar32 next = cur.at(j);
          if (!(next >= 0 && u_isalpha(next))) break;
          int l3 = 0;
          cur.at(j, &l3);
          UChar32 after = cur.at(j + l3);
          if (after != '.') break;
        }
        if (n >= 2) {
          push(start, j, token_kind::word);
          i = j;
          continue;
        }
      }
      std::size_t j = i + len;
      for (;;) {
        int l = 0;
        UChar32 d = cur.at(j, &l);
        if (is_alnum(d)) { j += l; continue; }
        if (d == '-' || (digit_start && (d == ',' || d == '.' || d == ':'))) {
          int l2 = 0;
          UChar32 e = cur.at(j + l, &l2);
          if (is_alnum(e) && (d == '-' || u_isdigit(e))) { j += l + l2; continue; }
        }
        break;
      }
      // Clitics: n't, and 's 'll 've 're 'd 'm split off.
      int la = 0;
      UChar32 ap = cur.at(j, &la);
      if (is_apostrophe(ap)) {
        int lt = 0;
        UChar32 t = cur.at(j + la, &lt);
        if ((t == 't' || t == 'T') && j - start >= 2 && (text[j - 1] == 'n' || text[j - 1] == 'N') &&
            !is_alnum(cur.at(j + la + lt))) {
          push(start, j - 1, digit_start ? token_kind::number : token_kind::word);
          push(j - 1, j + la + lt, token_kind::word);
          i = j + la + lt;
          continue;
        }
      }
      push(start, j, digit_start ? token_kind::number : token_kind::word);
      i = j;
      if (is_apostrophe(ap)) {
        std::size_t k = j + la;
        while (true) {
          int l = 0;
          UChar32 d = cur.at(k, &l);
          if (d >= 0 && u_isalpha(d)) k += l; else break;
        }
        if (k > j + la && k - (j + la) <= 2) {
          push(j, k, token_kind::word);
          i = k;
        }
      }
      continue;
    }
    // Punctuation: a run of hyphens or dots is one token ("--", "...").
    std::size_t j = i + len;
    if (c == '-' || c == '.') {
      while (cur.at(j) == c) ++j;
    }
    push(start, j, token_kind::punct);
    i = j;
  }
  return out;
}

quote_mark quote_mark_of(std::string_view t) {
  if (t == "\"") return quote_mark::either;
  if (t == "\u201C" || t == "\u00AB" || t == "\u201E") return quote_mark::open;
  if (t == "\u201D" || t == "\u00BB") return quote_mark::close;
  return quote_mark::none;
}

}  // namespace annalist::events
