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
// every machine and run) modulo `shards`. In a database of one partition of `partitions`
// (below), the hash divided by `partitions` first: the partition took its remainder, and
// the shards must not see only ids of one remainder.
unsigned shard_of(std::string_view id_term, unsigned shards, unsigned partitions = 1);

// Partition K of N (dossier-index --partition K/N, 0 <= K < N): the articles whose id
// hashes to K modulo N, the same hash that routes shards, so N machines build N disjoint
// databases from the same inputs, and together one shard layout of N * shards shards.
struct Partition {
  unsigned index = 0;
  unsigned count = 1;  // 1: the whole corpus
  bool operator==(const Partition&) const = default;
};
inline constexpr unsigned kMaxPartitions = 4096;
// "K/N" with 0 <= K < N <= kMaxPartitions, or nothing.
std::optional<Partition> parse_partition(std::string_view text);
std::string partition_text(Partition partition);
bool in_partition(std::string_view id_term, Partition partition);

// True when `db_path` is a folder with a stub file.
bool has_stub(const std::string& db_path);

// Reads DB's stub: the shard count, or nothing when the stub is not one parse_stub()
// accepts. Throws dossier::Error (kUsage) when the stub cannot be read.
std::optional<unsigned> read_stub(const std::string& db_path);

// One database listed by a stub file, in Xapian's stub format (one per line: `auto PATH`,
// `glass PATH`, `chert PATH`, `remote HOST:PORT`, `remote :PROGRAM ARGS`; `#` comments).
// dossier-search opens the shards of a stub itself rather than through Xapian, so it can set
// the remote shards' timeouts and name a shard that fails.
struct StubShard {
  enum class Kind { kLocal, kRemoteTcp, kRemoteProgram };
  Kind kind = Kind::kLocal;
  std::string path;     // kLocal: relative paths resolved against the stub's folder
  std::string host;     // kRemoteTcp (an IPv6 address without its brackets)
  unsigned port = 0;    // kRemoteTcp
  std::string program;  // kRemoteProgram
  std::string args;     // kRemoteProgram
  std::string line;     // the line as written: names the shard in messages
};

// The stub file a database path names: DB/XAPIANDB for a folder holding one, DB itself for
// a file whose first line that is neither empty nor a comment starts with a stub keyword;
// nothing otherwise (a plain database).
std::optional<std::string> stub_file_of(const std::string& db_path);

// The shards of the stub file `stub_path`, in order. Throws dossier::Error (kUsage) naming
// the file and line for a line Xapian's stub format does not allow or that names no
// database Dossier can search (`inmemory`), and when the file cannot be read or lists none.
std::vector<StubShard> read_stub_shards(const std::string& stub_path);
// The same from a stub's text; `stub_dir` resolves relative paths, `stub_name` names it.
std::vector<StubShard> parse_stub_shards(std::string_view text, const std::string& stub_dir,
                                         const std::string& stub_name);

// The path of shard `index` of DB.
std::string shard_path(const std::string& db_path, unsigned index);

// Writes DB's stub for `shards` shards atomically (a temporary file, synced, then renamed
// over the name), so a crash leaves either no stub or a complete one. Call it only once the
// shards exist. Throws dossier::Error (kInternal) on I/O errors.
void write_stub(const std::string& db_path, unsigned shards);

}  // namespace dossier
