// annalist/text/segment.h — paragraphs, sentences and tokens, as byte ranges of UTF-8 text.
//
//     annalist::text::segmenter seg;
//     auto s = seg.sentences("Mr. Smith met U.S. officials on Jan. 5. They talked.", {0, 52});
//     // two sentences: [0, 40) and [41, 52)
//
// Sentences come from ICU's sentence break iterator with the English suppression list
// (locale "en@ss=standard": "Mr.", "Jan.", "U.S." ...), plus rules of our own that hold for any
// text: never after a single-letter initial ("J. R. Smith") or a dotted abbreviation
// ("U.S.", "a.m."), and not inside a quotation that goes on after a comma
// ("We came. We saw," she said.). Ranges never include the surrounding white space.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace annalist::text {

/// [start, end) bytes.
struct range {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::uint32_t size() const { return end - start; }
  friend bool operator==(const range&, const range&) = default;
};

/// Paragraphs: runs of text separated by one or more blank lines (white space only);
/// each range is trimmed of surrounding white space. Linear in the text size.
std::vector<range> paragraphs(std::string_view text);

enum class token_kind : std::uint8_t { word, number, punct, other };

struct token {
  range where;
  token_kind kind = token_kind::other;
};

/// A reusable segmenter: builds the ICU iterators once. Not thread-safe (ICU iterators keep
/// state); make one per thread.
class segmenter {
 public:
  segmenter();
  /// With abbreviations of the text's language beyond ICU's list ("Dr.", "Gov.", "Sept."),
  /// each written with its final period; no sentence ends right after one.
  explicit segmenter(const std::vector<std::string>& abbreviations);
  ~segmenter();
  segmenter(segmenter&&) noexcept;
  segmenter& operator=(segmenter&&) noexcept;

  /// Sentences of `text` within `within` (usually one paragraph), in order.
  std::vector<range> sentences(std::string_view text, range within);
  /// Words, numbers and punctuation of `text` within `within`; white space is dropped.
  std::vector<token> tokens(std::string_view text, range within);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace annalist::text
