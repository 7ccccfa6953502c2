// Output formats for search results, separate from the search itself.
#pragma once

#include <ostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "dossier/output/json_writer.h"
#include "dossier/output/text_layout.h"
#include "dossier/search/actor_directory.h"
#include "dossier/search/searcher.h"
#include "dossier/search/value_listing.h"

namespace dossier {

// Scores as every format prints them: rounded to 6 decimals, stable across platforms.
double rounded_score(double score);

// The stable JSON shape documented in the README (keys in this order):
// {"query","total","total_exact","offset","limit","hits":[{"rank","id","title","score",
//  "snippet","date","date_source","source","url","actors":[{"name","type"}]}], "facets":{...}}
//  where
// "facets" appears only when facets were asked for, and "suggestion", "actor_suggestion"
// (did you mean) only when the search has some. Compact, no newline.
std::string result_json(const SearchResult& result);
// The keys of that object, for a writer inside an object of its own (a batch line puts
// "id" first).
void write_result_fields(JsonWriter& writer, const SearchResult& result);

// Human-readable listing: one block per hit (rank and title, then lines indented past
// the widest rank: id, date and score, source, url, actors, snippet; long lines wrapped to
// the layout's width), then the facets: actors grouped by type under a heading each,
// dates, sources. Matched words are marked as the request asked (SearchRequest::mark_*).
void print_text(std::ostream& out, const SearchResult& result, const TextLayout& layout = {});

// `dossier-search actors`: JSON {"actors":[{"name","type","articles"}]} or text lines.
nlohmann::ordered_json actors_to_json(const std::vector<ActorListing>& actors);
// The actors an ambiguous filter could mean: [{"name","type","count"}...].
nlohmann::ordered_json ambiguous_json(const std::vector<ActorListing>& candidates);
// A single search's JSON when its actor filter was ambiguous: no hits, and the candidates.
nlohmann::ordered_json ambiguous_result_json(const std::string& query,
                                             const std::vector<ActorListing>& candidates);
void print_actors_text(std::ostream& out, const std::vector<ActorListing>& actors);

// `dossier-search sources`: JSON {"<what>s":[{"<what>","articles"}]} (what: "source" or
// "folder") or text lines.
nlohmann::ordered_json values_to_json(const std::vector<ValueListing>& values,
                                      const std::string& what);
void print_values_text(std::ostream& out, const std::vector<ValueListing>& values);
// `dossier-search duplicates`: per cluster, JSON lines {"size","members":[{"id","source",
// "date"}]}, or text blocks ("N copies" then a line per member: id, date, source).
void print_clusters(std::ostream& out, const std::vector<std::vector<ClusterMember>>& clusters,
                    bool json);

}  // namespace dossier
