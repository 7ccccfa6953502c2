#include "dossier/extract/dates/date_extractor.h"

#include <algorithm>
#include <cstdlib>

#include "dossier/text/ascii_words.h"

namespace dossier {

namespace {

// How far down a dateline may sit: scraped pages often repeat the headline and a summary
// before it, so a few lines rather than one.
constexpr std::size_t kDatelineMaxLines = 6;
constexpr std::size_t kDatelineWindowBytes = 1500;
// A "PLACE (Agency - DATE)" parenthesis is short; a long one is prose.
constexpr std::size_t kDatelineParenBytes = 120;
// A date line with a time after the date is short.
constexpr std::size_t kDateOnlyLineBytes = 80;
constexpr std::size_t kMaxPlaceWords = 4;   // "SALT LAKE CITY", "RIO DE JANEIRO"
constexpr std::size_t kMaxRegionWords = 3;  // "British West Indies"
constexpr int kMaxRegions = 3;              // "NEW YORK, Louisville, KY, March 11"
constexpr std::size_t kMaxBylineWords = 6;  // "By Jane Doe and Ann Lee"

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

std::size_t skip_blanks(std::string_view text, std::size_t pos, std::size_t end) {
  while (pos < end && is_blank(text[pos])) ++pos;
  return pos;
}

// End of the word at `pos`: stops at a blank, a comma or a parenthesis.
std::size_t word_end(std::string_view text, std::size_t pos, std::size_t end) {
  while (pos < end && !is_blank(text[pos]) && text[pos] != ',' && text[pos] != '(') ++pos;
  return pos;
}

// Letters (ASCII or not) and the . ' - / of "ST. LOUIS", "N'DJAMENA", "AL-RAM",
// "DALLAS/FORT WORTH"; no digits, no brackets ("<KPK>" is a ticker, not a place).
bool is_name_character(char c) {
  return is_ascii_upper(c) || is_ascii_lower(c) || c == '.' || c == '\'' || c == '-' || c == '/' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Upper-case word of a place name: "LONDON", "AL-RAM", "U.S.", "SÃO" (no ASCII lowercase).
bool is_place_word(std::string_view word) {
  bool has_upper = false;
  for (const char c : word) {
    if (is_ascii_lower(c) || !is_name_character(c)) return false;
    has_upper = has_upper || is_ascii_upper(c);
  }
  return has_upper;
}

// Capitalised word of a place or region name: "Toronto", "Wisconsin", "N.H.", and the
// "the" of "GRONINGEN, the Netherlands".
bool is_region_word(std::string_view word) {
  if (word == "the") return true;
  if (word.empty() || !is_ascii_upper(word.front())) return false;
  return std::all_of(word.begin(), word.end(), is_name_character);
}

// Labels that may precede a date on a line of its own.
bool is_date_label(std::string_view word) {
  static constexpr std::string_view kLabels[] = {
      "Published", "Posted",   "Updated",    "Date",    "Dated",    "Last",
      "on",        "updated:", "Published:", "Posted:", "Updated:", "Date:"};
  return std::find(std::begin(kLabels), std::end(kLabels), word) != std::end(kLabels);
}

class DatelineFinder {
 public:
  DatelineFinder(std::string_view text, const std::vector<DateMention>& mentions)
      : text_(text), mentions_(mentions) {}

  std::optional<std::size_t> find() const {
    std::size_t non_empty = 0;
    std::size_t pos = 0;
    while (pos < text_.size() && pos < kDatelineWindowBytes && non_empty < kDatelineMaxLines) {
      std::size_t end = text_.find('\n', pos);
      if (end == std::string_view::npos) end = text_.size();
      const std::size_t start = skip_blanks(text_, pos, end);
      if (start < end) {
        ++non_empty;
        if (auto found = date_led_line(start, end)) return found;
        if (auto found = byline_date(start, end)) return found;
        if (auto found = place_line(start, end)) return found;
      }
      pos = end + 1;
    }
    return std::nullopt;
  }

 private:
  // Index of the Day-precision mention starting exactly at `pos`.
  std::optional<std::size_t> day_mention_at(std::size_t pos) const {
    const auto it =
        std::lower_bound(mentions_.begin(), mentions_.end(), pos,
                         [](const DateMention& m, std::size_t p) { return m.begin < p; });
    if (it == mentions_.end() || it->begin != pos) return std::nullopt;
    if (it->date.precision != DatePrecision::Day) return std::nullopt;
    return static_cast<std::size_t>(it - mentions_.begin());
  }

  // First Day-precision mention starting in [from, to).
  std::optional<std::size_t> day_mention_within(std::size_t from, std::size_t to) const {
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), from,
                               [](const DateMention& m, std::size_t p) { return m.begin < p; });
    for (; it != mentions_.end() && it->begin < to; ++it) {
      if (it->date.precision == DatePrecision::Day) {
        return static_cast<std::size_t>(it - mentions_.begin());
      }
    }
    return std::nullopt;
  }

