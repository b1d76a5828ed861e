// annalist/events/extract.h — the events stage: event mentions from a document and its resolved
// temporal expressions.
//
//     auto names = events::collect_names(docs, lex);          // once per corpus
//     auto ms = events::extract(doc, 0, timexes, lex, names);  // per document
//     // "Blinken said on May 18" -> {trigger "said", kind statement, actors [Antony Blinken],
//     //                              time 2021-05-18, quote "It would be our preference ..."}
//
// How a time expression finds its event (a light clause analysis, no parser):
//   * clauses are cut at semicolons, colons, single dashes, relative pronouns and commas that
//     open a subordinate or coordinate clause; paired dashes and parentheses enclose a clause of
//     their own, and so does every quotation;
//   * an expression dates, in order of preference: the event noun right after it ("the 1986
//     summit", "the anniversary of the deportation"), the event noun right before it ("a news
//     conference Monday", "talks in Iceland on May 19"), the nearest verb of its clause (left,
//     else right: "On Monday, the ministry said"), the nearest event noun of its clause;
//     never across a relational word ("a day before the start of the meeting");
//   * an expression that restates the one before it (", a day before ...") dates nothing new.
// Mentions without a date are kept: the merge may join them to a dated event. An undated mention
// that goes on a dated one (the same speaker in the next sentence, "the meeting" after "met on
// Monday") takes its date and records which mention it continues.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "corpus/document.h"
#include "events/lexicon.h"
#include "events/mention.h"
#include "resolve/annotate.h"

namespace annalist::events {

/// People the gazetteer does not know, found by their full name somewhere in a corpus, so that
/// their surname alone names them elsewhere in it ("Roman Protasevich" ... "Protasevich said").
struct name_index {
  std::unordered_map<std::string, std::string> by_surname;  // folded surname -> full name
};

name_index collect_names(std::span<const corpus::document> docs, const lexicon& lex);

/// The event mentions of `doc`, in text order. `timexes` are the document's resolved temporal
/// expressions (offsets into doc.text), `document_index` its position in the corpus.
std::vector<mention> extract(const corpus::document& doc, std::uint32_t document_index,
                             const std::vector<resolve::timex>& timexes, const lexicon& lex,
                             const name_index& names);

/// Content words of `text` (folded, stop words removed), for similarity measures.
std::vector<std::string> content_words(std::string_view text, const lexicon& lex);

}  // namespace annalist::events
