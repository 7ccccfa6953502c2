#include "dossier/snippet.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <vector>

#include "dossier/ascii_words.h"
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

namespace {

// Which folded words match, as indices of distinct matched terms ("keys"), shared by the
// scan for matching chunks and the window search so both decide alike.
class TermMatcher {
 public:
  TermMatcher(const MatchTerms& terms, Analyzer& analyzer) : terms_(terms), analyzer_(analyzer) {
    // The English Snowball stemmer never changes a word's first letter, so only words
    // starting like a matched word or stem can match: most words of a text are rejected on
    // their first byte, before any hashing or stemming.
    for (const auto& [word, weight] : terms.exact) initial_[first_byte(word)] = true;
    for (const auto& [stem, weight] : terms.stems) initial_[first_byte(stem)] = true;
  }

  // Whether a word whose fold starts with `c` can match.
  bool may_match(char c) const { return initial_[static_cast<unsigned char>(c)]; }

  // The key of `term` (a folded word), or -1 when it matches nothing.
  int match(std::string_view term) {
    if (term.empty() || !may_match(term[0])) return -1;
    if (const auto e = terms_.exact.find(term); e != terms_.exact.end())
      return key(term, e->second);
    if (terms_.stems.empty() || !Analyzer::should_stem(term)) return -1;
    // Each distinct word is stemmed once.
    auto cached = stem_of_.find(term);
    if (cached == stem_of_.end())
      cached = stem_of_.emplace(std::string(term), analyzer_.stem(std::string(term))).first;
    const std::string& stem = cached->second;
    if (const auto st = terms_.stems.find(stem); st != terms_.stems.end())
      return key("Z" + stem, st->second);
    return -1;
  }

  const std::vector<double>& key_weights() const { return key_weight_; }

 private:
  static unsigned char first_byte(const std::string& s) {
    return s.empty() ? 0 : static_cast<unsigned char>(s[0]);
  }

  int key(std::string_view name, double weight) {
    const auto found = std::find(keys_.begin(), keys_.end(), name);
    if (found != keys_.end()) return static_cast<int>(found - keys_.begin());
    keys_.emplace_back(name);
    key_weight_.push_back(weight);
    return static_cast<int>(keys_.size() - 1);
  }

  const MatchTerms& terms_;
  Analyzer& analyzer_;
  std::array<bool, 256> initial_{};
  std::unordered_map<std::string, std::string, MatchTerms::Hash, std::equal_to<>> stem_of_;
  std::vector<std::string> keys_;
  std::vector<double> key_weight_;
};

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// False when no word of `chunk` (whitespace-free) can match, judged byte by byte: in ASCII
// a word's fold starts with the first letter or digit of a run of them (a leading '@' or
// '_' folds away), so only run starts need checking. Non-ASCII is left to the analyser.
bool may_hold_match(std::string_view chunk, const TermMatcher& matcher) {
  bool in_run = false;
  for (const char c : chunk) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
    const char lower = ascii_lower(c);
    const bool alnum = (lower >= 'a' && lower <= 'z') || (c >= '0' && c <= '9');
    if (alnum && !in_run && matcher.may_match(lower)) return true;
    in_run = alnum;
  }
  return false;
}

// The parts of `text` a snippet can come from: max_bytes around each whitespace-separated
// chunk holding a match, widened to whitespace and merged. Any window with a match lies
// inside one of them, so segmenting only these gives the same best window as segmenting
// the whole text, at a fraction of the cost. Empty when nothing matches.
std::vector<std::pair<std::size_t, std::size_t>> match_regions(std::string_view text,
                                                               TermMatcher& matcher,
                                                               Analyzer& analyzer,
                                                               std::size_t max_bytes) {
  std::vector<std::pair<std::size_t, std::size_t>> regions;
  const auto add_region = [&](std::size_t begin, std::size_t end) {
    // Starting on a space keeps segmentation as in the whole text (analyzer.h).
    std::size_t a = begin > max_bytes ? begin - max_bytes : 0;
    while (a > 0 && !is_ascii_space(text[a])) --a;
    std::size_t b = std::min(text.size(), end + max_bytes);
    while (b < text.size() && !is_ascii_space(text[b])) ++b;
    if (!regions.empty() && a <= regions.back().second) {
      regions.back().second = std::max(regions.back().second, b);
    } else {
      regions.emplace_back(a, b);
    }
  };
  std::vector<std::pair<std::size_t, std::size_t>> words;
  for (std::size_t i = 0; i < text.size();) {
    if (is_ascii_space(text[i])) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    while (i < text.size() && !is_ascii_space(text[i])) ++i;
    const std::string_view chunk = text.substr(begin, i - begin);
    if (!may_hold_match(chunk, matcher)) continue;
    bool matched = false;
    words.clear();
    if (ascii_words(chunk, words)) {
      for (const auto& [b, e] : words) {
        // An ASCII word's fold starts with its first letter or digit, lower-cased.
        if (!matcher.may_match(ascii_lower(chunk[b]))) continue;
        const std::string term = analyzer.fold(chunk.substr(b, e - b));
        if (!term.empty() && term.size() <= kMaxTermBytes && matcher.match(term) >= 0) {
          matched = true;
          break;
        }
      }
    } else {
      const std::size_t from = begin > 0 ? begin - 1 : 0;  // with the space before it
      for (const Token& t : analyzer.tokenize(text.substr(from, i - from))) {
        if (matcher.match(t.term) >= 0) {
          matched = true;
          break;
        }
      }
    }
    if (matched) add_region(begin, i);
  }
  return regions;
}

}  // namespace

std::string make_snippet(std::string_view text, const MatchTerms& terms, Analyzer& analyzer,
                         const SnippetOptions& options) {
  TermMatcher matcher(terms, analyzer);
  const auto regions = match_regions(text, matcher, analyzer, options.max_bytes);
  // Without matches the snippet is the start of the text: segment it all.
  std::vector<Token> tokens;
  if (regions.empty()) tokens = analyzer.tokenize(text);
  for (const auto& [a, b] : regions) {
    for (Token& t : analyzer.tokenize(text.substr(a, b - a))) {
      t.begin += a;
      t.end += a;
      tokens.push_back(std::move(t));
    }
  }
  // Whether words follow the last segmented region (for the closing ellipsis).
  const std::size_t segmented_end = regions.empty() ? text.size() : regions.back().second;
  const auto words_after = [&] {
    return segmented_end < text.size() && !analyzer.tokenize(text.substr(segmented_end)).empty();
  };

  // Which tokens match, and which distinct term each one is (index into the keys).
  std::vector<int> match(tokens.size(), -1);
  for (std::size_t i = 0; i < tokens.size(); ++i) match[i] = matcher.match(tokens[i].term);
  const std::vector<double>& key_weight = matcher.key_weights();

  // Best window: starts at a token, spans at most max_bytes, most distinct matches, then
  // most matches, then earliest.
  std::size_t best_start = 0, best_end = 0;
  double best_distinct = -1;
  int best_total = -1;
  std::vector<int> seen(key_weight.size(), 0);
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
  if (best_end < tokens.size() || words_after()) out += " " + options.ellipsis;
  return out;
}

}  // namespace dossier
