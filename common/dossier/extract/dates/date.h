// A calendar date of known precision (day, month or year): the unit of every date facet.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace dossier {

enum class DatePrecision { Year, Month, Day };

// A proleptic Gregorian date. `month` is 0 at Year precision and `day` is 0 below Day
// precision, so two dates compare field by field and a month sorts before its days.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  DatePrecision precision = DatePrecision::Day;

  static Date of_day(int year, int month, int day) {
    return {year, month, day, DatePrecision::Day};
  }
  static Date of_month(int year, int month) { return {year, month, 0, DatePrecision::Month}; }
  static Date of_year(int year) { return {year, 0, 0, DatePrecision::Year}; }

  // Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (exactly those shapes, zero-padded, years
  // 1000-9999). On failure returns nullopt and, when `error` is given, a sentence saying
  // why ("month 13 is out of range in \"2019-13\"") for command-line messages.
  static std::optional<Date> parse_iso(std::string_view text, std::string* error = nullptr);

  // "YYYY-MM-DD", "YYYY-MM" or "YYYY" depending on the precision.
  std::string iso() const;

  // Always 8 characters, sortable as a string: missing parts are "00" ("20190100" for
  // January 2019, "20190000" for 2019), so a coarse date sorts before its finer ones.
  std::string yyyymmdd() const;

  // The first and last days covered ("2019-02" -> 2019-02-01 .. 2019-02-28): the natural
  // bounds when a user writes --from 2019-02 --to 2019-02.
  Date first_day() const;
  Date last_day() const;

  // Fields agree with the precision and the calendar (no February 30, leap years right).
  bool valid() const;

  friend auto operator<=>(const Date&, const Date&) = default;
  friend bool operator==(const Date&, const Date&) = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);  // 0 for a month outside 1..12

// Days since 1970-01-01 of a Day-precision date (negative before): for date distances.
long days_since_epoch(const Date& day);

// Where an article's date came from, best first.
enum class DateSource { Metadata, Dateline, MentionedLatest, FileMtime };

// "metadata", "dateline", "mentioned-latest", "file-mtime".
std::string_view to_string(DateSource source);

}  // namespace dossier
