#include "cli/timex_json.h"

#include <charconv>
#include <cstdint>
#include <cstring>

#include <nlohmann/json.hpp>

#include "text/utf8.h"
#include "time/value.h"

namespace annalist::cli {

namespace {

// A JSON string exactly as nlohmann::json::dump(-1, ' ', false, error_handler_t::replace) writes
// it (the line format predates this writer and must not change): '"' and '\\' escaped, the short
// escapes for \b \f \n \r \t, other control characters as \u00XX in lower-case hex, everything
// else (DEL, non-ASCII) as is. Written by hand because building a json object per expression
// cost more than tagging it. Ill-formed UTF-8 (possible in a file name, or in a file's own bytes
// under --repair-utf8) goes through nlohmann, whose U+FFFD replacement rules this does not repeat;
// only a string with a non-ASCII byte is checked for it, once escaped.
//
// Nearly every string needs no escape: that is checked first, eight bytes at a time (the last
// eight bytes, or a copy of a shorter string padded with 'a', in one word), and such a string
// is appended whole; the loop byte by byte only runs for the others.
void append_string(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  const std::size_t mark = out.size();
  out += '"';
  {
    constexpr std::uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    // Exact for "some byte of the eight is below 0x20, '"' or '\\'", though not for which.
    const auto special = [](std::uint64_t w) {
      const auto zero_byte = [](std::uint64_t x) { return (x - ones) & ~x & high; };
      return ((w - ones * 0x20) & ~w & high) | zero_byte(w ^ (ones * '"')) | zero_byte(w ^ (ones * '\\'));
    };
    std::uint64_t any = 0, seen = 0;
    const auto check = [&](const char* p) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      any |= special(w);
      seen |= w;
    };
    if (s.size() >= 8) {
      for (std::size_t i = 0; i + 8 <= s.size(); i += 8) check(s.data() + i);
      check(s.data() + s.size() - 8);
    } else {
      char padded[8];
      std::memset(padded, 'a', sizeof padded);
      std::memcpy(padded, s.data(), s.size());
      check(padded);
    }
    if (!any) {
      out.append(s);
      out += '"';
      if ((seen & high) && text::find_invalid_utf8(s)) {
        out.resize(mark);
        out += nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      }
      return;
    }
  }
  std::size_t plain = 0;  // start of the run of bytes not yet copied
  unsigned char seen = 0;  // every byte or-ed together: its high bit says non-ASCII
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    seen |= c;
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 0xF];
    }
  }
  out.append(s.data() + plain, s.size() - plain);
  out += '"';
  if ((seen & 0x80) && text::find_invalid_utf8(s)) {
    out.resize(mark);
    out += nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
}

void append_number(std::string& out, std::uint32_t v) {
  char buf[16];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

}  // namespace

// Keys are written with their punctuation as one literal each: fixed ASCII names that need no
// escaping.
void append_timex_json(std::string& out, std::string_view document, std::uint32_t start,
                       std::uint32_t end, std::string_view text, const resolve::timex& t) {
  out += R"({"document":)";
  append_string(out, document);
  out += R"(,"start":)";
  append_number(out, start);
  out += R"(,"end":)";
  append_number(out, end);
  out += R"(,"text":)";
  append_string(out, text);
  out += R"(,"type":)";
  append_string(out, time::to_string(t.value.type));
  out += R"(,"value":)";
  append_string(out, t.value.timex);
  out += R"(,"anchor":)";
  append_string(out, t.unresolved ? "unresolved" : time::to_string(t.anchor));
  if (!t.anchored_on.empty() && !t.unresolved) {
    out += R"(,"anchored_on":)";
    append_string(out, t.anchored_on);
  }
  out += R"(,"granularity":)";
  append_string(out, time::to_string(t.value.gran));
  if (!t.value.mod.empty()) {
    out += R"(,"mod":)";
    append_string(out, t.value.mod);
  }
  if (!t.cue.empty()) {
    out += R"(,"cue":)";
    append_string(out, t.cue);
  }
  if (t.range != 0) {
    out += R"(,"range":)";
    append_string(out, t.range == 1 ? "start" : "end");
  }
  out += R"(,"rule":)";
  append_string(out, t.rule);
  if (!t.alternatives.empty()) {
    out += R"(,"alternatives":[)";
    for (std::size_t i = 0; i < t.alternatives.size(); ++i) {
      if (i > 0) out += ',';
      append_string(out, t.alternatives[i].timex);
    }
    out += ']';
  }
  out += "}\n";
}

}  // namespace annalist::cli
