#include "cli/timex_json.h"

#include <nlohmann/json.hpp>

#include "time/value.h"

namespace annalist::cli {

void append_timex_json(std::string& out, std::string_view document, std::uint32_t start,
                       std::uint32_t end, std::string_view text, const resolve::timex& t) {
  nlohmann::ordered_json j;
  j["document"] = document;
  j["start"] = start;
  j["end"] = end;
  j["text"] = text;
  j["type"] = time::to_string(t.value.type);
  j["value"] = t.value.timex;
  j["anchor"] = t.unresolved ? "unresolved" : time::to_string(t.anchor);
  j["granularity"] = time::to_string(t.value.gran);
  if (!t.value.mod.empty()) j["mod"] = t.value.mod;
  if (!t.cue.empty()) j["cue"] = t.cue;
  if (t.range != 0) j["range"] = t.range == 1 ? "start" : "end";
  j["rule"] = t.rule;
  if (!t.alternatives.empty()) {
    auto alts = nlohmann::json::array();
    for (const auto& v : t.alternatives) alts.push_back(v.timex);
    j["alternatives"] = alts;
  }
  out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out += '\n';
}

}  // namespace annalist::cli
