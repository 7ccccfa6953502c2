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
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const std::string key = it.get_document().get_value(schema::kSlotCluster);
    clusters_[key].push_back(*it);
  }
  for (const auto& [key, members] : clusters_) {
    removed_ += static_cast<Xapian::doccount>(members.size() - 1);
    for (const Xapian::docid did : members) cluster_of_.emplace(did, &members);
  }
}

std::vector<Xapian::docid> ClusteredMatches::members_of(Xapian::docid did) const {
  const auto it = cluster_of_.find(did);
  return it == cluster_of_.end() ? std::vector<Xapian::docid>{did} : *it->second;
}

template <class Key, class Values>
void ClusteredMatches::add_overcount(std::map<Key, Xapian::doccount>& out,
                                     Values&& values_of) const {
  for (const auto& [key, members] : clusters_) {
    std::map<Key, Xapian::doccount> having;
    for (const Xapian::docid did : members) {
      for (const Key& value : values_of(db_.get_document(did, Xapian::DOC_ASSUME_VALID)))
        ++having[value];
    }
    for (const auto& [value, n] : having) {
      if (n > 1) out[value] += n - 1;
    }
  }
}

// Every actor of every clustered match is counted, so per cluster the members' codes go
// into one sorted vector (no map or set per member): a run of n equal codes is an actor
// n members name.
std::unordered_map<schema::ActorCode, Xapian::doccount> ClusteredMatches::actor_overcount(
    const FlatCodeMap<schema::ActorCode>* merged) const {
  std::unordered_map<schema::ActorCode, Xapian::doccount> out;
  std::vector<schema::ActorCode> codes, member;
  for (const auto& [key, members] : clusters_) {
    codes.clear();
    for (const Xapian::docid did : members) {
      identity_codes(db_.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotActors),
                     merged, member);
      std::sort(member.begin(), member.end());
      codes.insert(codes.end(), member.begin(), std::unique(member.begin(), member.end()));
    }
    std::sort(codes.begin(), codes.end());
    for (auto run = codes.begin(); run != codes.end();) {
      const auto end = std::upper_bound(run, codes.end(), *run);
      if (end - run > 1) out[*run] += static_cast<Xapian::doccount>(end - run - 1);
      run = end;
    }
  }
  return out;
}

std::map<std::string, Xapian::doccount> ClusteredMatches::date_overcount(
    Granularity granularity) const {
  std::map<std::string, Xapian::doccount> out;
  add_overcount(out, [&](const Xapian::Document& doc) {
    const std::string value = doc.get_value(schema::kSlotDate);
    return std::vector<std::string>{value.empty() ? std::string()
                                                  : date_value_bucket(value, granularity)};
  });
  return out;
}

std::map<std::string, Xapian::doccount> ClusteredMatches::value_overcount(
    Xapian::valueno slot) const {
  std::map<std::string, Xapian::doccount> out;
  add_overcount(out, [&](const Xapian::Document& doc) {
    std::vector<std::string> values;
    if (std::string value = doc.get_value(slot); !value.empty()) values.push_back(std::move(value));
    return values;
  });
  return out;
}

ClusterMember cluster_member(const Xapian::Database& db, Xapian::docid did) {
  const std::string stored = schema::record(db.get_document(did, Xapian::DOC_ASSUME_VALID));
  const DocumentView view = DocumentView::parse(stored, 0);
  return {std::string(view.id), std::string(view.source), std::string(view.date)};
}

std::vector<std::vector<ClusterMember>> clusters_by_size(const Xapian::Database& db,
                                                         const ClusteredMatches& clustered) {
  std::vector<std::vector<ClusterMember>> out;
  for (const auto& [key, docids] : clustered.clusters()) {
    if (docids.size() < 2) continue;
    auto& members = out.emplace_back();
    for (const Xapian::docid did : docids) members.push_back(cluster_member(db, did));
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
