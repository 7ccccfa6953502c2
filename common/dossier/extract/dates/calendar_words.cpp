#include "dossier/extract/dates/calendar_words.h"

#include <array>
#include <string>
#include <vector>

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "dossier/text/ascii_words.h"

namespace dossier {

namespace {

// Longer words cannot be month or weekday names ("September", "Wednesday" are 9).
constexpr std::size_t kMaxWordBytes = 9;

std::string to_lower_utf8(const icu::UnicodeString& name) {
  std::string out;
  icu::UnicodeString(name).toLower(icu::Locale::getEnglish()).toUTF8String(out);
  return out;
}

struct CalendarWord {
  std::string lower;  // "january", "jan"
  int value = 0;      // month 1..12 or weekday 1 (Sunday) .. 7
  bool abbreviated = false;
};

// Words bucketed by first letter: the scanner asks about every word of every article,
// so a lookup must not allocate and must reject most words on their first letter.
class WordTable {
 public:
  void add(std::string lower, int value, bool abbreviated) {
    if (lower.empty() || lower[0] < 'a' || lower[0] > 'z') return;
    auto& bucket = buckets_[static_cast<std::size_t>(lower[0] - 'a')];
    for (const CalendarWord& existing : bucket) {
      if (existing.lower == lower) return;  // "May" is both wide and abbreviated
    }
    bucket.push_back({std::move(lower), value, abbreviated});
  }

  const CalendarWord* find(std::string_view word) const {
    if (word.size() < 3 || word.size() > kMaxWordBytes) return nullptr;
    const char first = to_ascii_lower(word[0]);
    if (first < 'a' || first > 'z') return nullptr;
    for (const CalendarWord& entry : buckets_[static_cast<std::size_t>(first - 'a')]) {
      if (entry.lower.size() == word.size() && equals_ignoring_case(entry.lower, word)) {
        return &entry;
      }
    }
    return nullptr;
  }

 private:
  static bool equals_ignoring_case(std::string_view lower, std::string_view word) {
    for (std::size_t i = 0; i < word.size(); ++i) {
      if (lower[i] != to_ascii_lower(word[i])) return false;
    }
    return true;
  }

  std::array<std::vector<CalendarWord>, 26> buckets_;
};

// English month and weekday names from ICU's DateFormatSymbols (wide and abbreviated
// forms), plus the abbreviations news writers use that CLDR lacks ("Sept", "Tues").
struct CalendarWords {
  WordTable months;
  WordTable weekdays;

  CalendarWords() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::DateFormatSymbols symbols(icu::Locale::getEnglish(), status);
    if (U_SUCCESS(status)) {
      int32_t count = 0;
      const icu::UnicodeString* wide = symbols.getMonths(count);
      for (int32_t i = 0; i < count && i < 12; ++i)
        months.add(to_lower_utf8(wide[i]), i + 1, false);
      const icu::UnicodeString* abbreviated = symbols.getShortMonths(count);
      for (int32_t i = 0; i < count && i < 12; ++i) {
        months.add(to_lower_utf8(abbreviated[i]), i + 1, true);
      }
      // Weekday arrays are indexed by UCAL_SUNDAY (1) .. UCAL_SATURDAY (7); slot 0 is empty.
      const icu::UnicodeString* wide_days = symbols.getWeekdays(count);
      for (int32_t i = 1; i < count; ++i) weekdays.add(to_lower_utf8(wide_days[i]), i, false);
      const icu::UnicodeString* short_days = symbols.getShortWeekdays(count);
      for (int32_t i = 1; i < count; ++i) weekdays.add(to_lower_utf8(short_days[i]), i, true);
    }
    months.add("sept", 9, true);
    weekdays.add("tues", 3, true);
    weekdays.add("thur", 5, true);
    weekdays.add("thurs", 5, true);
  }
};

const CalendarWords& calendar_words() {
  static const CalendarWords words;
  return words;
}

}  // namespace

int month_from_word(std::string_view word, bool* abbreviated) {
  const CalendarWord* entry = calendar_words().months.find(word);
  if (entry == nullptr) return 0;
  if (abbreviated) *abbreviated = entry->abbreviated;
  return entry->value;
}

bool is_weekday_word(std::string_view word) {
  return calendar_words().weekdays.find(word) != nullptr;
}

}  // namespace dossier
