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

// The acronym `text` defines right after an occurrence of `form` whose initials are
// `initials`, or empty.
std::string_view defined_after(std::string_view text, std::string_view form,
                               std::string_view initials) {
  for (auto at = text.find(form); at != std::string_view::npos; at = text.find(form, at + 1)) {
    const std::string_view word = bracketed_word_at(text, at + form.size());
    if (!word.empty() && acronym_letters(word) == initials) return word;
  }
  return {};
}

}  // namespace

std::string name_initials(std::string_view name) {
  std::string initials;
  bool word_start = true;
  for (const char c : name) {
    if (word_start && is_ascii_upper(c)) initials += to_ascii_lower(c);
    word_start = c == ' ' || c == '-';
  }
  return initials.size() >= 2 ? initials : std::string();
}

std::vector<AcronymDefinition> acronym_definitions(std::string_view text,
                                                   const std::vector<Actor>& actors) {
  std::vector<AcronymDefinition> out;
  for (std::size_t i = 0; i < actors.size(); ++i) {
    std::vector<std::string_view> spellings{actors[i].name};
    spellings.insert(spellings.end(), actors[i].forms.begin(), actors[i].forms.end());
    for (const std::string_view spelling : spellings) {
      const std::string initials = name_initials(spelling);
      if (initials.empty()) continue;
      const std::string_view word = defined_after(text, spelling, initials);
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
