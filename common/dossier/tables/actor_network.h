// `--table actor-by-actor`: who appears with whom among the matches. Exact counts of the
// articles naming each pair of the top actors, over every match, with a score that tells a
// pair that goes together from a pair that merely shares frequent actors.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/search/searcher.h"

namespace dossier {

// The most actors a network may have (--facet-size): its pair table grows as the square.
inline constexpr std::size_t kMaxNetworkActors = 1000;

struct NetworkActor {
  std::string name;            // display name
  std::string type;            // person | org | country | place
  Xapian::doccount count = 0;  // matching articles naming the actor
};

struct NetworkPair {
  std::size_t a = 0, b = 0;    // indexes into ActorNetwork::actors, a < b
  Xapian::doccount count = 0;  // matching articles naming both
  // npmi() (facets/co_occurrence.h) over the matches: 1 when every match names both, 0
  // when the two appear together as often as chance would have it.
  double score = 0;
};

struct ActorNetwork {
  // The request.facet_size actors named by the most matching articles (ties: by id),
  // most-named first.
  std::vector<NetworkActor> actors;
  // Every pair of those actors named together by at least one match: most articles first,
  // then highest score, then by the actors' order.
  std::vector<NetworkPair> pairs;
  Xapian::doccount matches = 0;  // matching articles (exact: every match is counted)
  std::string query;
};

// Counts, in one pass over all matches of `request` (its query and filters; paging, sort
// and facets ignored), the articles naming each top actor and each pair of them. Actors are
// identities, as in the actor facet. Throws dossier::Error as Searcher::search does, and
// kUsage when request.facet_size is above kMaxNetworkActors or the matches' actors would
// not fit in kMaxTableBytes.
ActorNetwork actor_by_actor(Searcher& searcher, const SearchRequest& request);

}  // namespace dossier
