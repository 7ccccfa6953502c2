#include "dossier/search/collapse.h"

#include <algorithm>

#include "dossier/schema/document_data.h"

namespace dossier {

ClusteredMatches::ClusteredMatches(const Xapian::Database& db, const Xapian::Query& query,
                                   Xapian::MatchSpy* watch)
    : db_(db) {
  // Every value is at least "\0": the filter keeps exactly the documents with a value.
  const Xapian::Query has_cluster(Xapian::Query::OP_VALUE_GE, schema::kSlotCluster,
                                  std::string(1, '\0'));
  Xapian::Enquire enquire(db);
  enquire.set_query(query.empty() ? has_cluster
                                  : Xapian::Query(Xapian::Query::OP_FILTER, query, has_cluster));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  if (watch) enquire.add_matchspy(watch);
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount(), db.get_doccount());
  std::map<std::string, std::vector<Xapian::docid>> by_key;
  for (auto it = mset.begin(); it != mset.end(); ++it)
    by_key[it.get_document().get_value(schema::kSlotCluster)].push_back(*it);
  for (auto& [key, members] : by_key) clusters_.push_back(std::move(members));
  index_members();
}

ClusteredMatches::ClusteredMatches(const Xapian::Database& db,
                                   const std::vector<Xapian::docid>& matches,
                                   const SlotValueTable& clusters)
    : db_(db) {
  std::vector<std::pair<std::uint32_t, Xapian::docid>> clustered;
  for (const Xapian::docid did : matches) {
    if (const std::uint32_t n = clusters.number_of(did); n != 0) clustered.emplace_back(n, did);
  }
  std::sort(clustered.begin(), clustered.end());
  for (std::size_t i = 0; i < clustered.size(); ++i) {
    if (i == 0 || clustered[i].first != clustered[i - 1].first) clusters_.emplace_back();
    clusters_.back().push_back(clustered[i].second);
  }
  index_members();
}

void ClusteredMatches::index_members() {
  for (const auto& members : clusters_) {
    removed_ += static_cast<Xapian::doccount>(members.size() - 1);
    for (const Xapian::docid did : members) cluster_of_.emplace(did, &members);
  }
}

std::vector<Xapian::docid> ClusteredMatches::members_of(Xapian::docid did) const {
  const auto it = cluster_of_.find(did);
  return it == cluster_of_.end() ? std::vector<Xapian::docid>{did} : *it->second;
}

// Per cluster, the members' keys go into one sorted vector (no map or set per member): a
// run of n equal keys is a value n members have.
template <class Counts, class Keys>
void ClusteredMatches::add_overcount(Counts& out, Keys&& keys_of) const {
  std::vector<typename Counts::key_type> keys;
  for (const auto& members : clusters_) {
    keys.clear();
    for (const Xapian::docid did : members) keys_of(did, keys);
    std::sort(keys.begin(), keys.end());
    for (auto run = keys.begin(); run != keys.end();) {
      const auto end = std::upper_bound(run, keys.end(), *run);
      if (end - run > 1) out[*run] += static_cast<Xapian::doccount>(end - run - 1);
      run = end;
    }
  }
}

// Every actor of every clustered match is counted: codes as identities, each once per
// member.
std::unordered_map<schema::ActorCode, Xapian::doccount> ClusteredMatches::actor_overcount(
    const FlatCodeMap<schema::ActorCode>* merged, const ActorCodeTable* table) const {
  std::unordered_map<schema::ActorCode, Xapian::doccount> out;
  std::vector<schema::ActorCode> member;
  add_overcount(out, [&](Xapian::docid did, std::vector<schema::ActorCode>& keys) {
    if (table && !table->empty()) {
      member.clear();
      for (const std::uint32_t entry : table->actors(did))
        member.push_back(table->code(ActorCodeTable::number_of(entry)));
    } else {
      identity_codes(db_.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotActors),
                     merged, member);
    }
    std::sort(member.begin(), member.end());
    keys.insert(keys.end(), member.begin(), std::unique(member.begin(), member.end()));
  });
  return out;
}

std::map<std::string, Xapian::doccount> ClusteredMatches::date_overcount(
    Granularity granularity, const SlotValueTable* dates) const {
  std::map<std::string, Xapian::doccount> out;
  const bool from_table = dates && dates->loaded();
  add_overcount(out, [&](Xapian::docid did, std::vector<std::string>& keys) {
    std::string value;
    if (!from_table) {
      value = db_.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotDate);
    } else if (const std::uint32_t n = dates->number_of(did); n != 0) {
      value = dates->value(n);
    }
    keys.push_back(value.empty() ? std::string() : date_value_bucket(value, granularity));
  });
  return out;
}

std::map<std::string, Xapian::doccount> ClusteredMatches::value_overcount(
    Xapian::valueno slot, const SlotValueTable* table) const {
  std::map<std::string, Xapian::doccount> out;
  const bool from_table = table && table->loaded();
  add_overcount(out, [&](Xapian::docid did, std::vector<std::string>& keys) {
    if (from_table) {
      if (const std::uint32_t n = table->number_of(did); n != 0) keys.push_back(table->value(n));
      return;
    }
    if (std::string value = db_.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(slot);
        !value.empty())
      keys.push_back(std::move(value));
  });
  return out;
}

ClusterMember cluster_member(const Xapian::Database& db, Xapian::docid did,
                             schema::RecordCodec& records) {
  const std::string stored = records.read(db.get_document(did, Xapian::DOC_ASSUME_VALID));
  const DocumentView view = DocumentView::parse(stored, 0);
  return {std::string(view.id), std::string(view.source), std::string(view.date)};
}

std::vector<std::vector<ClusterMember>> clusters_by_size(const Xapian::Database& db,
                                                         const ClusteredMatches& clustered,
                                                         schema::RecordCodec& records) {
  std::vector<std::vector<ClusterMember>> out;
  for (const auto& docids : clustered.clusters()) {
    if (docids.size() < 2) continue;
    auto& members = out.emplace_back();
    for (const Xapian::docid did : docids) members.push_back(cluster_member(db, did, records));
    sort_members(members);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.size() != b.size() ? a.size() > b.size() : member_before(a.front(), b.front());
  });
  return out;
}

bool member_before(const ClusterMember& a, const ClusterMember& b) {
  if (a.date.empty() != b.date.empty()) return !a.date.empty();
  return a.date != b.date ? a.date < b.date : a.id < b.id;
}

void sort_members(std::vector<ClusterMember>& members) {
  std::sort(members.begin(), members.end(), member_before);
}

}  // namespace dossier
