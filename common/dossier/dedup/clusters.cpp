#include "dossier/dedup/clusters.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "dossier/schema/document_data.h"
#include "dossier/schema/record_codec.h"
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

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// Every signed article's bands, read from the signatures' value stream in docid order.
struct Bands {
  std::vector<Xapian::docid> docids;
  std::vector<BandKey> keys;  // kBands per article, article by article
};

Bands read_bands(const Xapian::Database& db) {
  Bands bands;
  for (auto v = db.valuestream_begin(schema::kSlotSignature);
       v != db.valuestream_end(schema::kSlotSignature); ++v) {
    // An unreadable signature matches nothing.
    const auto signature = decode(*v);
    if (!signature) continue;
    bands.docids.push_back(v.get_docid());
    const auto keys = band_keys(*signature);
    bands.keys.insert(bands.keys.end(), keys.begin(), keys.end());
  }
  return bands;
}

// Adds a bucket of articles (indices into Bands), making candidates of those not yet.
void add_bucket(CandidateSet& set, const Bands& bands, std::vector<std::uint32_t>& candidate_of,
                const std::vector<std::uint32_t>& articles) {
  const auto bucket = static_cast<std::uint32_t>(set.buckets.size());
  auto& members = set.buckets.emplace_back();
  for (const std::uint32_t a : articles) {
    std::uint32_t& c = candidate_of[a];
    if (c == kNone) {
      c = static_cast<std::uint32_t>(set.docids.size());
      set.docids.push_back(bands.docids[a]);
      set.candidates.emplace_back();
    }
    members.push_back(c);
    set.candidates[c].buckets.push_back(bucket);
  }
}

// Articles with equal keys in one band form a bucket (members in docid order); those in
// at least one bucket are the candidates (their buckets only: read_details() reads the rest).
CandidateSet read_buckets(const Xapian::Database& db) {
  const Bands bands = read_bands(db);
  const auto n = static_cast<std::uint32_t>(bands.docids.size());
  CandidateSet set;
  std::vector<std::uint32_t> candidate_of(n, kNone);
  std::vector<std::pair<BandKey, std::uint32_t>> band;  // (key, article) in one band
  std::vector<std::uint32_t> articles;
  for (std::size_t b = 0; b < kBands; ++b) {
    band.clear();
    for (std::uint32_t a = 0; a < n; ++a) band.emplace_back(bands.keys[a * kBands + b], a);
    std::sort(band.begin(), band.end());
    for (std::size_t k = 0; k < band.size(); ++k) {
      articles.push_back(band[k].second);
      if (k + 1 < band.size() && band[k + 1].first == band[k].first) continue;
      if (articles.size() >= 2) add_bucket(set, bands, candidate_of, articles);
      articles.clear();
    }
  }
  return set;
}

// The candidates `keep` selects, with the buckets among them. A bucket's members are all
// selected or none (linked_candidates() selects whole groups of linked candidates).
CandidateSet selected(const CandidateSet& set, const std::vector<bool>& keep) {
  CandidateSet out;
  std::vector<std::uint32_t> index_of(set.candidates.size(), kNone);
  for (std::size_t i = 0; i < set.candidates.size(); ++i) {
    if (!keep[i]) continue;
    index_of[i] = static_cast<std::uint32_t>(out.docids.size());
    out.docids.push_back(set.docids[i]);
    out.candidates.emplace_back();
  }
  for (const auto& members : set.buckets) {
    if (members.empty() || !keep[members.front()]) continue;
    const auto bucket = static_cast<std::uint32_t>(out.buckets.size());
    auto& kept = out.buckets.emplace_back();
    for (const std::uint32_t c : members) {
      kept.push_back(index_of[c]);
      out.candidates[index_of[c]].buckets.push_back(bucket);
    }
  }
  return out;
}

// Each candidate's signature and what orders it (date, id).
void read_details(const Xapian::Database& db, CandidateSet& set, schema::RecordCodec& records) {
  for (std::size_t i = 0; i < set.candidates.size(); ++i) {
    const Xapian::Document doc = db.get_document(set.docids[i], Xapian::DOC_ASSUME_VALID);
    Candidate& c = set.candidates[i];
    c.date = doc.get_value(schema::kSlotDate);
    c.id = std::string(DocumentView::parse(records.read(doc), 0).id);
    c.signature = *decode(doc.get_value(schema::kSlotSignature));
  }
}

// Every document's kSlotCluster value, in docid order.
std::vector<std::pair<Xapian::docid, std::string>> held_keys(const Xapian::Database& db) {
  std::vector<std::pair<Xapian::docid, std::string>> held;
  for (auto v = db.valuestream_begin(schema::kSlotCluster);
       v != db.valuestream_end(schema::kSlotCluster); ++v)
    held.emplace_back(v.get_docid(), *v);
  return held;
}

// Xapian interleaves the documents of n shards: shard s's docid d is (d - 1) * n + s + 1
// in the combined database. Both ways:
Xapian::docid combined_docid(Xapian::docid local, std::size_t shard, std::size_t shards) {
  return static_cast<Xapian::docid>((local - 1) * shards + shard + 1);
}

struct ShardDocid {
  std::size_t shard;
  Xapian::docid local;
};

ShardDocid shard_docid(Xapian::docid combined, std::size_t shards) {
  return {(combined - 1) % shards, static_cast<Xapian::docid>((combined - 1) / shards + 1)};
}

// What a run changed, in the combined database's terms: the candidates it wrote or whose
// cluster it dropped (the seeds to recluster from), and every document that held a
// dropped cluster's key, candidate or not (it may have to lose the value).
struct Affected {
  std::vector<std::uint32_t> seeds;
  std::unordered_set<Xapian::docid> dropped_members;
};

