#include "dossier/search/spelling.h"

#include <algorithm>
#include <array>
#include <vector>

namespace dossier {
namespace {

// Edits allowed between a misspelt word and its correction (Xapian's spelling default).
constexpr std::size_t kMaxEdits = 2;

bool is_operator(std::string_view word) {
  static constexpr std::array<std::string_view, 6> kOperators = {"AND", "OR",   "NOT",
                                                                 "XOR", "NEAR", "ADJ"};
  return std::find(kOperators.begin(), kOperators.end(), word) != kOperators.end();
}

// Whether the word at [begin, end) of `query` is free text: not a field name ("actor:"),
// a field's value, an operator or a wildcard.
bool free_text_word(std::string_view query, std::size_t begin, std::size_t end) {
  if (is_operator(query.substr(begin, end - begin))) return false;
  if (end < query.size() && (query[end] == ':' || query[end] == '*')) return false;
  // A field's value: the run of non-space characters it sits in holds a ':' before it.
  std::size_t start = begin;
  while (start > 0 && query[start - 1] != ' ' && query[start - 1] != '(') --start;
  return query.substr(start, begin - start).find(':') == std::string_view::npos;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The database's word nearest to `word` by edit distance (at most kMaxEdits), the most
// frequent on ties; empty when none is that near. One pass over the unprefixed terms (the
// words: every prefix of schema.h starts with a capital letter).
std::string nearest_word(const Xapian::Database& db, const std::string& word) {
  std::string best;
  std::size_t best_distance = kMaxEdits + 1;
  Xapian::doccount best_frequency = 0;
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
    const std::string term = *t;
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;
    const std::size_t gap =
        term.size() > word.size() ? term.size() - word.size() : word.size() - term.size();
    if (gap > kMaxEdits) continue;
    const std::size_t distance = edit_distance(word, term);
    if (distance > best_distance ||
        (distance == best_distance && t.get_termfreq() <= best_frequency))
      continue;
    best = term;
    best_distance = distance;
    best_frequency = t.get_termfreq();
  }
  return best;
}

std::string corrected_query(const Xapian::Database& db, std::string_view query,
                            Analyzer& analyzer) {
  std::string out;
  std::size_t copied = 0;
  bool corrected = false;
  for (const Token& t : analyzer.tokenize(query)) {
    if (!free_text_word(query, t.begin, t.end) || db.term_exists(t.term)) continue;
    const std::string suggestion = nearest_word(db, t.term);
    if (suggestion.empty() || suggestion == t.term) continue;
    out.append(query.substr(copied, t.begin - copied)).append(suggestion);
    copied = t.end;
    corrected = true;
  }
  if (!corrected) return {};
  return out.append(query.substr(copied));
}

std::optional<std::string> nearest_actor(ActorDirectory& actors, std::string_view name,
                                         Analyzer& analyzer) {
  const std::string folded = fold_phrase(name, analyzer);
  if (folded.empty()) return std::nullopt;
  const std::size_t allowed = std::max<std::size_t>(1, folded.size() / 4);
  std::optional<ActorListing> best;
  std::size_t best_distance = allowed + 1;
  for (auto& actor : actors.list(std::nullopt, "")) {  // most articles first: ties keep them
    const std::string_view key = ActorDirectory::split_id(actor.id).second;
    std::size_t distance = edit_distance(folded, key);
    for (std::size_t start = 0; start < key.size();) {
      std::size_t end = key.find(' ', start);
      if (end == std::string_view::npos) end = key.size();
      if (end - start >= 4)
        distance = std::min(distance, edit_distance(folded, key.substr(start, end - start)));
      start = end + 1;
    }
    if (distance < best_distance) {
      best_distance = distance;
      best = std::move(actor);
    }
  }
  if (!best) return std::nullopt;
  return best->name;
}

}  // namespace dossier
