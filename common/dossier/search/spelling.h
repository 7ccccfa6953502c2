// "Did you mean": corrections for a query's misspelt words from the database's own words,
// and the known actor nearest to a name that names none.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "dossier/search/actor_directory.h"
#include "dossier/text/analyzer.h"

namespace dossier {

// A search with fewer matches than this is answered with "did you mean" suggestions when
// it has any, in a batch too: with more, the query's words were found, and the scan of
// the database's words per unknown word is not paid.
inline constexpr Xapian::doccount kSuggestBelow = 5;

// `query` with each free-text word the database does not hold replaced by the database's
// nearest word (at most two edits away, the most frequent on ties, in folded form); field
// names and values, operators and wildcard words are left as they are. Empty when no word
// was replaced. Not Xapian's spelling data: written at index time, it made a full disk
// end the indexer (Xapian 1.4.22 throws again while unwinding the failed commit).
std::string corrected_query(const Xapian::Database& db, std::string_view query, Analyzer& analyzer);

// The display name of the actor whose key, or a word of it of four letters or more (a
// surname), is nearest to the folded `name` by edit distance, at most a quarter of the
// name's length (at least one); ties go to the actor in more articles. Nothing when no
// actor is that near.
std::optional<std::string> nearest_actor(ActorDirectory& actors, std::string_view name,
                                         Analyzer& analyzer);

// The Levenshtein distance between two byte strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace dossier
