#include "dossier/tables/match_pass.h"

#include <algorithm>

#include "dossier/base/errors.h"

namespace dossier {

void spy_on_every_match(Searcher& searcher, const SearchRequest& request, Xapian::MatchSpy& spy,
                        std::string_view table) {
  try {
    searcher.spy_on_every_match(searcher.query(request), spy,
                                Deadline::after_seconds(request.time_limit_seconds));
  } catch (const Xapian::Error& e) {
    searcher.fail(std::string(table) + " table failed", e);
  }
}

std::vector<RankedActor> top_ranked_actors(
    ActorDirectory& directory,
    const std::vector<std::pair<schema::ActorCode, Xapian::doccount>>& counts, std::size_t size) {
  std::vector<RankedActor> ranked;
  for (const auto& [code, n] : counts) {
    if (const std::string* id = directory.id_of(code)) ranked.push_back({*id, code, n});
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.count != b.count ? a.count > b.count : a.id < b.id;
  });
  if (ranked.size() > size) ranked.resize(size);
  return ranked;
}

}  // namespace dossier
