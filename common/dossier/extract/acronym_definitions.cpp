#include "dossier/extract/acronym_definitions.h"

#include <algorithm>

#include "dossier/text/ascii_words.h"

namespace dossier {
namespace {

constexpr std::size_t kMaxAcronymBytes = 12;

// The letters of a bracketed word, lower-cased, dots dropped ("U.N." -> "un"); empty when
// it holds anything but ASCII letters and dots, or does not start with a capital.
std::string acronym_letters(std::string_view word) {
  if (word.empty() || !is_ascii_upper(word.front())) return {};
  std::string letters;
  for (const char c : word) {
    if (c == '.') continue;
    if (!is_ascii_letter(c)) return {};
    letters += to_ascii_lower(c);
  }
  return letters;
}

// The word in brackets right after `at` ("  (EU)" -> "EU"), or empty.
std::string_view bracketed_word_at(std::string_view text, std::size_t at) {
  while (at < text.size() && text[at] == ' ') ++at;
  if (at >= text.size() || text[at] != '(') return {};
  const auto close = text.find(')', at + 1);
  if (close == std::string_view::npos || close - at - 1 > kMaxAcronymBytes) return {};
  return text.substr(at + 1, close - at - 1);
}

// The acronym `text` defines right after an occurrence of `form`, or empty.
std::string_view defined_after(std::string_view text, std::string_view form) {
  for (auto at = text.find(form); at != std::string_view::npos; at = text.find(form, at + 1)) {
    const std::string_view word = bracketed_word_at(text, at + form.size());
    if (!word.empty() && acronym_expansion(form, word) != std::string_view::npos) return word;
  }
  return {};
}

}  // namespace

std::size_t acronym_expansion(std::string_view name, std::string_view bracketed) {
  const std::string letters = acronym_letters(bracketed);
  if (letters.size() < 2 || bracketed.size() > kMaxAcronymBytes) return std::string_view::npos;
  // The name's word starts with a capital, last first, matched against the letters.
  std::size_t matched = 0;
  std::size_t start = std::string_view::npos;
  for (std::size_t i = name.size(); i-- > 0 && matched < letters.size();) {
    const bool word_start = i == 0 || name[i - 1] == ' ' || name[i - 1] == '-';
    if (!word_start || !is_ascii_upper(name[i])) continue;
    if (to_ascii_lower(name[i]) != letters[letters.size() - 1 - matched])
      return std::string_view::npos;
    ++matched;
    start = i;
  }
  return matched == letters.size() ? start : std::string_view::npos;
}

std::vector<AcronymDefinition> acronym_definitions(std::string_view text,
                                                   const std::vector<Actor>& actors) {
  std::vector<AcronymDefinition> out;
  for (std::size_t i = 0; i < actors.size(); ++i) {
    std::vector<std::string_view> spellings{actors[i].name};
    spellings.insert(spellings.end(), actors[i].forms.begin(), actors[i].forms.end());
    for (const std::string_view spelling : spellings) {
      const std::string_view word = defined_after(text, spelling);
      if (word.empty()) continue;
      const bool known = std::any_of(out.begin(), out.end(), [&](const AcronymDefinition& d) {
        return d.actor == i && d.acronym == word;
      });
      if (!known) out.push_back({std::string(word), i});
    }
  }
  return out;
}

}  // namespace dossier
