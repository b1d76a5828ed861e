#include "check/evidence.h"

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "tagger/lexicon.h"
#include "tagger/token.h"

namespace annalist::check {

tense tense_of(std::string_view word, const tagger::lexicon& lex) {
  std::string w(word);
  for (auto& c : w)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (const auto it = lex.forms_by_first.find(w); it != lex.forms_by_first.end()) {
    for (const auto& f : it->second) {
      const auto& e = lex.entries()[f.entry];
      if (e.cls != lex.tense_class || !f.rest.empty()) continue;
      for (const auto& s : e.sets) {
        if (s.name != tagger::field::tense) continue;
        if (s.text == "past" || s.text == "report") return tense::past;
        if (s.text == "future") return tense::future;
        return tense::unknown;
      }
    }
  }
  if (w.size() <= 4 || std::find(lex.not_past.begin(), lex.not_past.end(), w) != lex.not_past.end())
    return tense::unknown;
  for (const auto& suf : lex.past_suffixes)
    if (w.ends_with(suf)) return tense::past;
  return tense::unknown;
}

std::optional<unsigned> stated_weekday(std::string_view text, std::uint32_t start, std::uint32_t end,
                                       const tagger::lexicon& lex) {
  const auto toks = tagger::tokenize(text.substr(start, end - start));
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const auto it = lex.forms_by_first.find(std::string(toks.norm(i)));
    if (it == lex.forms_by_first.end()) continue;
    for (const auto& f : it->second) {
      if (i + 1 + f.rest.size() > toks.size()) continue;
      bool whole = true;
      for (std::size_t k = 0; whole && k < f.rest.size(); ++k) whole = toks.norm(i + 1 + k) == f.rest[k];
      if (!whole) continue;
      for (const auto& s : lex.entries()[f.entry].sets)
        if (s.name == tagger::field::weekday && s.number >= 1 && s.number <= 7)
          return static_cast<unsigned>(s.number);
    }
  }
  return std::nullopt;
}

std::string weekday_name(unsigned iso, const tagger::lexicon& lex) {
  for (const auto& e : lex.entries()) {
    if (lex.class_name(e.cls) != "weekday") continue;
    for (const auto& s : e.sets) {
      if (s.name != tagger::field::weekday || s.number != static_cast<int>(iso) || e.form.empty()) continue;
      std::string name = e.form;
      if (name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
      return name;
    }
  }
  return fmt::format("day {} of the week", iso);
}

std::vector<resolve::timex> resolve_document(const corpus::document& d, const tagger::lexicon& lex) {
  resolve::annotate_options ao;
  if (d.published.local) ao.dct = resolve::reference_time{*d.published.local, d.published.gran};
  return resolve::annotate(d.text, ao, lex);
}

date::local_days first_day(const time::value& v) { return date::floor<date::days>(v.span->start); }

date::local_days end_day(const time::value& v) {
  const auto d = date::floor<date::days>(v.span->end);
  return d == v.span->end ? d : d + date::days{1};
}

events::mention mention_for(const corpus::document& d, std::uint32_t document_index,
                            const resolve::timex& t) {
  events::mention m;
  m.document = d.id;
  m.document_index = document_index;
  for (std::uint32_t i = 0; i < d.sentences.size(); ++i) {
    const auto& s = d.sentences[i].where;
    if (s.start <= t.start && t.start < s.end) {
      m.sentence_index = i;
      m.sentence = s;
      break;
    }
  }
  if (m.sentence.end == 0) m.sentence = {t.start, t.end};
  m.file_sentence = {d.original_offset(m.sentence.start), d.original_offset(m.sentence.end)};
  m.sentence_text = d.text.substr(m.sentence.start, m.sentence.size());
  m.time = t.value;
  m.time_text = t.text;
  m.time_span = {t.start, t.end};
  return m;
}

}  // namespace annalist::check
