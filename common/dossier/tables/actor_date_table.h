// `--table actor-by-date`: how many matching articles name each of the top actors, per
// date bucket — a timeline of who is in the news, as a table for spreadsheets and plots.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dossier/facets/facets.h"
#include "dossier/search/searcher.h"

namespace dossier {

// Per actor identity, the number of matching documents per day ("YYYYMMDD", "" = undated).
// Reads the same slots as the actor and date facets, so the counts agree with them.
// Serialisable and mergeable: dossier-shard-server registers it, so the table is counted
// on remote shards too, with the client's actor identities.
class ActorDateSpy : public Xapian::MatchSpy {
 public:
  // Counts actors as identities, as the facet does (identity_codes()); `merged` must
  // outlive the spy.
  explicit ActorDateSpy(const FlatCodeMap<schema::ActorCode>* merged) : merged_(merged) {}
  void operator()(const Xapian::Document& doc, double) override;
  Xapian::MatchSpy* clone() const override;
  std::string name() const override { return "Dossier::ActorDateSpy"; }
  std::string serialise() const override { return serialise_identities(merged_); }
  Xapian::MatchSpy* unserialise(const std::string& serialised,
                                const Xapian::Registry& context) const override;
  std::string serialise_results() const override;
  void merge_results(const std::string& serialised) override;
  std::string get_description() const override { return "ActorDateSpy"; }

  const std::unordered_map<schema::ActorCode, std::map<std::string, Xapian::doccount>>& counts()
      const {
    return counts_;
  }
  Xapian::doccount seen() const { return seen_; }

 private:
  const FlatCodeMap<schema::ActorCode>* merged_;
  // On a shard server: the identities sent by the client, which merged_ points to.
  std::shared_ptr<const FlatCodeMap<schema::ActorCode>> owned_merged_;
  std::vector<schema::ActorCode> codes_;  // scratch: one document's identities
  std::unordered_map<schema::ActorCode, std::map<std::string, Xapian::doccount>> counts_;
  Xapian::doccount seen_ = 0;
};

struct ActorDateCell {
  std::string actor;   // display name
  std::string type;    // person | org | country | place
  std::string bucket;  // "2019-01" etc. (request.granularity), or "undated"
  Xapian::doccount count = 0;
};

struct ActorDateTable {
  // The request.facet_size actors named by the most matching articles (ties: by id),
  // each with every bucket from the first to the last dated match (zeros included), then
  // "undated" when some of its articles have no date. Most-named actor first.
  std::vector<ActorDateCell> cells;
  Xapian::doccount matches = 0;  // matching articles (exact: every match is counted)
  std::string query;             // the query it answers
};

// Counts matching documents per (actor, date bucket) in one pass over all matches of
// `request` (its query and filters; paging, sort and facets are ignored).
// Throws dossier::Error as Searcher::search does.
ActorDateTable actor_by_date(Searcher& searcher, const SearchRequest& request);

}  // namespace dossier
