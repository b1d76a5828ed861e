#include "events/fold.h"

#include <stdexcept>

#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace annalist::events {

folder::folder() {
  UErrorCode status = U_ZERO_ERROR;
  strip_marks_.reset(icu::Transliterator::createInstance(
      "NFD; [:Nonspacing Mark:] Remove; NFC", UTRANS_FORWARD, status));
  // The rule is a constant; failing to build it means a broken ICU install, a bug not an input.
  if (U_FAILURE(status) || !strip_marks_)
    throw std::runtime_error(std::string("ICU transliterator: ") + u_errorName(status));
}

folder::~folder() = default;
folder::folder(folder&&) noexcept = default;
folder& folder::operator=(folder&&) noexcept = default;

std::string folder::fold(std::string_view word) const {
  bool ascii = true;
  for (unsigned char c : word)
    if (c >= 0x80) { ascii = false; break; }
  std::string out;
  if (ascii) {
    out.reserve(word.size());
    for (char c : word) out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    return out;
  }
  auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), int32_t(word.size())));
  u.findAndReplace(icu::UnicodeString(u'\u2019'), icu::UnicodeString(u'\''));
  u.findAndReplace(icu::UnicodeString(u'\u2018'), icu::UnicodeString(u'\''));
  strip_marks_->transliterate(u);
  u.foldCase();
  u.toUTF8String(out);
  return out;
}

}  // namespace annalist::events
