// Query text -> Xapian::Query, with every word going through the same Analyzer as the
// indexed text. Xapian's QueryParser keeps the syntax (AND/OR/NOT, +/-, "phrases", NEAR,
// word*, field:word); the words it sees are already folded by our analyser, so
// "Guaidó" in a query finds "Guaido" in a text and the reverse.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

#include "dossier/search/actor_directory.h"
#include "dossier/search/query_fields.h"
#include "dossier/text/analyzer.h"

namespace dossier {

// Rewrites a query so that each word is replaced by its folded term, leaving operators,
// quotes, parentheses, field names and boolean-field values untouched. Exposed for tests.
std::string fold_query_words(std::string_view query, Analyzer& analyzer);

class QueryBuilder {
 public:
  // `db` is used to expand wildcards, `actors` to resolve actor: values; both must outlive
  // the builder.
  QueryBuilder(const Xapian::Database& db, Analyzer& analyzer, ActorDirectory& actors);

  // Parses `query`. `plain` takes every word literally (no operators, fields or phrases),
  // as IR test collections need. An empty query matches every document. Throws
  // dossier::Error (kUsage) for a query Xapian cannot parse.
  Xapian::Query build(std::string_view query, bool plain);

  // Ranking experiments (bench/eval_cisi.py): query words without their stems (only exact
  // forms match), or with stop words kept. Both on by default.
  void set_stemming(bool on);
  void set_stopwords(bool on);

 private:
  Analyzer& analyzer_;
  FieldErrors field_errors_;
  Xapian::QueryParser parser_;
};

}  // namespace dossier
