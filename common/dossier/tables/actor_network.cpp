#include "dossier/tables/actor_network.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "dossier/base/errors.h"
#include "dossier/facets/co_occurrence.h"
#include "dossier/schema/schema.h"
#include "dossier/tables/match_pass.h"

namespace dossier {

ActorNetwork actor_by_actor(Searcher& searcher, const SearchRequest& request) {
  // Its spy keeps every match's actors for a second step: not sent to remote shards.
  searcher.refuse_remote("--table actor-by-actor");
  if (request.facet_size > kMaxNetworkActors) {
    throw Error(ErrorKind::kUsage, "--table actor-by-actor takes at most " +
                                       std::to_string(kMaxNetworkActors) +
                                       " actors (--facet-size)");
  }
  CoOccurrenceSpy spy(searcher.actors().merged_codes());
  spy_on_every_match(searcher, request, spy, "actor-by-actor");
  const std::vector<std::pair<schema::ActorCode, Xapian::doccount>> counts(spy.counts().begin(),
                                                                           spy.counts().end());
  const auto ranked = top_ranked_actors(searcher.actors(), counts, request.facet_size);

  ActorNetwork network;
  network.matches = spy.seen();
  network.query = request.query;
  std::unordered_map<schema::ActorCode, std::size_t> rank_of;
  for (const auto& r : ranked) {
    rank_of.emplace(r.code, network.actors.size());
    network.actors.push_back({searcher.actors().display_name(r.id),
                              std::string(ActorDirectory::split_id(r.id).first), r.count});
  }

  // Pairs among the top actors: an upper-triangular table by rank.
  const std::size_t n = network.actors.size();
  std::vector<Xapian::doccount> together(n * n, 0);
  std::vector<std::size_t> ranks;
  spy.for_each_document([&](const schema::ActorCode* first, const schema::ActorCode* last) {
    ranks.clear();
    for (const auto* code = first; code != last; ++code) {
      if (const auto found = rank_of.find(*code); found != rank_of.end())
        ranks.push_back(found->second);
    }
    std::sort(ranks.begin(), ranks.end());
    for (std::size_t i = 0; i < ranks.size(); ++i) {
      for (std::size_t j = i + 1; j < ranks.size(); ++j) ++together[ranks[i] * n + ranks[j]];
    }
  });
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = a + 1; b < n; ++b) {
      const Xapian::doccount both = together[a * n + b];
      if (both == 0) continue;
      network.pairs.push_back(
          {a, b, both,
           npmi(both, network.actors[a].count, network.actors[b].count, network.matches)});
    }
  }
  std::sort(network.pairs.begin(), network.pairs.end(), [](const auto& x, const auto& y) {
    if (x.count != y.count) return x.count > y.count;
    if (npmi_as_printed(x.score) != npmi_as_printed(y.score))
      return npmi_as_printed(x.score) > npmi_as_printed(y.score);
    return std::pair(x.a, x.b) < std::pair(y.a, y.b);
  });
  return network;
}

}  // namespace dossier