  // A line led by a date that stands apart from any sentence: alone ("Monday, January 28,
  // 2019"), before a time ("Published: 12 March 2021 10:02 GMT"), or set off by a dash or
  // a parenthesis ("Jan 28, 2019 (AP) - ..."). "5 May election date set" is a headline.
  std::optional<std::size_t> date_led_line(std::size_t start, std::size_t end) const {
    std::size_t pos = start;
    for (int labels = 0; labels < 3; ++labels) {
      if (auto found = day_mention_at(pos)) {
        const std::size_t date_end = mentions_[*found].end;
        if (set_off(date_end, end, /*line_end_ok=*/true)) return found;
        const bool short_line = end - start <= kDateOnlyLineBytes;
        return short_line && followed_by_time(date_end, end) ? found : std::nullopt;
      }
      const std::size_t after = word_end(text_, pos, end);
      if (after == pos || !is_date_label(text_.substr(pos, after - pos))) return std::nullopt;
      pos = skip_blanks(text_, after, end);
    }
    return std::nullopt;
  }

  // A byline with the date after the names: "By John Smith | January 28, 2019",
  // "By Jane Doe and Ann Lee - 28 Jan 2019".
  std::optional<std::size_t> byline_date(std::size_t start, std::size_t end) const {
    std::size_t pos = word_end(text_, start, end);
    const std::string_view by = text_.substr(start, pos - start);
    if (by != "By" && by != "by") return std::nullopt;
    pos = skip_blanks(text_, pos, end);
    std::size_t names = 0;
    while (pos < end && names < kMaxBylineWords && !day_mention_at(pos)) {
      const std::size_t after = word_end(text_, pos, end);
      const std::string_view word = text_.substr(pos, after - pos);
      if (after == pos || (word != "and" && (word == "the" || !is_region_word(word)))) break;
      ++names;
      pos = skip_blanks(text_, after, end);
    }
    if (names == 0 || pos >= end) return std::nullopt;
    pos = skip_separator(pos, end);
    const auto found = day_mention_at(pos);
    if (!found) return std::nullopt;
    const std::size_t date_end = mentions_[*found].end;
    return set_off(date_end, end, /*line_end_ok=*/true) || followed_by_time(date_end, end)
               ? found
               : std::nullopt;
  }

  // Skips one separator between a byline's names and its date: a bar, a comma, a slash, a
  // middle dot or a dash, and the blanks after it.
  std::size_t skip_separator(std::size_t pos, std::size_t end) const {
    const std::string_view rest = text_.substr(pos, end - pos);
    for (const std::string_view sep : {"|", ",", "/", "\xC2\xB7"}) {
      if (rest.starts_with(sep)) return skip_blanks(text_, pos + sep.size(), end);
    }
    return skip_dash(pos, end);
  }

  // " 10:02 GMT", ", 10.30", and the "T10:15:00Z" of an ISO 8601 timestamp.
  bool followed_by_time(std::size_t pos, std::size_t end) const {
    const std::string_view rest = text_.substr(pos, end - pos);
    if (rest.size() >= 4 && rest[0] == 'T' && is_ascii_digit(rest[1]) && is_ascii_digit(rest[2]) &&
        rest[3] == ':') {
      return true;
    }
    pos = skip_blanks(text_, pos, end);
    if (pos < end && text_[pos] == ',') pos = skip_blanks(text_, pos + 1, end);
    return pos < end && is_ascii_digit(text_[pos]);
  }

