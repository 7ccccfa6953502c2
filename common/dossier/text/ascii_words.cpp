#include "dossier/text/ascii_words.h"

#include <algorithm>

namespace dossier {
namespace {

// UAX #29 WB6/WB7 and WB11/WB12: a single '.' or '\'' between two letters, or one of
// ". , ; '" between two digits, does not break the word ("U.S", "1,080", "don't").
bool joins(char before, char mid, char after) {
  if (is_ascii_letter(before) && is_ascii_letter(after)) return mid == '.' || mid == '\'';
  if (is_ascii_digit(before) && is_ascii_digit(after))
    return mid == '.' || mid == '\'' || mid == ',' || mid == ';';
  return false;
}

}  // namespace

bool ascii_words(std::string_view chunk, std::vector<std::pair<std::size_t, std::size_t>>& words) {
  for (std::size_t i = 0; i < chunk.size(); ++i) {
    const char c = chunk[i];
    // Non-ASCII needs Unicode properties; '_' (ExtendNumLet), '@' (a letter to ICU, for
    // e-mail addresses) and ':' between letters (MidLetter, which ICU's tailorings treat
    // differently) are rare: left to ICU.
    if (static_cast<unsigned char>(c) >= 0x80 || c == '_' || c == '@') return false;
    if (c == ':' && i > 0 && i + 1 < chunk.size() && is_ascii_letter(chunk[i - 1]) &&
        is_ascii_letter(chunk[i + 1]))
      return false;
  }
  // Letters and digits never break between each other (WB5, WB8-WB10); everything else in
  // ASCII breaks on both sides (WB999) unless it joins two words as above.
  std::size_t i = 0;
  while (i < chunk.size()) {
    if (!is_ascii_alnum(chunk[i])) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    for (;;) {
      while (i < chunk.size() && is_ascii_alnum(chunk[i])) ++i;
      if (i + 1 < chunk.size() && joins(chunk[i - 1], chunk[i], chunk[i + 1])) {
        ++i;
        continue;
      }
      break;
    }
    words.emplace_back(begin, i);
  }
  return true;
}

void fold_ascii_word(std::string_view word, std::string& out) {
  std::size_t n = word.size();
  // Possessive: "Venezuela's" / "VENEZUELA'S" is about Venezuela.
  if (n > 2 && (word[n - 1] == 's' || word[n - 1] == 'S') && word[n - 2] == '\'') n -= 2;
  // Copied whole and lowered in place; the rare word with punctuation ("U.S", "1,080")
  // is compacted after. An append per letter cost twice as much.
  out.assign(word.data(), n);
  bool only_alnum = true;
  for (char& c : out) {
    if (is_ascii_upper(c)) {
      c = to_ascii_lower(c);
    } else if (!is_ascii_alnum(c)) {
      only_alnum = false;
    }
  }
  if (!only_alnum)
    out.erase(std::remove_if(out.begin(), out.end(), [](char c) { return !is_ascii_alnum(c); }),
              out.end());
}

}  // namespace dossier
