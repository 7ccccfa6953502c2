// Collapsing near-duplicates (dedup/clusters.h) in search results: which matches are
// copies of one story, and what totals and facets count once copies are counted once.
//
// Only clustered articles (those with a kSlotCluster value) are read: the matches of the
// query that have a cluster value, in one exact pass (a posting list filter on the value,
// BoolWeight), or, in a batch, from the matches the search already saw and a table of
// every document's cluster by docid (SlotValueTable over kSlotCluster). Counts then follow from the
// uncollapsed ones: a total counts clusters when it drops, for each cluster, all matching members
// but one; a facet entry counts the clusters with at least one matching member that has the entry's
// value (an actor, a date bucket, a source), so it drops, per cluster, all but one of the members
// that have it.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "dossier/base/flat_code_map.h"
#include "dossier/facets/facets.h"
#include "dossier/schema/record_codec.h"
#include "dossier/schema/schema.h"

namespace dossier {

// An article of a cluster as output shows it.
struct ClusterMember {
  std::string id;
  std::string source;  // empty when none
  std::string date;    // "YYYY-MM-DD" or coarser, empty when undated
};

// The matches of a query that belong to a cluster, grouped by cluster.
class ClusteredMatches {
 public:
  // Reads the clustered matches of `query` on `db` (every document when the query is empty
  // of terms, as Xapian's MatchAll); `watch` (a DeadlineSpy, may be null) sees each.
  ClusteredMatches(const Xapian::Database& db, const Xapian::Query& query,
                   Xapian::MatchSpy* watch = nullptr);
  // The clustered ones among `matches` (every match of a query, in any order), their
  // clusters read from `clusters`, a loaded table of kSlotCluster: no pass, no document read.
  ClusteredMatches(const Xapian::Database& db, const std::vector<Xapian::docid>& matches,
                   const SlotValueTable& clusters);

  // Matching members of each cluster, in docid order; the clusters in no particular order.
  const std::vector<std::vector<Xapian::docid>>& clusters() const { return clusters_; }
  // How many matches collapsing removes: the sum over clusters of members - 1.
  Xapian::doccount removed() const { return removed_; }
  // The matching members of `did`'s cluster (only `did` when it has none).
  std::vector<Xapian::docid> members_of(Xapian::docid did) const;

  // What facet counts lose once copies count once: per actor code (as identities), date
  // bucket (undated: ""), and source or folder. Each reads the members' values from the
  // table given, when it is loaded (the actors of `table` counted as identities by
  // `merged`, as ActorCountSpy loads it), else from the documents.
  std::unordered_map<schema::ActorCode, Xapian::doccount> actor_overcount(
      const FlatCodeMap<schema::ActorCode>* merged, const ActorCodeTable* table = nullptr) const;
  std::map<std::string, Xapian::doccount> date_overcount(
      Granularity granularity, const SlotValueTable* dates = nullptr) const;
  // A slot of one value per article (kSlotSource, kSlotFolder); no value counts nowhere.
  // `table`, when given, holds `slot`.
  std::map<std::string, Xapian::doccount> value_overcount(
      Xapian::valueno slot, const SlotValueTable* table = nullptr) const;

 private:
  void index_members();
  // Over clusters: for each key `keys_of(did, keys)` appends, the members having it - 1
  // (a member appends each of its keys once).
  template <class Counts, class Keys>
  void add_overcount(Counts& out, Keys&& keys_of) const;

  const Xapian::Database& db_;
  std::vector<std::vector<Xapian::docid>> clusters_;
  std::unordered_map<Xapian::docid, const std::vector<Xapian::docid>*> cluster_of_;
  Xapian::doccount removed_ = 0;
};

// A member's id, source and date, from its record.
ClusterMember cluster_member(const Xapian::Database& db, Xapian::docid did,
                             schema::RecordCodec& records);

// The clusters among the matches that have two matching members or more, largest first
// (equal sizes by representative), members in representative order: `dossier-search
// duplicates`.
std::vector<std::vector<ClusterMember>> clusters_by_size(const Xapian::Database& db,
                                                         const ClusteredMatches& clustered,
                                                         schema::RecordCodec& records);

// Representative order (dated first, earliest first, then by id), so a list of a
// cluster's members sorted by it starts with its representative.
bool member_before(const ClusterMember& a, const ClusterMember& b);
void sort_members(std::vector<ClusterMember>& members);

}  // namespace dossier
