// `dossier-index analyze`: what the indexer understands of an article, as JSON, without
// touching a database. This is how users inspect extraction and how its quality is measured.
#pragma once

#include <nlohmann/json.hpp>

#include "dossier/article.h"

namespace dossier {

// {"id":..., "title":...} plus the extracted fields, keys in a stable order.
nlohmann::ordered_json analyze_article(const Article& article);

}  // namespace dossier

#include <ostream>
#include <string>
#include <vector>

#include "dossier/corpus_walker.h"

namespace dossier {

// Prints one JSON line per article file found below `inputs`. Returns the number of files
// that could not be read (reported through `problem`).
std::size_t analyze_inputs(const std::vector<std::string>& inputs, std::ostream& out,
                           const ProblemSink& problem);

}  // namespace dossier
