// `annalist tag` through the real binary: text files go through ingestion (UTF-8 validation,
// NFC, header publication time), offsets are bytes into the file on disk, --dct is read like a
// manifest's `published`, exit codes.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_support.h"

#include "cli/timex_json.h"

namespace fs = std::filesystem;

namespace {

using annalist::test::run_result;
using annalist::test::slurp;

// A scratch folder with the given files, removed at the end of the test.
struct scratch {
  fs::path dir;
  scratch() {
    std::random_device rd;
    dir = fs::temp_directory_path() / ("annalist-tag-cli-" + std::to_string(rd()));
    fs::create_directories(dir);
  }
  ~scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  fs::path write(const std::string& name, const std::string& bytes) const {
    std::ofstream(dir / name, std::ios::binary) << bytes;
    return dir / name;
  }
  // Runs `annalist tag ARGS` in the folder (TZ and locale set to unusual values).
  run_result tag(const std::string& args) const { return annalist::test::run_cli(dir, "tag " + args, dir); }
};

std::vector<nlohmann::json> lines(const std::string& out) {
  std::vector<nlohmann::json> v;
  std::istringstream in(out);
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) v.push_back(nlohmann::json::parse(l));
  return v;
}

const nlohmann::json* find_text(const std::vector<nlohmann::json>& found, const std::string& text) {
  for (const auto& j : found)
    if (j["text"] == text) return &j;
  return nullptr;
}

