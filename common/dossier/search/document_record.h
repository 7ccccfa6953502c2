// One article's whole record, as `dossier-search show` prints it and dossier-serve's
// documents/{id} answers it: read once here, printed by output/printers_document.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/schema/document_data.h"
#include "dossier/search/searcher.h"

namespace dossier {

struct DocumentRecord {
  DocumentData data;                       // as stored, every actor included
  std::vector<std::string> display_names;  // per data.actors: the corpus-wide display name
  // The folded spellings the article used for its actors when they were not an actor's
  // key (its alias terms, schema.h), as stored.
  std::vector<std::string> forms;
};

// The article whose id is `id`; nothing when the database has none.
std::optional<DocumentRecord> read_document(Searcher& searcher, std::string_view id);

}  // namespace dossier
