// `annalist parse TEXT --ref VALUE [--anchor VALUE]` — how one phrase is tagged and resolved,
// for people writing lexicon entries:
//
//     $ annalist parse "a day earlier" --ref 2021-05-18
//     "a day earlier" [0, 13)
//       value       2021-05-17 (DATE, granularity day)
//       anchor      narrative (2021-05-18)
//       meaning     {amount=1 direction=-1 unit=day anchor=narrative}
//       rule        <amount> <unit> earlier/later (lexicon/en/patterns.toml:312) <- article 'a' ...
//
// --ref is both the publication time and the narrative date the phrase may count from
// (--anchor sets the latter apart).
#include <iostream>

#include <fmt/format.h>

#include "cli/command.h"
#include "core/data_dir.h"
#include "resolve/annotate.h"
#include "tagger/lexicon.h"
#include "tagger/tagger.h"

namespace annalist::cli {

namespace {

struct parse_args {
  std::string text, ref, anchor;
};

int run(const parse_args& a) {
  const auto lex = tagger::lexicon::load(data_dir() / "lexicon" / "en");
  for (const auto& d : lex.diags) std::cerr << d.to_string() << '\n';
  if (!lex.value) return unusable;
  const auto ref = resolve::parse_reference_time(a.ref);
  if (!ref) {
    std::cerr << fmt::format("annalist: error: parse: --ref '{}' is not a date or date-time "
                             "(expected e.g. 2021-05-18 or 2021-05-18T09:30)\n", a.ref);
    return unusable;
  }
  const auto anchor = a.anchor.empty() ? ref : resolve::parse_reference_time(a.anchor);
  if (!anchor) {
    std::cerr << fmt::format("annalist: error: parse: --anchor '{}' is not a date\n", a.anchor);
    return unusable;
  }
  resolve::annotate_options opt;
  opt.dct = ref;
  const date::year_month_day day{date::floor<date::days>(anchor->local)};
  opt.narrative = time::value::of_day(day);
  diagnostics diags;
  opt.report = &diags;
  const auto found = resolve::annotate(a.text, opt, *lex.value);
  const auto tagged = resolve::tag(a.text, *lex.value);
  for (const auto& d : diags) std::cout << d.to_string() << '\n';
  if (found.empty() && diags.empty()) {
    std::cout << fmt::format("no temporal expression in \"{}\"\n", a.text);
    return finding;
  }
  for (const auto& t : found) {
    std::cout << fmt::format("\"{}\" [{}, {})\n", t.text, t.start, t.end);
    std::cout << fmt::format("  value       {} ({}, granularity {}){}\n", t.value.timex,
                             time::to_string(t.value.type), time::to_string(t.value.gran),
                             t.value.mod.empty() ? "" : fmt::format(", mod {}", t.value.mod));
    std::cout << fmt::format("  anchor      {}{}\n", t.unresolved ? "unresolved" : time::to_string(t.anchor),
                             t.anchored_on.empty() ? "" : fmt::format(" ({})", t.anchored_on));
    if (!t.cue.empty()) std::cout << fmt::format("  cue         {}\n", t.cue);
    for (const auto& v : t.alternatives) std::cout << fmt::format("  or          {}\n", v.timex);
    for (const auto& m : tagged.mentions) {
      if (m.start != t.start) continue;
      std::cout << fmt::format("  meaning     {}\n", m.what.to_string());
      std::cout << fmt::format("  rule        {}\n", tagger::rule_chain(m, *lex.value));
    }
  }
  return ok;
}

const bool registered = register_command({
    "parse", "Resolve one phrase and show the rules that produced it (for lexicon authors)", 60,
    [](CLI::App& sub) -> action {
      auto a = std::make_shared<parse_args>();
      sub.add_option("text", a->text, "The phrase, e.g. \"a day earlier\"")->required();
      sub.add_option("--ref", a->ref, "Reference (publication) time, e.g. 2021-05-18")->required();
      sub.add_option("--anchor", a->anchor, "Narrative date the phrase counts from (default: --ref)");
      return [a] { return run(*a); };
    }});

}  // namespace
}  // namespace annalist::cli
