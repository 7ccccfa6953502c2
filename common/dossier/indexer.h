// Building and updating a Dossier database from a corpus.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dossier/actors/lexicon.h"
#include "dossier/article_analyzer.h"
#include "dossier/corpus_walker.h"

namespace dossier {

struct IndexOptions {
  std::string db_path;
  std::vector<std::string> inputs;  // folders (walked recursively), .txt or .jsonl files
  std::string actors_file;          // user actor dictionary (TSV), optional
  ExtractionOptions extraction;
};

struct IndexStats {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t skipped = 0;  // files or lines that could not be read
  double seconds = 0;
};

// The built-in actor lexicon plus the user's dictionary when given; throws dossier::Error
// (kInput) for an unreadable or malformed dictionary.
ActorLexicon load_lexicon(const std::string& actors_file);

// Indexes every article of `options.inputs` into the database (created if needed),
// replacing documents with the same id, and commits. Problems with single files go to
// `problem` and count as skipped; problems with the database throw dossier::Error.
IndexStats index_corpus(const IndexOptions& options, const ProblemSink& problem);

}  // namespace dossier
