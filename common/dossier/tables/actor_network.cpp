#include "dossier/tables/actor_network.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "dossier/base/deadline.h"
#include "dossier/base/errors.h"
#include "dossier/facets/co_occurrence.h"
#include "dossier/schema/schema.h"
#include "dossier/tables/match_pass.h"

namespace dossier {

namespace {

// The top actors and, for each of them (by rank) and each later one, the matches naming
// both (an upper-triangular table, row-major).
struct PairCounts {
  std::vector<RankedActor> ranked;
  std::vector<Xapian::doccount> together;
  Xapian::doccount matches = 0;
};

std::vector<std::pair<schema::ActorCode, Xapian::doccount>> as_list(
    const std::unordered_map<schema::ActorCode, Xapian::doccount>& counts) {
  return {counts.begin(), counts.end()};
}

// One pass: the spy keeps every match's identities, and the pairs are counted from them.
PairCounts count_pairs_locally(Searcher& searcher, const SearchRequest& request) {
  CoOccurrenceSpy spy(searcher.actors().merged_codes());
  spy_on_every_match(searcher, request, spy, "actor-by-actor");
  PairCounts out;
  out.ranked = top_ranked_actors(searcher.actors(), as_list(spy.counts()), request.facet_size);
  out.matches = spy.seen();
  const std::size_t n = out.ranked.size();
  std::unordered_map<schema::ActorCode, std::size_t> rank_of;
  for (std::size_t rank = 0; rank < n; ++rank) rank_of.emplace(out.ranked[rank].code, rank);
  out.together.assign(n * n, 0);
  std::vector<std::size_t> ranks;
  spy.for_each_document([&](const schema::ActorCode* first, const schema::ActorCode* last) {
    ranks.clear();
    for (const auto* code = first; code != last; ++code) {
      if (const auto found = rank_of.find(*code); found != rank_of.end())
        ranks.push_back(found->second);
    }
    std::sort(ranks.begin(), ranks.end());
    for (std::size_t i = 0; i < ranks.size(); ++i) {
      for (std::size_t j = i + 1; j < ranks.size(); ++j) ++out.together[ranks[i] * n + ranks[j]];
    }
  });
  return out;
}

// Over remote shards, where that spy cannot go: the actor facet's spy (which shard servers
// know) over the matches gives the top actors, then over the matches naming each top actor
// but the last, its row: n passes where the local route makes one, each as exact.
PairCounts count_pairs_remotely(Searcher& searcher, const SearchRequest& request) {
  const Deadline deadline = Deadline::after_seconds(request.time_limit_seconds);
  const Xapian::Query query = searcher.query(request);
  PairCounts out;
  try {
    const IdentityCounts all = searcher.count_identities(query, deadline);
    out.ranked = top_ranked_actors(searcher.actors(), as_list(all.articles), request.facet_size);
    out.matches = all.matches;
    const std::size_t n = out.ranked.size();
    out.together.assign(n * n, 0);
    for (std::size_t a = 0; a + 1 < n; ++a) {
      const Xapian::Query naming_a(Xapian::Query::OP_FILTER, query,
                                   searcher.actors().identity_filter(out.ranked[a].id));
      const IdentityCounts row = searcher.count_identities(naming_a, deadline);
      for (std::size_t b = a + 1; b < n; ++b) out.together[a * n + b] = row.of(out.ranked[b].code);
    }
  } catch (const Xapian::Error& e) {
    searcher.fail("actor-by-actor table failed", e);
  }
  return out;
}

}  // namespace

ActorNetwork actor_by_actor(Searcher& searcher, const SearchRequest& request) {
  if (request.facet_size > kMaxNetworkActors) {
    throw Error(ErrorKind::kUsage, "--table actor-by-actor takes at most " +
                                       std::to_string(kMaxNetworkActors) +
                                       " actors (--facet-size)");
  }
  const PairCounts counted = searcher.remote() ? count_pairs_remotely(searcher, request)
                                               : count_pairs_locally(searcher, request);
  ActorNetwork network;
  network.matches = counted.matches;
  network.query = request.query;
  for (const auto& r : counted.ranked) {
    network.actors.push_back({searcher.actors().display_name(r.id),
                              std::string(ActorDirectory::split_id(r.id).first), r.count});
  }
  const std::size_t n = network.actors.size();
  const std::vector<Xapian::doccount>& together = counted.together;
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
