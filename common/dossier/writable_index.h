// Opening a database for writing, with the errors a user can act on.
#pragma once

#include <string>

#include <xapian.h>

namespace dossier {

// Opens or creates the database at `path` for writing and stamps/checks its schema.
// Throws dossier::Error: kUsage when another indexer holds the lock or the schema
// differs, kInternal for I/O problems.
Xapian::WritableDatabase open_writable(const std::string& path);

// Commits, turning Xapian's I/O errors (disk full...) into dossier::Error (kInternal).
void commit(Xapian::WritableDatabase& db, const std::string& path);

}  // namespace dossier
