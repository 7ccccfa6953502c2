// Finds dates written in running text ("January 23, 2019", "23/01/2019", "Feb 26"...).
// A hand-written scanner over a light tokenisation: it runs on every article at index
// time, where std::regex would cost milliseconds.
#pragma once

#include <string_view>
#include <vector>

#include "dossier/extract/dates/date.h"

namespace dossier {

// How to read an all-numeric date such as 03/04/2019. When the preferred reading is
// impossible (23/01/2019 under MDY) the other one is used.
enum class DateOrder { DMY, MDY };

// One date written in the text, at byte offsets [begin, end).
struct DateMention {
  Date date;  // date.year == 0 while the text gave no year ("Feb 26"): see has_year()
  std::size_t begin = 0;
  std::size_t end = 0;
  bool year_inferred = false;  // the year came from a reference date, not from the text

  bool has_year() const { return date.year != 0; }
};

// Every date mention in `text`, in text order, without year inference. Recognised:
//   [Weekday[,]] Month[.] Day[st|nd|rd|th][,] [Year]      "Monday, Jan. 28th, 2019", "Feb 26"
//   [Weekday[,]] Day[st|nd|rd|th] [of] Month[.][,] [Year] "28th January, 2019", "23 January"
//   Month[,] Year                                         "January 2019" (Month precision)
//   YYYY-MM-DD, YYYY/MM/DD                                "2019-01-23"
//   D/M/YYYY, D.M.YYYY, D-M-YYYY (or M/D/YYYY under MDY)  "23/01/2019"
// A month name is a month only next to a day or a year ("May I" is not a date), and
// "march", "may" and "august" only when capitalised ("troops march 3 miles" is not one).
// Weekday names must be capitalised.
// Impossible dates ("February 30, 2019", "2019-13-01") are not mentions.
std::vector<DateMention> find_date_mentions(std::string_view text, DateOrder order);

}  // namespace dossier
