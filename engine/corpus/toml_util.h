// Internal to the corpus stage: the checks every TOML file we read gets (manifest, zones,
// dateline words), so their errors read alike.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "core/diagnostic.h"

namespace annalist::corpus::detail {

inline source_position pos(const toml::node& n) {
  const auto& b = n.source().begin;
  return {static_cast<std::uint32_t>(b.line), static_cast<std::uint32_t>(b.column)};
}

inline diagnostic error_at(const std::string& file, source_position where, std::string scope,
                           std::string message) {
  return {severity::error, file, where, std::move(scope), std::move(message)};
}

/// Reports every key of `t` not in `allowed`, with a "did you mean" hint. Returns false if any.
inline bool check_keys(const toml::table& t, const std::vector<std::string>& allowed,
                       std::string_view where_name, const std::string& file, const char* scope,
                       diagnostics& out) {
  bool ok = true;
  for (const auto& [key, node] : t) {
    const std::string k(key.str());
    if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
    std::string msg = "unknown key '" + k + "' in " + std::string(where_name);
    if (auto hint = closest_match(k, allowed); !hint.empty()) msg += " (did you mean '" + hint + "'?)";
    const auto& b = key.source().begin;
    source_position p{static_cast<std::uint32_t>(b.line), static_cast<std::uint32_t>(b.column)};
    out.push_back(error_at(file, p ? p : pos(node), scope, std::move(msg)));
    ok = false;
  }
  return ok;
}

/// Parses TOML text; a syntax error becomes a diagnostic at its line:column.
inline std::optional<toml::table> parse_toml(std::string_view text, const std::string& file,
                                             const char* scope, diagnostics& out) {
  try {
    return toml::parse(text, std::string_view(file));
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    out.push_back(error_at(file, {static_cast<std::uint32_t>(b.line), static_cast<std::uint32_t>(b.column)},
                           scope, "malformed TOML: " + std::string(e.description())));
    return std::nullopt;
  }
}

}  // namespace annalist::corpus::detail
