// Output formats for search results, separate from the search itself.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "dossier/searcher.h"

namespace dossier {

// Scores as every format prints them: rounded to 6 decimals, stable across platforms.
double rounded_score(double score);

// The stable JSON shape documented in the README (keys in this order):
// {"query","total","total_exact","offset","limit","hits":[{"rank","id","title","score","snippet"}]}
nlohmann::ordered_json result_to_json(const SearchResult& result);

// Human-readable listing: one block per hit (rank, title, id, score, snippet).
void print_text(std::ostream& out, const SearchResult& result);

}  // namespace dossier
