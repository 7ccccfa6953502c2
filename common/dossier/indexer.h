// Building and updating a Dossier database from corpus files.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dossier/corpus_walker.h"

namespace dossier {

struct IndexOptions {
  std::string db_path;
  std::vector<std::string> inputs;  // folders (walked recursively) or files
};

struct IndexStats {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t skipped = 0;  // files that could not be read
  double seconds = 0;
};

// Indexes every article file of `options.inputs` into the database (created if needed),
// replacing documents with the same id, and commits. Problems with single files go to
// `problem` and count as skipped; problems with the database throw dossier::Error.
IndexStats index_corpus(const IndexOptions& options, const ProblemSink& problem);

}  // namespace dossier
