// Words of a text with the layout facts name finding needs: capitalisation, sentence and
// line starts, whether a word may continue the name before it, and Title-Case lines.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/text/analyzer.h"

namespace dossier {

struct TextWord {
  std::string_view surface;       // as written, possessive "'s" removed
  std::string_view term;          // folded (Analyzer::fold): the token's, which outlives it
  bool capitalised = false;       // first letter upper- or title-case
  bool all_caps = false;          // two or more letters, none lower-case ("NATO", "LONDON")
  bool numeric = false;           // starts with a digit
  bool possessive = false;        // was written "X's": a name ends here
  bool comma_before = false;      // a comma separates it from the previous word
  bool hyphen_before = false;     // only a hyphen separates it from the previous word
  bool ampersand_before = false;  // "Marsh & McLennan", "AT&T"
  bool initial = false;           // one capital letter and a dot: "A. Hollioake"
  bool sentence_start = false;
  bool joins_previous = false;  // only a space, hyphen, "&" or an initial's dot before it
  bool headline_line = false;   // on a Title-Case or ALL-CAPS line (see annotate)
  bool paren_before = false;    // an opening parenthesis before it: "(EU)"
  bool slash_before = false;    // only a slash, maybe spaced, before it: "REUTERS / Carlos"
  bool latin = true;            // first letter in the Latin script (or not a letter)
  bool figures_line = false;    // its line holds two figures or more: a table or results row
  bool ticker = false;          // a stock symbol: "<XON>", "(INTU.O)", "(Nasdaq: ORCL)"
  bool exchange = false;        // the exchange before a symbol: "Nasdaq" of "(Nasdaq: ORCL)"
  // Offset of a capital after a lower-case ASCII letter ("RawlinsJuan": 7), else 0.
  std::uint8_t inner_capital = 0;

  std::size_t line = 0;
};

// Where a capital follows a lower-case letter in a word of ASCII bytes ("WorldCom": 5),
// as TextWord::inner_capital holds it; 0 for none, or for a word with other bytes.
std::size_t inner_capital_of(std::string_view surface);

// Annotates the words of `text`, as Analyzer::tokenize split it into `tokens` (the
// indexer segments an article once, for the extractors and the document alike); the
// words point into `text` and `tokens`, which must outlive them. When
// `whole_text_is_headline` is set (an article title) every word is marked headline_line.
std::vector<TextWord> annotate_words(std::string_view text, const std::vector<Token>& tokens,
                                     bool whole_text_is_headline);

}  // namespace dossier
