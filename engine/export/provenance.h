// annalist/export/provenance.h — what the csv, ics, timelinejs, html and timeml writers share:
// where an event's mentions come from, the zone its value is local to, a date for people to read,
// and the corpus's own "now" (formats that need a timestamp take it from the sources, never from
// the clock).
//
//     sources_of(t, e)            -> [&documents[0], &documents[2]]   (first mention first, once each)
//     source_label(*d)            -> "RFE/RL (000)", or "001" when the outlet is unknown
//     display_date(e.value)       -> "May 19, 2021", "June 2021", "week of May 17, 2021", "1980s"
//     latest_publication(corpus)  -> 2021-05-19 17:55:00 UTC (sample: 001's update time)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "corpus/ingest.h"
#include "merge/timeline.h"
#include "time/value.h"

namespace annalist::exports {

/// The timeline's record of document `id`, or null.
const merge::source_document* find_source(const merge::timeline& t, std::string_view id);

/// The corpus document `id`, or null.
const corpus::document* find_document(const corpus::corpus& c, std::string_view id);

/// The documents an event's mentions come from: first mention first, each once.
std::vector<const merge::source_document*> sources_of(const merge::timeline& t,
                                                      const merge::event& e);

/// "RFE/RL (000)"; the bare id "001" when the outlet is unknown.
std::string source_label(const merge::source_document& d);

/// The first URL among the event's sources; empty when none has one.
std::string url_of(const merge::timeline& t, const merge::event& e);

/// The IANA zone the event's value is local to: the zone of the document whose mention states
/// the event's value (values are local to their document, see time/value.h), else of its first
/// mention's document, else the corpus zone, else "UTC".
std::string zone_of(const corpus::corpus& c, const merge::event& e);

/// True for the names of Coordinated Universal Time ("UTC", "Etc/UTC", "GMT", ...).
bool is_utc(std::string_view zone);

/// The latest publication instant among the corpus documents; nullopt when none is known.
std::optional<date::sys_seconds> latest_publication(const corpus::corpus& c);

/// A value as English prose: "May 19, 2021, 17:55", "May 19, 2021, evening", "May 19, 2021",
/// "week of May 17, 2021", "May 2021", "Q2 2021", "summer 2021", "first half of 2021", "2021",
/// "1980s", "20th century"; with its mod ("early 2021", "about 1986"). Values without a calendar
/// extent read as themselves ("P5Y") or as "the past", "now", "the future".
std::string display_date(const time::value& v);

/// `s` safe as HTML text or a double- or single-quoted attribute value: & < > " ' escaped.
std::string html_escape(std::string_view s);

/// 64-bit FNV-1a: a hash that is the same on every machine and run (std::hash is not).
std::uint64_t stable_hash(std::string_view bytes);

/// The consistency check's finding about event `event_id`, or null when its sources agree.
const merge::conflict* conflict_of(const merge::timeline& t, std::string_view event_id);

}  // namespace annalist::exports
