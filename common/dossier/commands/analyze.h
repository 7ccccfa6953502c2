// `dossier-index analyze`: what the indexer understands of an article, as JSON
// (output/printers_analysis.h), without touching a database. This is how users inspect
// extraction and how its quality is measured.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "dossier/input/corpus_walker.h"

namespace dossier {

struct IndexOptions;

// Prints one JSON line per article of `options.inputs` (the database path is ignored).
// Returns the number of items that could not be read (reported through `problem`).
std::size_t analyze_corpus(const IndexOptions& options, std::ostream& out,
                           const ProblemSink& problem);

}  // namespace dossier
