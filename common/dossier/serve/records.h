// What the API shows beyond search results and articles (search/document_record.h): one
// actor's profile, read from a Searcher's database. Plain library code: no HTTP here.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "dossier/facets/facets.h"
#include "dossier/search/searcher.h"

namespace dossier {

struct ActorProfileOptions {
  Granularity granularity = Granularity::Month;
  std::size_t co_actors = 20;  // top co-occurring actors shown
  std::size_t articles = 20;   // most recent articles shown
};

// {"database":{...},"actor":{"id","name","type","articles","aliases":[{"name","articles"}],
// "timeline":{"granularity","buckets":[{"bucket","count"}],"undated"},
// "co_actors":[{"id","name","type","articles"}],"recent":[{"id","title","date"}]}}: counts
// are exact (every article of the actor is read). `actor_id` is an id ("person:nicolas
// maduro") or a type and a name that folds to the key ("person:Nicolás Maduro"). The
// profile is of the actor's identity (docs/ACTORS.md): an id merged into another ("org:eu")
// gives its canonical actor's, whose counts and timeline cover the articles of every id
// merged into it, each once, as the facet and `--actor` count them; its aliases are the
// spellings of all those ids. Nothing when no article names such an actor.
std::optional<nlohmann::ordered_json> actor_profile_json(Searcher& searcher,
                                                         std::string_view actor_id,
                                                         const ActorProfileOptions& options);

}  // namespace dossier
