#include "dossier/cluster/spy_registry.h"

#include "dossier/facets/facets.h"
#include "dossier/schema/schema.h"
#include "dossier/tables/actor_date_table.h"

namespace dossier {

Xapian::Registry spy_registry() {
  Xapian::Registry registry;
  // The registry keeps clones; each search builds its spies from them by unserialise().
  registry.register_match_spy(ActorCountSpy(schema::kSlotActors));
  registry.register_match_spy(ActorDateSpy(nullptr));
  return registry;
}

}  // namespace dossier
