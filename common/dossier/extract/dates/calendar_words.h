// English month and weekday names as news writes them ("January", "Jan", "Jan.", "Sept").
#pragma once

#include <string_view>

namespace dossier {

// 1..12 when `word` (ASCII letters, any case, no trailing dot) is an English month name or
// abbreviation, else 0. `abbreviated` tells "Jan"/"Sept" (which may take a dot) from
// "January"/"May" (where a dot ends the sentence). Capitalisation rules are the caller's.
int month_from_word(std::string_view word, bool* abbreviated = nullptr);

// True when `word` is an English weekday name or abbreviation ("Monday", "Mon", "Tues").
bool is_weekday_word(std::string_view word);

}  // namespace dossier
