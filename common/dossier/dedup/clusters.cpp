#include "dossier/dedup/clusters.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <unordered_map>

#include "dossier/schema/document_data.h"
#include "dossier/schema/schema.h"
#include "dossier/text/analyzer.h"

namespace dossier::dedup {
namespace {

// What the pass reads of the database: the candidates, their combined docids, buckets.
struct CandidateSet {
  std::vector<Candidate> candidates;
  std::vector<Xapian::docid> docids;
  std::vector<std::vector<std::uint32_t>> buckets;
};

CandidateSet read_candidates(const Xapian::Database& db) {
  CandidateSet set;
  std::unordered_map<Xapian::docid, std::uint32_t> index_of;
  const std::string prefix = schema::kBandPrefix;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    if (t.get_termfreq() < 2) continue;
    const auto bucket = static_cast<std::uint32_t>(set.buckets.size());
    auto& members = set.buckets.emplace_back();
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
      const auto [at, added] = index_of.emplace(*p, static_cast<std::uint32_t>(set.docids.size()));
      if (added) {
        set.docids.push_back(*p);
        set.candidates.emplace_back();
      }
      members.push_back(at->second);
      set.candidates[at->second].buckets.push_back(bucket);
    }
  }
  for (std::size_t i = 0; i < set.candidates.size(); ++i) {
    const Xapian::Document doc = db.get_document(set.docids[i], Xapian::DOC_ASSUME_VALID);
    Candidate& c = set.candidates[i];
    c.date = doc.get_value(schema::kSlotDate);
    c.id = std::string(DocumentView::parse(schema::record(doc), 0).id);
    // A document with band terms has a signature; an unreadable one matches nothing.
    if (const auto signature = decode(doc.get_value(schema::kSlotSignature)))
      c.signature = *signature;
  }
  return set;
}

// The exact check of a pair on the cleaned bodies the records keep (the text the signature
// was made from, split by the same analyser), each candidate's shingles read once.
class StoredTexts {
 public:
  StoredTexts(const Xapian::Database& db, const std::vector<Xapian::docid>& docids)
      : db_(db), docids_(docids), shingles_(docids.size()) {}
  bool same_text(std::size_t i, std::size_t j) {
    return containment(shingles(i), shingles(j)) >= kMinContainment;
  }

 private:
  const std::vector<std::uint64_t>& shingles(std::size_t i) {
    if (!shingles_[i]) {
      const std::string record = schema::record(db_.get_document(docids_[i]));
      shingles_[i] = shingles_of(analyzer_.tokenize(DocumentView::parse(record, 0).text));
    }
    return *shingles_[i];
  }

  const Xapian::Database& db_;
  const std::vector<Xapian::docid>& docids_;
  std::vector<std::optional<std::vector<std::uint64_t>>> shingles_;
  Analyzer analyzer_;
};

// The cluster value every document should have: combined docid -> cluster key.
std::unordered_map<Xapian::docid, std::string> wanted_keys(const Xapian::Database& db,
                                                           const CandidateSet& set,
                                                           ClusterPassStats& stats) {
  StoredTexts texts(db, set.docids);
  const std::vector<std::size_t> leader =
      assign_clusters(set.candidates, set.buckets,
                      [&](std::size_t i, std::size_t j) { return texts.same_text(i, j); });
  std::vector<std::size_t> size(leader.size(), 0);
  for (const std::size_t l : leader) ++size[l];
  std::unordered_map<Xapian::docid, std::string> keys;
  for (std::size_t i = 0; i < leader.size(); ++i) {
    if (size[leader[i]] < 2) continue;
    keys.emplace(set.docids[i], schema::cluster_key(set.candidates[leader[i]].id));
    ++stats.members;
    stats.clusters += leader[i] == i;
  }
  return keys;
}

}  // namespace

bool represents_before(const Candidate& a, const Candidate& b) {
  if (a.date.empty() != b.date.empty()) return !a.date.empty();
  if (a.date != b.date) return a.date < b.date;
  return a.id < b.id;
}

std::vector<std::size_t> assign_clusters(const std::vector<Candidate>& candidates,
                                         const std::vector<std::vector<std::uint32_t>>& buckets,
                                         const TextCheck& same_text) {
  std::vector<std::size_t> order(candidates.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return represents_before(candidates[a], candidates[b]);
  });
  std::vector<std::size_t> leader(candidates.size());
  // Only representatives can be joined: each bucket keeps its own, in representative
  // order, so the copies of a story widely shared never make a bucket slow to scan.
  std::vector<std::vector<std::size_t>> leaders_in(buckets.size());
  std::vector<std::pair<double, std::size_t>> resembling;  // (resemblance, representative)
  for (const std::size_t i : order) {
    resembling.clear();
    for (const std::uint32_t b : candidates[i].buckets) {
      for (const std::size_t j : leaders_in[b]) {
        const double r = resemblance(candidates[i].signature, candidates[j].signature);
        if (r >= kThreshold) resembling.emplace_back(r, j);
      }
    }
    // Most resembling first, ties in representative order; the first whose text holds
    // the shorter one's (the texts are read only for pairs this close).
    std::sort(resembling.begin(), resembling.end(), [&](const auto& x, const auto& y) {
      if (x.first != y.first) return x.first > y.first;
      return represents_before(candidates[x.second], candidates[y.second]);
    });
    // A representative met again through another bucket.
    resembling.erase(std::unique(resembling.begin(), resembling.end()), resembling.end());
    std::size_t best = i;
    for (const auto& [r, j] : resembling) {
      if (!same_text || same_text(i, j)) {
        best = j;
        break;
      }
    }
    leader[i] = best;
    if (best == i) {
      for (const std::uint32_t b : candidates[i].buckets) leaders_in[b].push_back(i);
    }
  }
  return leader;
}

ClusterPassStats recluster(std::vector<Xapian::WritableDatabase>& shards) {
  Xapian::Database all;
  for (auto& shard : shards) all.add_database(shard);
  ClusterPassStats stats;
  const auto wanted = wanted_keys(all, read_candidates(all), stats);
  // Combined docid -> (shard, its own docid), as Xapian interleaves them.
  const auto n = static_cast<Xapian::docid>(shards.size());
  const auto write = [&](Xapian::docid did, const std::string* key) {
    auto& shard = shards[(did - 1) % n];
    const Xapian::docid local = (did - 1) / n + 1;
    Xapian::Document doc = shard.get_document(local);
    if (key) {
      doc.add_value(schema::kSlotCluster, *key);
    } else {
      doc.remove_value(schema::kSlotCluster);
    }
    shard.replace_document(local, doc);
    ++stats.changed;
  };
  std::unordered_map<Xapian::docid, bool> holds;  // docids with a value: is it right?
  for (auto v = all.valuestream_begin(schema::kSlotCluster);
       v != all.valuestream_end(schema::kSlotCluster); ++v) {
    const auto it = wanted.find(v.get_docid());
    holds.emplace(v.get_docid(), it != wanted.end() && it->second == *v);
  }
  // Sorted, so each shard is written in docid order.
  std::vector<std::pair<Xapian::docid, const std::string*>> writes;
  for (const auto& [did, right] : holds) {
    if (!right && !wanted.contains(did)) writes.emplace_back(did, nullptr);
  }
  for (const auto& [did, key] : wanted) {
    const auto it = holds.find(did);
    if (it == holds.end() || !it->second) writes.emplace_back(did, &key);
  }
  std::sort(writes.begin(), writes.end());
  for (const auto& [did, key] : writes) write(did, key);
  return stats;
}

}  // namespace dossier::dedup
