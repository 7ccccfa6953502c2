#include "dossier/snippets/match_finder.h"

#include <algorithm>

#include "dossier/schema/schema.h"
#include "dossier/text/ascii_words.h"

namespace dossier {

void MatchTerms::add_index_prefix(std::string_view prefix, double weight) {
  // A wildcard expands words, plain or of the title, never stems.
  const auto text = schema::parse_text_term(prefix);
  if (!text || text->stem) return;
  double& w = prefixes[std::string(text->word)];
  w = std::max(w, weight);
}

void MatchTerms::add_index_term(std::string_view term, double weight) {
  // Only free-text terms can be marked: plain words and title words, and their stems.
  const auto text = schema::parse_text_term(term);
  if (!text) return;
  double& w = (text->stem ? stems : exact)[std::string(text->word)];
  w = std::max(w, weight);
}

namespace {

// The length of the character at text[i] when it is one of the non-ASCII punctuation
// marks and symbols common in English news (no-break space, £, €, curly quotes, dashes,
// "…"), else 0. They fold to nothing, so a word holding them still folds to a fold that
// starts with its first ASCII letter or digit.
std::size_t known_symbol_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  if (byte(i) == 0xC2 && i + 1 < text.size() && (byte(i + 1) == 0xA0 || byte(i + 1) == 0xA3))
    return 2;
  if (byte(i) != 0xE2 || i + 2 >= text.size()) return 0;
  if (byte(i + 1) == 0x82 && byte(i + 2) == 0xAC) return 3;  // €
  if (byte(i + 1) != 0x80) return 0;
  switch (byte(i + 2)) {
    case 0x93:  // en dash
    case 0x94:  // em dash
    case 0x98:  // ‘
    case 0x99:  // ’
    case 0x9C:  // “
    case 0x9D:  // ”
    case 0xA6:  // …
      return 3;
    default:
      return 0;
  }
}

}  // namespace

namespace {

// A folded word's first two bytes as one number; 0 stands for the end of a one-byte word.
std::size_t start_pair(unsigned char first, unsigned char second) {
  return std::size_t{first} << 8 | second;
}

}  // namespace

void MatchFinder::allow_start(std::string_view term, bool stem, bool prefix) {
  const auto allow = [&](std::size_t pair, int third) {  // third: -1 for any
    start_pairs_[pair] = true;
    auto entry = std::find_if(third_bytes_.begin(), third_bytes_.end(),
                              [&](const ThirdBytes& t) { return t.pair == pair; });
    if (entry == third_bytes_.end()) entry = third_bytes_.insert(entry, ThirdBytes{pair});
    if (third < 0) {
      entry->any = true;
    } else {
      entry->allowed[static_cast<std::size_t>(third)] = true;
    }
  };
  const auto first = static_cast<unsigned char>(term[0]);
  if (term.size() == 1) {
    if (!stem && !prefix) return allow(start_pair(first, 0), -1);
    // A one-byte stem ("o" <- "oed") or prefix: any word starting with its byte.
    for (int second = 0; second < 256; ++second)
      start_pairs_[start_pair(first, static_cast<unsigned char>(second))] = true;
    any_after_[first] = true;
    return;
  }
  const auto second = static_cast<unsigned char>(term[1]);
  // The bytes a matching word's fold must start with: a stem's all but its last.
  const std::size_t kept = stem ? term.size() - 1 : term.size();
  allow(start_pair(first, second), kept >= 3 ? static_cast<unsigned char>(term[2]) : -1);
  if (stem && second == 'i') allow(start_pair(first, 'y'), -1);  // "dying" -> "die"
}

bool MatchFinder::may_start(char first, char second) const {
  const std::size_t pair =
      start_pair(static_cast<unsigned char>(first), static_cast<unsigned char>(second));
  return start_pairs_[pair];
}

bool MatchFinder::may_continue(char first, char second, char third) const {
  if (any_after_[static_cast<unsigned char>(first)]) return true;
  const std::size_t pair =
      start_pair(static_cast<unsigned char>(first), static_cast<unsigned char>(second));
  for (const ThirdBytes& t : third_bytes_) {
    if (t.pair != pair) continue;
    return t.any || t.allowed[static_cast<unsigned char>(third)];
  }
  return false;
}

namespace {

std::string initials_of(const MatchTerms& terms) {
  std::string initials;
  for (const auto* weights : {&terms.exact, &terms.stems, &terms.prefixes}) {
    for (const auto& [name, weight] : *weights) {
      if (!name.empty()) initials += name[0];
    }
  }
  return initials;
}

}  // namespace

