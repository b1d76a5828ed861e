#include "merge/options.h"

#include <fmt/format.h>
#include <toml++/toml.h>

namespace annalist::merge {

bool options::apply(std::string_view toml_text, const std::string& file, options& o,
                    diagnostics& out) {
  toml::table root;
  try {
    root = toml::parse(toml_text, file);
  } catch (const toml::parse_error& e) {
    out.push_back({severity::error, file, {e.source().begin.line, e.source().begin.column}, "config",
                   std::string(e.description())});
    return false;
  }
  const toml::node* section = root.get("merge");
  if (!section) return true;
  const toml::table* t = section->as_table();
  if (!t) {
    out.push_back({severity::error, file, {section->source().begin.line, section->source().begin.column},
                   "config", "[merge] must be a table"});
    return false;
  }
  struct real_key { const char* name; double* value; double lo, hi; };
  struct int_key { const char* name; int* value; int lo, hi; };
  const real_key reals[] = {
      {"weight_actor", &o.weight_actor, 0, 100},     {"weight_place", &o.weight_place, 0, 100},
      {"weight_quote", &o.weight_quote, 0, 100},     {"weight_lexical", &o.weight_lexical, 0, 100},
      {"merge_threshold", &o.merge_threshold, 0, 1000},
      {"join_threshold", &o.join_threshold, 0, 1000},
      {"undated_lexical", &o.undated_lexical, 0, 1},
      {"quote_same", &o.quote_same, 0, 1},           {"quote_veto", &o.quote_veto, 0, 1},
      {"subday_support", &o.subday_support, 0, 1}};
  const int_key ints[] = {{"conflict_window_days", &o.conflict_window_days, 0, 3660},
                          {"undated_actors", &o.undated_actors, 1, 100},
                          {"undated_window_days", &o.undated_window_days, 0, 36600},
                          {"title_max", &o.title_max, 20, 1000}};
  bool ok = true;
  std::vector<std::string> names;
  for (const auto& k : reals) names.emplace_back(k.name);
  for (const auto& k : ints) names.emplace_back(k.name);
  for (const auto& [key, node] : *t) {
    const source_position where{node.source().begin.line, node.source().begin.column};
    auto fail = [&](std::string msg) {
      out.push_back({severity::error, file, where, "config", std::move(msg)});
      ok = false;
    };
    bool known = false;
    for (const auto& k : reals) {
      if (key.str() != k.name) continue;
      known = true;
      auto v = node.value<double>();  // integers convert too
      if (!v) fail(fmt::format("[merge] {} must be a number", k.name));
      else if (*v < k.lo || *v > k.hi) fail(fmt::format("[merge] {} must lie in [{}, {}]", k.name, k.lo, k.hi));
      else *k.value = *v;
    }
    for (const auto& k : ints) {
      if (key.str() != k.name) continue;
      known = true;
      auto v = node.value<std::int64_t>();
      if (!v || !node.is_integer()) fail(fmt::format("[merge] {} must be an integer", k.name));
      else if (*v < k.lo || *v > k.hi) fail(fmt::format("[merge] {} must lie in [{}, {}]", k.name, k.lo, k.hi));
      else *k.value = int(*v);
    }
    if (!known) {
      const auto hint = closest_match(key.str(), names);
      fail(fmt::format("unknown key '{}' in [merge]{}", key.str(),
                       hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
    }
  }
  return ok;
}

}  // namespace annalist::merge
