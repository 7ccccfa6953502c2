// `--facets significant`: the actors a query's matches name far more often than the rest of
// the corpus does, so a query shows who is specific to it rather than who is frequent
// everywhere.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "dossier/facets/facets.h"
#include "dossier/search/actor_directory.h"

namespace dossier {

struct SignificantActor {
  std::string name;
  std::string type;
  Xapian::doccount count = 0;         // matching articles naming the actor (clusters with collapse)
  Xapian::doccount corpus_count = 0;  // articles of the whole database naming it (idem)
  // With collapse: the same two counted by articles.
  std::optional<Xapian::doccount> count_raw, corpus_count_raw;
  // Dunning's log-likelihood ratio (G²) of the actor's share of the matches against its
  // share of the other articles; 3.84 is the 5% level of chi-square with one degree of
  // freedom, 10.83 the 0.1% level.
  double score = 0;
};

// Counting by near-duplicate clusters (--collapse, search/collapse.h): what each actor's
// count among the matches and over the whole database loses once copies count once
// (ClusteredMatches::actor_overcount(), by identity code).
struct ClusterOvercounts {
  const std::unordered_map<schema::ActorCode, Xapian::doccount>* matches = nullptr;
  const std::unordered_map<schema::ActorCode, Xapian::doccount>* corpus = nullptr;
};

// The `size` actors counted by `spy` (over `matches` matching articles of a database of
// `corpus` articles) whose share of the matches is above their share of the rest, highest
// score first (ties: most matching articles, then name). Actors are identities, as in the
// actor facet; corpus counts come from `directory`. Empty when the matches are the whole
// database (nothing to compare with). With `clusters`, every count is of clusters (then
// `matches` and `corpus` count clusters too), the counts of articles beside them.
std::vector<SignificantActor> significant_actors(const ActorCountSpy& spy, Xapian::doccount matches,
                                                 Xapian::doccount corpus, ActorDirectory& directory,
                                                 std::size_t size,
                                                 const ClusterOvercounts* clusters = nullptr);

// G² of a 2x2 table: `k1` of `n1` in the first group, `k2` of `n2` in the second.
double log_likelihood_ratio(double k1, double n1, double k2, double n2);

}  // namespace dossier
