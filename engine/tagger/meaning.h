// annalist/tagger/meaning.h — what a temporal expression says, before it is resolved.
//
// A meaning is a bag of named, optional fields (HeidelTime's underspecified values, but typed
// and named rather than positional): "two days ago" is {amount=2 unit=day direction=-1
// anchor=publication}; "Tuesday evening" is {weekday=2 part=EV}; "late last year" is
// {shift=-1 unit=year mod=END}. The resolver (resolve/) turns a meaning into a time::value.
//
// Every field is set by lexicon entries (`month = 5`) or by a pattern binding a number to it
// (`<int:day>`), so the field names below are also the keys lexicon authors write.
#pragma once

#include <array>
#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace annalist::tagger {

inline constexpr int unset = INT_MIN;

/// Every field a lexicon entry or pattern may set. Numeric fields come first.
enum class field : std::uint8_t {
  // numeric
  year, month, day, weekday, hour, minute, decade, century, quarter, half, amount, shift,
  direction, ordinal, nth, yy, reach, numerator, denominator,
  // text
  unit, season, part, anchor, mod, ref, type, holiday, ampm, special, tense,
  // flags (true when present)
  vague, frequency, fiscal, approximate, decimal,
  count_
};
inline constexpr std::size_t field_count = static_cast<std::size_t>(field::count_);
inline constexpr std::size_t numeric_field_count = static_cast<std::size_t>(field::unit);
inline constexpr std::size_t text_field_end = static_cast<std::size_t>(field::vague);

std::string_view to_string(field f);
std::optional<field> field_from(std::string_view name);
inline bool is_numeric(field f) { return static_cast<std::size_t>(f) < numeric_field_count; }
inline bool is_text(field f) {
  return !is_numeric(f) && static_cast<std::size_t>(f) < text_field_end;
}

/// One field assignment, as a lexicon entry or pattern states it. Text values point into the
/// lexicon's string pool, which outlives every meaning built from it.
struct setting {
  field name = field::year;
  int number = unset;        // numeric fields and flags (1)
  std::string_view text;     // text fields
};

class meaning {
 public:
  int get(field f) const { return num_[static_cast<std::size_t>(f)]; }
  bool has(field f) const {
    const auto i = static_cast<std::size_t>(f);
    return is_numeric(f) || i >= text_field_end ? num_[i] != unset : !txt_[i].empty();
  }
  std::string_view text(field f) const { return txt_[static_cast<std::size_t>(f)]; }
  bool flag(field f) const { return num_[static_cast<std::size_t>(f)] != unset; }

  void set(field f, int v) { num_[static_cast<std::size_t>(f)] = v; }
  void set(field f, std::string_view v) { txt_[static_cast<std::size_t>(f)] = v; }
  void clear(field f) {
    num_[static_cast<std::size_t>(f)] = unset;
    txt_[static_cast<std::size_t>(f)] = {};
  }
  void apply(const setting& s) {
    if (is_text(s.name)) set(s.name, s.text);
    else set(s.name, s.number);
  }

  /// Compact dump, fields in declaration order: "{month=5 day=18 anchor=narrative}".
  std::string to_string() const;

 private:
  std::array<int, field_count> num_ = make_unset();
  std::array<std::string_view, field_count> txt_{};
  static constexpr std::array<int, field_count> make_unset() {
    std::array<int, field_count> a{};
    for (auto& x : a) x = unset;
    return a;
  }
};

}  // namespace annalist::tagger
