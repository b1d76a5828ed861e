#include "corpus/timeml.h"

#include <algorithm>
#include <charconv>
#include <climits>
#include <memory>

#include <expat.h>
#include <fmt/format.h>

namespace annalist::corpus::timeml {

std::string_view attribute(const attributes& attrs, std::string_view name) {
  for (const auto& [k, v] : attrs)
    if (k == name) return v;
  return {};
}

namespace {

struct parser_deleter {
  void operator()(XML_Parser p) const { XML_ParserFree(p); }
};
using parser_ptr = std::unique_ptr<std::remove_pointer_t<XML_Parser>, parser_deleter>;

// The parse state expat's callbacks fill. Element names are tracked only as far as the reader
// needs them: whether we are inside <TEXT>, <DCT> or <DOCID>, and which TEXT elements are open.
struct state {
  std::string_view xml;
  XML_Parser parser = nullptr;
  document doc;

  int depth = 0;
  int text_depth = -1;      // depth of the <TEXT> element while inside it
  bool text_seen = false;   // only the first <TEXT> is the document's text
  int dct_depth = -1;       // depth of the <DCT> element while inside it
  int docid_depth = -1;
  bool docid_seen = false;
  bool dct_from_dct_element = false;  // a TIMEX3 inside <DCT> wins over one found elsewhere
  int dct_timex_depth = -1;           // while inside the creation-time TIMEX3 being read
  creation_time pending_dct;
  std::vector<std::size_t> open;      // indexes into doc.annotations of open TEXT elements
  std::uint32_t shift = 0;            // file offset - text offset after the last map point

  source_position here() const {
    return position_of(xml, static_cast<std::size_t>(XML_GetCurrentByteIndex(parser)));
  }
};

attributes collect(const XML_Char** atts) {
  attributes out;
  for (std::size_t i = 0; atts[i] != nullptr && atts[i + 1] != nullptr; i += 2)
    out.emplace_back(atts[i], atts[i + 1]);
  return out;
}

void on_start(void* user, const XML_Char* name_c, const XML_Char** atts) {
  auto& s = *static_cast<state*>(user);
  const std::string_view name = name_c;
  ++s.depth;
  if (s.text_depth >= 0) {
    annotation a;
    a.name = name;
    a.attrs = collect(atts);
    a.where.start = a.where.end = static_cast<std::uint32_t>(s.doc.text.size());
    a.from = s.here();
    s.open.push_back(s.doc.annotations.size());
    s.doc.annotations.push_back(std::move(a));
  } else if (name == "TEXT" && !s.text_seen) {
    s.text_depth = s.depth;
    s.text_seen = true;
    s.doc.text_from = s.here();
  } else if (name == "DCT" && s.dct_depth < 0) {
    s.dct_depth = s.depth;
  } else if (name == "DOCID" && !s.docid_seen) {
    s.docid_depth = s.depth;
    s.docid_seen = true;
  }
  // The creation time: the first TIMEX3 inside <DCT>, else (outside TEXT, or inside it as some
  // TimeML corpora do) the first TIMEX3 that says functionInDocument="CREATION_TIME".
  if (name == "TIMEX3" && s.dct_timex_depth < 0 && !s.dct_from_dct_element) {
    attributes attrs = collect(atts);
    const bool in_dct = s.dct_depth >= 0;
    if (in_dct || (!s.doc.dct && attribute(attrs, "functionInDocument") == "CREATION_TIME")) {
      s.dct_timex_depth = s.depth;
      s.dct_from_dct_element = in_dct;
      s.pending_dct = creation_time{std::move(attrs), {}, s.here()};
    }
  }
}

void on_end(void* user, const XML_Char*) {
  auto& s = *static_cast<state*>(user);
  if (s.depth == s.dct_timex_depth) {
    s.doc.dct = std::move(s.pending_dct);
    s.dct_timex_depth = -1;
  }
  if (s.depth == s.text_depth) {
    s.text_depth = -1;
  } else if (s.text_depth >= 0 && !s.open.empty()) {
    s.doc.annotations[s.open.back()].where.end = static_cast<std::uint32_t>(s.doc.text.size());
    s.open.pop_back();
  } else if (s.depth == s.dct_depth) {
    s.dct_depth = -1;
  } else if (s.depth == s.docid_depth) {
    s.docid_depth = -1;
  }
  --s.depth;
}

void on_text(void* user, const XML_Char* data, int len) {
  auto& s = *static_cast<state*>(user);
  const std::string_view chunk(data, static_cast<std::size_t>(len));
  if (s.text_depth >= 0) {
    // Points only where the text and the file stop advancing together, so the map stays sparse.
    const auto at_text = static_cast<std::uint32_t>(s.doc.text.size());
    const auto at_file = static_cast<std::uint32_t>(XML_GetCurrentByteIndex(s.parser));
    const auto raw = static_cast<std::uint32_t>(XML_GetCurrentByteCount(s.parser));
    if (at_file - at_text != s.shift) {
      s.doc.file_offsets.add(at_text, at_file);
      s.shift = at_file - at_text;
    }
    s.doc.text.append(chunk);
    if (raw != chunk.size()) {  // "&amp;" -> "&", "\r\n" -> "\n": the lengths part here
      s.doc.file_offsets.add(static_cast<std::uint32_t>(s.doc.text.size()), at_file + raw);
      s.shift = at_file + raw - static_cast<std::uint32_t>(s.doc.text.size());
    }
  }
  if (s.dct_timex_depth >= 0) s.pending_dct.content.append(chunk);
  if (s.docid_depth >= 0) s.doc.docid.append(chunk);
}

std::string trimmed(std::string_view v) {
  const auto b = v.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = v.find_last_not_of(" \t\r\n");
  return std::string(v.substr(b, e - b + 1));
}

diagnostic error_at(std::string_view file, source_position where, std::string message) {
  return diagnostic{severity::error, std::string(file), where, "timeml", std::move(message)};
}

}  // namespace

read_result read(std::string_view xml, std::string_view file, const read_options& options) {
  read_result r;
  // Offsets are 32-bit throughout the engine; XML_Parse takes an int length.
  if (xml.size() >= UINT32_MAX) {
    r.diags.push_back(error_at(file, {}, "file too large (4 GiB or more)"));
    return r;
  }
  parser_ptr parser(XML_ParserCreate("UTF-8"));
  if (!parser) throw std::bad_alloc();
  state s;
  s.xml = xml;
  s.parser = parser.get();
  XML_SetUserData(parser.get(), &s);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  // Never fetch a DTD or external entity: a TimeML file names its schema by URL.
  XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);

