#include "corpus/dateline.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/data_dir.h"
#include "corpus/toml_util.h"

namespace annalist::corpus {

namespace {
std::string lower(std::string_view s) {
  std::string r(s);
  for (auto& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}

std::vector<std::string> words(const toml::table& t, const char* key, const std::string& file,
                               diagnostics& out) {
  std::vector<std::string> r;
  const auto* arr = t.get_as<toml::array>(key);
  if (!arr) {
    out.push_back(detail::error_at(file, {}, "dateline", std::string("missing '") + key + "' list"));
    return r;
  }
  for (const auto& n : *arr) {
    if (const auto* s = n.as_string()) r.push_back(lower(s->get()));
    else out.push_back(detail::error_at(file, detail::pos(n), "dateline", std::string("'") + key + "' holds strings only"));
  }
  std::sort(r.begin(), r.end());
  return r;
}
}  // namespace

dateline_words dateline_words::parse(std::string_view toml_text, std::string file, diagnostics& out) {
  dateline_words w;
  auto doc = detail::parse_toml(toml_text, file, "dateline", out);
  if (!doc) return w;
  detail::check_keys(*doc, {"labels", "particles", "connectors"}, "the dateline words", file,
                     "dateline", out);
  w.labels = words(*doc, "labels", file, out);
  w.particles = words(*doc, "particles", file, out);
  w.connectors = words(*doc, "connectors", file, out);
  return w;
}

dateline_words dateline_words::load(const std::filesystem::path& file, diagnostics& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    out.push_back(detail::error_at(file.string(), {}, "dateline", "cannot read the dateline words"));
    return {};
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), file.string(), out);
}

std::shared_ptr<const dateline_words> dateline_words::shipped() {
  static const std::shared_ptr<const dateline_words> words = [] {
    diagnostics d;
    auto w = std::make_shared<dateline_words>(load(data_dir() / "lexicon/en/dateline.toml", d));
    for (const auto& x : d)
      if (x.level == severity::error) throw std::runtime_error(x.to_string());
    return w;
  }();
  return words;
}

bool dateline_words::is_label(std::string_view word) const {
  return std::binary_search(labels.begin(), labels.end(), lower(word));
}
bool dateline_words::is_particle(std::string_view word) const {
  return std::binary_search(particles.begin(), particles.end(), lower(word));
}
bool dateline_words::is_connector(std::string_view word) const {
  return std::binary_search(connectors.begin(), connectors.end(), lower(word));
}

std::vector<std::string> parse_abbreviations(std::string_view toml_text, const std::string& file,
                                             diagnostics& out) {
  std::vector<std::string> r;
  auto doc = detail::parse_toml(toml_text, file, "abbreviations", out);
  if (!doc) return r;
  detail::check_keys(*doc, {"abbreviations"}, "the abbreviations list", file, "abbreviations", out);
  const auto* arr = doc->get_as<toml::array>("abbreviations");
  if (!arr) {
    out.push_back(detail::error_at(file, {}, "abbreviations", "missing 'abbreviations' list"));
    return r;
  }
  for (const auto& n : *arr) {
    const auto* s = n.as_string();
    if (!s || s->get().empty() || s->get().back() != '.') {
      out.push_back(detail::error_at(file, detail::pos(n), "abbreviations",
                                     "each abbreviation is a string ending in '.'"));
      continue;
    }
    r.push_back(s->get());
  }
  return r;
}

std::shared_ptr<const std::vector<std::string>> shipped_abbreviations() {
  static const std::shared_ptr<const std::vector<std::string>> list = [] {
    const auto file = data_dir() / "lexicon/en/abbreviations.toml";
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(file.string() + ": cannot read the abbreviations list");
    std::ostringstream ss;
    ss << in.rdbuf();
    diagnostics d;
    auto l = std::make_shared<std::vector<std::string>>(parse_abbreviations(ss.str(), file.string(), d));
    for (const auto& x : d)
      if (x.level == severity::error) throw std::runtime_error(x.to_string());
    return l;
  }();
  return list;
}

}  // namespace annalist::corpus
