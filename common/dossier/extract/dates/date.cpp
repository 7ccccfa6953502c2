#include "dossier/extract/dates/date.h"

#include <cstdio>

namespace dossier {

namespace {

// Reads exactly `width` ASCII digits at `pos`; nullopt if any is not a digit.
std::optional<int> read_digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<Date> fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return std::nullopt;
}

std::string quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  out.append(text);
  out.push_back('"');
  return out;
}

}  // namespace

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

long days_since_epoch(const Date& date) {
  // Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
  const long y = date.year - (date.month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long year_of_era = y - era * 400;
  const long month_from_march = date.month > 2 ? date.month - 3 : date.month + 9;
  const long day_of_year = (153 * month_from_march + 2) / 5 + date.day - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

std::optional<Date> Date::parse_iso(std::string_view text, std::string* error) {
  const bool shape_ok = (text.size() == 4 || text.size() == 7 || text.size() == 10) &&
                        (text.size() < 7 || text[4] == '-') && (text.size() < 10 || text[7] == '-');
  const auto year = read_digits(text, 0, 4);
  const auto month = text.size() >= 7 ? read_digits(text, 5, 2) : std::optional<int>(0);
  const auto day = text.size() == 10 ? read_digits(text, 8, 2) : std::optional<int>(0);
  if (!shape_ok || !year || !month || !day) {
    return fail(error, "invalid date " + quoted(text) + ": expected YYYY, YYYY-MM or YYYY-MM-DD");
  }
  if (*year < 1000)
    return fail(error, "year " + std::to_string(*year) + " is out of range in " + quoted(text));
  Date date = text.size() == 4   ? of_year(*year)
              : text.size() == 7 ? of_month(*year, *month)
                                 : of_day(*year, *month, *day);
  if (date.precision != DatePrecision::Year && (*month < 1 || *month > 12)) {
    return fail(error, "month " + std::to_string(*month) + " is out of range in " + quoted(text));
  }
  if (!date.valid()) {
    return fail(error, "day " + std::to_string(*day) + " does not exist in " +
                           std::string(text.substr(0, 7)) + " (" + quoted(text) + ")");
  }
  return date;
}

std::string Date::iso() const {
  char buffer[16];
  switch (precision) {
    case DatePrecision::Year:
      std::snprintf(buffer, sizeof buffer, "%04d", year);
      break;
    case DatePrecision::Month:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
      break;
    case DatePrecision::Day:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
      break;
  }
  return buffer;
}

std::string Date::yyyymmdd() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", year, month, day);
  return buffer;
}

Date Date::first_day() const {
  return of_day(year, precision == DatePrecision::Year ? 1 : month,
                precision == DatePrecision::Day ? day : 1);
}

Date Date::last_day() const {
  const int last_month = precision == DatePrecision::Year ? 12 : month;
  return of_day(year, last_month,
                precision == DatePrecision::Day ? day : days_in_month(year, last_month));
}

bool Date::valid() const {
  if (year < 1 || year > 9999) return false;
  switch (precision) {
    case DatePrecision::Year:
      return month == 0 && day == 0;
    case DatePrecision::Month:
      return month >= 1 && month <= 12 && day == 0;
    case DatePrecision::Day:
      return day >= 1 && day <= days_in_month(year, month);
  }
  return false;
}

std::string_view to_string(DateSource source) {
  switch (source) {
    case DateSource::Metadata:
      return "metadata";
    case DateSource::Dateline:
      return "dateline";
    case DateSource::MentionedLatest:
      return "mentioned-latest";
    case DateSource::FileMtime:
      return "file-mtime";
  }
  return "unknown";
}

}  // namespace dossier
