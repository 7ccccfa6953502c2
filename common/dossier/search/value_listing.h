// Every value of a slot with the number of articles holding it: `dossier-search sources`.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace dossier {

struct ValueListing {
  std::string value;  // as stored: the source or folder as given
  Xapian::doccount articles = 0;
};

// The values of `slot` (schema::kSlotSource, kSlotFolder) over the whole database, most
// articles first, then by value. Exact: one pass over the slot's value stream, or with
// `remote` shards (whose value streams Xapian reads a document at a time) Xapian's
// ValueCountMatchSpy over every document, counted on each shard.
std::vector<ValueListing> list_slot_values(const Xapian::Database& db, Xapian::valueno slot,
                                           bool remote);

}  // namespace dossier