  constexpr std::size_t chunk = std::size_t{1} << 30;
  std::size_t done = 0;
  do {
    const std::size_t n = std::min(chunk, xml.size() - done);
    const bool last = done + n == xml.size();
    if (XML_Parse(parser.get(), xml.data() + done, static_cast<int>(n), last) != XML_STATUS_OK) {
      r.diags.push_back(error_at(
          file, s.here(),
          fmt::format("malformed XML: {}", XML_ErrorString(XML_GetErrorCode(parser.get())))));
      return r;
    }
    done += n;
  } while (done < xml.size());

  if (!s.text_seen) {
    r.diags.push_back(error_at(file, position_of(xml, xml.size()),
                               "no <TEXT> element: nothing to read"));
    return r;
  }
  if (!s.doc.dct && options.require_dct) {
    r.diags.push_back(error_at(
        file, s.doc.text_from,
        "no document creation time: expected <DCT><TIMEX3 ...> before <TEXT> (or a TIMEX3 with "
        "functionInDocument=\"CREATION_TIME\")"));
    return r;
  }
  s.doc.docid = trimmed(s.doc.docid);
  r.doc = std::move(s.doc);
  return r;
}

source_position position_in_file(const document& doc, std::string_view xml,
                                 std::uint32_t text_offset) {
  return position_of(xml, doc.file_offsets.original(text_offset));
}

std::optional<dct_time> parse_dct_value(std::string_view v) {
  const auto number = [&](std::size_t at, std::size_t len, int& out) {
    if (at + len > v.size()) return false;
    for (std::size_t i = at; i < at + len; ++i)
      if (v[i] < '0' || v[i] > '9') return false;
    std::from_chars(v.data() + at, v.data() + at + len, out);
    return true;
  };
  int y = 0, m = 0, d = 0, hh = 0, mm = 0, ss = 0;
  if (!number(0, 4, y) || v.size() < 10 || v[4] != '-' || !number(5, 2, m) || v[7] != '-' ||
      !number(8, 2, d))
    return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  const auto day = date::local_days{ymd};
  if (v.size() == 10) return dct_time{time::local_minutes{day}, time::granularity::day};
  if (v[10] != 'T' || !number(11, 2, hh) || v.size() < 16 || v[13] != ':' || !number(14, 2, mm))
    return std::nullopt;
  if (v.size() != 16 && (v.size() != 19 || v[16] != ':' || !number(17, 2, ss)))
    return std::nullopt;
  if (hh > 23 || mm > 59 || ss > 60) return std::nullopt;  // 60: a leap second
  return dct_time{time::local_minutes{day} + std::chrono::hours{hh} + std::chrono::minutes{mm},
                  time::granularity::minute};
}

}  // namespace annalist::corpus::timeml
