// Opening a database for writing, with the errors a user can act on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "dossier/schema/schema.h"
#include "dossier/schema/shard_layout.h"

namespace dossier {

// Opens or creates the database at `path` for writing and stamps/checks its schema.
// Messages name `shown_path` (the database the user named; a shard's own path otherwise).
// Throws dossier::Error: kUsage when another indexer holds the lock or the schema
// differs, kInternal for I/O problems.
Xapian::WritableDatabase open_writable(const std::string& path, const std::string& shown_path);
inline Xapian::WritableDatabase open_writable(const std::string& path) {
  return open_writable(path, path);
}

// What one indexer run writes to: a plain database (one shard) or every shard of a sharded
// database (index/shard_layout.h), in routing order; each is open, locked by this process
// and carries the schema version.
struct WritableShards {
  std::string path;  // the database as the user named it
  std::vector<Xapian::WritableDatabase> shards;
  std::vector<std::string> folders;  // each shard's glass folder, in the same order
  // How the articles of a folder are named in this database (stored in every shard).
  schema::IdScheme ids = schema::IdScheme::kFolder;
  // The partition the database holds (stored in every shard; count 1: all articles).
  Partition partition;
};

// The documents of all shards.
Xapian::doccount document_count(const WritableShards& db);

// Opens the database at `path` with its own layout: a folder with a stub file has the
// shards it lists, any other existing database is one shard. A new database gets
// `requested_shards` (0 means 1): 1 is a plain database at `path`; more are created as
// path/shard-<i>, committed empty (with the schema version), and only then listed in the
// stub, so a crash never leaves a stub naming shards that do not exist. Throws
// dossier::Error (kUsage) when `requested_shards` is neither 0 nor the existing count, or
// the stub is not one dossier-index wrote; otherwise as open_writable(). The id scheme is
// the stored one, else kRelative for a database that already holds articles (written
// before schema 6), else kFolder; it is stored in every shard that lacks it.
WritableShards open_writable_shards(const std::string& path, unsigned requested_shards);

// Sets db.partition: the stored one (a re-run without --partition stays inside it), or the
// `requested` one, stored in every shard of a database that holds no article yet. Throws
// dossier::Error (kUsage) when `requested` differs from the stored one, or when a database
// made without a partition (it holds articles of every partition) is asked for one.
void settle_partition(WritableShards& db, const std::optional<Partition>& requested);

// Whether `folder` holds only files Xapian writes into a glass database (or nothing), so
// that replacing or removing it cannot take anything of the user's.
bool holds_only_xapian_files(const std::string& folder);

// Commits, turning Xapian's I/O errors (disk full...) into dossier::Error (kInternal).
void commit(Xapian::WritableDatabase& db, const std::string& path);

}  // namespace dossier
