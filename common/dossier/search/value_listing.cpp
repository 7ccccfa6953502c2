#include "dossier/search/value_listing.h"

#include <algorithm>
#include <map>

namespace dossier {

namespace {

std::map<std::string, Xapian::doccount> counted_by_spy(const Xapian::Database& db,
                                                       Xapian::valueno slot) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query::MatchAll);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::ValueCountMatchSpy spy(slot);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
  std::map<std::string, Xapian::doccount> counts;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) counts[*it] = it.get_termfreq();
  return counts;
}

}  // namespace

std::vector<ValueListing> list_slot_values(const Xapian::Database& db, Xapian::valueno slot,
                                           bool remote) {
  std::map<std::string, Xapian::doccount> counts;
  if (remote) {
    counts = counted_by_spy(db, slot);
  } else {
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) ++counts[*it];
  }
  std::vector<ValueListing> out;
  for (auto& [value, n] : counts) out.push_back({value, n});
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.articles > b.articles; });
  return out;
}

}  // namespace dossier
