#include "corpus/config.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "corpus/toml_util.h"

namespace annalist::corpus {

bool apply_config(std::string_view toml_text, const std::string& file, ingest_options& options,
                  diagnostics& out) {
  auto doc = detail::parse_toml(toml_text, file, "config", out);
  if (!doc) return false;
  const toml::node* n = doc->get("corpus");
  if (!n) return true;
  const auto* t = n->as_table();
  if (!t) {
    out.push_back(detail::error_at(file, detail::pos(*n), "config", "'corpus' must be a table"));
    return false;
  }
  bool ok = detail::check_keys(*t, {"default_timezone", "repair_utf8"}, "[corpus]", file, "config", out);
  if (const toml::node* z = t->get("default_timezone")) {
    const auto* s = z->as_string();
    if (!s) {
      out.push_back(detail::error_at(file, detail::pos(*z), "config", "'default_timezone' must be a string"));
      ok = false;
    } else if (!known_zone(s->get())) {
      out.push_back(detail::error_at(file, detail::pos(*z), "config",
                                     unknown_zone_message(s->get())));
      ok = false;
    } else {
      options.default_zone = s->get();
    }
  }
  if (const toml::node* r = t->get("repair_utf8")) {
    if (const auto* b = r->as_boolean()) {
      options.repair_utf8 = b->get();
    } else {
      out.push_back(detail::error_at(file, detail::pos(*r), "config", "'repair_utf8' must be true or false"));
      ok = false;
    }
  }
  return ok;
}

bool apply_config_file(const std::filesystem::path& file, ingest_options& options,
                       diagnostics& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    out.push_back(detail::error_at(file.string(), {}, "config", "cannot read the configuration file"));
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return apply_config(ss.str(), file.string(), options, out);
}

}  // namespace annalist::corpus
