#include "dossier/snippet.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "dossier/schema.h"

namespace dossier {
namespace {

// Copies text[from, to) collapsing whitespace runs (including newlines) to one space.
void append_collapsed(std::string& out, std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    const char c = text[i];
    const bool nbsp = c == '\xC2' && i + 1 < to && text[i + 1] == '\xA0';
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || nbsp;
    if (nbsp) ++i;
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
}

// Moves a window so that its first match has a little context before it (about a quarter
// of the window, starting at a sentence when one starts there), keeping every match the
// window had.
// True when tokens[k] opens a sentence: nothing but spaces and quotes since the last
// '.', '!', '?' or line break.
bool starts_sentence(std::string_view text, const std::vector<Token>& tokens, std::size_t k) {
  for (std::size_t i = tokens[k].begin; i > 0; --i) {
    const char c = text[i - 1];
    if (c == '.' || c == '!' || c == '?' || c == '\n') return true;
    if (c != ' ' && c != '"' && c != '\'' && c != '\t') return false;
  }
  return true;
}

void recenter(std::string_view text, const std::vector<Token>& tokens,
              const std::vector<int>& match, std::size_t max_bytes, std::size_t& start,
              std::size_t& end) {
  std::size_t first = start, last = start;
  bool any = false;
  for (std::size_t k = start; k < end; ++k) {
    if (match[k] < 0) continue;
    if (!any) first = k;
    last = k;
    any = true;
  }
  if (!any) return;
  std::size_t s = first;
  while (s > 0 && tokens[first].begin - tokens[s - 1].begin <= max_bytes / 4) --s;
  for (std::size_t k = s; k < first; ++k) {
    if (starts_sentence(text, tokens, k)) {
      s = k;
      break;
    }
  }
  std::size_t e = s;
  while (e < tokens.size() && tokens[e].end - tokens[s].begin <= max_bytes) ++e;
  if (e <= last) return;  // would lose a match: keep the window as it was
  start = s;
  end = e;
}

}  // namespace

void MatchTerms::add_index_term(std::string_view term, double weight) {
  const bool stemmed = !term.empty() && term[0] == schema::kStemPrefix[0];
  if (stemmed) term.remove_prefix(1);
  // Only free-text terms can be marked: plain words and title words. Folded words never
  // start with an upper-case letter, so any other capital is a filter prefix.
  if (!term.empty() && term[0] == schema::kTitlePrefix[0]) term.remove_prefix(1);
  if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return;
  double& w = (stemmed ? stems : exact)[std::string(term)];
  w = std::max(w, weight);
}

std::string make_snippet(std::string_view text, const MatchTerms& terms, Analyzer& analyzer,
                         const SnippetOptions& options) {
  const auto tokens = analyzer.tokenize(text);
  // Which tokens match, and which distinct term each one is (index into `keys`).
  std::vector<int> match(tokens.size(), -1);
  std::vector<std::string> keys;
  std::vector<double> key_weight;
  // Stemming every word of the text was the largest cost of a snippet. The English
  // Snowball stemmer never changes a word's first letter, so only words starting like one
  // of the matched stems can match, and each distinct word is stemmed once.
  std::string stem_initials;
  for (const auto& [stem, weight] : terms.stems) {
    if (stem_initials.find(stem[0]) == std::string::npos) stem_initials += stem[0];
  }
  std::unordered_map<std::string_view, std::string> stem_of;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& term = tokens[i].term;
    std::string key;
    double weight = 0;
    if (const auto e = terms.exact.find(term); e != terms.exact.end()) {
      key = term;
      weight = e->second;
    } else if (stem_initials.find(term[0]) != std::string::npos && Analyzer::should_stem(term)) {
      auto [cached, fresh] = stem_of.try_emplace(term);
      if (fresh) cached->second = analyzer.stem(term);
      const std::string& stem = cached->second;
      if (const auto st = terms.stems.find(stem); st != terms.stems.end()) {
        key = "Z" + stem;
        weight = st->second;
      }
    }
    if (key.empty()) continue;
    const auto found = std::find(keys.begin(), keys.end(), key);
    match[i] = static_cast<int>(found - keys.begin());
    if (found == keys.end()) {
      keys.push_back(key);
      key_weight.push_back(weight);
    }
  }

  // Best window: starts at a token, spans at most max_bytes, most distinct matches, then
  // most matches, then earliest.
  std::size_t best_start = 0, best_end = 0;
  double best_distinct = -1;
  int best_total = -1;
  std::vector<int> seen(keys.size(), 0);
  for (std::size_t s = 0, e = 0; s < tokens.size(); ++s) {
    if (e < s) e = s;
    while (e < tokens.size() && tokens[e].end - tokens[s].begin <= options.max_bytes) ++e;
    if (match[s] < 0 && best_distinct > 0) continue;  // good windows start on a match
    double distinct = 0;
    int total = 0;
    std::fill(seen.begin(), seen.end(), 0);
    for (std::size_t k = s; k < e; ++k) {
      if (match[k] < 0) continue;
      ++total;
      if (!seen[match[k]]++) distinct += key_weight[match[k]];
    }
    if (distinct > best_distinct || (distinct == best_distinct && total > best_total)) {
      best_distinct = distinct;
      best_total = total;
      best_start = s;
      best_end = e;
    }
  }
  if (tokens.empty()) return {};
  recenter(text, tokens, match, options.max_bytes, best_start, best_end);

  std::string out;
  if (tokens[best_start].begin > 0) out += options.ellipsis + " ";
  std::size_t copied = tokens[best_start].begin;
  for (std::size_t k = best_start; k < best_end; ++k) {
    append_collapsed(out, text, copied, tokens[k].begin);
    if (match[k] >= 0) out += options.mark_start;
    out.append(text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin));
    if (match[k] >= 0) out += options.mark_end;
    copied = tokens[k].end;
  }
  // Keep a closing punctuation mark that ends the last word's sentence.
  if (copied < text.size() &&
      (text[copied] == '.' || text[copied] == '"' || text[copied] == '?' || text[copied] == '!')) {
    out += text[copied++];
  }
  if (best_end < tokens.size()) out += " " + options.ellipsis;
  return out;
}

}  // namespace dossier
