// The match spies a remote shard must know: Dossier's own, registered beside Xapian's
// built-in ones, so a search over remote shards counts exactly what a local one counts.
#pragma once

#include <xapian.h>

namespace dossier {

// Xapian's default registry plus every Dossier spy that a Searcher or a table may send to a
// remote shard (ActorCountSpy, ActorDateSpy). A spy left out here fails remotely with
// "Match spy NAME not registered"; the deadline spy and the actor-by-actor spy are never
// sent (search/searcher.h, Searcher::remote()).
Xapian::Registry spy_registry();

}  // namespace dossier
