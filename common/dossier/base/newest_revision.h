// Opening and reopening a database that a writer is committing to. Xapian 1.4.22's reader
// may fail while the writer recycles the blocks it reads: DatabaseModifiedError, and, when
// the recycled block is the root it starts from, DatabaseCorruptError ("Expected block N
// to be level 1, not 0") although nothing is corrupt. Both pass on the next attempt; a
// corruption that persists over every attempt is real, and is thrown.
#pragma once

#include <string>

#include <xapian.h>

namespace dossier {

// Attempts before a reopen or open gives up: each failed one means the writer committed
// in the microseconds it took, so this many in a row means a corrupt database.
inline constexpr int kRevisionAttempts = 100;

// Moves `db` to the newest committed revision; false when it was there already (as
// Xapian::Database::reopen() tells).
bool reopen_newest(Xapian::Database& db);

// The database at `path`, at its newest committed revision.
Xapian::Database open_newest(const std::string& path);

}  // namespace dossier
