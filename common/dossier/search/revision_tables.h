// The tables a searcher loads whole for one revision of a database (every document's
// actors, length, date, source, folder and cluster by docid; the actor identity, ids and
// names), shared by all the searchers on that revision: a server's workers and a batch's
// threads load each once, not once per thread, and hold one copy between them. Each table
// is built by the first searcher that needs it, from its own database at that revision,
// and only read after: searchers on other revisions never see it, so no answer mixes two.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <xapian.h>

#include "dossier/base/built_once.h"
#include "dossier/facets/facets.h"
#include "dossier/search/actor_directory.h"
#include "dossier/search/term_union.h"

namespace dossier {

struct RevisionTables {
  ActorDirectoryTables actors;
  BuiltOnce<ActorCodeTable> actor_codes;  // the actor facet's, as identities
  BuiltOnce<DocLengthTable> doc_lengths;
  BuiltOnce<SlotValues> dates, sources, folders, clusters, ids;
};

// The tables of each revision in use, for the searchers of one database (thread-safe).
class RevisionTableCache {
 public:
  // The tables of `db` at `revision` (Searcher::revision()): the same object for every
  // caller on that database and revision while one of them holds it; freed when the last
  // lets go (it moved to a newer revision). Tables of their own when the revision is not
  // known (remote shards, a database dossier-index did not write).
  std::shared_ptr<RevisionTables> tables(const Xapian::Database& db,
                                         std::optional<Xapian::rev> revision);

 private:
  std::mutex mutex_;
  std::map<std::string, std::weak_ptr<RevisionTables>> by_revision_;  // uuid and revision
};

}  // namespace dossier
