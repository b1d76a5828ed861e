// annalist/export/html.h — the timeline as one page to look at: a single self-contained HTML file
// (inline CSS and a few lines of inline JavaScript; no fonts, images, scripts or styles fetched
// from anywhere, and a Content-Security-Policy that forbids it), so it can be mailed, archived
// or opened from disk.
//
//   * A vertical time axis, grouped by year, one entry per event with its date in words.
//   * Granularity is visible: a value of a day or less is a dot on the axis, a longer one a bar
//     whose length grows with the logarithm of its span (a week, a month, a year, a decade), and
//     the granularity is written under the date.
//   * Planned and expected events have a hollow dashed marker and a badge.
//   * Each entry is a <details> that opens to its actors, place, value and every source: outlet,
//     publication time, the words that date it, the sentence, the quote.
//   * Events the consistency check found the sources disagree on are outlined in red, say what the
//     sources give, and are listed at the top with links.
//
// Every string from the corpus is HTML-escaped. Entries are <li class="entry"> with data-event,
// data-value, data-granularity and data-status attributes, for scripts and tests.
#pragma once

#include <string>

#include "merge/timeline.h"

namespace annalist::exports {

std::string timeline_html(const merge::timeline& t);

}  // namespace annalist::exports
