#include "export/timeml.h"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

namespace annalist::exports::timeml {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the UTF-8 sequence at s[i] and its code point; 0 when it is not well formed
// (overlong, surrogate, beyond U+10FFFF or truncated).
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t n;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) { n = 2; cp = b0 & 0x1F; min = 0x80; }
  else if ((b0 & 0xF0) == 0xE0) { n = 3; cp = b0 & 0x0F; min = 0x800; }
  else if ((b0 & 0xF8) == 0xF0) { n = 4; cp = b0 & 0x07; min = 0x10000; }
  else return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

bool xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// Appends `s` escaped for element content or (in_attribute) a double-quoted attribute value.
// Returns how many characters had to be replaced by U+FFFD.
std::size_t escape_into(std::string& out, std::string_view s, bool in_attribute) {
  std::size_t replaced = 0;
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    switch (c) {
      case '&': out += "&amp;"; ++i; continue;
      case '<': out += "&lt;"; ++i; continue;
      case '>': out += "&gt;"; ++i; continue;
      case '\r': out += "&#13;"; ++i; continue;
      default: break;
    }
    if (in_attribute) {
      // Attribute-value normalization would turn these into spaces.
      if (c == '"') { out += "&quot;"; ++i; continue; }
      if (c == '\n') { out += "&#10;"; ++i; continue; }
      if (c == '\t') { out += "&#9;"; ++i; continue; }
    }
    char32_t cp = 0;
    const std::size_t n = decode(s, i, cp);
    if (n == 0 || !xml_char(cp)) {
      out += replacement;
      ++replaced;
      i += n == 0 ? 1 : n;
      continue;
    }
    out.append(s.substr(i, n));
    i += n;
  }
  return replaced;
}

// XML names as TimeML uses them; anything else cannot be written as a tag or attribute.
bool xml_name(std::string_view n) {
  if (n.empty()) return false;
  const auto first = static_cast<unsigned char>(n[0]);
  if (!(std::isalpha(first) || first == '_' || first == ':' || first >= 0x80)) return false;
  return std::all_of(n.begin(), n.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return std::isalnum(c) || c == '_' || c == ':' || c == '-' || c == '.' || c >= 0x80;
  });
}

bool char_boundary(std::string_view s, std::uint32_t at) {
  return at == s.size() || (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80);
}

struct writer {
  std::string_view file;
  std::string out;
  diagnostics diags;
  std::size_t replaced = 0;

  void warn(std::string message) {
    diags.push_back({severity::warning, std::string(file), {}, "timeml", std::move(message)});
  }

  void text(std::string_view s) { replaced += escape_into(out, s, false); }

  void start_tag(std::string_view name, const corpus::timeml::attributes& attrs) {
    out += '<';
    out += name;
    for (const auto& [k, v] : attrs) {
      if (!xml_name(k)) {
        warn(fmt::format("attribute name '{}' of <{}> is not an XML name; left out", k, name));
        continue;
      }
      out += ' ';
      out += k;
      out += "=\"";
      replaced += escape_into(out, v, true);
      out += '"';
    }
  }
};

}  // namespace

