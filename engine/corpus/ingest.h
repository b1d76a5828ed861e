// annalist/corpus/ingest.h — from bytes on disk to documents the later stages can trust.
//
//     annalist::diagnostics diags;
//     auto c = annalist::corpus::load_corpus("samples/reykjavik-2021", {}, diags);
//     // c->documents[1].published.timex() == "2021-05-19T17:55", .from == published_from::manifest
//     // diags: one entry per problem, e.g. "x/003.txt:1:12: error: utf-8: invalid byte 0xff ..."
//
// `ingest` is pure (bytes in, document out). `load_document` and `load_corpus` are the thin
// wrappers that read files, like toml::parse_file wraps toml::parse. A bad document never stops
// the corpus: it is reported in `out`, listed in corpus::skipped, and the rest goes on.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "corpus/document.h"
#include "corpus/dateline.h"
#include "corpus/zones.h"

namespace annalist::corpus {

struct ingest_options {
  /// Replace invalid UTF-8 with U+FFFD (and warn) instead of skipping the document.
  bool repair_utf8 = false;
  /// Zone of documents whose manifest entry and corpus section name none (IANA name).
  std::string default_zone = "UTC";
  /// Time-zone abbreviations (lexicon/en/zones.toml). Null: the table shipped in the data
  /// folder (core/data_dir.h), loaded once.
  std::shared_ptr<const zone_table> zones;
  /// Header label words (lexicon/en/dateline.toml). Null: the shipped list, loaded once.
  std::shared_ptr<const dateline_words> dateline;
  /// Abbreviations no sentence ends after (lexicon/en/abbreviations.toml). Null: shipped list.
  std::shared_ptr<const std::vector<std::string>> abbreviations;
  /// Split paragraphs and sentences. Callers that only need the text (`annalist tag`) turn it
  /// off: ICU sentence breaking costs more than tagging itself.
  bool segment = true;
};

/// A document that could not be used, with the diagnostic that says why.
struct skipped_file {
  std::string file;
  std::string error;  // diagnostic::to_string()
};

struct corpus {
  std::string name;                   // [corpus] name, else the folder's name
  std::string zone;                   // [corpus] timezone, else ingest_options::default_zone
  std::filesystem::path dir;          // the folder documents are read from
  std::vector<document> documents;    // manifest order, else file-name order
  std::vector<skipped_file> skipped;  // in the same order
};

/// Validates UTF-8, normalizes to NFC (keeping the offset map), splits paragraphs and
/// sentences, and reads a publication time from the first lines when one is stated there.
/// `display_name` labels diagnostics; the returned document has `file` = display_name and
/// `id` derived from it. The publication time's zone is options.default_zone.
/// Returns nullopt (with an error in `out`) for empty, binary or invalid UTF-8 input.
std::optional<document> ingest(std::string bytes, std::string display_name,
                               const ingest_options& options, diagnostics& out);

/// Reads `file` and ingests it; a missing, unreadable, binary or empty file is a diagnostic.
std::optional<document> load_document(const std::filesystem::path& file,
                                      const ingest_options& options, diagnostics& out);

/// A folder (its corpus.toml if present, else every *.txt sorted by name) or a path to a
/// corpus.toml. Returns nullopt only when nothing usable remains (the CLI then exits 2).
std::optional<corpus> load_corpus(const std::filesystem::path& where,
                                  const ingest_options& options, diagnostics& out);

/// Parses a publication value as manifests and `--dct` state it:
///   "2021-05-19", "2021-05-19T17:55Z", "2021-05-19T20:05:00+08:00", "2021-05-19 17:55 GMT",
///   "May 19, 2021", "Wednesday, May 19, 2021 at 10:20 am EDT".
/// A value with an offset or zone abbreviation is converted into `zone` (an IANA name); a value
/// without one is taken as local to `zone`. Impossible dates ("2021-02-30"), unknown zones and
/// unreadable values give nullopt and a diagnostic (file and position left for the caller).
/// The result has from = manifest and stated = value.
std::optional<publication_time> parse_published(std::string_view value, std::string_view zone,
                                                diagnostics& out);
std::optional<publication_time> parse_published(std::string_view value, std::string_view zone,
                                                const zone_table& zones,
                                                const dateline_words& words, diagnostics& out);

/// Looks for a stated publication time in the first lines of `text` ("date 2021-05-19",
/// "Update: 2021-05-19 17:55 GMT", "Published May 25, 2021", "Tuesday, May 25, 2021"):
/// a full date (with its year) that opens a line or follows a short label. The result has
/// from = header, `stated` the matched text and `where` its line:column in `text`.
/// Problems found on the way (an impossible date, a weekday that contradicts its date) are
/// warnings in `out`, positioned in `text`.
std::optional<publication_time> find_header_time(std::string_view text, std::string_view zone,
                                                 const zone_table& zones,
                                                 const dateline_words& words, diagnostics& out);

/// True when `name` is an IANA zone known to the system tz database.
bool known_zone(std::string_view name);

/// "unknown time zone 'Europe/Pragu' (did you mean 'Europe/Prague'?)"
std::string unknown_zone_message(std::string_view name);

/// The document id rule: the file name up to its first '_' or '.' ("000_a33.txt" -> "000").
std::string short_id(std::string_view file_name);

}  // namespace annalist::corpus
