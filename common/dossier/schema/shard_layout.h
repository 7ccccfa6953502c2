// How a sharded Dossier database sits on disk (dossier-index --shards N, N > 1):
//
//   DB/XAPIANDB   the stub file: "glass shard-0\nglass shard-1\n..." (paths relative to DB/)
//   DB/shard-0/   a glass database
//   DB/shard-1/   ...
//
// Xapian opens a folder holding a file named XAPIANDB as one database made of the shards
// it lists (global statistics merged, so BM25 scores equal those of a single database):
// dossier-search and xapian-delve read DB like any other database. The indexer writes each
// shard on its own thread; a document goes to shard_of(its id term), so an update or a
// deletion always reaches the shard that holds the id. A database made with N = 1 (the
// default) is a plain glass database at DB, without a stub.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// The stub's name: fixed by Xapian.
inline constexpr std::string_view kStubFileName = "XAPIANDB";
// Shard i lives in DB/<kShardFolderPrefix><i>.
inline constexpr std::string_view kShardFolderPrefix = "shard-";

// "shard-<index>".
std::string shard_folder_name(unsigned index);

// The stub text listing `shards` shard folders, in routing order.
std::string stub_text(unsigned shards);

// The number of shards a stub lists, when it is exactly stub_text(n) for some n >= 1 (the
// routing of documents depends on that order); nothing for any other stub (remote
// databases, other paths), which dossier-index does not write to.
std::optional<unsigned> parse_stub(std::string_view text);

// The shard that holds the document with `id_term`: a stable hash (fnv1a64, the same on
// every machine and run) modulo `shards`.
unsigned shard_of(std::string_view id_term, unsigned shards);

// True when `db_path` is a folder with a stub file.
bool has_stub(const std::string& db_path);

// Reads DB's stub: the shard count, or nothing when the stub is not one parse_stub()
// accepts. Throws dossier::Error (kUsage) when the stub cannot be read.
std::optional<unsigned> read_stub(const std::string& db_path);

// The path of shard `index` of DB.
std::string shard_path(const std::string& db_path, unsigned index);

// Writes DB's stub for `shards` shards atomically (a temporary file, synced, then renamed
// over the name), so a crash leaves either no stub or a complete one. Call it only once the
// shards exist. Throws dossier::Error (kInternal) on I/O errors.
void write_stub(const std::string& db_path, unsigned shards);

}  // namespace dossier
