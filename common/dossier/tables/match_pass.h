// What the tables share: one unranked pass over every match of a query with a spy, and
// the top actors of what the spy counted.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "dossier/schema/schema.h"
#include "dossier/search/searcher.h"

namespace dossier {

// Shows every match of `request` (its query and filters; paging, sort and facets ignored)
// to `spy`, under the request's time limit. Throws dossier::Error; a Xapian failure names
// `table` ("actor-by-date").
void spy_on_every_match(Searcher& searcher, const SearchRequest& request, Xapian::MatchSpy& spy,
                        std::string_view table);

struct RankedActor {
  std::string id;
  schema::ActorCode code = 0;
  Xapian::doccount count = 0;  // matching articles naming the actor
};

// The `size` actors of `counts` (identity code, matching articles) named by the most
// matches, then by id for a stable order; codes the directory does not know are left out.
std::vector<RankedActor> top_ranked_actors(
    ActorDirectory& directory,
    const std::vector<std::pair<schema::ActorCode, Xapian::doccount>>& counts, std::size_t size);

}  // namespace dossier