Affected affected_by(const std::vector<ShardChanges>& changes, const CandidateSet& set,
                     const std::vector<std::pair<Xapian::docid, std::string>>& held) {
  std::unordered_map<Xapian::docid, std::uint32_t> candidate_at;
  for (std::size_t i = 0; i < set.docids.size(); ++i)
    candidate_at.emplace(set.docids[i], static_cast<std::uint32_t>(i));
  Affected affected;
  const auto seed = [&](Xapian::docid did) {
    if (const auto it = candidate_at.find(did); it != candidate_at.end())
      affected.seeds.push_back(it->second);
  };
  std::unordered_set<std::string> dropped;
  for (std::size_t s = 0; s < changes.size(); ++s) {
    for (const Xapian::docid local : changes[s].written)
      seed(combined_docid(local, s, changes.size()));
    dropped.insert(changes[s].dropped_keys.begin(), changes[s].dropped_keys.end());
  }
  for (const auto& [did, key] : held) {
    if (!dropped.contains(key)) continue;
    affected.dropped_members.insert(did);
    seed(did);
  }
  return affected;
}

// The exact check of a pair on the cleaned bodies the records keep (the text the signature
// was made from, split by the same analyser), each candidate's shingles read once.
class StoredTexts {
 public:
  StoredTexts(const Xapian::Database& db, const std::vector<Xapian::docid>& docids,
              schema::RecordCodec& records)
      : db_(db), docids_(docids), records_(records), shingles_(docids.size()) {}
  bool same_text(std::size_t i, std::size_t j) {
    return containment(shingles(i), shingles(j)) >= kMinContainment;
  }

 private:
  const std::vector<std::uint64_t>& shingles(std::size_t i) {
    if (!shingles_[i]) {
      const std::string record = records_.read(db_.get_document(docids_[i]));
      shingles_[i] = shingles_of(analyzer_.tokenize(DocumentView::parse(record, 0).text));
    }
    return *shingles_[i];
  }

  const Xapian::Database& db_;
  const std::vector<Xapian::docid>& docids_;
  schema::RecordCodec& records_;
  std::vector<std::optional<std::vector<std::uint64_t>>> shingles_;
  Analyzer analyzer_;
};

// The cluster value every document should have: combined docid -> cluster key.
std::unordered_map<Xapian::docid, std::string> wanted_keys(const Xapian::Database& db,
                                                           const CandidateSet& set,
                                                           schema::RecordCodec& records,
                                                           ClusterPassStats& stats) {
  StoredTexts texts(db, set.docids, records);
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

std::vector<bool> linked_candidates(std::size_t candidates,
                                    const std::vector<std::vector<std::uint32_t>>& buckets,
                                    const std::vector<std::uint32_t>& seeds) {
  // Union-find over the buckets, with path halving.
  std::vector<std::uint32_t> parent(candidates);
  std::iota(parent.begin(), parent.end(), 0);
  const auto root = [&](std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const auto& members : buckets) {
    for (std::size_t k = 1; k < members.size(); ++k) {
      const std::uint32_t a = root(members.front()), b = root(members[k]);
      if (a != b) parent[b] = a;
    }
  }
  std::vector<bool> seeded(candidates, false);
  for (const std::uint32_t s : seeds) seeded[root(s)] = true;
  std::vector<bool> linked(candidates);
  for (std::uint32_t i = 0; i < candidates; ++i) linked[i] = seeded[root(i)];
  return linked;
}

ClusterPassStats recluster(std::vector<Xapian::WritableDatabase>& shards,
                           const std::vector<ShardChanges>* changes) {
  Xapian::Database all;
  for (auto& shard : shards) all.add_database(shard);
  ClusterPassStats stats;
  CandidateSet set = read_buckets(all);
  stats.candidates = set.candidates.size();
  const auto held = held_keys(all);
  Affected affected;
  if (changes) {
    affected = affected_by(*changes, set, held);
    set = selected(set, linked_candidates(set.candidates.size(), set.buckets, affected.seeds));
  }
  stats.reclustered = set.candidates.size();
  schema::RecordCodec records;  // for the whole pass: it keeps LZ4's context
  read_details(all, set, records);
  const auto wanted = wanted_keys(all, set, records, stats);
  // The documents whose value this pass decides: every one, or those clustered anew and
  // those that held a dropped cluster's key.
  std::unordered_set<Xapian::docid> anew;
  if (changes) anew.insert(set.docids.begin(), set.docids.end());
  const auto decided = [&](Xapian::docid did) {
    return !changes || anew.contains(did) || affected.dropped_members.contains(did);
  };
  const auto write = [&](Xapian::docid did, const std::string* key) {
    const auto [index, local] = shard_docid(did, shards.size());
    auto& shard = shards[index];
    Xapian::Document doc = shard.get_document(local);
    if (key) {
      doc.add_value(schema::kSlotCluster, *key);
    } else {
      doc.remove_value(schema::kSlotCluster);
    }
    shard.replace_document(local, doc);
    ++stats.changed;
  };
  // Sorted, so each shard is written in docid order.
  std::vector<std::pair<Xapian::docid, const std::string*>> writes;
  std::unordered_set<Xapian::docid> holding;  // decided documents that have a value
  for (const auto& [did, key] : held) {
    if (!decided(did)) continue;
    holding.insert(did);
    const auto it = wanted.find(did);
    if (it == wanted.end()) {
      writes.emplace_back(did, nullptr);
    } else if (it->second != key) {
      writes.emplace_back(did, &it->second);
    }
  }
  for (const auto& [did, key] : wanted) {
    if (!holding.contains(did)) writes.emplace_back(did, &key);
  }
  std::sort(writes.begin(), writes.end());
  for (const auto& [did, key] : writes) write(did, key);
  return stats;
}

}  // namespace dossier::dedup
