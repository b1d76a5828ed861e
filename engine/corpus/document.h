// annalist/corpus/document.h — one article as ingestion delivers it to the later stages.
//
// Contract (fixed; later stages rely on it):
//   * `text` is valid UTF-8 in NFC. Every offset the engine reports (tags, mentions, sentences)
//     is first computed on `text`, then mapped back with `original_offset()` to a byte offset
//     into the file as it is on disk, which is what users and scorers see.
//   * `published` says what the publication time is *and where it came from*.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include "core/diagnostic.h"
#include "time/value.h"

namespace annalist::corpus {

enum class published_from : std::uint8_t { manifest, header, inferred, unknown };
std::string_view to_string(published_from p);

/// When a document was published, in its own zone.
struct publication_time {
  published_from from = published_from::unknown;
  std::optional<time::local_minutes> local;   // local date-time in `zone`; absent when unknown
  time::granularity gran = time::granularity::day;  // day (a date only) or minute
  std::string zone;                           // IANA name, e.g. "Europe/Prague"
  std::string stated;                         // the text it was read from, verbatim
  source_position where;                      // where `stated` is (manifest or document line)
  std::optional<time::interval> inferred_range;  // set when from == inferred

  /// TIMEX3 form of the publication time: "2021-05-19" or "2021-05-19T17:55"; empty if unknown.
  std::string timex() const;
};

/// [start, end) byte offsets into document::text.
struct span {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::uint32_t size() const { return end - start; }
  friend bool operator==(const span&, const span&) = default;
};

struct sentence {
  span where;
  std::uint32_t paragraph = 0;  // index into document::paragraphs
};

/// Maps byte offsets of the normalized text back to byte offsets of the original file.
/// Stored sparsely: only the points where normalization changed the length.
class offset_map {
 public:
  offset_map() = default;
  /// Records that normalized offset `norm` corresponds to original offset `orig`; calls must
  /// come in increasing order of `norm`.
  void add(std::uint32_t norm, std::uint32_t orig);
  std::uint32_t original(std::uint32_t norm) const;
  bool identity() const { return points_.empty(); }

 private:
  struct point { std::uint32_t norm, orig; };
  std::vector<point> points_;
};

struct document {
  std::string id;                 // short and unique in the corpus: the file name up to '_' or '.'
  std::string file;               // file name as the manifest (or folder listing) gives it
  std::filesystem::path path;     // where it was read from
  std::string source;             // outlet, e.g. "RFE/RL"; empty when unknown
  std::string url;
  publication_time published;
  std::string text;               // UTF-8, NFC
  offset_map offsets;             // text offsets -> original file offsets
  std::vector<span> paragraphs;
  std::vector<sentence> sentences;

  std::uint32_t original_offset(std::uint32_t text_offset) const {
    return offsets.original(text_offset);
  }
};

}  // namespace annalist::corpus
