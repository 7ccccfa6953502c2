// Article-level dates: the dateline (publication date) and the dates the body mentions.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "dossier/extract/dates/date.h"
#include "dossier/extract/dates/date_scanner.h"

namespace dossier {

struct DateExtraction {
  // The publication date read from a dateline near the top ("LONDON 1996-08-30",
  // "WASHINGTON, Jan 5 (Reuters) -", "MOSCOW (Sputnik - 28th January, 2019)"). Always
  // Day precision.
  std::optional<Date> dateline;
  // Where the dateline's date is written, also when its year stayed unknown (year 0).
  std::optional<DateMention> dateline_mention;
  // Distinct dates the text mentions, ascending, Day or Month precision, without the
  // dateline's own occurrence. Years missing in the text are inferred (see extract_dates).
  std::vector<Date> mentioned;
  // Mentions whose year could not be inferred (date.year == 0), the dateline included
  // when it is one of them; kept for diagnostics, never used as dates.
  std::vector<DateMention> unresolved;
};

// Extracts the dates of one article. `body` is the article text (a title line may lead).
//
// A date written without a year ("Feb 26") takes it from a reference: `article_date` when
// known, else the nearest (by byte position) mention in the text that has a year. The year
// chosen is the one of reference year - 1, + 0, + 1 that puts the date closest to the
// reference (a January 5 next to 2018-12-30 is 2019-01-05). A yearless dateline only uses
// `article_date`: a year borrowed from the body could belong to a historical date.
DateExtraction extract_dates(std::string_view body, std::optional<Date> article_date,
                             DateOrder order = DateOrder::DMY);

// The dateline mention among `mentions` (those of `text`, in text order), if any: the
// first date-bearing line among the first few non-empty lines near the top, shaped as
//   PLACE[, Region] DATE ...        "LONDON 1996-08-30", "NICE , France 1996-08-30"
//   PLACE (Agency - DATE) ...       "MOSCOW (Pakistan Point News / Sputnik - 28th January, 2019)"
//   [Published:] DATE (short line)  "Monday, January 28, 2019"
// where PLACE is one to six upper-case words. Returns an index into `mentions`.
std::optional<std::size_t> find_dateline(std::string_view text,
                                         const std::vector<DateMention>& mentions);

// An article's date with its provenance.
struct ArticleDate {
  Date date;
  DateSource source;
};

// What to use as the publication date when neither metadata nor a dateline gives one
// (--date-fallback): by default nothing, since a mentioned date is not a publication date.
enum class DateFallback { None, MentionedLatest, FileMtime };
std::optional<DateFallback> date_fallback_from_string(std::string_view name);  // "none", ...

// The best date for an article: metadata, else dateline, else what `fallback` allows (the
// latest Day-precision mentioned date, or the file's modification day); nullopt when none.
std::optional<ArticleDate> choose_article_date(const std::optional<Date>& metadata_date,
                                               const DateExtraction& extraction,
                                               DateFallback fallback,
                                               const std::optional<Date>& file_mtime_date);

}  // namespace dossier
