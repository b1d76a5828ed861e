// `annalist inspect` through the real binary: exit codes, stderr diagnostics, text and JSON
// output, and a golden file for samples/reykjavik-2021.
#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli_support.h"

namespace fs = std::filesystem;

namespace {

const fs::path kSource = ANNALIST_SOURCE_DIR;

using annalist::test::run_result;
using annalist::test::slurp;

// Runs the CLI from the source folder with arguments (already shell-quoted).
run_result cli(const std::string& args) {
  std::random_device rd;
  const fs::path tmp = fs::temp_directory_path() / ("annalist-inspect-" + std::to_string(rd()));
  fs::create_directories(tmp);
  auto r = annalist::test::run_cli(kSource, args, tmp);
  fs::remove_all(tmp);
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(inspect)

BOOST_AUTO_TEST_CASE(reykjavik_sample_matches_the_golden_text) {
  const auto r = cli("inspect samples/reykjavik-2021");
  BOOST_TEST(r.code == 0);
  BOOST_TEST(r.err.empty(), r.err);
  const fs::path golden = kSource / "tests/fixtures/corpus/golden/reykjavik-2021.inspect.txt";
  if (std::getenv("ANNALIST_UPDATE_GOLDEN")) std::ofstream(golden, std::ios::binary) << r.out;
  BOOST_TEST(r.out == slurp(golden), "differs from " << golden
                                      << " (ANNALIST_UPDATE_GOLDEN=1 rewrites it after review)");
}

BOOST_AUTO_TEST_CASE(json_lists_documents_publication_and_sentences) {
  const auto r = cli("inspect samples/reykjavik-2021 --format json");
  BOOST_REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["corpus"] == "reykjavik-2021");
  BOOST_REQUIRE(j["documents"].size() == 5u);
  const auto& d1 = j["documents"][1];
  BOOST_TEST(d1["id"] == "001");
  BOOST_TEST(d1["published"] == "2021-05-19T17:55");
  BOOST_TEST(d1["published_from"] == "manifest");
  BOOST_TEST(j["documents"][3]["published_zone"] == "Atlantic/Reykjavik");
  BOOST_TEST(j["skipped"].empty());
  // Sentence offsets are byte offsets into the file on disk: slicing the file gives the text.
  for (const auto& doc : j["documents"]) {
    const std::string file = slurp(kSource / "samples/reykjavik-2021" / doc["file"].get<std::string>());
    for (const auto& s : doc["sentences"]) {
      const auto start = s["start"].get<std::size_t>(), end = s["end"].get<std::size_t>();
      BOOST_TEST(file.substr(start, end - start) == s["text"].get<std::string>());
    }
  }
}

BOOST_AUTO_TEST_CASE(bad_documents_are_reported_and_the_rest_goes_on) {
  const auto r = cli("inspect tests/fixtures/corpus/mixed --format json");
  BOOST_TEST(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["documents"].size() == 1u);
  BOOST_TEST(j["skipped"].size() == 6u);
  BOOST_TEST(r.err.find("tests/fixtures/corpus/mixed/latin1.txt:1:8: error: utf-8: invalid UTF-8 at "
                        "byte offset 7") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("corpus.toml:29:13: error: manifest: impossible date '2021-02-30'") !=
             std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(repair_flag_keeps_invalid_utf8_documents) {
  const auto r = cli("inspect tests/fixtures/corpus/mixed --format json --repair-utf8");
  BOOST_TEST(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["documents"].size() == 2u);
  BOOST_TEST(r.err.find("warning: utf-8: replaced 1 invalid UTF-8 sequence") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(nothing_usable_exits_2) {
  for (const char* where : {"tests/fixtures/corpus/all-bad", "tests/fixtures/corpus/malformed",
                            "no/such/folder"}) {
    BOOST_TEST_CONTEXT(where) {
      const auto r = cli(std::string("inspect ") + where);
      BOOST_TEST(r.code == 2);
      BOOST_TEST(r.out.empty());
      BOOST_TEST(r.err.find(" error: ") != std::string::npos, r.err);
    }
  }
  const auto r = cli("inspect tests/fixtures/corpus/malformed");
  BOOST_TEST(r.err.starts_with("tests/fixtures/corpus/malformed/corpus.toml:5:"), r.err);
}

BOOST_AUTO_TEST_CASE(bad_usage_exits_2) {
  BOOST_TEST(cli("inspect").code == 2);
  BOOST_TEST(cli("inspect samples/reykjavik-2021 --format xml").code == 2);
  BOOST_TEST(cli("inspect samples/reykjavik-2021 --config no/such.toml").code == 2);
}

BOOST_AUTO_TEST_SUITE_END()
