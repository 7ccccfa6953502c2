#include "dossier/search/spelling.h"

#include <algorithm>
#include <array>
#include <limits>

#include "dossier/schema/schema.h"

namespace dossier {
namespace {

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

// How many articles hold `word`, by the spelling data of every part (Xapian 1.4 has no
// public call for it: a seek in the merged word list).
Xapian::doccount spelling_frequency(const Xapian::Database& db, const std::string& word) {
  Xapian::TermIterator it = db.spellings_begin();
  it.skip_to(word);
  return it != db.spellings_end() && *it == word ? it.get_termfreq() : 0;
}

std::u32string code_points(std::string_view word) {
  std::u32string out;
  for (Xapian::Utf8Iterator it(word.data(), word.size()); it != Xapian::Utf8Iterator(); ++it)
    out.push_back(*it);
  return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a_bytes, std::string_view b_bytes) {
  const std::u32string a = code_points(a_bytes), b = code_points(b_bytes);
  // Optimal string alignment: three rows of the Levenshtein table, plus transpositions.
  std::vector<std::size_t> before(b.size() + 1), above(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) above[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      row[j] =
          std::min({above[j] + 1, row[j - 1] + 1, above[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        row[j] = std::min(row[j], before[j - 2] + 1);
    }
    std::swap(before, above);
    std::swap(above, row);
  }
  return above[b.size()];
}

bool SpellingSource::has_data() const {
  return !db.get_metadata(schema::kSpellingKey).empty();
}

std::string SpellingSource::correction(const std::string& word) const {
  std::string best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  Xapian::doccount best_frequency = 0;
  for (const auto& part : parts) {
    std::string candidate = part.get_spelling_suggestion(word);
    if (candidate.empty() || candidate == best) continue;
    const std::size_t distance = edit_distance(word, candidate);
    const Xapian::doccount frequency = spelling_frequency(db, candidate);
    if (distance < best_distance || (distance == best_distance && frequency > best_frequency)) {
      best = std::move(candidate);
      best_distance = distance;
      best_frequency = frequency;
    }
  }
  return best;
}

std::string corrected_query(const SpellingSource& spelling, std::string_view query,
                            Analyzer& analyzer) {
  std::string out;
  std::size_t copied = 0;
  bool corrected = false;
  for (const Token& t : analyzer.tokenize(query)) {
    if (!free_text_word(query, t.begin, t.end) || spelling.db.term_exists(t.term)) continue;
    const std::string correction = spelling.correction(t.term);
    // A word only of actor names would find nothing as a query word.
    if (correction.empty() || !spelling.db.term_exists(correction)) continue;
    out.append(query.substr(copied, t.begin - copied)).append(correction);
    copied = t.end;
    corrected = true;
  }
  if (!corrected) return {};
  return out.append(query.substr(copied));
}

std::string corrected_name(const SpellingSource& spelling, std::string_view name,
                           Analyzer& analyzer) {
  std::string out;
  bool corrected = false;
  for (const Token& t : analyzer.tokenize(name)) {
    std::string word = t.term;
    if (spelling_frequency(spelling.db, word) == 0) {
      if (std::string correction = spelling.correction(word); !correction.empty()) {
        word = std::move(correction);
        corrected = true;
      }
    }
    if (!out.empty()) out += ' ';
    out += word;
  }
  return corrected ? out : std::string();
}

}  // namespace dossier