  // "LONDON 1996-08-30", "NICE , France 1996-08-30", "WASHINGTON, Jan 5 (Reuters) -",
  // "MOSCOW (Pakistan Point News / Sputnik - 28th January, 2019) ...", "Toronto, Feb 26 -"
  std::optional<std::size_t> place_line(std::size_t start, std::size_t end) const {
    std::size_t pos = start;
    std::size_t place_words = 0;
    bool all_caps = true;  // "TORONTO" rather than "Toronto": the usual wire style
    while (pos < end && place_words < kMaxPlaceWords && !day_mention_at(pos)) {
      const std::size_t after = word_end(text_, pos, end);
      const std::string_view word = text_.substr(pos, after - pos);
      if (after == pos) break;
      if (!is_place_word(word)) {
        if (!is_region_word(word) || place_words >= kMaxRegionWords) break;
        all_caps = false;
      }
      ++place_words;
      pos = skip_blanks(text_, after, end);
    }
    if (place_words == 0) return std::nullopt;
    // Right after the place: a full date ("LONDON 1996-08-30") or one set off by a dash
    // ("DETROIT June 18 -"); a bare "SEPT 30" there belongs to an upper-case headline
    // ("KAPOK CORP YEAR SEPT 30 LOSS").
    if (auto found = day_mention_at(pos)) {
      const DateMention& mention = mentions_[*found];
      const bool dateline_like =
          (all_caps && mention.has_year()) || set_off(mention.end, end, /*line_end_ok=*/false);
      return dateline_like ? found : std::nullopt;
    }
    // ", Wisconsin" / ", Grand Cayman, British West Indies" / ", Jan 5"
    for (int regions = 0; regions < kMaxRegions && pos < end && text_[pos] == ','; ++regions) {
      pos = skip_blanks(text_, pos + 1, end);
      for (std::size_t region_words = 0; region_words < kMaxRegionWords && !day_mention_at(pos);
           ++region_words) {
        const std::size_t after = word_end(text_, pos, end);
        if (after == pos || !is_region_word(text_.substr(pos, after - pos))) break;
        pos = skip_blanks(text_, after, end);
      }
    }
    pos = skip_dash(pos, end);
    // A title-case place must look like a dateline on both sides: "Toronto, Feb 26 - ".
    if (auto found = day_mention_at(pos)) {
      return all_caps || set_off(mentions_[*found].end, end, /*line_end_ok=*/true) ? found
                                                                                   : std::nullopt;
    }
    if (pos < end && text_[pos] == '(') {
      const std::size_t limit = std::min(end, pos + kDatelineParenBytes);
      const std::size_t close = text_.substr(0, limit).find(')', pos);
      if (close == std::string_view::npos) return std::nullopt;
      if (auto found = day_mention_within(pos + 1, close)) return found;
      // "PARIS (AFP) - 28 Jan 2019": the agency, then the date set off by a dash.
      const std::size_t after = skip_blanks(text_, close + 1, end);
      const std::size_t date_at = skip_dash(after, end);
      if (date_at == after) return std::nullopt;
      if (auto found = day_mention_at(date_at)) {
        const DateMention& mention = mentions_[*found];
        return mention.has_year() || set_off(mention.end, end, /*line_end_ok=*/false)
                   ? found
                   : std::nullopt;
      }
    }
    return std::nullopt;
  }

  // What follows a date at `pos` separates it from the story: a dash, a parenthesis, a
  // bar or slash, or (when `line_end_ok`) the end of the line.
  bool set_off(std::size_t pos, std::size_t end, bool line_end_ok) const {
    pos = skip_blanks(text_, pos, end);
    if (pos >= end) return line_end_ok;
    const char c = text_[pos];
    return c == '(' || c == '|' || c == '/' || skip_dash(pos, end) != pos;
  }

  // Skips one "-", ":", en dash or em dash and the blanks after it.
  std::size_t skip_dash(std::size_t pos, std::size_t end) const {
    const std::string_view rest = text_.substr(pos, end - pos);
    for (const std::string_view dash : {"-", ":", "\xE2\x80\x93", "\xE2\x80\x94"}) {
      if (rest.starts_with(dash)) return skip_blanks(text_, pos + dash.size(), end);
    }
    return pos;
  }

