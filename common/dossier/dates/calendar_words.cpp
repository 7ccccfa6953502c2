#include "dossier/dates/calendar_words.h"

#include <map>
#include <string>

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace dossier {

namespace {

// Words are matched lower-cased; the longest English month name is 9 letters.
constexpr std::size_t kMaxWordBytes = 12;

std::string lower_ascii(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string to_lower_utf8(const icu::UnicodeString& name) {
  std::string out;
  icu::UnicodeString(name).toLower(icu::Locale::getEnglish()).toUTF8String(out);
  return out;
}

// Lower-cased word -> value (month 1..12, or 1..7 for weekdays), built once from ICU's
// English DateFormatSymbols (wide and abbreviated forms) plus the abbreviations news
// writers use that CLDR lacks ("Sept", "Tues", "Thurs").
struct CalendarWords {
  std::map<std::string, int, std::less<>> months;
  std::map<std::string, int, std::less<>> full_months;  // wide names only
  std::map<std::string, int, std::less<>> weekdays;

  CalendarWords() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::DateFormatSymbols symbols(icu::Locale::getEnglish(), status);
    if (U_SUCCESS(status)) {
      int32_t count = 0;
      const icu::UnicodeString* wide = symbols.getMonths(count);
      for (int32_t i = 0; i < count && i < 12; ++i) {
        months.emplace(to_lower_utf8(wide[i]), i + 1);
        full_months.emplace(to_lower_utf8(wide[i]), i + 1);
      }
      const icu::UnicodeString* abbreviated = symbols.getShortMonths(count);
      for (int32_t i = 0; i < count && i < 12; ++i) {
        months.emplace(to_lower_utf8(abbreviated[i]), i + 1);
      }
      // Weekday arrays are indexed by UCAL_SUNDAY (1) .. UCAL_SATURDAY (7); slot 0 is empty.
      const icu::UnicodeString* wide_days = symbols.getWeekdays(count);
      for (int32_t i = 1; i < count; ++i) weekdays.emplace(to_lower_utf8(wide_days[i]), i);
      const icu::UnicodeString* short_days = symbols.getShortWeekdays(count);
      for (int32_t i = 1; i < count; ++i) weekdays.emplace(to_lower_utf8(short_days[i]), i);
    }
    months.emplace("sept", 9);
    weekdays.emplace("tues", 3);
    weekdays.emplace("thur", 5);
    weekdays.emplace("thurs", 5);
  }
};

const CalendarWords& calendar_words() {
  static const CalendarWords words;
  return words;
}

}  // namespace

int month_from_word(std::string_view word, bool* abbreviated) {
  if (word.size() < 3 || word.size() > kMaxWordBytes) return 0;
  const CalendarWords& words = calendar_words();
  const std::string lower = lower_ascii(word);
  const auto it = words.months.find(lower);
  if (it == words.months.end()) return 0;
  if (abbreviated) *abbreviated = !words.full_months.contains(lower);
  return it->second;
}

bool is_weekday_word(std::string_view word) {
  if (word.size() < 3 || word.size() > kMaxWordBytes) return false;
  return calendar_words().weekdays.contains(lower_ascii(word));
}

}  // namespace dossier
