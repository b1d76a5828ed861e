// The corpus stage: publication times, header lines, zone abbreviations, manifests, bad input.
// Example articles here are written for these tests; samples/reykjavik-2021 holds the seeds.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "core/data_dir.h"
#include "corpus/config.h"
#include "corpus/ingest.h"

namespace fs = std::filesystem;
using namespace annalist;
using namespace annalist::corpus;

namespace {

const fs::path kSource = ANNALIST_SOURCE_DIR;
const fs::path kFixtures = kSource / "tests/fixtures/corpus";

std::string errors_of(const diagnostics& d) {
  std::string s;
  for (const auto& x : d) s += x.to_string() + "\n";
  return s;
}

// A fresh temporary folder, removed at the end of the test.
struct temp_dir {
  fs::path path;
  temp_dir() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("annalist-corpus-test-" + std::to_string(rd()));
    fs::create_directories(path);
  }
  ~temp_dir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
  }
};

std::optional<publication_time> header_of(const std::string& text, const std::string& zone = "UTC") {
  diagnostics d;
  return find_header_time(text, zone, *zone_table::shipped(), *dateline_words::shipped(), d);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(corpus)

// ---- publication values ----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(published_values_in_every_accepted_form) {
  struct row { const char* value; const char* zone; const char* timex; };
  const row rows[] = {
      {"2021-05-19", "Europe/Prague", "2021-05-19"},
      {"2021-05-19T17:55Z", "UTC", "2021-05-19T17:55"},
      {"2021-05-19T17:55Z", "Europe/Prague", "2021-05-19T19:55"},
      {"2021-05-19T20:05:00+08:00", "UTC", "2021-05-19T12:05"},
      {"2021-05-19T20:05:00.250+0800", "UTC", "2021-05-19T12:05"},
      {"2021-05-19 17:55 GMT", "America/New_York", "2021-05-19T13:55"},
      {"2021-05-19 17:55", "Atlantic/Reykjavik", "2021-05-19T17:55"},
      {"May 19, 2021", "UTC", "2021-05-19"},
      {"19 May 2021", "UTC", "2021-05-19"},
      {"Sept. 3, 2020", "UTC", "2020-09-03"},
      {"Wednesday, May 19, 2021 at 10:20 am", "UTC", "2021-05-19T10:20"},
      {"May 19th, 2021, 12:05 a.m. EDT", "UTC", "2021-05-19T04:05"},
      {"May 19, 2021 12:30 PM (CEST)", "UTC", "2021-05-19T10:30"},
      {"2021-03-28 01:30 GMT", "Europe/Prague", "2021-03-28T03:30"},  // across the DST change
  };
  for (const auto& r : rows) {
    BOOST_TEST_CONTEXT(r.value << " in " << r.zone) {
      diagnostics d;
      auto p = parse_published(r.value, r.zone, d);
      BOOST_REQUIRE_MESSAGE(p, errors_of(d));
      BOOST_TEST(p->timex() == r.timex);
      BOOST_TEST(p->zone == r.zone);
      BOOST_TEST(p->stated == r.value);
      BOOST_TEST((p->from == published_from::manifest));
    }
  }
}

BOOST_AUTO_TEST_CASE(impossible_dates_are_errors_not_coerced) {
  diagnostics d;
  BOOST_TEST(!parse_published("2021-02-30", "UTC", d));
  BOOST_REQUIRE(d.size() == 1u);
  BOOST_TEST(d[0].to_string() == "error: published: impossible date '2021-02-30': February 2021 has 28 days");
  d.clear();
  BOOST_TEST(!parse_published("2020-13-01", "UTC", d));
  BOOST_TEST(d.at(0).message == "impossible date '2020-13-01': there is no month 13");
  d.clear();
  BOOST_TEST(parse_published("2024-02-29", "UTC", d).has_value());  // a leap day exists
}

BOOST_AUTO_TEST_CASE(unknown_zone_is_an_error_with_a_hint) {
  diagnostics d;
  BOOST_TEST(!parse_published("2021-05-19", "Europe/Pragu", d));
  BOOST_REQUIRE(d.size() == 1u);
  BOOST_TEST(d[0].message == "unknown time zone 'Europe/Pragu' (did you mean 'Europe/Prague'?)");
  BOOST_TEST(known_zone("Atlantic/Reykjavik"));
  BOOST_TEST(!known_zone("Mars/Olympus_Mons"));
}

