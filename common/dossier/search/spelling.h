// "Did you mean": corrections from Xapian's spelling data, which dossier-index keeps equal
// to the articles (index/spelling_data.h): the words of a query that found few matches,
// and an --actor name that names nobody. A database indexed before spelling data existed
// has none (schema.h, kSpellingKey) until its next dossier-index run: no suggestions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "dossier/text/analyzer.h"

namespace dossier {

// A search with fewer matches than this is answered with "did you mean" suggestions when
// it has any, in a batch too: with more, the query's words were found.
inline constexpr Xapian::doccount kSuggestBelow = 5;

// Where corrections come from: `db`, the database searched, and `parts`, the databases it
// is made of (its shards; `db` alone for a plain database). Remote parts have no spelling
// data (Xapian 1.4) and suggest nothing.
struct SpellingSource {
  const Xapian::Database& db;
  const std::vector<Xapian::Database>& parts;

  bool has_data() const;
  // The correction of a folded word (at most two edits, Xapian's default; the most
  // frequent on ties), or empty. Each part is asked alone and the candidates compared by
  // edit distance, then by their frequency over all parts: over several databases Xapian
  // 1.4.22 adds up a word's trigram scores per database (OrTermList::get_wdf), so a word
  // of one shard could lose to a word present in all of them although it is nearer.
  std::string correction(const std::string& word) const;
};

// `query` with each free-text word the database does not hold replaced by its correction
// (a word some article holds), in folded form; field names and values, operators and
// wildcard words are left as they are. Empty when no word was replaced.
std::string corrected_query(const SpellingSource& spelling, std::string_view query,
                            Analyzer& analyzer);

// The folded `name` with each word that is in no article and no actor's name replaced by
// its correction ("khodorkovski" -> "khodorkovsky"); empty when no word was replaced.
std::string corrected_name(const SpellingSource& spelling, std::string_view name,
                           Analyzer& analyzer);

// Edits between two UTF-8 words, counted on characters, an exchange of two neighbours
// being one edit ("electoin" -> "election": 1), as Xapian counts them for its suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace dossier
