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

// The six ASCII spaces: what UAX #29 always breaks around (spaces, tabs, line breaks), so
// a text can be segmented piece by piece between them.
inline constexpr std::string_view kAsciiSpaces = " \t\n\v\f\r";
// The spaces between the words of a line of input (a query, a batch line): vertical tab
// and form feed are not among them, they are punctuation to the analyser.
inline constexpr std::string_view kLineSpaces = " \t\r\n";

constexpr bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

constexpr bool is_line_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

constexpr bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

constexpr bool is_ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}

constexpr bool is_ascii_letter(char c) {
  return is_ascii_lower(c) || is_ascii_upper(c);
}

constexpr bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// ASCII letters and digits: what a word of the ASCII paths (segmentation, folding, the
// snippet scans) is made of.
constexpr bool is_ascii_alnum(char c) {
  return is_ascii_letter(c) || is_ascii_digit(c);
}

// std::tolower/toupper of the "C" locale, without the locale lookup and for any char.
constexpr char to_ascii_lower(char c) {
  return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr char to_ascii_upper(char c) {
  return is_ascii_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}

// Whether `text` starts with `lower_prefix` (written in lower case) in any ASCII case.
constexpr bool starts_with_ascii_ci(std::string_view text, std::string_view lower_prefix) {
  if (text.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
    if (to_ascii_lower(text[i]) != lower_prefix[i]) return false;
  }
  return true;
}

// `text` without the bytes of `blanks` at either end. Each caller names its blanks: a TSV
// field is not trimmed of the tabs that separate it, a headline is of any space.
constexpr std::string_view trim(std::string_view text, std::string_view blanks) {
  const std::size_t first = text.find_first_not_of(blanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(blanks) - first + 1);
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
