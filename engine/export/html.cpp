#include "export/html.h"

#include <cmath>

#include <fmt/format.h>

#include "export/provenance.h"

namespace annalist::exports {

namespace {

// The page's look. The axis is a line down the marker column; markers sit on it.
constexpr std::string_view style = R"css(
:root { --axis: 13rem; --ink: #1d232a; --muted: #57606a; --line: #c9d1d9; --accent: #0969da;
  --planned: #8250df; --conflict: #cf222e; --paper: #ffffff; --ground: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--ground); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, main, footer { max-width: 64rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 1.5rem; }
h1 { margin: 0 0 .2rem; font-size: 1.6rem; }
.summary { margin: 0 0 .6rem; color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1.4rem; list-style: none; padding: 0; margin: 0 0 .8rem;
  font-size: .85rem; color: var(--muted); }
.legend li { display: flex; align-items: center; gap: .4rem; }
.legend .marker { position: static; margin: 0; }
.legend .marker.bar { height: 1.6rem; }
.controls button { font: inherit; font-size: .85rem; padding: .15rem .7rem; margin-right: .4rem;
  border: 1px solid var(--line); border-radius: 6px; background: var(--paper); cursor: pointer; }
.disagreements { border: 1px solid var(--conflict); border-radius: 6px; background: #fff5f5;
  padding: .4rem 1rem; margin: .8rem 0; }
.disagreements h2 { font-size: 1rem; margin: .2rem 0; color: var(--conflict); }
main { position: relative; padding-bottom: 1rem; }
main::before { content: ""; position: absolute; top: .5rem; bottom: 0;
  left: calc(1.5rem + var(--axis) + 1rem - 1px); border-left: 2px solid var(--line); }
.period > h2 { position: relative; margin: 1.2rem 0 .3rem; width: var(--axis); padding-right: .9rem;
  text-align: right; font-size: 1.15rem; }
.entries { list-style: none; margin: 0; padding: 0; }
.entry { position: relative; display: grid; grid-template-columns: var(--axis) 2rem minmax(0, 1fr);
  align-items: start; margin: .45rem 0; }
.when { text-align: right; padding: .35rem .9rem 0 0; font-variant-numeric: tabular-nums; }
.when time { font-weight: 600; }
.gran { display: block; font-size: .72rem; color: var(--muted); text-transform: uppercase;
  letter-spacing: .06em; }
.marker { justify-self: center; margin-top: .55rem; width: .85rem; height: .85rem; border-radius: .45rem;
  background: var(--accent); border: 2px solid var(--accent); position: relative; z-index: 1; }
.marker.bar { height: var(--length); }
.planned .marker { background: var(--paper); border: 2px dashed var(--planned); }
.planned .when time { font-style: italic; }
.conflict .marker { background: var(--conflict); border-color: var(--conflict); }
details { background: var(--paper); border: 1px solid var(--line); border-radius: 6px;
  padding: .35rem .8rem; }
.planned details { border-style: dashed; border-color: var(--planned); }
.conflict details { border: 2px solid var(--conflict); box-shadow: 0 0 0 3px rgba(207, 34, 46, .12); }
summary { cursor: pointer; }
summary .title { font-weight: 500; }
.badge { display: inline-block; font-size: .72rem; line-height: 1.5; border-radius: 1rem;
  padding: 0 .55rem; margin-left: .35rem; background: #eef1f4; color: var(--muted); white-space: nowrap; }
.badge.status { background: #f3e8ff; color: var(--planned); }
.badge.disputed { background: #ffebe9; color: var(--conflict); }
.facts { margin: .5rem 0 .3rem; color: var(--muted); font-size: .9rem; }
.facts code { font-size: .85rem; }
.disagreement { margin: .3rem 0; color: var(--conflict); }
.sources { margin: .3rem 0 .2rem; padding-left: 1.2rem; font-size: .9rem; }
.sources li { margin: .35rem 0; }
.sources cite { font-style: normal; font-weight: 600; }
.sources .meta { color: var(--muted); }
.sources blockquote { margin: .15rem 0 0; padding-left: .7rem; border-left: 3px solid var(--line); }
.sources q { display: block; margin-top: .15rem; font-style: italic; }
.documents { margin: 2rem 0 1rem; }
.documents h2 { font-size: 1.1rem; }
table { border-collapse: collapse; font-size: .88rem; background: var(--paper); }
th, td { border: 1px solid var(--line); padding: .2rem .6rem; text-align: left; vertical-align: top; }
footer { color: var(--muted); font-size: .8rem; padding-bottom: 2rem; }
@media (max-width: 42rem) { :root { --axis: 7.5rem; } }
@media print { details:not([open]) > :not(summary) { display: block; } .controls { display: none; } }
)css";

// Expand/collapse all, and open the entry a link points at. The page reads fully without it.
constexpr std::string_view script = R"js(
document.addEventListener('click', function (e) {
  var b = e.target.closest('button[data-action]');
  if (!b) return;
  var open = b.getAttribute('data-action') === 'expand';
  document.querySelectorAll('.entry details').forEach(function (d) { d.open = open; });
});
function reveal() {
  var id = decodeURIComponent(location.hash.slice(1));
  var el = id && document.getElementById(id);
  var d = el && el.querySelector('details');
  if (d) d.open = true;
}
window.addEventListener('hashchange', reveal);
reveal();
)js";

std::string esc(std::string_view s) { return html_escape(s); }

bool planned(const merge::event& e) { return e.state != events::status::happened; }

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// A dot for a day or less; beyond that a bar growing with the logarithm of the span, so that a
// week, a month, a year and a decade are told apart at a glance without a century filling the page.
std::string marker(const merge::event& e) {
  if (!e.value.span) return R"(<span class="marker" title="undated"></span>)";
  const auto minutes = (e.value.span->end - e.value.span->start).count();
  const double days = double(minutes) / (24.0 * 60.0);
  const auto last = time::iso_date(e.value.span->end - std::chrono::minutes{1});
  const auto first = time::iso_date(e.value.span->start);
  const auto title = first == last ? first : fmt::format("{} to {}", first, last);
  if (days <= 1.0)
    return fmt::format(R"(<span class="marker" title="{}"></span>)", esc(title));
  return fmt::format(R"(<span class="marker bar" style="--length: {:.2f}rem" title="{}"></span>)",
                     0.85 + 1.3 * std::log10(days), esc(title));
}

std::string entry(const merge::timeline& t, const merge::event& e) {
  const auto* disputed = conflict_of(t, e.id);
  std::string cls = "entry " + std::string(events::to_string(e.state));
  if (planned(e)) cls += " planned";
  if (disputed) cls += " conflict";
  std::string out = fmt::format(
      R"(<li class="{}" id="{}" data-event="{}" data-value="{}" data-granularity="{}" data-status="{}">)"
      "\n",
      cls, esc(e.id), esc(e.id), esc(e.value.timex), time::to_string(e.value.gran),
      events::to_string(e.state));

  const std::string datetime = e.value.span ? time::iso_date(e.value.span->start) : e.value.timex;
  out += fmt::format(R"(<div class="when"><time datetime="{}">{}</time><span class="gran">{}</span></div>)",
                     esc(datetime), esc(display_date(e.value)), time::to_string(e.value.gran));
  out += marker(e);
  out += "\n<details>\n<summary><span class=\"title\">" + esc(e.title.empty() ? e.kind : e.title) +
         "</span>";
  out += "<span class=\"badge kind\">" + esc(e.kind) + "</span>";
  if (planned(e))
    out += "<span class=\"badge status\">" + std::string(events::to_string(e.state)) + "</span>";
  if (disputed) out += "<span class=\"badge disputed\">sources disagree</span>";
  out += "</summary>\n";

  std::vector<std::string> facts;
  if (!e.actors.empty()) {
    std::string a = "Actors: ";
    for (std::size_t k = 0; k < e.actors.size(); ++k) a += (k ? ", " : "") + esc(e.actors[k]);
    facts.push_back(std::move(a));
  }
  if (!e.place.empty()) facts.push_back("Place: " + esc(e.place));
  facts.push_back(fmt::format("Value <code>{}</code>", esc(e.value.timex)));
  facts.push_back(fmt::format("{} in {}", plural(e.mentions.size(), "mention"),
                              plural(sources_of(t, e).size(), "document")));
  out += "<p class=\"facts\">";
  for (std::size_t k = 0; k < facts.size(); ++k) out += (k ? " · " : "") + facts[k];
  out += "</p>\n";

  if (disputed) {
    out += "<p class=\"disagreement\"><strong>Sources disagree:</strong> ";
    for (std::size_t k = 0; k < disputed->values.size(); ++k)
      out += (k ? " vs " : "") + esc(disputed->values[k]);
    if (!disputed->explanation.empty()) out += ". " + esc(disputed->explanation);
    out += "</p>\n";
  }

  out += "<ol class=\"sources\">\n";
  for (const auto& m : e.mentions) {
    const auto* d = find_source(t, m.document);
    out += "<li><cite>" + esc(d ? source_label(*d) : m.document) + "</cite>";
    std::string meta;
    if (d && !d->published.empty()) meta += "published " + esc(d->published);
    if (!m.time_text.empty())
      meta += (meta.empty() ? "" : " · ") + fmt::format("\u201c{}\u201d", esc(m.time_text));
    if (m.time && m.time->timex != e.value.timex)
      meta += (meta.empty() ? "" : " · ") + fmt::format("gives <code>{}</code>", esc(m.time->timex));
    if (m.state != e.state)
      meta += (meta.empty() ? "" : " · ") + std::string(events::to_string(m.state));
    if (!meta.empty()) out += " <span class=\"meta\">" + meta + "</span>";
    out += "<blockquote>" + esc(m.sentence_text) + "</blockquote>";
    if (!m.quote.empty() && m.sentence_text.find(m.quote) == std::string::npos)
      out += "<q>" + esc(m.quote) + "</q>";
    out += "</li>\n";
  }
  out += "</ol>\n</details>\n</li>\n";
  return out;
}

std::string period_of(const merge::event& e) {
  if (!e.value.span) return "undated";
  const date::year_month_day ymd{date::floor<date::days>(e.value.span->start)};
  return fmt::format("{}", int(ymd.year()));
}

}  // namespace

std::string timeline_html(const merge::timeline& t) {
  std::string out;
  out.reserve(4096 + t.events.size() * 2048);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  // Nothing may be fetched: the page is whole as written.
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"annalist " ANNALIST_VERSION "\">\n";
  out += fmt::format("<title>{} \u2014 timeline</title>\n", esc(t.corpus));
  out += "<style>";
  out += style;
  out += "</style>\n</head>\n<body>\n<header>\n";
  out += fmt::format("<h1>{}</h1>\n", esc(t.corpus));
  std::string summary = fmt::format("{} from {}", plural(t.events.size(), "event"),
                                    plural(t.documents.size(), "document"));
  if (!t.conflicts.empty())
    summary += fmt::format("; the sources disagree on {}", plural(t.conflicts.size(), "event"));
  if (!t.skipped.empty()) summary += fmt::format("; {} skipped", plural(t.skipped.size(), "file"));
  out += "<p class=\"summary\">" + summary + "</p>\n";
  out += "<ul class=\"legend\">"
         "<li><span class=\"marker\"></span>a day or less</li>"
         "<li><span class=\"marker bar\"></span>longer: the bar grows with the span</li>"
         "<li class=\"planned\"><span class=\"marker\"></span>planned or expected</li>";
  if (!t.conflicts.empty())
    out += "<li class=\"conflict\"><span class=\"marker\"></span>sources disagree</li>";
  out += "</ul>\n";
  out += "<p class=\"controls\"><button type=\"button\" data-action=\"expand\">Expand all</button>"
         "<button type=\"button\" data-action=\"collapse\">Collapse all</button></p>\n";
  if (!t.conflicts.empty()) {
    out += "<section class=\"disagreements\">\n<h2>Sources disagree</h2>\n<ul>\n";
    for (const auto& c : t.conflicts) {
      std::string title = c.event;
      for (const auto& e : t.events)
        if (e.id == c.event && !e.title.empty()) title = e.title;
      std::string values;
      for (std::size_t k = 0; k < c.values.size(); ++k) values += (k ? " vs " : "") + esc(c.values[k]);
      out += fmt::format("<li><a href=\"#{}\">{}</a>: {}", esc(c.event), esc(title), values);
      if (!c.explanation.empty()) out += ". " + esc(c.explanation);
      out += "</li>\n";
    }
    out += "</ul>\n</section>\n";
  }
  out += "</header>\n<main>\n";

  std::string current;
  for (const auto& e : t.events) {
    const auto period = period_of(e);
    if (period != current) {
      if (!current.empty()) out += "</ol>\n</section>\n";
      out += fmt::format("<section class=\"period\">\n<h2>{}</h2>\n<ol class=\"entries\">\n",
                         period == "undated" ? "Undated" : period);
      current = period;
    }
    out += entry(t, e);
  }
  if (!current.empty()) out += "</ol>\n</section>\n";
  out += "</main>\n";

  out += "<footer>\n<section class=\"documents\">\n<h2>Documents</h2>\n<table>\n"
         "<thead><tr><th>id</th><th>source</th><th>published</th><th>file</th></tr></thead>\n<tbody>\n";
  for (const auto& d : t.documents) {
    std::string file = esc(d.file);
    if (!d.url.empty()) file = fmt::format("<a href=\"{}\">{}</a>", esc(d.url), file);
    std::string published = d.published.empty() ? "unknown" : esc(d.published);
    if (d.published_from != "manifest" && !d.published.empty())
      published += fmt::format(" ({})", esc(d.published_from));
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", esc(d.id),
                       d.source.empty() ? "unknown" : esc(d.source), published, file);
  }
  out += "</tbody>\n</table>\n";
  if (!t.skipped.empty()) {
    out += "<h2>Skipped</h2>\n<ul>\n";
    for (const auto& s : t.skipped)
      out += fmt::format("<li>{}: {}</li>\n", esc(s.file), esc(s.error));
    out += "</ul>\n";
  }
  out += "</section>\n<p>Made by annalist " ANNALIST_VERSION " from the corpus " + esc(t.corpus) +
         ".</p>\n</footer>\n<script>";
  out += script;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace annalist::exports
