#include "corpus/zones.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/data_dir.h"
#include "corpus/toml_util.h"

namespace annalist::corpus {

namespace {

// "+05:30", "-04:00", "+0000", "Z"-less; minutes east of UTC.
std::optional<std::chrono::minutes> parse_offset(std::string_view s) {
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  const int sign = s[0] == '-' ? -1 : 1;
  s.remove_prefix(1);
  std::string digits;
  for (char c : s)
    if (c != ':') digits += c;
  if (digits.size() != 4 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  const int h = (digits[0] - '0') * 10 + (digits[1] - '0');
  const int m = (digits[2] - '0') * 10 + (digits[3] - '0');
  if (h > 14 || m > 59) return std::nullopt;
  return std::chrono::minutes(sign * (h * 60 + m));
}

std::string read_file(const std::filesystem::path& p, bool& ok) {
  std::ifstream in(p, std::ios::binary);
  ok = static_cast<bool>(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

zone_table zone_table::parse(std::string_view toml_text, std::string file, diagnostics& out) {
  zone_table t;
  t.file_ = file;
  auto doc = detail::parse_toml(toml_text, file, "zones", out);
  if (!doc) return t;
  detail::check_keys(*doc, {"zone"}, "the zones table", file, "zones", out);
  const auto* arr = (*doc)["zone"].as_array();
  if (!arr) {
    out.push_back(detail::error_at(file, {}, "zones", "no [[zone]] entries"));
    return t;
  }
  for (const auto& node : *arr) {
    const auto* e = node.as_table();
    if (!e) continue;
    const auto where = detail::pos(node);
    detail::check_keys(*e, {"abbr", "offset", "iana", "name", "examples"}, "a [[zone]] entry", file,
                       "zones", out);
    zone_abbreviation z;
    z.where = where;
    z.abbr = e->get_as<std::string>("abbr") ? e->get_as<std::string>("abbr")->get() : "";
    z.name = e->get_as<std::string>("name") ? e->get_as<std::string>("name")->get() : "";
    if (z.abbr.empty()) {
      out.push_back(detail::error_at(file, where, "zones", "[[zone]] entry without 'abbr'"));
      continue;
    }
    const auto* off = e->get_as<std::string>("offset");
    const auto* iana = e->get_as<std::string>("iana");
    if (off && iana) {
      out.push_back(detail::error_at(file, where, "zones",
                                     "'" + z.abbr + "' has both 'offset' and 'iana'; give one"));
      continue;
    }
    if (off) {
      z.offset = parse_offset(off->get());
      if (!z.offset) {
        out.push_back(detail::error_at(file, detail::pos(*off), "zones",
                                       "bad offset '" + off->get() + "' (expected like +05:30)"));
        continue;
      }
    } else if (iana) {
      z.iana = iana->get();
    } else {
      out.push_back(detail::error_at(file, where, "zones", "'" + z.abbr + "' needs 'offset' or 'iana'"));
      continue;
    }
    if (const auto* ex = e->get_as<toml::array>("examples")) {
      for (const auto& exn : *ex) {
        const auto* xt = exn.as_table();
        if (!xt) continue;
        detail::check_keys(*xt, {"stated", "zone", "expect"}, "an example", file, "zones", out);
        zone_abbreviation::example x;
        x.where = detail::pos(exn);
        if (auto v = xt->get_as<std::string>("stated")) x.stated = v->get();
        if (auto v = xt->get_as<std::string>("zone")) x.zone = v->get();
        if (auto v = xt->get_as<std::string>("expect")) x.expect = v->get();
        z.examples.push_back(std::move(x));
      }
    }
    if (z.examples.empty())
      out.push_back({severity::warning, file, where, "zones", "'" + z.abbr + "' has no examples"});
    t.entries_.push_back(std::move(z));
  }
  std::sort(t.entries_.begin(), t.entries_.end(),
            [](const auto& a, const auto& b) { return a.abbr < b.abbr; });
  for (std::size_t i = 1; i < t.entries_.size(); ++i)
    if (t.entries_[i].abbr == t.entries_[i - 1].abbr)
      out.push_back(detail::error_at(file, t.entries_[i].where, "zones",
                                     "'" + t.entries_[i].abbr + "' is listed twice"));
  return t;
}

zone_table zone_table::load(const std::filesystem::path& file, diagnostics& out) {
  bool ok = false;
  const std::string text = read_file(file, ok);
  if (!ok) {
    out.push_back(detail::error_at(file.string(), {}, "zones", "cannot read the zones table"));
    return {};
  }
  return parse(text, file.string(), out);
}

std::shared_ptr<const zone_table> zone_table::shipped() {
  // Immutable once built; a magic static makes the one-time load thread-safe.
  static const std::shared_ptr<const zone_table> table = [] {
    diagnostics d;
    auto t = std::make_shared<zone_table>(load(data_dir() / "lexicon/en/zones.toml", d));
    for (const auto& x : d)
      if (x.level == severity::error) throw std::runtime_error(x.to_string());
    return t;
  }();
  return table;
}

const zone_abbreviation* zone_table::find(std::string_view abbr) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), abbr,
                             [](const zone_abbreviation& z, std::string_view a) { return z.abbr < a; });
  return it != entries_.end() && it->abbr == abbr ? &*it : nullptr;
}

}  // namespace annalist::corpus
