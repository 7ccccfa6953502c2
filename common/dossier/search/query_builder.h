// Query text -> Xapian::Query, with every word going through the same Analyzer as the
// indexed text. Xapian's QueryParser keeps the syntax (AND/OR/NOT, +/-, "phrases", NEAR,
// word*, field:word); the words it sees are already folded by our analyser, so
// "Guaidó" in a query finds "Guaido" in a text and the reverse.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "dossier/base/enum_names.h"
#include "dossier/search/actor_directory.h"
#include "dossier/search/query_fields.h"
#include "dossier/text/analyzer.h"

namespace dossier {

// How the words of a query combine where no operator joins them: every word must match
// (the default: an analyst's "oil prices"), or any may (bag-of-words runs such as TREC
// topics). Either way the matches are ranked by BM25.
enum class MatchMode { kAll, kAny };
inline constexpr EnumNames<MatchMode, 2> kMatchModeNames = {{
    {MatchMode::kAll, "all"},
    {MatchMode::kAny, "any"},
}};
std::optional<MatchMode> match_mode_from_string(std::string_view name);  // "all" | "any"

// Rewrites a query so that each word is replaced by its folded term, leaving operators,
// quotes, parentheses, field names and boolean-field values untouched. Exposed for tests.
std::string fold_query_words(std::string_view query, Analyzer& analyzer);

// When every top-level item of a folded query is excluded ("-oil", '-"oil prices"',
// "-(a b)"), those items without their '-', joined by OR: what the query excludes from
// every article. Otherwise nothing. Exposed for tests.
std::optional<std::string> excluded_items(std::string_view folded);

// The index-term prefixes of the wildcards of a folded query ("elect*" -> "elect",
// "title:elect*" -> "Select"), excluded ones ("-elect*") left out: a snippet marks the
// words they expand to. Exposed for tests.
std::vector<std::string> wildcard_prefixes(std::string_view folded);

// `query` with every term the database does not hold replaced by MatchNothing, which
// Xapian's operators then simplify away (an OR drops it, an AND becomes nothing). The
// answers and scores are the same (BM25 sums the parts of the terms a document holds),
// but Xapian's matcher, which rebuilds its tree of an OR each time a part runs out, took
// time quadratic in the number of such terms (a pasted text of words in no article:
// docs/BENCHMARKS.md, "Figures behind the code"). Operators with parameters (phrases,
// NEAR, scaled weights) are kept whole. Exposed for tests.
Xapian::Query without_absent_terms(const Xapian::Query& query, const Xapian::Database& db);

class QueryBuilder {
 public:
  // `db` is used to expand wildcards, `actors` to resolve actor: values; both must outlive
  // the builder.
  QueryBuilder(const Xapian::Database& db, Analyzer& analyzer, ActorDirectory& actors);

  // Parses `query`. `plain` takes every word literally (no operators, fields or phrases),
  // as IR test collections need. An empty query matches every document, a query of
  // exclusions only ("-oil") every document but those. Throws dossier::Error (kUsage) for
  // a query Xapian cannot parse.
  Xapian::Query build(std::string_view query, bool plain);

  // The wildcard_prefixes() of the query last built (none for a plain one).
  const std::vector<std::string>& wildcards() const { return wildcards_; }

  // Words without an operator between them: all must match (default) or any.
  void set_match(MatchMode match);

  // Ranking experiments (bench/eval_cisi.py): query words without their stems (only exact
  // forms match), or with stop words kept. Both on by default.
  void set_stemming(bool on);
  void set_stopwords(bool on);

 private:
  // Parses folded text; `query` is the user's, for messages.
  Xapian::Query parse(std::string_view query, const std::string& folded, bool plain);

  const Xapian::Database& db_;
  Analyzer& analyzer_;
  FieldErrors field_errors_;
  Xapian::QueryParser parser_;
  std::vector<std::string> wildcards_;
};

}  // namespace dossier
