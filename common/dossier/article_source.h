// Reading one corpus file into an Article: shared by indexing and `analyze`.
#pragma once

#include <optional>
#include <string>

#include "dossier/article.h"
#include "dossier/corpus_walker.h"

namespace dossier {

// Reads and parses `file`. On failure returns nothing and sets `why` (e.g. "cannot open
// file: Permission denied").
std::optional<Article> load_article(const CorpusFile& file, std::string& why);

}  // namespace dossier
