#include "dossier/tables/match_pass.h"

#include <algorithm>

#include "dossier/base/errors.h"
#include "dossier/search/deadline_spy.h"

namespace dossier {

void spy_on_every_match(Searcher& searcher, const SearchRequest& request, Xapian::MatchSpy& spy,
                        std::string_view table) {
  try {
    const Xapian::Database& db = searcher.database();
    Xapian::Enquire enquire(db);
    enquire.set_query(searcher.query(request));
    // Only the set of matches counts here, never their order: no weights to compute.
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.add_matchspy(&spy);
    const Deadline deadline = Deadline::after_seconds(request.time_limit_seconds);
    DeadlineSpy watch(deadline);
    if (deadline.limited()) enquire.add_matchspy(&watch);
    enquire.get_mset(0, 0, db.get_doccount());
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::kInternal, std::string(table) + " table failed: " + e.get_description());
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
