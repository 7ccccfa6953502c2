// Near-duplicate clusters: which articles are copies of one story, and which of them
// represents it.
//
// Clustering is a function of the database's articles alone (their signatures, dates and
// ids), recomputed after every run that changed something: so an incremental run, a run
// with --prune and a clean build give the same clusters, a deleted representative hands
// over to the next member, and a changed article is clustered anew. It runs over all the
// shards as one database, after they are written, so copies in different shards are found.
// A run that says what it changed (ShardChanges) has only the articles that can be
// affected clustered anew: those linked by shared bands, directly or through others, to
// an article it wrote or to a member of a cluster it changed (recluster()).
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

// What one run changed in one shard since the last finished clustering.
struct ShardChanges {
  std::vector<Xapian::docid> written;     // the shard's docids of documents added or replaced
  std::vector<std::string> dropped_keys;  // kSlotCluster values of those replaced or deleted
};

struct ClusterPassStats {
  std::size_t candidates = 0;   // articles sharing a band with another
  std::size_t reclustered = 0;  // of those, the ones clustered anew
  std::size_t clusters = 0;     // clusters of two articles or more among them
  std::size_t members = 0;      // articles in those clusters
  std::size_t changed = 0;      // documents whose kSlotCluster value was set or removed
};

// The candidates to cluster anew, as a mask: every candidate linked through shared buckets
// (`buckets[k]` lists the candidates in bucket k), directly or through others, to a
// candidate in `seeds`. A cluster's members share buckets with their representative, so
// what is outside the mask keeps its clusters: adding, changing or removing articles only
// changes who represents, and whom, among the articles linked to them.
std::vector<bool> linked_candidates(std::size_t candidates,
                                    const std::vector<std::vector<std::uint32_t>>& buckets,
                                    const std::vector<std::uint32_t>& seeds);

// Recomputes the clusters over `shards` (the shards of one database, in routing order)
// and writes kSlotCluster where it changed (values only: Xapian then leaves the postings
// alone). With `changes` (one per shard, for a database whose clusters were right before
// the run), only the candidates linked to a written document or to a member of a dropped
// cluster are clustered anew; without, every candidate. Does not commit. Throws
// Xapian::Error.
ClusterPassStats recluster(std::vector<Xapian::WritableDatabase>& shards,
                           const std::vector<ShardChanges>* changes = nullptr);

}  // namespace dossier::dedup
