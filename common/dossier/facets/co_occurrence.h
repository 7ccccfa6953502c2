// Who appears with whom among the matches: the one counting pass behind `--table
// actor-by-actor` (every pair of the top actors) and `--facets co-actors` (every actor named
// beside one given actor), and the association score both report.
#pragma once

#include <optional>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "dossier/base/flat_code_map.h"
#include "dossier/schema/schema.h"

namespace dossier {

class ActorCountSpy;

// Articles naming each actor identity among some matches, and how many matches there were.
struct IdentityCounts {
  std::unordered_map<schema::ActorCode, Xapian::doccount> articles;
  Xapian::doccount matches = 0;
  Xapian::doccount of(schema::ActorCode code) const;
};

// What `spy` counted (by identity: ActorCountSpy::use_identity). Over remote shards the
// co-occurrence counts are made of such passes, one over the matches and one over those
// naming each actor asked about: shard servers know the actor facet's spy, and the spy
// below, which keeps per-article state for a second step, cannot travel.
IdentityCounts identity_counts(const ActorCountSpy& spy);

// Normalised pointwise mutual information of two actors over `matches` articles, in [-1, 1]:
// log(p(ab) / (p(a) p(b))) / -log(p(ab)), p(x) = articles naming x / matches; 1 when every
// match names both. 0: the two appear together as often as chance would have it. `both`
// must be at least 1.
double npmi(Xapian::doccount both, Xapian::doccount a, Xapian::doccount b,
            Xapian::doccount matches);

// The score as printed: 4 decimals, the same in every format (never "-0.0").
double npmi_as_printed(double score);

// Counts, over every match it sees, the articles naming each actor identity
// (identity_codes()) and what pairs need:
//  - without an anchor, each article naming two identities or more is kept (its
//    identities), for pairs among actors known only once all matches were counted
//    (for_each_document()); throws dossier::Error (kUsage) past kMaxTableBytes;
//  - with an anchor identity, the articles naming the anchor and each other identity
//    are counted at once (with_anchor()), and nothing is kept.
// Only ever used locally, never sent to a remote shard.
class CoOccurrenceSpy : public Xapian::MatchSpy {
 public:
  // `merged` (ActorDirectory::merged_codes()) must outlive the spy.
  CoOccurrenceSpy(const FlatCodeMap<schema::ActorCode>& merged,
                  std::optional<schema::ActorCode> anchor = std::nullopt)
      : merged_(merged), anchor_(anchor) {}
  void operator()(const Xapian::Document& doc, double) override;
  std::string get_description() const override { return "CoOccurrenceSpy"; }

  // Articles naming each identity.
  const std::unordered_map<schema::ActorCode, Xapian::doccount>& counts() const { return counts_; }
  Xapian::doccount count(schema::ActorCode code) const;
  // With an anchor: articles naming the anchor and each other identity.
  const std::unordered_map<schema::ActorCode, Xapian::doccount>& with_anchor() const {
    return with_anchor_;
  }
  Xapian::doccount seen() const { return seen_; }
  // Without an anchor: calls f(first, last) with each kept article's identities.
  template <typename F>
  void for_each_document(F f) const {
    std::size_t begin = 0;
    for (const std::size_t end : ends_) {
      f(codes_.data() + begin, codes_.data() + end);
      begin = end;
    }
  }

 private:
  void keep(const std::vector<schema::ActorCode>& codes);

  const FlatCodeMap<schema::ActorCode>& merged_;
  std::optional<schema::ActorCode> anchor_;
  std::vector<schema::ActorCode> scratch_;
  std::unordered_map<schema::ActorCode, Xapian::doccount> counts_;
  std::unordered_map<schema::ActorCode, Xapian::doccount> with_anchor_;
  std::vector<schema::ActorCode> codes_;  // the identities of articles naming two or more
  std::vector<std::size_t> ends_;         // where each such article's identities end
  Xapian::doccount seen_ = 0;
};

}  // namespace dossier