// The line as nlohmann::json wrote it before cli/timex_json.cpp wrote it by hand.
std::string nlohmann_line(std::string_view document, std::uint32_t start, std::uint32_t end,
                          std::string_view text, const annalist::resolve::timex& t) {
  using annalist::time::to_string;
  nlohmann::ordered_json j;
  j["document"] = document;
  j["start"] = start;
  j["end"] = end;
  j["text"] = text;
  j["type"] = to_string(t.value.type);
  j["value"] = t.value.timex;
  j["anchor"] = t.unresolved ? "unresolved" : to_string(t.anchor);
  j["granularity"] = to_string(t.value.gran);
  if (!t.value.mod.empty()) j["mod"] = t.value.mod;
  if (!t.cue.empty()) j["cue"] = t.cue;
  if (t.range != 0) j["range"] = t.range == 1 ? "start" : "end";
  j["rule"] = t.rule;
  if (!t.alternatives.empty()) {
    auto alts = nlohmann::json::array();
    for (const auto& v : t.alternatives) alts.push_back(v.timex);
    j["alternatives"] = alts;
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tag_cli)

// The hand-written JSON line is byte for byte what nlohmann::json wrote: escapes, control
// characters, non-ASCII, ill-formed UTF-8 (replaced), optional fields.
BOOST_AUTO_TEST_CASE(json_line_is_what_nlohmann_json_wrote) {
  const std::vector<std::string> strings = {
      "", "May 18", "a \"quoted\" \\ back/slash", std::string("tab\there\nnl\r\b\f\x01\x1f\x7f", 18),
      "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80", "bad \xFF byte", "truncated \xE2\x80",
      "\xC3", "overlong \xC0\xAF end", "surrogate \xED\xA0\x80", std::string("nul\0in", 6)};
  for (const auto& s : strings) {
    annalist::resolve::timex t;
    t.text = s;
    t.value.timex = s;
    t.rule = s;
    for (int variant = 0; variant < 3; ++variant) {
      t.unresolved = variant == 1;
      t.range = static_cast<std::uint8_t>(variant);
      t.cue = variant == 2 ? s + "x" : "";
      t.value.mod = variant == 2 ? "APPROX" : "";
      t.alternatives.clear();
      if (variant == 2) t.alternatives.resize(2);
      if (variant == 2) t.alternatives[1].timex = s;
      std::string got;
      annalist::cli::append_timex_json(got, s, 7, 4000000000u, s, t);
      BOOST_TEST(got == nlohmann_line(s, 7, 4000000000u, s, t));
    }
  }
}

BOOST_AUTO_TEST_CASE(nfd_accent_before_a_date_keeps_byte_offsets_into_the_file) {
  scratch s;
  // "Café" with a combining acute accent (NFD: e + U+0301), then a date: NFC shortens the text
  // by one byte before the date, the reported offsets must still be the file's.
  const std::string text = "The Cafe\xCC\x81 Europa reopened on May 18, 2021, a day later.\n";
  s.write("nfd.txt", text);
  const auto r = s.tag("nfd.txt --dct 2021-05-19");
  BOOST_TEST(r.code == 0, r.err);
  const auto found = lines(r.out);
  const auto* d = find_text(found, "May 18, 2021");
  BOOST_REQUIRE_MESSAGE(d, r.out);
  const auto start = (*d)["start"].get<std::size_t>(), end = (*d)["end"].get<std::size_t>();
  BOOST_TEST(start == text.find("May 18"));
  BOOST_TEST(text.substr(start, end - start) == "May 18, 2021");
  BOOST_TEST((*d)["value"] == "2021-05-18");
  BOOST_TEST((*d)["document"] == "nfd.txt");
  for (const auto& j : found)
    BOOST_TEST(text.substr(j["start"].get<std::size_t>(),
                           j["end"].get<std::size_t>() - j["start"].get<std::size_t>()) ==
               j["text"].get<std::string>());
}

BOOST_AUTO_TEST_CASE(header_date_is_the_dct_when_none_is_given) {
  scratch s;
  s.write("header.txt", "Published May 25, 2021\n\nThe talks resumed yesterday in Geneva.\n");
  auto r = s.tag("header.txt");
  BOOST_TEST(r.code == 0, r.err);
  auto found = lines(r.out);
  const auto* y = find_text(found, "yesterday");
  BOOST_REQUIRE_MESSAGE(y, r.out);
  BOOST_TEST((*y)["value"] == "2021-05-24");
  BOOST_TEST((*y)["anchor"] == "publication");
  // --dct wins over the header.
  r = s.tag("header.txt --dct 2021-06-02");
  BOOST_TEST(r.code == 0, r.err);
  found = lines(r.out);
  y = find_text(found, "yesterday");
  BOOST_REQUIRE_MESSAGE(y, r.out);
  BOOST_TEST((*y)["value"] == "2021-06-01");
}

BOOST_AUTO_TEST_CASE(dct_offsets_and_zone_abbreviations_are_converted) {
  scratch s;
  s.write("a.txt", "The talks resumed yesterday.\n");
  // 23:30 EDT on May 19 is 03:30 UTC on May 20: "yesterday" is May 19 in UTC ...
  auto r = s.tag("a.txt --dct '2021-05-19 23:30 EDT'");
  BOOST_TEST(r.code == 0, r.err);
  auto found = lines(r.out);
  BOOST_REQUIRE_MESSAGE(find_text(found, "yesterday"), r.out);
  BOOST_TEST((*find_text(found, "yesterday"))["value"] == "2021-05-19");
  // ... and May 18 in New York.
  r = s.tag("a.txt --dct '2021-05-20T03:30Z' --timezone America/New_York");
  BOOST_TEST(r.code == 0, r.err);
  found = lines(r.out);
  BOOST_REQUIRE_MESSAGE(find_text(found, "yesterday"), r.out);
  BOOST_TEST((*find_text(found, "yesterday"))["value"] == "2021-05-18");
}

BOOST_AUTO_TEST_CASE(range_endpoints_say_which_they_are) {
  scratch s;
  s.write("a.txt", "The talks run May 17-19 in Geneva. They began Monday.\n");
  const auto r = s.tag("a.txt --dct 2021-05-12");
  BOOST_TEST(r.code == 0, r.err);
  const auto found = lines(r.out);
  BOOST_REQUIRE_MESSAGE(find_text(found, "May 17") && find_text(found, "19") && find_text(found, "Monday"), r.out);
  BOOST_TEST((*find_text(found, "May 17"))["range"] == "start");
  BOOST_TEST((*find_text(found, "19"))["range"] == "end");
  BOOST_TEST((*find_text(found, "19"))["value"] == "2021-05-19");
  BOOST_TEST(!find_text(found, "Monday")->contains("range"));
}

BOOST_AUTO_TEST_CASE(bad_dct_is_refused_with_exit_2) {
  scratch s;
  s.write("a.txt", "The talks resumed on Tuesday.\n");
  for (const std::string bad : {"2021-02-30", "2021-13-01", "yesterday", "2021-05-19T25:00Z"}) {
    const auto r = s.tag("a.txt --dct '" + bad + "'");
    BOOST_TEST(r.code == 2, bad);
    BOOST_TEST(r.out.empty(), bad);
    BOOST_TEST(r.err.find("--dct") != std::string::npos, r.err);
  }
  const auto r = s.tag("a.txt --dct 2021-05-19 --timezone Europe/Pragu");
  BOOST_TEST(r.code == 2);
  BOOST_TEST(r.err.find("Europe/Prague") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_file_is_reported_and_the_others_are_tagged) {
  scratch s;
  s.write("good1.txt", "The talks resumed on May 18, 2021.\n");
  s.write("bad.txt", "The talks \xFF\xFE resumed on May 18, 2021.\n");
  s.write("good2.txt", "The vote is set for June 1, 2021.\n");
  auto r = s.tag("good1.txt bad.txt good2.txt --dct 2021-05-19");
  BOOST_TEST(r.code == 0, r.err);
  BOOST_TEST(r.err.find("bad.txt:1:11") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("utf-8") != std::string::npos, r.err);
  const auto found = lines(r.out);
  bool g1 = false, g2 = false;
  for (const auto& j : found) {
    BOOST_TEST(j["document"] != "bad.txt");
    g1 = g1 || j["document"] == "good1.txt";
    g2 = g2 || j["document"] == "good2.txt";
  }
  BOOST_TEST(g1);
  BOOST_TEST(g2);
  // Nothing usable: exit 2. --repair-utf8 makes the file usable.
  r = s.tag("bad.txt missing.txt --dct 2021-05-19");
  BOOST_TEST(r.code == 2);
  BOOST_TEST(r.err.find("missing.txt") != std::string::npos, r.err);
  r = s.tag("bad.txt --dct 2021-05-19 --repair-utf8");
  BOOST_TEST(r.code == 0, r.err);
  const auto repaired = lines(r.out);
  const auto* d = find_text(repaired, "May 18, 2021");
  BOOST_REQUIRE_MESSAGE(d, r.out);
  const std::string bytes = slurp(s.dir / "bad.txt");
  BOOST_TEST((*d)["start"].get<std::size_t>() == bytes.find("May 18"));
}

BOOST_AUTO_TEST_SUITE_END()