BOOST_AUTO_TEST_CASE(unreadable_values_say_what_is_expected) {
  for (const char* v : {"yesterday", "2021-05", "May 19", "2021-05-19 noonish", ""}) {
    BOOST_TEST_CONTEXT(v) {
      diagnostics d;
      BOOST_TEST(!parse_published(v, "UTC", d));
      BOOST_REQUIRE(d.size() == 1u);
      BOOST_TEST((d[0].level == severity::error));
    }
  }
}

BOOST_AUTO_TEST_CASE(a_weekday_that_contradicts_its_date_is_a_warning) {
  diagnostics d;
  auto p = parse_published("Tuesday, May 19, 2021", "UTC", d);
  BOOST_REQUIRE(p);
  BOOST_TEST(p->timex() == "2021-05-19");
  BOOST_REQUIRE(d.size() == 1u);
  BOOST_TEST(d[0].message == "'Tuesday, May 19, 2021': May 19, 2021 was a Wednesday, not a Tuesday");
}

// ---- the zones table: every example runs ------------------------------------------------------

BOOST_AUTO_TEST_CASE(every_zone_abbreviation_example_holds) {
  diagnostics load;
  const auto table = zone_table::load(data_dir() / "lexicon/en/zones.toml", load);
  BOOST_TEST(errors_of(load).empty(), errors_of(load));
  BOOST_TEST(table.entries().size() >= 20u);
  for (const auto& z : table.entries()) {
    BOOST_TEST(!z.examples.empty(), z.abbr << " has no examples");
    if (!z.iana.empty()) BOOST_TEST(known_zone(z.iana), z.abbr << ": " << z.iana);
    for (const auto& ex : z.examples) {
      BOOST_TEST_CONTEXT("lexicon/en/zones.toml:" << ex.where.line << " " << ex.stated) {
        diagnostics d;
        auto p = parse_published(ex.stated, ex.zone, table, *dateline_words::shipped(), d);
        BOOST_REQUIRE_MESSAGE(p, errors_of(d));
        BOOST_TEST(p->timex() == ex.expect);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(zones_table_errors_are_positioned) {
  diagnostics d;
  const auto t = zone_table::parse("[[zone]]\nabbr = \"XT\"\noffset = \"+25:00\"\nexampels = []\n",
                                   "z.toml", d);
  BOOST_TEST(t.entries().empty());
  const std::string all = errors_of(d);
  BOOST_TEST(all.find("z.toml:4:1: error: zones: unknown key 'exampels' in a [[zone]] entry "
                      "(did you mean 'examples'?)") != std::string::npos, all);
  BOOST_TEST(all.find("z.toml:3:10: error: zones: bad offset '+25:00'") != std::string::npos, all);
}

// ---- header lines ----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(header_lines_in_the_forms_scrapes_carry) {
  struct row { const char* text; const char* zone; const char* timex; const char* stated; };
  const row rows[] = {
      {"date 2021-06-02 The harbour board met.", "UTC", "2021-06-02", "2021-06-02"},
      {"Pier plan approved\n\nUpdate: 2021-06-02 08:15 GMT\n\nThe board met.", "Europe/Oslo",
       "2021-06-02T10:15", "2021-06-02 08:15 GMT"},
      {"Published May 25, 2021\nThe board met.", "UTC", "2021-05-25", "May 25, 2021"},
      {"Posted/updated on: May 25, 2021 at 10:20 am\nText.", "UTC", "2021-05-25T10:20",
       "May 25, 2021 at 10:20 am"},
      {"Tuesday, May 25, 2021\n\nText.", "UTC", "2021-05-25", "Tuesday, May 25, 2021"},
      {"By Ana Lind | 2021-05-25T08:00:00-04:00\nText.", "UTC", "2021-05-25T12:00",
       "2021-05-25T08:00:00-04:00"},
      {"Last updated: 25 May 2021, 14:02 BST\nText.", "UTC", "2021-05-25T13:02",
       "25 May 2021, 14:02 BST"},
  };
  for (const auto& r : rows) {
    BOOST_TEST_CONTEXT(r.text) {
      auto p = header_of(r.text, r.zone);
      BOOST_REQUIRE(p);
      BOOST_TEST(p->timex() == r.timex);
      BOOST_TEST(p->stated == r.stated);
      BOOST_TEST((p->from == published_from::header));
    }
  }
}

BOOST_AUTO_TEST_CASE(dates_in_the_story_are_not_headers) {
  BOOST_TEST(!header_of("On May 25, 2021, the council voted to close the pier.\n"));
  BOOST_TEST(!header_of("The council, which met on 2021-05-25, voted.\n"));
  BOOST_TEST(!header_of("Pier closes\n\nThe council voted on May 25.\n"));  // no year
  // Beyond the first six non-blank lines, a dateline is story text.
  BOOST_TEST(!header_of("a\nb\nc\nd\ne\nf\nPublished May 25, 2021\n"));
  BOOST_TEST(header_of("a\nb\nc\nd\ne\nPublished May 25, 2021\n").has_value());
}

BOOST_AUTO_TEST_CASE(header_position_and_impossible_header_dates) {
  auto p = header_of("Pier plan\n\n  Update: 2021-06-02 08:15 GMT\n");
  BOOST_REQUIRE(p);
  BOOST_TEST(p->where == (source_position{3, 11}));
  diagnostics d;
  BOOST_TEST(!find_header_time("Published February 30, 2021\n", "UTC", *zone_table::shipped(),
                               *dateline_words::shipped(), d));
  BOOST_REQUIRE(d.size() == 1u);
  BOOST_TEST(d[0].where == (source_position{1, 11}));
  BOOST_TEST(d[0].to_string() == "warning: header: impossible date 'February 30, 2021': "
                                 "February 2021 has 28 days; not used as the publication time");
}

// ---- one document ----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(ingest_rejects_empty_binary_and_invalid_text) {
  struct row { std::string bytes; std::string message; };
  const row rows[] = {
      {"", "x.txt: error: corpus: empty file: nothing to read"},
      {" \n\t\n", "x.txt: error: corpus: file holds only white space"},
      {std::string("ab\ncd\0ef", 8),
       "x.txt:2:3: error: corpus: binary file (NUL byte at byte offset 5): expected UTF-8 text"},
      {"line one\ncaf\xE9 au lait\n",
       "x.txt:2:4: error: utf-8: invalid UTF-8 at byte offset 12: truncated sequence 0xe9 "
       "(--repair-utf8 replaces invalid bytes with U+FFFD)"},
  };
  for (const auto& r : rows) {
    BOOST_TEST_CONTEXT(r.message) {
      diagnostics d;
      BOOST_TEST(!ingest(r.bytes, "x.txt", {}, d));
      BOOST_REQUIRE(d.size() == 1u);
      BOOST_TEST(d[0].to_string() == r.message);
    }
  }
}

BOOST_AUTO_TEST_CASE(repair_utf8_keeps_the_document_and_warns) {
  diagnostics d;
  ingest_options o;
  o.repair_utf8 = true;
  const std::string bytes = "The caf\xE9 reopened. The pier did not.\n";
  auto doc = ingest(bytes, "x.txt", o, d);
  BOOST_REQUIRE(doc);
  BOOST_REQUIRE(d.size() == 1u);
  BOOST_TEST(d[0].to_string() == "x.txt:1:8: warning: utf-8: replaced 1 invalid UTF-8 sequence with "
                                 "U+FFFD (first at byte offset 7: truncated sequence 0xe9)");
  BOOST_TEST(doc->text.find("caf\xEF\xBF\xBD") != std::string::npos);
  BOOST_REQUIRE(doc->sentences.size() == 2u);
  // The second sentence starts at "The pier" in the file as it is on disk.
  BOOST_TEST(doc->original_offset(doc->sentences[1].where.start) == bytes.find("The pier"));
  BOOST_TEST(doc->original_offset(doc->sentences[1].where.end) == bytes.find("not.") + 4);
}

BOOST_AUTO_TEST_CASE(nfc_and_byte_order_mark_keep_offsets_into_the_file) {
  // A BOM, then a decomposed "i\u0301": the text is NFC, offsets still point into the file.
  const std::string bytes = "\xEF\xBB\xBFReykjavi\xCC\x81k hosts it. Talks start at noon.";
  diagnostics d;
  auto doc = ingest(bytes, "x.txt", {}, d);
  BOOST_REQUIRE(doc);
  BOOST_TEST(doc->text.starts_with("Reykjav\xC3\xADk"));
  BOOST_REQUIRE(doc->sentences.size() == 2u);
  BOOST_TEST(doc->original_offset(doc->sentences[0].where.start) == 3u);
  BOOST_TEST(doc->original_offset(doc->sentences[1].where.start) == bytes.find("Talks"));
  BOOST_TEST(doc->original_offset(doc->sentences[1].where.end) == bytes.size());
}

BOOST_AUTO_TEST_CASE(a_header_runs_into_the_story_on_one_line) {
  diagnostics d;
  auto doc = ingest("date 2021-06-02 U.S. officials met. They agreed.", "a_1.txt", {}, d);
  BOOST_REQUIRE(doc);
  BOOST_TEST(doc->id == "a");
  BOOST_TEST(doc->published.timex() == "2021-06-02");
  BOOST_REQUIRE(doc->sentences.size() == 3u);
  const auto& s = doc->sentences[1].where;
  BOOST_TEST(doc->text.substr(s.start, s.size()) == "U.S. officials met.");
}

BOOST_AUTO_TEST_CASE(ingest_uses_the_shipped_abbreviations) {
  diagnostics d;
  auto doc = ingest("Dr. Lind and Gov. Ames met on Sept. 3 at the St. Olaf pier. They left.", "x.txt", {}, d);
  BOOST_REQUIRE(doc);
  BOOST_TEST(doc->sentences.size() == 2u);
}

BOOST_AUTO_TEST_CASE(short_ids) {
  BOOST_TEST(short_id("000_a33.txt") == "000");
  BOOST_TEST(short_id("report.2021.txt") == "report");
  BOOST_TEST(short_id("_x.txt") == "_x.txt");
  BOOST_TEST(short_id("plain") == "plain");
}

// ---- corpora ---------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(the_reykjavik_sample_loads_with_its_manifest) {
  diagnostics d;
  auto c = load_corpus(kSource / "samples/reykjavik-2021", {}, d);
  BOOST_REQUIRE_MESSAGE(c, errors_of(d));
  BOOST_TEST(errors_of(d).empty(), errors_of(d));
  BOOST_TEST(c->name == "reykjavik-2021");
  BOOST_REQUIRE(c->documents.size() == 5u);
  struct row { const char* id; const char* source; const char* timex; const char* zone; };
  const row want[] = {{"000", "RFE/RL", "2021-05-19", "Europe/Prague"},
                      {"001", "", "2021-05-19T17:55", "UTC"},
                      {"002", "RFE/RL", "2021-05-19", "Europe/Prague"},
                      {"003", "News from Iceland", "2021-05-18", "Atlantic/Reykjavik"},
                      {"004", "NPR", "2021-05-19", "America/New_York"}};
  for (std::size_t i = 0; i < 5; ++i) {
    const auto& doc = c->documents[i];
    BOOST_TEST_CONTEXT(doc.file) {
      BOOST_TEST(doc.id == want[i].id);
      BOOST_TEST(doc.source == want[i].source);
      BOOST_TEST(doc.published.timex() == want[i].timex);
      BOOST_TEST(doc.published.zone == want[i].zone);
      BOOST_TEST((doc.published.from == published_from::manifest));
      BOOST_TEST(doc.published.where.line > 0u);
      BOOST_TEST(!doc.sentences.empty());
      // "U.S." never ends a sentence in these articles, and every sentence maps into the file.
      for (const auto& s : doc.sentences) {
        const auto text = std::string_view(doc.text).substr(s.where.start, s.where.size());
        BOOST_TEST(!text.ends_with("U.S."), text);
        BOOST_TEST(!text.starts_with("S."), text);
        BOOST_TEST(doc.original_offset(s.where.end) <= fs::file_size(doc.path));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(without_a_manifest_headers_give_the_publication_time) {
  temp_dir t;
  for (const auto& e : fs::directory_iterator(kSource / "samples/reykjavik-2021"))
    if (e.path().extension() == ".txt") fs::copy_file(e.path(), t.path / e.path().filename());
  diagnostics d;
  auto c = load_corpus(t.path, {}, d);
  BOOST_REQUIRE(c);
  BOOST_REQUIRE(c->documents.size() == 5u);
  BOOST_TEST(c->documents[0].published.timex() == "2021-05-19");
  BOOST_TEST((c->documents[0].published.from == published_from::header));
  BOOST_TEST(c->documents[0].published.where == (source_position{1, 7}));
  BOOST_TEST(c->documents[1].published.timex() == "2021-05-19T17:55");
  BOOST_TEST(c->documents[1].published.stated == "2021-05-19 17:55 GMT");
  BOOST_TEST(c->documents[1].published.where == (source_position{3, 9}));
  for (std::size_t i = 2; i < 5; ++i)
    BOOST_TEST((c->documents[i].published.from == published_from::unknown));
}

BOOST_AUTO_TEST_CASE(missing_folder_and_missing_file) {
  diagnostics d;
  BOOST_TEST(!load_corpus("/nonexistent/corpus", {}, d));
  BOOST_TEST(errors_of(d) == "/nonexistent/corpus: error: corpus: no such file or folder\n");
  d.clear();
  BOOST_TEST(!load_document("/nonexistent/a.txt", {}, d));
  BOOST_TEST(errors_of(d) == "/nonexistent/a.txt: error: corpus: no such file\n");
}

BOOST_AUTO_TEST_CASE(malformed_manifest_names_line_and_column) {
  diagnostics d;
  BOOST_TEST(!load_corpus(kFixtures / "malformed", {}, d));
  BOOST_REQUIRE(!d.empty());
  const auto& e = d[0];
  BOOST_TEST(e.file == (kFixtures / "malformed/corpus.toml").string());
  BOOST_TEST(e.where.line == 5u);
  BOOST_TEST(e.message.starts_with("malformed TOML: "), e.message);
}

BOOST_AUTO_TEST_CASE(unknown_key_is_named_with_a_hint_and_the_rest_goes_on) {
  diagnostics d;
  auto c = load_corpus(kFixtures / "unknown-key", {}, d);
  BOOST_REQUIRE(c);
  BOOST_REQUIRE(c->documents.size() == 1u);
  BOOST_TEST(c->documents[0].file == "b.txt");
  BOOST_REQUIRE(c->skipped.size() == 1u);
  const std::string want = (kFixtures / "unknown-key/corpus.toml").string() +
                           ":6:1: error: manifest: unknown key 'publised' in [[document]] "
                           "(did you mean 'published'?)";
  BOOST_TEST(c->skipped[0].error == want);
  BOOST_TEST(errors_of(d) == want + "\n");
}

BOOST_AUTO_TEST_CASE(each_bad_document_is_reported_and_the_good_one_comes_through) {
  diagnostics d;
  auto c = load_corpus(kFixtures / "mixed", {}, d);
  BOOST_REQUIRE(c);
  BOOST_REQUIRE(c->documents.size() == 1u);
  const auto& good = c->documents[0];
  BOOST_TEST(good.source == "Harbour Gazette");
  BOOST_TEST(good.published.timex() == "2021-03-04T09:30");  // +01:00 is Oslo's winter offset
  BOOST_TEST(good.published.zone == "Europe/Oslo");
  const std::string dir = (kFixtures / "mixed").string();
  const std::string m = dir + "/corpus.toml";
  const std::vector<std::pair<std::string, std::string>> want = {
      {"missing.txt", m + ":12:8: error: manifest: 'missing.txt' does not exist in " + dir},
      {"empty.txt", dir + "/empty.txt: error: corpus: empty file: nothing to read"},
      {"binary.txt", dir + "/binary.txt:1:5: error: corpus: binary file (NUL byte at byte offset 4): "
                           "expected UTF-8 text"},
      {"latin1.txt", dir + "/latin1.txt:1:8: error: utf-8: invalid UTF-8 at byte offset 7: "
                           "truncated sequence 0xe9 (--repair-utf8 replaces invalid bytes with U+FFFD)"},
      {"zone.txt", m + ":25:12: error: manifest: unknown time zone 'Europe/Oslp' "
                       "(did you mean 'Europe/Oslo'?)"},
      {"date.txt", m + ":29:13: error: manifest: impossible date '2021-02-30': February 2021 has 28 days"},
  };
  BOOST_REQUIRE(c->skipped.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    BOOST_TEST(c->skipped[i].file == want[i].first);
    BOOST_TEST(c->skipped[i].error == want[i].second);
  }
  BOOST_TEST(d.size() == want.size(), errors_of(d));
}

BOOST_AUTO_TEST_CASE(nothing_usable_is_an_error) {
  diagnostics d;
  BOOST_TEST(!load_corpus(kFixtures / "all-bad", {}, d));
  BOOST_REQUIRE(d.size() == 3u);
  BOOST_TEST(d[2].message == "nothing usable: all 2 documents were skipped");
}

BOOST_AUTO_TEST_CASE(duplicate_short_ids_fall_back_to_the_stem) {
  temp_dir t;
  t.write("a_1.txt", "First pier.\n");
  t.write("a_2.txt", "Second pier.\n");
  t.write("b_1.txt", "Third pier.\n");
  diagnostics d;
  auto c = load_corpus(t.path, {}, d);
  BOOST_REQUIRE(c);
  BOOST_REQUIRE(c->documents.size() == 3u);
  BOOST_TEST(c->documents[0].id == "a_1");
  BOOST_TEST(c->documents[1].id == "a_2");
  BOOST_TEST(c->documents[2].id == "b");
}

BOOST_AUTO_TEST_CASE(a_50_megabyte_single_line_file_is_ingested) {
  temp_dir t;
  {
    std::ofstream out(t.path / "big.txt", std::ios::binary);
    const std::string unit = "Ferries left the harbour at dawn on Tuesday and came back late. ";
    for (std::size_t n = 0; n < 50'000'000; n += unit.size()) out << unit;
  }
  const auto started = std::chrono::steady_clock::now();
  diagnostics d;
  auto doc = load_document(t.path / "big.txt", {}, d);
  const auto took = std::chrono::steady_clock::now() - started;
  BOOST_REQUIRE_MESSAGE(doc, errors_of(d));
  BOOST_TEST(doc->paragraphs.size() == 1u);
  BOOST_TEST(doc->sentences.size() > 700'000u);
  BOOST_TEST(doc->offsets.identity());
  BOOST_TEST_MESSAGE("50 MB single line ingested in "
                     << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms");
  // Linear work takes seconds; anything quadratic would take hours.
  BOOST_TEST(took < std::chrono::seconds(120));
}

BOOST_AUTO_TEST_CASE(config_sets_the_default_zone_and_rejects_typos) {
  ingest_options o;
  diagnostics d;
  BOOST_TEST(apply_config("[corpus]\ndefault_timezone = \"Asia/Tokyo\"\n[merge]\nx = 1\n", "c.toml", o, d));
  BOOST_TEST(o.default_zone == "Asia/Tokyo");
  BOOST_TEST(!apply_config("[corpus]\ndefault_timzone = \"UTC\"\n", "c.toml", o, d));
  BOOST_TEST(d.at(0).to_string() == "c.toml:2:1: error: config: unknown key 'default_timzone' in "
                                    "[corpus] (did you mean 'default_timezone'?)");
  d.clear();
  BOOST_TEST(!apply_config("[corpus]\ndefault_timezone = \"Asia/Tokio\"\n", "c.toml", o, d));
  BOOST_TEST(d.at(0).to_string() == "c.toml:2:20: error: config: unknown time zone 'Asia/Tokio' "
                                    "(did you mean 'Asia/Tokyo'?)");
  diagnostics shipped;
  ingest_options o2;
  BOOST_TEST(apply_config_file(data_dir() / "config/default.toml", o2, shipped), errors_of(shipped));
}

BOOST_AUTO_TEST_SUITE_END()
