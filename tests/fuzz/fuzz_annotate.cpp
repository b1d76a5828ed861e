// libFuzzer target: the temporal stage (tag + resolve) on arbitrary UTF-8 text.
// Properties: no crash, no hang, and every timex is a well-formed span of the input, in text
// order, not overlapping the previous one, whose TimeML output reads back unchanged.
// The first input byte picks the reference time (or none), so the resolver's date arithmetic is
// exercised around many anchors, year ends and leap days included.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "corpus/timeml.h"
#include "export/timeml.h"
#include "resolve/annotate.h"
#include "tagger/lexicon.h"
#include "text/utf8.h"

using namespace annalist;

namespace {
std::unique_ptr<tagger::lexicon> lex;

bool boundary(std::string_view s, std::uint32_t at) {
  return at == s.size() || (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  auto loaded = tagger::lexicon::load(ANNALIST_LEXICON_DIR);
  if (!loaded.value) std::abort();
  lex = std::move(loaded.value);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  // annotate's contract is valid UTF-8 (ingest guarantees it); other bytes are not its input.
  if (text::find_invalid_utf8(text)) return 0;

  resolve::annotate_options opts;
  if (data[0] != 0xFF) {
    // 255 anchors spread over 1999-12-20 .. 2024-xx: every ~36 days, crossing year ends.
    const auto day = date::local_days{date::year{1999} / 12 / 20} + date::days{data[0] * 36};
    opts.dct = resolve::reference_time{time::local_minutes{day}, time::granularity::day};
  }
  const auto found = resolve::annotate(text, opts, *lex);

  std::uint32_t last_end = 0;
  corpus::timeml::document doc;
  doc.text = std::string(text);
  for (const auto& t : found) {
    if (t.start >= t.end || t.end > text.size()) std::abort();
    if (!boundary(text, t.start) || !boundary(text, t.end)) std::abort();
    if (t.text != text.substr(t.start, t.end - t.start)) std::abort();
    if (t.start < last_end) std::abort();  // overlapping or out of order: TimeML cannot say it
    last_end = t.end;
  }
  doc.annotations = exports::timeml::timex_annotations(found, false);
  const auto w = exports::timeml::write(doc, "fuzz.tml");
  // Characters XML cannot carry are legitimately replaced (with a warning); otherwise the
  // written file must read back to the same text and spans.
  if (!w.diags.empty()) return 0;
  const auto back = corpus::timeml::read(w.xml, "fuzz.tml", {.require_dct = false});
  if (!back.doc || back.doc->text != doc.text) std::abort();
  if (back.doc->annotations.size() != doc.annotations.size()) std::abort();
  for (std::size_t i = 0; i < doc.annotations.size(); ++i)
    if (!(back.doc->annotations[i].where == doc.annotations[i].where)) std::abort();
  return 0;
}
