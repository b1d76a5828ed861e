// annalist/events/fold.h — the matching key of a word: case folded, diacritics removed.
//
//     folder f;
//     f.fold("Reykjavík") -> "reykjavik"      f.fold("U.S.") -> "u.s."
//
// Built once (the ICU transliterator is costly to create) and then used read-only; ASCII input,
// the common case in English news, never reaches ICU.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace annalist::events {

class folder {
 public:
  folder();
  ~folder();
  folder(folder&&) noexcept;
  folder& operator=(folder&&) noexcept;

  /// Lower case, NFD, nonspacing marks removed, NFC; typographic apostrophes become "'".
  std::string fold(std::string_view word) const;

 private:
  std::unique_ptr<icu::Transliterator> strip_marks_;
};

}  // namespace annalist::events