MatchFinder::MatchFinder(const MatchTerms& terms, Analyzer& analyzer)
    : analyzer_(analyzer), scan_(initials_of(terms)) {
  // Keys numbered in name order, so windows are weighed the same on every run.
  const auto number = [&](const MatchTerms::Weights& weights, KeyMap& keys, bool stems) {
    std::vector<std::pair<std::string, double>> sorted(weights.begin(), weights.end());
    std::sort(sorted.begin(), sorted.end());
    for (const auto& [name, weight] : sorted) {
      keys.emplace(name, key_weights_.size());
      key_weights_.push_back(weight);
      if (!name.empty()) allow_start(name, stems);
    }
  };
  number(terms.exact, exact_keys_, false);
  number(terms.stems, stem_keys_, true);
  std::vector<std::pair<std::string, double>> prefixes(terms.prefixes.begin(),
                                                       terms.prefixes.end());
  std::sort(prefixes.begin(), prefixes.end());
  for (const auto& [prefix, weight] : prefixes) {
    prefix_keys_.emplace_back(prefix, key_weights_.size());
    key_weights_.push_back(weight);
    allow_start(prefix, false, true);
  }
}

std::size_t MatchFinder::key_of(std::string_view folded) {
  if (folded.empty() || !scan_.is_initial(folded[0]) ||
      !may_start(folded[0], folded.size() > 1 ? folded[1] : '\0') ||
      (folded.size() > 2 && !may_continue(folded[0], folded[1], folded[2])))
    return kNoKey;
  if (const auto cached = cache_.find(folded); cached != cache_.end()) return cached->second;
  std::size_t key = kNoKey;
  if (const auto exact = exact_keys_.find(folded); exact != exact_keys_.end()) {
    key = exact->second;
  } else if (!stem_keys_.empty() && Analyzer::should_stem(folded)) {
    const std::string_view stem = analyzer_.stem(folded);
    if (const auto st = stem_keys_.find(stem); st != stem_keys_.end()) key = st->second;
  }
  for (const auto& [prefix, prefix_key] : prefix_keys_) {
    if (key != kNoKey) break;
    if (folded.substr(0, prefix.size()) == prefix) key = prefix_key;
  }
  cache_.emplace(std::string(folded), key);
  return key;
}

void MatchFinder::find_in_ascii_chunk(std::string_view chunk, std::size_t offset,
                                      std::vector<TermMatch>& matches) {
  for (const auto& [b, e] : words_) {
    // An ASCII word starts with a letter or digit, which starts its fold, lower-cased.
    if (!scan_.is_initial(chunk[b])) continue;
    fold_ascii_word(chunk.substr(b, e - b), folded_);
    if (folded_.size() > kMaxWordTermBytes) continue;  // not indexed (analyzer.h)
    if (const std::size_t key = key_of(folded_); key != kNoKey)
      matches.push_back({offset + b, offset + e, key});
  }
}

void MatchFinder::find_with_analyzer(std::string_view text, std::size_t begin, std::size_t end,
                                     std::vector<TermMatch>& matches) {
  // Starting on the space before the chunk segments it as in the whole text (analyzer.h).
  const std::size_t from = begin > 0 ? begin - 1 : 0;
  for (const Token& t : analyzer_.tokenize(text.substr(from, end - from))) {
    if (const std::size_t key = key_of(t.term); key != kNoKey)
      matches.push_back({from + t.begin, from + t.end, key});
  }
}

void MatchFinder::find_in_chunk(std::string_view text, std::size_t begin, std::size_t end,
                                std::vector<TermMatch>& matches) {
  words_.clear();
  const std::string_view chunk = text.substr(begin, end - begin);
  if (ascii_words(chunk, words_)) {
    find_in_ascii_chunk(chunk, begin, matches);
  } else {
    find_with_analyzer(text, begin, end, matches);
  }
}

// One pass over the text: only chunks where a word may start with an initial, or that
// hold other characters than ASCII and the known symbols, are segmented.
void MatchFinder::find(std::string_view text, std::vector<TermMatch>& matches) {
  matches.clear();
  std::size_t looked_at = 0;  // the text before this is done with
  for (std::size_t i = scan_.next(text, 0); i < text.size(); i = scan_.next(text, i)) {
    if (const std::size_t length = known_symbol_length(text, i)) {
      i += length;
      continue;
    }
    // A word starting with two ASCII letters or digits folds to a word starting with
    // both, lower-cased: most words that start with an initial are passed over here.
    if (i + 1 < text.size() && is_ascii_alnum(text[i]) && is_ascii_alnum(text[i + 1])) {
      const char first = to_ascii_lower(text[i]), second = to_ascii_lower(text[i + 1]);
      if (!may_start(first, second) ||
          (i + 2 < text.size() && is_ascii_alnum(text[i + 2]) &&
           !may_continue(first, second, to_ascii_lower(text[i + 2])))) {
        ++i;
        continue;
      }
    }
    std::size_t begin = i, end = i;
    while (begin > looked_at && !is_ascii_space(text[begin - 1])) --begin;
    while (end < text.size() && !is_ascii_space(text[end])) ++end;
    find_in_chunk(text, begin, end, matches);
    looked_at = i = end;
  }
}

}  // namespace dossier
