#include "text/segment.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/rbbi.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

namespace annalist::text {

namespace {

using u32 = std::uint32_t;

UChar32 code_point_at(std::string_view t, u32 i) {
  UChar32 c;
  std::int32_t j = static_cast<std::int32_t>(i);
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(t.data()), j, static_cast<std::int32_t>(t.size()), c);
  return c;
}

// Start of the code point that ends just before byte `i`.
u32 prev_start(std::string_view t, u32 i) {
  std::int32_t j = static_cast<std::int32_t>(i);
  UChar32 c;
  U8_PREV(reinterpret_cast<const std::uint8_t*>(t.data()), 0, j, c);
  (void)c;
  return static_cast<u32>(j);
}

u32 cp_length(std::string_view t, u32 i) {
  return static_cast<u32>(U8_LENGTH(code_point_at(t, i)));
}

bool is_space(UChar32 c) { return c >= 0 && u_isUWhiteSpace(c); }

range trim(std::string_view t, range r) {
  while (r.start < r.end && is_space(code_point_at(t, r.start))) r.start += cp_length(t, r.start);
  while (r.end > r.start) {
    const u32 p = prev_start(t, r.end);
    if (!is_space(code_point_at(t, p))) break;
    r.end = p;
  }
  return r;
}

// A UText over a slice of UTF-8 text: native indexes are byte offsets within the slice, so a
// 50 MB line is never copied to UTF-16.
struct utext_slice {
  UText* ut = nullptr;
  utext_slice(std::string_view t, range r) {
    UErrorCode status = U_ZERO_ERROR;
    ut = utext_openUTF8(nullptr, t.data() + r.start, static_cast<std::int64_t>(r.size()), &status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot open text");
  }
  ~utext_slice() { utext_close(ut); }
  utext_slice(const utext_slice&) = delete;
  utext_slice& operator=(const utext_slice&) = delete;
};

std::unique_ptr<icu::BreakIterator> make_sentences(const std::vector<std::string>& extra) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status) || !builder) throw std::runtime_error("ICU break suppression data unavailable");
  for (const auto& a : extra) builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(a), status);
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status) || !it) throw std::runtime_error("ICU break iterator data unavailable");
  std::unique_ptr<icu::BreakIterator> wrapped(builder->wrapIteratorWithFilter(it.release(), status));
  if (U_FAILURE(status) || !wrapped) throw std::runtime_error("ICU break suppression failed");
  return wrapped;
}

std::unique_ptr<icu::BreakIterator> make(bool sentence) {
  UErrorCode status = U_ZERO_ERROR;
  // "ss=standard" turns on ICU's suppression list of English abbreviations ("Mr.", "Jan.").
  std::unique_ptr<icu::BreakIterator> it(
      sentence ? icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status)
               : icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status) || !it) throw std::runtime_error("ICU break iterator data unavailable");
  return it;
}

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// The last white-space-delimited word of t[from, end), without opening brackets/quotes.
std::string_view last_word(std::string_view t, u32 from, u32 end) {
  u32 s = end;
  while (s > from && !is_space(code_point_at(t, prev_start(t, s)))) s = prev_start(t, s);
  std::string_view w = t.substr(s, end - s);
  while (!w.empty() && (w.front() == '(' || w.front() == '[' || w.front() == '"' || w.front() == '\''))
    w.remove_prefix(1);
  return w;
}

// True when a sentence may not end with `w`: an upper-case initial ("J.") or a dotted
// upper-case abbreviation ("U.S.", "U.N."). Both are far more often followed by a name
// than by a new sentence in news text, and ICU's list cannot enumerate them.
bool ends_in_abbreviation(std::string_view w) {
  if (w.size() < 2 || w.back() != '.') return false;
  if (w.size() == 2) return is_ascii_upper(w[0]);
  // (Letter '.')+ with at least one upper-case letter.
  if (w.size() % 2 != 0) return false;
  bool upper = false;
  for (std::size_t i = 0; i < w.size(); i += 2) {
    if (!is_ascii_alpha(w[i]) || w[i + 1] != '.') return false;
    upper = upper || is_ascii_upper(w[i]);
  }
  return upper;
}

