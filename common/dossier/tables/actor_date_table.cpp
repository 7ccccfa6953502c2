#include "dossier/tables/actor_date_table.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "dossier/base/errors.h"
#include "dossier/facets/facets.h"
#include "dossier/schema/schema.h"
#include "dossier/tables/match_pass.h"

namespace dossier {
namespace {

constexpr const char* kUndated = "undated";

Xapian::doccount total(const std::map<std::string, Xapian::doccount>& per_day) {
  Xapian::doccount n = 0;
  for (const auto& [day, count] : per_day) n += count;
  return n;
}

}  // namespace

void ActorDateSpy::operator()(const Xapian::Document& doc, double) {
  ++seen_;
  const std::string day = doc.get_value(schema::kSlotDate);
  identity_codes(doc.get_value(schema::kSlotActors), merged_, codes_);
  for (const schema::ActorCode code : codes_) ++counts_[code][day];
}

Xapian::MatchSpy* ActorDateSpy::clone() const {
  auto* spy = new ActorDateSpy(merged_);
  spy->owned_merged_ = owned_merged_;
  return spy;
}

Xapian::MatchSpy* ActorDateSpy::unserialise(const std::string& serialised,
                                            const Xapian::Registry&) const {
  auto owned = unserialise_identities(serialised);
  auto* spy = new ActorDateSpy(owned.get());
  spy->owned_merged_ = std::move(owned);
  return spy;
}

// Lines: documents seen, then "code day count" ("-" for undated), all in decimal.
std::string ActorDateSpy::serialise_results() const {
  std::string out = std::to_string(seen_) + '\n';
  for (const auto& [code, per_day] : counts_) {
    for (const auto& [day, n] : per_day) {
      out +=
          std::to_string(code) + ' ' + (day.empty() ? "-" : day) + ' ' + std::to_string(n) + '\n';
    }
  }
  return out;
}

void ActorDateSpy::merge_results(const std::string& serialised) {
  std::istringstream in(serialised);
  Xapian::doccount seen = 0;
  if (!(in >> seen)) throw Xapian::SerialisationError("ActorDateSpy: bad results");
  seen_ += seen;
  schema::ActorCode code = 0;
  std::string day;
  Xapian::doccount n = 0;
  while (in >> code >> day >> n) counts_[code][day == "-" ? std::string() : day] += n;
}

ActorDateTable actor_by_date(Searcher& searcher, const SearchRequest& request) {
  ActorDateSpy spy(&searcher.actors().merged_codes());
  spy_on_every_match(searcher, request, spy, "actor-by-date");
  std::vector<std::pair<schema::ActorCode, Xapian::doccount>> counts;
  for (const auto& [code, per_day] : spy.counts()) counts.emplace_back(code, total(per_day));
  const auto ranked = top_ranked_actors(searcher.actors(), counts, request.facet_size);

  // One timeline for all rows: from the first to the last dated day among the top actors
  // (coarser than asked when that would be too many buckets), then the dates known only
  // to a month or year that its buckets cannot hold.
  std::map<std::string, Xapian::doccount> all_dates;
  for (const auto& r : ranked) {
    for (const auto& [day, count] : spy.counts().at(r.code)) {
      if (!day.empty()) all_dates[day] += count;
    }
  }
  const DateHistogram timeline = date_histogram(all_dates, request.granularity);
  std::vector<std::string> labels;
  for (const auto& b : timeline.buckets) labels.push_back(b.bucket);
  for (const auto& b : timeline.coarse) labels.push_back(b.bucket);

  ActorDateTable table;
  table.matches = spy.seen();
  table.query = request.query;
  for (const auto& r : ranked) {
    const std::string& id = r.id;
    const auto& per_day = spy.counts().at(r.code);
    std::map<std::string, Xapian::doccount> per_bucket;
    Xapian::doccount undated = 0;
    for (const auto& [day, count] : per_day) {
      if (day.empty()) {
        undated += count;
      } else {
        per_bucket[date_value_bucket(day, timeline.granularity)] += count;
      }
    }
    const std::string name = searcher.actors().display_name(id);
    const std::string type(ActorDirectory::split_id(id).first);
    for (const auto& label : labels) {
      const auto found = per_bucket.find(label);
      table.cells.push_back({name, type, label, found == per_bucket.end() ? 0 : found->second});
    }
    if (undated > 0) table.cells.push_back({name, type, kUndated, undated});
  }
  return table;
}

}  // namespace dossier
