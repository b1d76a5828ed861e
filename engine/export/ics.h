// annalist/export/ics.h — the timeline as an iCalendar file (RFC 5545) to import into a calendar.
//
//     BEGIN:VCALENDAR
//     VERSION:2.0
//     PRODID:-//annalist//annalist 0.1.0//EN
//     X-WR-CALNAME:reykjavik-2021
//     BEGIN:VEVENT
//     UID:3f0c5e1b9a7d2c44@annalist
//     DTSTAMP:20210519T175500Z                  the corpus's latest publication time
//     DTSTART;VALUE=DATE:20210601                a month: an all-day event over all of it
//     DTEND;VALUE=DATE:20210701                  (exclusive, as RFC 5545 all-day events are)
//     SUMMARY:Are apparently preparing for a summit between ...
//     DESCRIPTION:summit\, planned ...\n\nSources:\n- RFE/RL (000\, 2021-05-19) ...
//     CATEGORIES:summit
//     STATUS:TENTATIVE                           planned or expected; CONFIRMED when it happened
//     X-ANNALIST-GRANULARITY:month
//     ...
//
// One VEVENT per event that has a calendar interval (events dated only by a duration or
// "PAST_REF" have no place in a calendar and are left out). A value of a day or coarser is an
// all-day event spanning its whole interval; a finer one (a time, a part of day) is a timed event
// in the zone of the document that dates it, with a VTIMEZONE drawn from the system tz database
// for the periods the events fall in (UTC times are written with "Z").
//
// UID hashes the corpus name and the event id, so it stays the same across runs and re-imports
// update the entry instead of duplicating it. DTSTAMP is the latest publication time in the
// corpus (or 1970-01-01 when none is known), never the clock. Everything is built with libical,
// which escapes text and folds lines at 75 octets without splitting a UTF-8 character.
#pragma once

#include <string>

#include "export/writers.h"

namespace annalist::exports {

std::string timeline_ics(const input& in);

}  // namespace annalist::exports
