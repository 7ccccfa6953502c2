#include "dossier/search/value_listing.h"

#include <algorithm>
#include <map>

namespace dossier {

std::vector<ValueListing> list_slot_values(const Xapian::Database& db, Xapian::valueno slot) {
  std::map<std::string, Xapian::doccount> counts;
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) ++counts[*it];
  std::vector<ValueListing> out;
  for (auto& [value, n] : counts) out.push_back({value, n});
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.articles > b.articles; });
  return out;
}

}  // namespace dossier
