// `dossier-index analyze`: what the indexer understands of an article, as JSON, without
// touching a database. This is how users inspect extraction and how its quality is measured.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dossier/extract/article.h"
#include "dossier/extract/article_facts.h"
#include "dossier/input/corpus_walker.h"

namespace dossier {

// {"id","title","date","date_source","dates_mentioned","actors":[{"name","type",
// "mentions","forms"}]}, keys in this order.
nlohmann::ordered_json analysis_to_json(const Article& article, const ArticleFacts& facts);

}  // namespace dossier

namespace dossier {

struct IndexOptions;

// Prints one JSON line per article of `options.inputs` (the database path is ignored).
// Returns the number of items that could not be read (reported through `problem`).
std::size_t analyze_corpus(const IndexOptions& options, std::ostream& out,
                           const ProblemSink& problem);

}  // namespace dossier
