// TimeML in and out: corpus/timeml.h (reader) and export/timeml.h (writer).
// The snippets here are written for these tests; the TempEval-3 corpus is only read, from
// ../shared, when it is present.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "corpus/timeml.h"
#include "export/timeml.h"

#include "cli_support.h"

namespace fs = std::filesystem;
using namespace annalist;
namespace tml = annalist::corpus::timeml;
namespace out = annalist::exports::timeml;

namespace {

const std::string small =
    "<?xml version=\"1.0\" ?>\n"
    "<TimeML>\n"
    "<DOCID> WIRE20210519.0001 </DOCID>\n"
    "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2021-05-19\" temporalFunction=\"false\" "
    "functionInDocument=\"CREATION_TIME\">20210519</TIMEX3></DCT>\n"
    "<TITLE>Ministers meet</TITLE>\n"
    "<TEXT>\n"
    "The ministers <EVENT eid=\"e1\" class=\"OCCURRENCE\">met</EVENT> "
    "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2021-05-18\">Tuesday</TIMEX3> in Reykjav\xC3\xADk "
    "&amp; talked for <TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"PT2H\">two hours</TIMEX3>.\n"
    "</TEXT>\n"
    "</TimeML>\n";

using annalist::test::slurp;

std::string span_text(const tml::document& d, const tml::annotation& a) {
  return d.text.substr(a.where.start, a.where.size());
}

tml::document read_ok(const std::string& xml) {
  auto r = tml::read(xml, "x.tml");
  BOOST_TEST_REQUIRE(r.doc.has_value());
  BOOST_TEST(r.diags.empty());
  return std::move(*r.doc);
}

std::string only_error(const std::string& xml, tml::read_options opts = {}) {
  auto r = tml::read(xml, "x.tml", opts);
  BOOST_TEST(!r.doc.has_value());
  BOOST_TEST_REQUIRE(r.diags.size() == 1u);
  return r.diags[0].to_string();
}

fs::path te3_dir() { return fs::path(ANNALIST_SHARED_DIR) / "data/tempeval3/train"; }

std::vector<fs::path> te3_files() {
  std::vector<fs::path> files;
  if (!fs::exists(te3_dir())) return files;
  for (const auto& e : fs::recursive_directory_iterator(te3_dir()))
    if (e.path().extension() == ".tml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(timeml)

BOOST_AUTO_TEST_CASE(reads_dct_text_and_annotations) {
  const auto d = read_ok(small);
  BOOST_TEST(d.docid == "WIRE20210519.0001");
  BOOST_TEST_REQUIRE(d.dct.has_value());
  BOOST_TEST(d.dct->value() == "2021-05-19");
  BOOST_TEST(d.dct->content == "20210519");
  BOOST_TEST(d.dct->from == (source_position{4, 6}));
  BOOST_TEST(d.text ==
             "\nThe ministers met Tuesday in Reykjav\xC3\xADk & talked for two hours.\n");
  BOOST_TEST(d.text_from == (source_position{6, 1}));
  BOOST_TEST_REQUIRE(d.annotations.size() == 3u);
  BOOST_TEST(d.annotations[0].name == "EVENT");
  BOOST_TEST(span_text(d, d.annotations[0]) == "met");
  BOOST_TEST(span_text(d, d.annotations[1]) == "Tuesday");
  BOOST_TEST(d.annotations[1].attribute("value") == "2021-05-18");
  BOOST_TEST(d.annotations[1].from == (source_position{7, 62}));
  // Byte offsets: the two-byte "í" and the decoded "&amp;" are counted as they are in `text`.
  BOOST_TEST(d.annotations[2].where.start == 54u);
  BOOST_TEST(span_text(d, d.annotations[2]) == "two hours");
  BOOST_TEST(d.annotations[2].attrs.front().first == "tid");  // file order kept
}

BOOST_AUTO_TEST_CASE(text_offsets_map_back_to_file_positions) {
  const auto d = read_ok(small);
  const auto at = [&](std::string_view needle) {
    return tml::position_in_file(d, small, static_cast<std::uint32_t>(d.text.find(needle)));
  };
  BOOST_TEST(at("The ministers") == (source_position{7, 1}));
  BOOST_TEST(at("met") == (source_position{7, 50}));    // after <EVENT ...>
  BOOST_TEST(at("& talked") == (source_position{7, 140}));  // the '&' of "&amp;"
  BOOST_TEST(at(" talked") == (source_position{7, 145}));   // after "&amp;"
  BOOST_TEST(at("two hours") == (source_position{7, 203}));
  BOOST_TEST(tml::position_in_file(d, small, static_cast<std::uint32_t>(d.text.size())) ==
             (source_position{8, 1}));  // the end of TEXT: where </TEXT> is
  // "\r\n" is one "\n" in the text; the positions after it stay right.
  const std::string crlf = "<TimeML><DCT><TIMEX3 value=\"2021-05-19\"/></DCT><TEXT>a\r\nb &lt; c"
                           "\r\nd</TEXT></TimeML>";
  const auto e = read_ok(crlf);
  BOOST_TEST(e.text == "a\nb < c\nd");
  BOOST_TEST(tml::position_in_file(e, crlf, 2) == (source_position{2, 1}));
  BOOST_TEST(tml::position_in_file(e, crlf, 6) == (source_position{2, 8}));
  BOOST_TEST(tml::position_in_file(e, crlf, 8) == (source_position{3, 1}));
}

BOOST_AUTO_TEST_CASE(creation_time_outside_dct_element) {
  const auto d = read_ok(
      "<TimeML><TEXT><TIMEX3 tid=\"t9\" value=\"1998-03-01\" functionInDocument=\"CREATION_TIME\">"
      "March 1, 1998</TIMEX3> Quiet day.</TEXT></TimeML>");
  BOOST_TEST_REQUIRE(d.dct.has_value());
  BOOST_TEST(d.dct->value() == "1998-03-01");
  BOOST_TEST(d.annotations.size() == 1u);  // still an annotation of the text as well
}

BOOST_AUTO_TEST_CASE(dct_element_wins_over_creation_time_elsewhere) {
  const auto d = read_ok(
      "<TimeML><X><TIMEX3 value=\"1990-01-01\" functionInDocument=\"CREATION_TIME\">x</TIMEX3></X>"
      "<DCT><TIMEX3 value=\"1998-03-01\">y</TIMEX3><TIMEX3 value=\"1999-01-01\">z</TIMEX3></DCT>"
      "<TEXT>a</TEXT></TimeML>");
  BOOST_TEST(d.dct->value() == "1998-03-01");
}

BOOST_AUTO_TEST_CASE(malformed_xml_names_line_and_column) {
  BOOST_TEST(only_error("<TimeML>\n<TEXT>the <EVENT>day</TIMEX3>\n</TEXT></TimeML>") ==
             "x.tml:2:23: error: timeml: malformed XML: mismatched tag");
  BOOST_TEST(only_error("<TimeML>\n  <TEXT>caf\xC3\xA9 & co</TEXT></TimeML>") ==
             "x.tml:2:15: error: timeml: malformed XML: not well-formed (invalid token)");
  BOOST_TEST(only_error("") == "x.tml:1:1: error: timeml: malformed XML: no element found");
  BOOST_TEST(only_error("<TimeML><TEXT>x</TEXT></TimeML>junk") ==
             "x.tml:1:32: error: timeml: malformed XML: junk after document element");
}

BOOST_AUTO_TEST_CASE(missing_parts_are_errors) {
  BOOST_TEST(only_error("<TimeML>\n<DCT><TIMEX3 value=\"2021-05-19\"/></DCT>\n</TimeML>\n") ==
             "x.tml:4:1: error: timeml: no <TEXT> element: nothing to read");
  BOOST_TEST(only_error("<TimeML>\n <TEXT>x</TEXT></TimeML>") ==
             "x.tml:2:2: error: timeml: no document creation time: expected <DCT><TIMEX3 ...> "
             "before <TEXT> (or a TIMEX3 with functionInDocument=\"CREATION_TIME\")");
  auto r = tml::read("<TimeML>\n <TEXT>x</TEXT></TimeML>", "x.tml", {.require_dct = false});
  BOOST_TEST_REQUIRE(r.doc.has_value());
  BOOST_TEST(r.diags.empty());
  BOOST_TEST(!r.doc->dct.has_value());
  BOOST_TEST(r.doc->text == "x");
}

BOOST_AUTO_TEST_CASE(never_loads_external_entities) {
  // An external entity may not be fetched or expanded; expat reports its use instead.
  auto r = tml::read(
      "<!DOCTYPE TimeML [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
      "<TimeML><DCT><TIMEX3 value=\"2021-05-19\"/></DCT><TEXT>&e;</TEXT></TimeML>",
      "x.tml");
  BOOST_TEST((!r.doc || r.doc->text.find("root") == std::string::npos));
}

BOOST_AUTO_TEST_CASE(dct_values) {
  using time::granularity;
  const auto d = tml::parse_dct_value("1998-01-08");
  BOOST_TEST_REQUIRE(d.has_value());
  BOOST_TEST((d->gran == granularity::day));
  BOOST_TEST(date::format("%F %R", d->local) == "1998-01-08 00:00");
  const auto t = tml::parse_dct_value("1998-08-07T06:18:30");
  BOOST_TEST_REQUIRE(t.has_value());
  BOOST_TEST((t->gran == granularity::minute));
  BOOST_TEST(date::format("%F %R", t->local) == "1998-08-07 06:18");
  BOOST_TEST(tml::parse_dct_value("1998-08-07T23:59").has_value());
  for (const char* bad : {"", "1998", "1998-02", "1998-02-30", "1998-13-01", "98-01-08",
                          "1998-01-08T", "1998-01-08T24:00", "1998-01-08T10:60", "1998-01-08 10:00",
                          "1998-01-08T10:00:00Z", "1998-01-08TEV", "１９９８-01-08"}) {
    BOOST_TEST_CONTEXT(bad) { BOOST_TEST(!tml::parse_dct_value(bad).has_value()); }
  }
}

BOOST_AUTO_TEST_CASE(write_then_read_gives_the_same_document) {
  const auto d = read_ok(small);
  const auto w = out::write(d, "x.tml");
  BOOST_TEST(w.diags.empty());
  const auto again = read_ok(w.xml);
  BOOST_TEST(again.docid == d.docid);
  BOOST_TEST(again.dct->attrs == d.dct->attrs);
  BOOST_TEST(again.dct->content == d.dct->content);
  BOOST_TEST(again.text == d.text);
  BOOST_TEST_REQUIRE(again.annotations.size() == d.annotations.size());
  for (std::size_t i = 0; i < d.annotations.size(); ++i) {
    BOOST_TEST(again.annotations[i].name == d.annotations[i].name);
    BOOST_TEST(again.annotations[i].attrs == d.annotations[i].attrs);
    BOOST_TEST((again.annotations[i].where == d.annotations[i].where));
  }
}

BOOST_AUTO_TEST_CASE(writes_what_xml_would_otherwise_change) {
  tml::document d;
  d.dct = tml::creation_time{{{"tid", "t0"}, {"value", "2021-05-19"}}, "", {}};
  d.text = "a<b & c>d\r\n\"q\"\tend";
  tml::annotation a;
  a.name = "TIMEX3";
  a.attrs = {{"value", "say \"x\" & <y>\n"}};
  a.where = {0, 1};
  d.annotations.push_back(a);
  const auto w = out::write(d, "x.tml");
  BOOST_TEST(w.diags.empty());
  BOOST_TEST(w.xml.find("<TEXT><TIMEX3 value=\"say &quot;x&quot; &amp; &lt;y&gt;&#10;\">a</TIMEX3>"
                        "&lt;b &amp; c&gt;d&#13;\n\"q\"\tend</TEXT>") != std::string::npos);
  // An empty DCT content is written as the value, so the DCT element is never blank.
  BOOST_TEST(w.xml.find(">2021-05-19</TIMEX3></DCT>") != std::string::npos);
  const auto again = read_ok(w.xml);
  BOOST_TEST(again.text == d.text);
  BOOST_TEST(again.annotations.at(0).attrs == a.attrs);
}

BOOST_AUTO_TEST_CASE(characters_xml_cannot_carry_become_replacement_with_a_warning) {
  tml::document d;
  d.text = std::string("bell\x07 bad\xFF end");
  const auto w = out::write(d, "x.tml");
  BOOST_TEST_REQUIRE(w.diags.size() == 1u);
  BOOST_TEST(w.diags[0].to_string() ==
             "x.tml: warning: timeml: 2 character(s) that XML 1.0 cannot carry (control "
             "characters, invalid UTF-8) written as U+FFFD");
  const auto again = tml::read(w.xml, "x.tml", {.require_dct = false});
  BOOST_TEST_REQUIRE(again.doc.has_value());
  BOOST_TEST(again.doc->text == "bell\xEF\xBF\xBD bad\xEF\xBF\xBD end");
}

BOOST_AUTO_TEST_CASE(nesting_kept_crossing_and_bad_spans_left_out) {
  tml::document d;
  d.text = "from May 17 to caf\xC3\xA9 May 19";
  const auto tag = [](std::string name, std::uint32_t s, std::uint32_t e) {
    tml::annotation a;
    a.name = std::move(name);
    a.where = {s, e};
    return a;
  };
  d.annotations = {tag("TIMEX3", 5, 11), tag("TIMEX3", 0, 11), tag("SIGNAL", 9, 16),
                   tag("EVENT", 19, 20), tag("EVENT", 15, 40), tag("TIMEX3", 2, 2),
                   tag("bad name", 0, 1)};
  const auto w = out::write(d, "x.tml");
  std::vector<std::string> msgs;
  for (const auto& g : w.diags) msgs.push_back(g.message);
  BOOST_TEST(msgs == (std::vector<std::string>{
                         "'bad name' is not an XML element name; annotation left out",
                         "<SIGNAL> at bytes [9, 16) crosses <TIMEX3> at [5, 11); left out",
                         "<EVENT> at bytes [15, 40) is outside the text or splits a character; "
                         "left out",
                         "<EVENT> at bytes [19, 20) is outside the text or splits a character; "
                         "left out"}),
             boost::test_tools::per_element());
  BOOST_TEST(w.xml.find("<TEXT><TIMEX3>fr<TIMEX3/>om <TIMEX3>May 17</TIMEX3></TIMEX3> to caf") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(timex_and_event_annotations) {
  resolve::timex t;
  t.start = 3;
  t.end = 10;
  t.value = time::value::of_duration("P5Y");
  t.value.mod = "APPROX";
  // then "May 18" (from the creation time) and "a day earlier" (from May 18)
  resolve::timex may18;
  may18.value = time::value::of_day(date::year{2021} / 5 / 18);
  may18.anchor = time::anchor_kind::publication;
  may18.anchored_on = "2021-05-19";
  resolve::timex earlier;
  earlier.value = time::value::of_day(date::year{2021} / 5 / 17);
  earlier.anchor = time::anchor_kind::narrative;
  earlier.anchored_on = "2021-05-18";
  const auto all = out::timex_annotations({t, may18, earlier}, true);
  BOOST_TEST_REQUIRE(all.size() == 3u);
  const auto& a = all[0];
  BOOST_TEST(a.name == "TIMEX3");
  BOOST_TEST(a.attrs == (tml::attributes{{"tid", "t1"}, {"type", "DURATION"}, {"value", "P5Y"},
                                         {"mod", "APPROX"}, {"temporalFunction", "false"},
                                         {"functionInDocument", "NONE"}}));
  BOOST_TEST((a.where == corpus::span{3, 10}));
  BOOST_TEST(tml::attribute(all[1].attrs, "temporalFunction") == "true");
  BOOST_TEST(tml::attribute(all[1].attrs, "anchorTimeID") == "t0");
  BOOST_TEST(tml::attribute(all[2].attrs, "anchorTimeID") == "t2");
  BOOST_TEST(out::timex_annotations({may18}, false)[0].attrs.size() == 5u);  // no t0 to point at
  const auto e = out::event_annotation({1, 2}, "e1", "OCCURRENCE");
  BOOST_TEST(e.attrs == (tml::attributes{{"eid", "e1"}, {"class", "OCCURRENCE"}}));
}

BOOST_AUTO_TEST_CASE(creation_time_from_publication) {
  corpus::publication_time p;
  BOOST_TEST(!out::creation_time_of(p).has_value());
  p.local = time::local_minutes{date::local_days{date::year{2021} / 5 / 19}} +
            std::chrono::hours{17} + std::chrono::minutes{55};
  p.gran = time::granularity::minute;
  auto c = out::creation_time_of(p);
  BOOST_TEST_REQUIRE(c.has_value());
  BOOST_TEST(c->value() == "2021-05-19T17:55");
  BOOST_TEST(tml::attribute(c->attrs, "type") == "TIME");
  BOOST_TEST(tml::attribute(c->attrs, "functionInDocument") == "CREATION_TIME");
  p.gran = time::granularity::day;
  c = out::creation_time_of(p);
  BOOST_TEST(c->value() == "2021-05-19");
  BOOST_TEST(tml::attribute(c->attrs, "type") == "DATE");
}

// `annalist tag --input timeml`: the CLI end to end on files written here.
BOOST_AUTO_TEST_CASE(cli_tags_timeml_files) {
  const fs::path tmp = fs::temp_directory_path() / ("annalist_timeml_cli_" +
                                                     std::to_string(::getpid()));
  fs::create_directories(tmp / "in");
  std::ofstream(tmp / "in/good.tml", std::ios::binary) << small;
  std::ofstream(tmp / "in/bad.tml", std::ios::binary)
      << "<TimeML>\n<TEXT>the <EVENT>day</TIMEX3></TEXT></TimeML>\n";
  const std::string cmd = std::string("'") + ANNALIST_BINARY + "' tag --input timeml -o '" +
                          (tmp / "out").string() + "' '" + (tmp / "in/good.tml").string() + "' '" +
                          (tmp / "in/bad.tml").string() + "' 2> '" + (tmp / "err").string() + "'";
  const int rc = std::system(cmd.c_str());
  BOOST_TEST(WEXITSTATUS(rc) == 0);  // one bad file is reported, the rest goes on
  const std::string err = slurp(tmp / "err");
  BOOST_TEST(err.find("bad.tml:2:23: error: timeml: malformed XML: mismatched tag") !=
             std::string::npos, err);
  BOOST_TEST(!fs::exists(tmp / "out/bad.tml"));
  const auto r = tml::read(slurp(tmp / "out/good.tml"), "good.tml");
  BOOST_TEST_REQUIRE(r.doc.has_value());
  const auto in = read_ok(small);
  BOOST_TEST(r.doc->text == in.text);  // what te3score.py requires
  BOOST_TEST(r.doc->dct->attrs == in.dct->attrs);
  bool tuesday = false;
  for (const auto& a : r.doc->annotations) {
    BOOST_TEST(a.name == "TIMEX3");  // the input's EVENT and gold TIMEX3 tags are replaced
    if (span_text(*r.doc, a) == "Tuesday") tuesday = a.attribute("value") == "2021-05-18";
  }
  BOOST_TEST(tuesday);
  // Several TimeML documents cannot all go to stdout.
  const std::string two = std::string("'") + ANNALIST_BINARY + "' tag --input timeml '" +
                          (tmp / "in/good.tml").string() + "' '" + (tmp / "in/good.tml").string() +
                          "' > /dev/null 2>&1";
  BOOST_TEST(WEXITSTATUS(std::system(two.c_str())) == 2);
  fs::remove_all(tmp);
}

// Every TempEval-3 training file reads, and written back it scores 100% against itself with the
// scorer the accuracy figures come from: the writer produces what te3score.py parses.
BOOST_AUTO_TEST_CASE(tempeval3_round_trip_through_the_scorer) {
  const auto files = te3_files();
  if (files.empty()) {
    BOOST_TEST_MESSAGE("skipped: " << te3_dir() << " is absent");
    return;
  }
  const fs::path tmp = fs::temp_directory_path() / ("annalist_timeml_test_" +
                                                     std::to_string(::getpid()));
  std::size_t timexes = 0, with_dct = 0;
  for (const auto& f : files) {
    BOOST_TEST_CONTEXT(f) {
      const auto r = tml::read(slurp(f), f.string());
      BOOST_TEST_REQUIRE(r.doc.has_value());
      with_dct += r.doc->dct.has_value();
      for (const auto& a : r.doc->annotations) timexes += a.name == "TIMEX3";
      const auto w = out::write(*r.doc, f.string());
      BOOST_TEST(w.diags.empty());
      const fs::path dest = tmp / fs::relative(f, te3_dir());
      fs::create_directories(dest.parent_path());
      std::ofstream(dest, std::ios::binary) << w.xml;
    }
  }
  BOOST_TEST(files.size() == 256u);
  BOOST_TEST(with_dct == 256u);
  BOOST_TEST(timexes == 1822u);  // SOURCE.md's count of TIMEX3 inside TEXT
  const fs::path scorer = fs::path(ANNALIST_SHARED_DIR) / "tools/te3score.py";
  const fs::path report = tmp / "score.json";
  const std::string cmd = "python3 '" + scorer.string() + "' '" + te3_dir().string() + "' '" +
                          tmp.string() + "' --json > '" + report.string() + "'";
  BOOST_TEST_REQUIRE(std::system(cmd.c_str()) == 0);
  const auto j = nlohmann::json::parse(slurp(report));
  BOOST_TEST(j["overall"]["strict"]["F1"].get<double>() == 1.0);
  BOOST_TEST(j["overall"]["value"]["accuracy"].get<double>() == 1.0);
  BOOST_TEST(j["overall"]["counts"]["gold"].get<int>() == 1822);
  fs::remove_all(tmp);
}

BOOST_AUTO_TEST_SUITE_END()
