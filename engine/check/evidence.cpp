#include "check/evidence.h"

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include <set>

#include "events/tokens.h"
#include "tagger/lexicon.h"
#include "tagger/token.h"

namespace annalist::check {

namespace {

std::optional<tense> listed(const std::string& w, const tagger::lexicon& lex) {
  {
    for (const auto& f : lex.forms_starting(w)) {
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
  return std::nullopt;
}

std::string lower(std::string_view word) {
  std::string w(word);
  for (auto& c : w)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return w;
}

}  // namespace

tense listed_tense_of(std::string_view word, const tagger::lexicon& lex) {
  return listed(lower(word), lex).value_or(tense::unknown);
}

tense tense_of(std::string_view word, const tagger::lexicon& lex) {
  const std::string w = lower(word);
  if (const auto t = listed(w, lex)) return *t;
  if (w.size() <= 4 || std::find(lex.not_past.begin(), lex.not_past.end(), w) != lex.not_past.end())
    return tense::unknown;
  for (const auto& suf : lex.past_suffixes)
    if (w.ends_with(suf)) return tense::past;
  return tense::unknown;
}

std::optional<unsigned> stated_weekday(std::string_view text, std::uint32_t start, std::uint32_t end,
                                       const tagger::lexicon& lex) {
  const auto toks = tagger::tokenize(text.substr(start, end - start), &lex.symbols);
  for (std::size_t i = 0; i < toks.size(); ++i) {
    for (const auto& f : lex.forms_starting(toks.list[i].sym)) {
      if (i + 1 + f.rest.size() > toks.size()) continue;
      bool whole = true;
      for (std::size_t k = 0; whole && k < f.rest.size(); ++k) whole = toks.list[i + 1 + k].sym == f.rest[k];
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

namespace {
// From this share of word pairs on, two quotations are the same speech: translations and trims
// keep most pairs ("more stable and predictable" / "more stable and more predictable"),
// paraphrases few ("a predictable, stable relationship").
constexpr double same_speech = 0.6;
}  // namespace

double quote_overlap(std::string_view x, std::string_view y, const events::lexicon& lex) {
  auto pairs = [&](std::string_view q) {
    std::vector<std::string> words;
    for (const auto& t : events::tokenize(q, lex.fold))
      if (t.kind != events::token_kind::punct) words.push_back(t.fold);
    std::set<std::pair<std::string, std::string>> r;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) r.emplace(words[i], words[i + 1]);
    return r;
  };
  const auto px = pairs(x), py = pairs(y);
  const auto& small = px.size() <= py.size() ? px : py;
  const auto& large = px.size() <= py.size() ? py : px;
  if (small.empty()) return 0;
  std::size_t found = 0;
  for (const auto& p : small) found += large.count(p);
  return double(found) / double(small.size());
}

bool same_happening(const merge::event& a, const merge::event& b, const events::lexicon& lex) {
  if (!lex.compatible(a.kind, b.kind)) return false;
  bool quotes_a = false, quotes_b = false;
  for (const auto& mb : b.mentions) quotes_b = quotes_b || !mb.quote.empty();
  for (const auto& ma : a.mentions) {
    if (ma.quote.empty()) continue;
    quotes_a = true;
    for (const auto& mb : b.mentions)
      if (!mb.quote.empty() && quote_overlap(ma.quote, mb.quote, lex) >= same_speech) return true;
  }
  if (quotes_a && quotes_b) return false;
  std::set<std::string> pa, pb;
  for (const auto& m : a.mentions) pa.insert(m.persons.begin(), m.persons.end());
  for (const auto& m : b.mentions) pb.insert(m.persons.begin(), m.persons.end());
  std::size_t shared = 0;
  for (const auto& p : pa) shared += pb.count(p);
  if (shared >= 2) return true;
  return shared == 1 && a.kind == b.kind && !a.place.empty() && a.place == b.place;
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
