#include "dossier/extract/actors/text_words.h"

#include <algorithm>
#include <array>
#include <optional>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "dossier/extract/actors/cue_words.h"
#include "dossier/text/ascii_words.h"

namespace dossier {
namespace {

// Abbreviations whose dot does not end a sentence ("Mr. Smith", "St. Louis").
constexpr std::array<std::string_view, 16> kAbbreviations{"col", "dr",  "ft",  "gen", "gov", "jr",
                                                          "lt",  "mr",  "mrs", "ms",  "mt",  "prof",
                                                          "rep", "sen", "sr",  "st"};

// A capital letter alone, before a dot an initial ("George W. Bush"); not the last of a
// firm's initials ("AT&T. Consolidation": the dot ends a sentence).
bool is_initial_letter(const TextWord& word) {
  return word.term.size() == 1 && word.capitalised && !word.ampersand_before;
}

bool is_abbreviation(const TextWord& word) {
  if (is_initial_letter(word)) return true;
  if (word.surface.find('.') != std::string_view::npos) return true;  // "U.S." ICU keeps "U.S"
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word.term) != kAbbreviations.end();
}

struct Casing {
  bool capitalised = false;
  bool all_caps = false;
  bool numeric = false;
  bool latin = true;
  std::uint8_t inner_capital = 0;
};

// casing_of for a word of ASCII bytes only (most words of English news): the same answer
// without ICU's property lookups (their cost: docs/BENCHMARKS.md).
std::optional<Casing> ascii_casing_of(std::string_view surface) {
  Casing casing;
  int letters = 0;
  bool any_lower = false;
  bool previous_lower = false;
  for (std::size_t i = 0; i < surface.size(); ++i) {
    if (static_cast<unsigned char>(surface[i]) >= 0x80) return std::nullopt;
    const bool upper = is_ascii_upper(surface[i]);
    const bool lower = is_ascii_lower(surface[i]);
    if (upper && previous_lower && casing.inner_capital == 0 && i <= 255)
      casing.inner_capital = static_cast<std::uint8_t>(i);
    letters += upper || lower ? 1 : 0;
    any_lower = any_lower || lower;
    previous_lower = lower;
  }
  if (!surface.empty()) {
    casing.capitalised = is_ascii_upper(surface.front());
    casing.numeric = is_ascii_digit(surface.front());
  }
  casing.all_caps = letters >= 2 && !any_lower;
  return casing;
}

Casing casing_of(std::string_view surface) {
  if (const auto ascii = ascii_casing_of(surface)) return *ascii;
  Casing casing;
  int letters = 0;
  bool any_lower = false;
  bool first = true;
  for (int32_t i = 0; i < static_cast<int32_t>(surface.size());) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(surface.data()), i,
            static_cast<int32_t>(surface.size()), c);
    if (first) {
      casing.capitalised = u_isupper(c) || u_istitle(c);
      casing.numeric = u_isdigit(c);
      UErrorCode status = U_ZERO_ERROR;
      const UScriptCode script = uscript_getScript(c, &status);
      casing.latin = U_FAILURE(status) || !u_isalpha(c) || script == USCRIPT_LATIN;
      first = false;
    }
    if (u_isalpha(c)) {
      ++letters;
      any_lower = any_lower || u_islower(c);
    }
  }
  casing.all_caps = letters >= 2 && !any_lower;
  return casing;
}

// `shortest` is the fewest letters a possessive's owner has: two ("A's" are grades), one
// after "&" ("AT&T's").
std::string_view strip_possessive(std::string_view surface, std::size_t shortest,
                                  bool& possessive) {
  for (std::string_view suffix : {std::string_view("'s"), std::string_view("\u2019s")}) {
    if (surface.size() >= suffix.size() + shortest && surface.ends_with(suffix)) {
      possessive = true;
      return surface.substr(0, surface.size() - suffix.size());
    }
  }
  return surface;
}

bool is_contraction(std::string_view surface) {
  // Every suffix below has an apostrophe, straight or curly (U+2019 starts with 0xE2).
  if (surface.find_first_of("'\xE2") == std::string_view::npos) return false;
  for (std::string_view suffix : {"'m", "'ve", "'re", "'ll", "'d", "n't", "\u2019m", "\u2019ve",
                                  "\u2019re", "\u2019ll", "\u2019d", "n\u2019t"})
    if (surface.ends_with(suffix)) return true;
  return false;
}