  std::string_view text_;
  const std::vector<DateMention>& mentions_;
};

// The year that puts month/day closest to `reference` (one of its year - 1, + 0, + 1).
std::optional<Date> with_year_near(const Date& yearless, const Date& reference) {
  if (reference.precision == DatePrecision::Year) {
    Date date = yearless;
    date.year = reference.year;
    return date.valid() ? std::optional<Date>(date) : std::nullopt;
  }
  const Date anchor = reference.precision == DatePrecision::Day
                          ? reference
                          : Date::of_day(reference.year, reference.month, 15);
  const long anchor_days = days_since_epoch(anchor);
  std::optional<Date> best;
  long best_distance = 0;
  for (const int year : {reference.year, reference.year - 1, reference.year + 1}) {
    Date candidate = yearless;
    candidate.year = year;
    if (!candidate.valid()) continue;  // February 29 outside leap years
    const long distance = std::labs(days_since_epoch(candidate) - anchor_days);
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

// The mention with a year nearest to mentions[index] by byte position.
std::optional<Date> nearest_full_date(const std::vector<DateMention>& mentions, std::size_t index) {
  std::optional<Date> best;
  std::size_t best_distance = 0;
  const std::size_t at = mentions[index].begin;
  for (const DateMention& other : mentions) {
    if (!other.has_year() || other.year_inferred) continue;
    const std::size_t distance = other.begin > at ? other.begin - at : at - other.begin;
    if (!best || distance < best_distance) {
      best = other.date;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace

std::optional<std::size_t> find_dateline(std::string_view text,
                                         const std::vector<DateMention>& mentions) {
  return DatelineFinder(text, mentions).find();
}

DateExtraction extract_dates(std::string_view body, std::optional<Date> article_date,
                             DateOrder order) {
  std::vector<DateMention> mentions = find_date_mentions(body, order);
  const std::optional<std::size_t> dateline_index = find_dateline(body, mentions);

  // Resolve years against the original mentions, so an inferred year never serves as
  // a reference for another mention.
  const std::vector<DateMention> written = mentions;
  DateExtraction result;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    DateMention& mention = mentions[i];
    if (mention.has_year()) continue;
    const bool is_dateline = dateline_index == i;
    const std::optional<Date> reference = article_date  ? article_date
                                          : is_dateline ? std::nullopt
                                                        : nearest_full_date(written, i);
    const std::optional<Date> resolved =
        reference ? with_year_near(mention.date, *reference) : std::nullopt;
    if (resolved) {
      mention.date = *resolved;
      mention.year_inferred = true;
    } else {
      result.unresolved.push_back(mention);
    }
  }

  if (dateline_index) result.dateline_mention = mentions[*dateline_index];
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const DateMention& mention = mentions[i];
    if (!mention.has_year()) continue;
    if (dateline_index == i) {
      result.dateline = mention.date;
    } else {
      result.mentioned.push_back(mention.date);
    }
  }
  std::sort(result.mentioned.begin(), result.mentioned.end());
  result.mentioned.erase(std::unique(result.mentioned.begin(), result.mentioned.end()),
                         result.mentioned.end());
  return result;
}

std::optional<DateFallback> date_fallback_from_string(std::string_view name) {
  if (name == "none") return DateFallback::None;
  if (name == "mentioned-latest") return DateFallback::MentionedLatest;
  if (name == "file-mtime") return DateFallback::FileMtime;
  return std::nullopt;
}

std::optional<ArticleDate> choose_article_date(const std::optional<Date>& metadata_date,
                                               const DateExtraction& extraction,
                                               DateFallback fallback,
                                               const std::optional<Date>& file_mtime_date) {
  if (metadata_date) return ArticleDate{*metadata_date, DateSource::Metadata};
  if (extraction.dateline) return ArticleDate{*extraction.dateline, DateSource::Dateline};
  if (fallback == DateFallback::MentionedLatest) {
    for (auto it = extraction.mentioned.rbegin(); it != extraction.mentioned.rend(); ++it) {
      if (it->precision == DatePrecision::Day) return ArticleDate{*it, DateSource::MentionedLatest};
    }
  }
  if (fallback == DateFallback::FileMtime && file_mtime_date) {
    return ArticleDate{*file_mtime_date, DateSource::FileMtime};
  }
  return std::nullopt;
}

}  // namespace dossier
