// libFuzzer target: corpus ingestion (UTF-8 checks, NFC with offset map, header dates,
// paragraphs and sentences) on arbitrary bytes.
// Properties: no crash, no hang; a document comes with spans inside its text and an offset map
// that stays inside the original bytes and never goes backwards.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "corpus/ingest.h"

using namespace annalist;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  corpus::ingest_options opts;
  opts.repair_utf8 = size > 0 && (data[0] & 1);
  diagnostics diags;
  const auto doc = corpus::ingest(bytes, "fuzz.txt", opts, diags);
  if (!doc) {
    if (diags.empty()) std::abort();  // a rejected document always says why
    return 0;
  }
  const auto n = static_cast<std::uint32_t>(doc->text.size());
  for (const auto& p : doc->paragraphs)
    if (p.start > p.end || p.end > n) std::abort();
  std::uint32_t prev = 0;
  for (const auto& s : doc->sentences) {
    if (s.where.start > s.where.end || s.where.end > n) std::abort();
    if (s.paragraph >= doc->paragraphs.size()) std::abort();
    const auto o = doc->original_offset(s.where.start);
    if (o < prev || o > size) std::abort();
    prev = o;
  }
  if (doc->original_offset(n) > size) std::abort();
  return 0;
}