write_result write(const document& doc, std::string_view file) {
  writer w{file, {}, {}, 0};
  const std::string_view text = doc.text;
  w.out.reserve(text.size() + text.size() / 4 + 512);
  w.out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n";
  if (!doc.docid.empty()) {
    w.out += "<DOCID>";
    w.text(doc.docid);
    w.out += "</DOCID>\n\n";
  }
  if (doc.dct) {
    w.out += "<DCT>";
    w.start_tag("TIMEX3", doc.dct->attrs);
    w.out += '>';
    w.text(doc.dct->content.empty() ? doc.dct->value() : std::string_view(doc.dct->content));
    w.out += "</TIMEX3></DCT>\n\n";
  }

  // Outer spans first: by start, then longer first, then as given (a stable tie-break keeps the
  // output deterministic for identical spans).
  std::vector<std::size_t> order(doc.annotations.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = doc.annotations[a].where;
    const auto& y = doc.annotations[b].where;
    return x.start != y.start ? x.start < y.start : x.end > y.end;
  });

  w.out += "<TEXT>";
  std::uint32_t at = 0;                    // text written so far
  std::vector<const annotation*> open;     // innermost last
  const auto close_until = [&](std::uint32_t pos) {
    while (!open.empty() && open.back()->where.end <= pos) {
      w.text(text.substr(at, open.back()->where.end - at));
      at = open.back()->where.end;
      w.out += "</";
      w.out += open.back()->name;
      w.out += '>';
      open.pop_back();
    }
  };
  for (const std::size_t i : order) {
    const annotation& a = doc.annotations[i];
    const auto [start, end] = std::pair{a.where.start, a.where.end};
    if (start > end || end > text.size() || !char_boundary(text, start) ||
        !char_boundary(text, end)) {
      w.warn(fmt::format("<{}> at bytes [{}, {}) is outside the text or splits a character; left out",
                         a.name, start, end));
      continue;
    }
    if (!xml_name(a.name)) {
      w.warn(fmt::format("'{}' is not an XML element name; annotation left out", a.name));
      continue;
    }
    close_until(start);
    if (!open.empty() && open.back()->where.end < end) {
      w.warn(fmt::format("<{}> at bytes [{}, {}) crosses <{}> at [{}, {}); left out", a.name, start,
                         end, open.back()->name, open.back()->where.start, open.back()->where.end));
      continue;
    }
    w.text(text.substr(at, start - at));
    at = start;
    w.start_tag(a.name, a.attrs);
    if (start == end) {
      w.out += "/>";
    } else {
      w.out += '>';
      open.push_back(&a);
    }
  }
  close_until(static_cast<std::uint32_t>(text.size()));
  w.text(text.substr(at));
  w.out += "</TEXT>\n\n</TimeML>\n";

  if (w.replaced > 0)
    w.warn(fmt::format("{} character(s) that XML 1.0 cannot carry (control characters, invalid "
                       "UTF-8) written as U+FFFD",
                       w.replaced));
  return {std::move(w.out), std::move(w.diags)};
}

std::vector<annotation> timex_annotations(const std::vector<resolve::timex>& found, bool has_creation_time) {
  std::vector<annotation> out;
  out.reserve(found.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    const auto& t = found[i];
    annotation a;
    a.name = "TIMEX3";
    std::string type(time::to_string(t.value.type));
    std::transform(type.begin(), type.end(), type.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    a.attrs = {{"tid", fmt::format("t{}", i + 1)}, {"type", std::move(type)}, {"value", t.value.timex}};
    if (!t.value.mod.empty()) a.attrs.emplace_back("mod", t.value.mod);
    const bool relative = !t.unresolved && !t.anchored_on.empty() &&
                          (t.anchor == time::anchor_kind::publication || t.anchor == time::anchor_kind::narrative);
    a.attrs.emplace_back("temporalFunction", relative ? "true" : "false");
    a.attrs.emplace_back("functionInDocument", "NONE");
    if (relative && t.anchor == time::anchor_kind::publication && has_creation_time) {
      a.attrs.emplace_back("anchorTimeID", "t0");
    } else if (relative && t.anchor == time::anchor_kind::narrative) {
      // The narrative's date is an earlier expression's: the latest one that starts on that day.
      const std::string_view day = std::string_view(t.anchored_on).substr(0, 10);
      for (std::size_t k = i; k-- > 0;) {
        const auto& e = found[k];
        if (e.value.span && time::iso_date(e.value.span->start) == day) {
          a.attrs.emplace_back("anchorTimeID", fmt::format("t{}", k + 1));
          break;
        }
      }
    }
    a.where = {t.start, t.end};
    out.push_back(std::move(a));
  }
  return out;
}

annotation event_annotation(corpus::span where, std::string eid, std::string event_class) {
  annotation a;
  a.name = "EVENT";
  a.attrs = {{"eid", std::move(eid)}, {"class", std::move(event_class)}};
  a.where = where;
  return a;
}

std::optional<creation_time> creation_time_of(const corpus::publication_time& p) {
  if (!p.local) return std::nullopt;
  const bool timed = p.gran != time::granularity::day;
  const std::string value = timed ? date::format("%Y-%m-%dT%H:%M", *p.local)
                                  : date::format("%Y-%m-%d", date::floor<date::days>(*p.local));
  creation_time c;
  c.attrs = {{"tid", "t0"},
             {"type", timed ? "TIME" : "DATE"},
             {"value", value},
             {"temporalFunction", "false"},
             {"functionInDocument", "CREATION_TIME"}};
  c.content = value;
  return c;
}

document document_of(const corpus::document& doc, const std::vector<resolve::timex>& found) {
  document d;
  d.docid = doc.id;
  d.dct = creation_time_of(doc.published);
  d.text = doc.text;
  d.annotations = timex_annotations(found, d.dct.has_value());
  return d;
}

}  // namespace annalist::exports::timeml
