// Near-duplicate clusters: which articles are copies of one story, and which of them
// represents it.
//
// Clustering is a function of the database's articles alone (their signatures, dates and
// ids), recomputed after every run that changed something: so an incremental run, a run
// with --prune and a clean build give the same clusters, a deleted representative hands
// over to the next member, and a changed article is clustered anew. It runs over all the
// shards as one database, after they are written, so copies in different shards are found.
//
// Rule: articles are taken in representative order — dated ones first, earliest first,
// then by id (a stable stand-in for "first indexed" that does not depend on shards,
// re-runs or --jobs). Each joins the earlier representative it resembles most (estimated
// resemblance >= kThreshold and, checked on the texts, containment >= kMinContainment;
// ties: the earliest), or becomes a representative itself.
// Every member thus resembles its representative, and chains of small edits never join
// two different stories. Candidates are the articles with equal keys in a band
// (band_keys() of the stored signatures, read as one value stream and sorted band by band:
// 4 bytes a band and article in memory), so the whole database is never compared pair by
// pair.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "dossier/dedup/signature.h"

namespace dossier::dedup {

// An article that shares at least one band with another.
struct Candidate {
  std::string date;  // kSlotDate ("YYYYMMDD"), empty when undated
  std::string id;
  Signature signature{};
  std::vector<std::uint32_t> buckets;  // the buckets (shared bands) it is in
};

// Whether `a` comes before `b` in representative order.
bool represents_before(const Candidate& a, const Candidate& b);

// The check on the texts of candidates i and j, whose signatures resemble: whether the
// shorter's shingles are in the longer (containment() >= kMinContainment).
using TextCheck = std::function<bool(std::size_t i, std::size_t j)>;

// For each candidate, the index of its cluster's representative (its own for a
// representative). `buckets[k]` lists the candidates in bucket k. Without `same_text`,
// the signatures decide alone.
std::vector<std::size_t> assign_clusters(const std::vector<Candidate>& candidates,
                                         const std::vector<std::vector<std::uint32_t>>& buckets,
                                         const TextCheck& same_text = {});

struct ClusterPassStats {
  std::size_t clusters = 0;  // clusters of two articles or more
  std::size_t members = 0;   // articles in them
  std::size_t changed = 0;   // documents whose kSlotCluster value was set or removed
};

// Recomputes every article's cluster over `shards` (the shards of one database, in routing
// order) and writes kSlotCluster where it changed (values only: Xapian then leaves the
// postings alone). Does not commit. Throws Xapian::Error.
ClusterPassStats recluster(std::vector<Xapian::WritableDatabase>& shards);

}  // namespace dossier::dedup