// Quotations that continue into the surrounding sentence: they close with ",”" (or ',"'),
// or are followed by a lower-case word ("…?” she asked). No sentence ends inside them.
std::vector<range> embedded_quotes(std::string_view t, range r) {
  static constexpr std::string_view kOpen = "\xE2\x80\x9C", kClose = "\xE2\x80\x9D";  // “ ”
  constexpr u32 kMaxQuote = 4000;  // a runaway quote mark must not swallow a paragraph
  std::vector<range> out;
  constexpr u32 kNone = ~u32{0};
  u32 open_at = kNone;  // byte after the opening mark
  bool straight_open = false;
  for (u32 i = r.start; i < r.end;) {
    const bool curly_open = t.compare(i, 3, kOpen) == 0;
    const bool curly_close = t.compare(i, 3, kClose) == 0;
    const bool straight = t[i] == '"';
    const u32 len = (curly_open || curly_close) ? 3 : 1;
    if (curly_open || (straight && !straight_open && open_at == kNone)) {
      open_at = i + len;
      straight_open = straight;
    } else if (open_at != kNone && (curly_close || (straight && straight_open))) {
      const u32 inner_end = i;
      u32 after = i + len;
      while (after < r.end && t[after] == ' ') ++after;
      const bool comma = inner_end > open_at && t[inner_end - 1] == ',';
      const bool lower_follows = after < r.end && t[after] >= 'a' && t[after] <= 'z';
      if ((comma || lower_follows) && inner_end - open_at <= kMaxQuote)
        out.push_back({open_at, inner_end + len});
      open_at = kNone;
      straight_open = false;
    }
    i += len;
  }
  return out;
}

bool has_alnum(std::string_view t, range r) {
  for (u32 i = r.start; i < r.end; i += cp_length(t, i))
    if (u_isalnum(code_point_at(t, i))) return true;
  return false;
}

}  // namespace

std::vector<range> paragraphs(std::string_view text) {
  std::vector<range> out;
  u32 para_start = 0;
  bool in_para = false;
  u32 i = 0;
  const u32 n = static_cast<u32>(text.size());
  while (i < n) {
    const std::size_t nl = text.find('\n', i);
    const u32 line_end = nl == std::string_view::npos ? n : static_cast<u32>(nl);
    const range line = trim(text, {i, line_end});
    if (line.size() == 0) {
      if (in_para) out.push_back(trim(text, {para_start, i}));
      in_para = false;
    } else if (!in_para) {
      para_start = i;
      in_para = true;
    }
    i = line_end + 1;
  }
  if (in_para) out.push_back(trim(text, {para_start, n}));
  return out;
}

struct segmenter::impl {
  std::unique_ptr<icu::BreakIterator> sentence;
  std::unique_ptr<icu::BreakIterator> word = make(false);
};

segmenter::segmenter() : impl_(std::make_unique<impl>()) { impl_->sentence = make(true); }
segmenter::segmenter(const std::vector<std::string>& abbreviations)
    : impl_(std::make_unique<impl>()) {
  impl_->sentence = make_sentences(abbreviations);
}
segmenter::~segmenter() = default;
segmenter::segmenter(segmenter&&) noexcept = default;
segmenter& segmenter::operator=(segmenter&&) noexcept = default;

std::vector<range> segmenter::sentences(std::string_view text, range within) {
  std::vector<range> out;
  if (within.size() == 0) return out;
  utext_slice slice(text, within);
  UErrorCode status = U_ZERO_ERROR;
  impl_->sentence->setText(slice.ut, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot segment text");
  const auto quotes = embedded_quotes(text, within);
  std::size_t q = 0;

  u32 start = within.start;
  for (std::int32_t b = impl_->sentence->next(); b != icu::BreakIterator::DONE;
       b = impl_->sentence->next()) {
    const u32 at = within.start + static_cast<u32>(b);
    if (at < within.end) {
      const range so_far = trim(text, {start, at});
      while (q < quotes.size() && quotes[q].end <= so_far.end) ++q;
      const bool in_quote = q < quotes.size() && quotes[q].start < so_far.end;
      if (in_quote || ends_in_abbreviation(last_word(text, so_far.start, so_far.end))) continue;
    }
    const range s = trim(text, {start, at});
    start = at;
    if (s.size() == 0) continue;
    // A closing quote or bracket left alone after a line break belongs to the sentence before.
    if (!out.empty() && !has_alnum(text, s)) {
      out.back().end = s.end;
      continue;
    }
    out.push_back(s);
  }
  return out;
}

std::vector<token> segmenter::tokens(std::string_view text, range within) {
  std::vector<token> out;
  if (within.size() == 0) return out;
  utext_slice slice(text, within);
  UErrorCode status = U_ZERO_ERROR;
  auto& it = *impl_->word;
  it.setText(slice.ut, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU: cannot tokenize text");
  std::int32_t prev = it.first();
  for (std::int32_t b = it.next(); b != icu::BreakIterator::DONE; prev = b, b = it.next()) {
    const range r{within.start + static_cast<u32>(prev), within.start + static_cast<u32>(b)};
    const std::int32_t status_tag = it.getRuleStatus();
    token_kind kind;
    if (status_tag >= UBRK_WORD_NUMBER && status_tag < UBRK_WORD_NUMBER_LIMIT) {
      kind = token_kind::number;
    } else if (status_tag >= UBRK_WORD_LETTER && status_tag < UBRK_WORD_IDEO_LIMIT) {
      kind = token_kind::word;
    } else {
      const UChar32 c = code_point_at(text, r.start);
      if (is_space(c)) continue;
      kind = u_ispunct(c) ? token_kind::punct : token_kind::other;
    }
    out.push_back({r, kind});
  }
  return out;
}

}  // namespace annalist::text