bool only_spaces(std::string_view gap) {
  return !gap.empty() && std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' '; });
}

// "/", " / ": one `mark` with nothing but spaces around it.
bool only_spaces_around(std::string_view gap, char mark) {
  const std::size_t at = gap.find(mark);
  if (at == std::string_view::npos) return false;
  const auto spaces = [](std::string_view part) {
    return std::all_of(part.begin(), part.end(), [](char c) { return c == ' '; });
  };
  return spaces(gap.substr(0, at)) && spaces(gap.substr(at + 1));
}

// Marks lines written in Title Case or ALL CAPS (headlines, menu items, "READ MORE: ..."):
// there every word is capitalised, so capitals prove nothing. A line qualifies when none of
// its words of four letters or more is lower-case.
void mark_headline_lines(std::vector<TextWord>& words) {
  for (std::size_t start = 0; start < words.size();) {
    std::size_t end = start;
    int capitalised = 0;
    int lower = 0;
    int numbers = 0;
    int commas = 0;
    while (end < words.size() && words[end].line == words[start].line) {
      const TextWord& w = words[end];
      commas += w.comma_before ? 1 : 0;
      if (w.capitalised) {
        ++capitalised;
      } else if (w.numeric) {
        ++numbers;
      } else if (w.surface.size() >= 4) {
        ++lower;
      }
      ++end;
    }
    // Capitalised words among figures (a results table, a dateline "LONDON 1996-08-30") or
    // in a comma-separated list ("Mike Hulbert, Tiger Woods, ...") are names, not headline.
    const bool table = numbers >= 2 || commas >= 2;
    const bool headline = capitalised > 0 && lower == 0 && !table;
    for (std::size_t i = start; i < end; ++i) words[i].headline_line = headline;
    start = end;
  }
  // Two or more ALL-CAPS words in a row are shouting ("READ MORE", "BREAKING NEWS") even
  // inside a normal line: treat them like a headline.
  for (std::size_t start = 0; start < words.size();) {
    std::size_t end = start;
    while (end < words.size() && words[end].all_caps && (end == start || words[end].joins_previous))
      ++end;
    if (end - start >= 2)
      for (std::size_t i = start; i < end; ++i) words[i].headline_line = true;
    start = std::max(end, start + 1);
  }
}

// Marks the words of lines holding two figures or more: table rows and results lines.
void mark_figure_lines(std::vector<TextWord>& words) {
  for (std::size_t start = 0; start < words.size();) {
    std::size_t end = start;
    int figures = 0;
    for (; end < words.size() && words[end].line == words[start].line; ++end)
      figures += words[end].numeric ? 1 : 0;
    for (std::size_t i = start; i < end; ++i) words[i].figures_line = figures >= 2;
    start = end;
  }
}

// "Marsh & McLennan", "AT&T": what joins the words of a firm's name.
bool is_ampersand_gap(std::string_view gap) {
  return gap == " & " || gap == "&";
}

// Longest exchange suffix after a stock symbol ("VOWG.F", "BP.L": a dot and a letter or two).
constexpr std::size_t kMaxTickerSuffix = 3;

// "Exxon Corp <XON>", "<VOWG.F>": one word, maybe with an exchange's suffix after a dot,
// alone between angle brackets (Reuters' stock symbols; "<Exxon Corp>" names a firm).
bool in_angle_brackets(std::string_view text, const Token& token, std::string_view gap) {
  if (!gap.ends_with('<')) return false;
  const std::size_t close = text.find_first_of("> \n", token.end);
  return close != std::string_view::npos && text[close] == '>' &&
         close - token.end <= kMaxTickerSuffix;
}

// "Intuit Inc. (INTU.O)", "(JNJ.N: Quote, Profile, Research)": a symbol with its exchange's
// suffix after a dot, first in parentheses (Reuters' instrument codes on the web).
bool coded_in_parentheses(std::string_view text, const Token& token, std::string_view gap) {
  if (!gap.ends_with('(') || token.end >= text.size() ||
      (text[token.end] != ')' && text[token.end] != ':'))
    return false;
  const std::string_view symbol = text.substr(token.begin, token.end - token.begin);
  const std::size_t dot = symbol.rfind('.');
  // The suffix's letters: kMaxTickerSuffix counts the dot too.
  return dot != std::string_view::npos && dot > 0 && symbol.size() - dot - 1 >= 1 &&
         symbol.size() - dot <= kMaxTickerSuffix;
}

