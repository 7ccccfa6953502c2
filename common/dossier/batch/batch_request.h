// How a batch query becomes a SearchRequest: the one place where each JSON key of a
// batch line maps onto a SearchRequest field.
#pragma once

#include <nlohmann/json.hpp>

#include "dossier/batch/batch_input.h"
#include "dossier/search/searcher.h"

namespace dossier {

// Sets the fields named by the keys of a JSON batch line on `request` (which holds the
// command-line defaults); a key replaces the default, it never adds to it. Keys:
//   "id"           read by the BatchReader
//   "q"            string, required
//   "limit", "offset", "facet_size"   non-negative integers
//   "plain"        boolean
//   "actor", "source"                 a string or an array of strings
//   "from", "to"   YYYY, YYYY-MM or YYYY-MM-DD (checked by the Searcher)
//   "facets"       a facet's name (kFacetNames), or an array of them
//   "granularity"  "day", "week", "month", "year"
//   "sort"         "relevance", "date", "-date"
// Throws dossier::Error (kUsage) naming the key when a key is unknown or its value has
// the wrong type.
void apply_batch_json(const nlohmann::json& object, SearchRequest& request);

// The request for one batch query: `defaults` with the query's own text or JSON keys.
// Throws dossier::Error (kUsage) as apply_batch_json does.
SearchRequest batch_request(const BatchQuery& query, const SearchRequest& defaults);

}  // namespace dossier
