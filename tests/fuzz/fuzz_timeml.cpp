// libFuzzer target: the TimeML reader and writer.
// Property: any input either yields diagnostics (and no document) or a document that, written
// back and read again, has the same DOCID, creation time, plain text and annotation spans.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "corpus/timeml.h"
#include "export/timeml.h"

namespace tml = annalist::corpus::timeml;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  auto first = tml::read(xml, "fuzz.tml", {.require_dct = false});
  if (!first.doc) {
    // A failed read says why, with a position inside the input.
    if (first.diags.empty() || !first.diags.front().where) std::abort();
    return 0;
  }
  const auto& d = *first.doc;
  for (const auto& a : d.annotations)
    if (a.where.start > a.where.end || a.where.end > d.text.size()) std::abort();

  const auto w = annalist::exports::timeml::write(d, "fuzz.tml");
  auto second = tml::read(w.xml, "rewritten.tml", {.require_dct = false});
  if (!second.doc) std::abort();  // the writer produced XML its own reader rejects
  const auto& e = *second.doc;
  // Text the writer had to replace (XML-illegal characters never come out of a parser) would be
  // reported; anything else must survive unchanged.
  if (!w.diags.empty()) std::abort();
  if (e.text != d.text || e.docid != d.docid) std::abort();
  if (d.dct.has_value() != e.dct.has_value()) std::abort();
  if (d.dct && d.dct->attrs != e.dct->attrs) std::abort();
  if (e.annotations.size() != d.annotations.size()) std::abort();
  for (std::size_t i = 0; i < d.annotations.size(); ++i) {
    // Every span read from a file nests, so nothing is left out and order is kept up to the
    // writer's outer-first ordering of spans that start together.
    const auto& a = d.annotations[i];
    const auto& b = e.annotations[i];
    if (a.where.start != b.where.start) std::abort();
  }
  return 0;
}