// "(Nasdaq: ORCL)", "(NYSE: IBM)": an exchange, a colon and the symbol it lists the firm by.
bool listed_symbol(std::string_view text, const Token& token, std::string_view gap,
                   const TextWord* previous) {
  return previous != nullptr && previous->paren_before && cues::is_stock_exchange(previous->term) &&
         (gap == ":" || gap == ": ") && token.end < text.size() && text[token.end] == ')';
}

}  // namespace

std::size_t inner_capital_of(std::string_view surface) {
  const auto casing = ascii_casing_of(surface);
  return casing ? casing->inner_capital : 0;
}

std::vector<TextWord> annotate_words(std::string_view text, const std::vector<Token>& tokens,
                                     bool whole_text_is_headline) {
  std::vector<TextWord> words;
  words.reserve(tokens.size());
  std::size_t previous_end = 0;
  std::size_t line = 0;
  for (const Token& token : tokens) {
    TextWord word;
    const std::string_view gap = text.substr(previous_end, token.begin - previous_end);
    TextWord* previous = words.empty() ? nullptr : &words.back();
    // Most words follow a single space: none of the gap's marks below can be there.
    const bool plain_gap = previous != nullptr && gap.size() == 1 && gap[0] == ' ';
    const bool after_ampersand = previous != nullptr && is_ampersand_gap(gap);
    word.surface = strip_possessive(token.surface(text), after_ampersand ? 1 : 2, word.possessive);
    word.term = token.term;
    const Casing casing = casing_of(word.surface);
    // "I'm", "We've": a pronoun that ICU keeps whole with its contraction.
    word.capitalised = casing.capitalised && !is_contraction(word.surface);
    word.all_caps = casing.all_caps;
    word.numeric = casing.numeric;
    word.latin = casing.latin;
    word.inner_capital = casing.inner_capital;
    if (plain_gap) {
      word.joins_previous = !previous->possessive;
    } else {
      const bool new_line = gap.find('\n') != std::string_view::npos;
      line += static_cast<std::size_t>(std::count(gap.begin(), gap.end(), '\n'));
      word.comma_before = gap.find(',') != std::string_view::npos;
      word.hyphen_before = gap == "-";
      word.paren_before = gap.find('(') != std::string_view::npos;
      word.slash_before = !new_line && only_spaces_around(gap, '/');
      word.ampersand_before = is_ampersand_gap(gap);
      const bool listed = casing.all_caps && listed_symbol(text, token, gap, previous);
      word.ticker = listed || (casing.all_caps && (in_angle_brackets(text, token, gap) ||
                                                   coded_in_parentheses(text, token, gap)));
      if (listed) previous->exchange = true;  // "Nasdaq" of "(Nasdaq: ORCL)" names no actor
      if (previous != nullptr && gap == ". " && is_initial_letter(*previous))
        previous->initial = true;
      const bool after_abbreviation =
          previous != nullptr && !gap.empty() && gap.front() == '.' && is_abbreviation(*previous);
      if (previous == nullptr || new_line) {
        word.sentence_start = true;
      } else {
        // Byte search: the opening curly quote is multi-byte, so it is searched as a string.
        const bool ends_sentence = gap.find_first_of(".!?:;\"") != std::string_view::npos ||
                                   gap.find("\u201C") != std::string_view::npos;
        word.sentence_start = ends_sentence && !(after_abbreviation && gap == ". ");
      }
      word.joins_previous = previous != nullptr && !new_line && !previous->possessive &&
                            (only_spaces(gap) || gap == "-" || is_ampersand_gap(gap) ||
                             (after_abbreviation && gap == ". "));
    }
    word.line = line;
    previous_end = token.end;
    words.push_back(word);  // trivially copyable: a move would copy too
  }
  if (whole_text_is_headline) {
    for (TextWord& w : words) w.headline_line = true;
  } else {
    mark_headline_lines(words);
  }
  mark_figure_lines(words);
  return words;
}

}  // namespace dossier
