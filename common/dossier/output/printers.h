// Output formats for search results, separate from the search itself.
#pragma once

#include <ostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "dossier/output/json_writer.h"
#include "dossier/search/actor_directory.h"
#include "dossier/search/searcher.h"

namespace dossier {

// Scores as every format prints them: rounded to 6 decimals, stable across platforms.
double rounded_score(double score);

// The stable JSON shape documented in the README (keys in this order):
// {"query","total","total_exact","offset","limit","hits":[{"rank","id","title","score",
//  "snippet","date","date_source","actors":[{"name","type"}]}], "facets":{...}} where
// "facets" appears only when facets were asked for. Compact, no newline.
std::string result_json(const SearchResult& result);
// The keys of that object, for a writer inside an object of its own (a batch line puts
// "id" first).
void write_result_fields(JsonWriter& writer, const SearchResult& result);

// Human-readable listing: one block per hit (rank, title, id, date, score, actors,
// snippet), then the facets.
void print_text(std::ostream& out, const SearchResult& result);

// `dossier-search actors`: JSON {"actors":[{"name","type","articles"}]} or text lines.
nlohmann::ordered_json actors_to_json(const std::vector<ActorListing>& actors);
// The actors an ambiguous filter could mean: [{"name","type","count"}...].
nlohmann::ordered_json ambiguous_json(const std::vector<ActorListing>& candidates);
// A single search's JSON when its actor filter was ambiguous: no hits, and the candidates.
nlohmann::ordered_json ambiguous_result_json(const std::string& query,
                                             const std::vector<ActorListing>& candidates);
void print_actors_text(std::ostream& out, const std::vector<ActorListing>& actors);

}  // namespace dossier
