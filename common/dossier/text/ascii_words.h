// Word segmentation of plain ASCII text without ICU. Segmenting each hit's whole text with
// ICU's BreakIterator was the largest cost of a snippet; most words of English news are
// ASCII, where the Unicode word-boundary rules (UAX #29) reduce to a few cases.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dossier {

// True for the ASCII bytes UAX #29 always breaks around (spaces, tabs, line breaks): a
// text can be segmented piece by piece between them.
constexpr bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

constexpr bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

constexpr bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// ASCII letters and digits: what a word of the ASCII paths (segmentation, folding, the
// snippet scans) is made of.
constexpr bool is_ascii_alnum(char c) {
  return is_ascii_letter(c) || is_ascii_digit(c);
}

// The words of `chunk` (no spaces, ASCII only) as [begin, end) offsets into it, exactly
// ICU's word segments with letter or number status; false when the chunk holds a case
// left to ICU (non-ASCII bytes, '_', '@', ':' between letters).
bool ascii_words(std::string_view chunk, std::vector<std::pair<std::size_t, std::size_t>>& words);

// Replaces `out` with the fold of a pure-ASCII word, byte for byte what Analyzer::fold
// gives through ICU (NFKC and accents change nothing in ASCII, case folding is tolower, a
// possessive "'s" goes, only letters and digits stay). Writing into the caller's buffer
// lets a snippet fold the candidate words of every hit without allocating.
void fold_ascii_word(std::string_view word, std::string& out);

}  // namespace dossier
