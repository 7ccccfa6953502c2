#include "dossier/index/writable_index.h"

#include <filesystem>

#include "dossier/base/errors.h"
#include "dossier/schema/schema.h"
#include "dossier/schema/shard_layout.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

// A database Xapian would open as one: a glass folder, or a stub file (not a folder).
bool is_plain_database(const std::string& path) {
  std::error_code ignored;
  return fs::exists(fs::path(path) / "iamglass", ignored) || fs::is_regular_file(path, ignored);
}

// What Xapian leaves of a glass database whose creation was killed before its first
// revision file (iamglass, written as v.tmp then renamed) existed: a lock, empty tables,
// temporary files. Nothing was ever committed there, so it can be created afresh; a
// folder holding anything else is not Xapian's and is left alone.
bool is_unfinished_creation(const std::string& path) {
  std::error_code error;
  return fs::is_directory(path, error) && !fs::exists(fs::path(path) / "iamglass", error) &&
         holds_only_xapian_files(path);
}

// Shard folders without a stub: what create_sharded() leaves when it is interrupted.
bool has_shard_folders(const std::string& path) {
  std::error_code ignored;
  return fs::is_directory(fs::path(path) / shard_folder_name(0), ignored);
}

void check_requested(const std::string& path, unsigned existing, unsigned requested) {
  if (requested == 0 || requested == existing) return;
  throw Error(ErrorKind::kUsage, "database " + path + " has " + std::to_string(existing) +
                                     (existing == 1 ? " shard" : " shards") + ", not " +
                                     std::to_string(requested) +
                                     "; the shard count is fixed when a database is created "
                                     "(index into a new --db to change it)");
}

WritableShards open_shards(const std::string& path, unsigned count) {
  WritableShards out;
  out.path = path;
  out.shards.reserve(count);
  for (unsigned i = 0; i < count; ++i) {
    out.folders.push_back(shard_path(path, i));
    out.shards.push_back(open_writable(out.folders.back(), path));
  }
  return out;
}

WritableShards create_sharded(const std::string& path, unsigned count) {
  try {
    fs::create_directories(path);
  } catch (const fs::filesystem_error& e) {
    throw Error(ErrorKind::kInternal, "cannot create database " + path + ": " + e.what());
  }
  WritableShards out = open_shards(path, count);
  for (auto& shard : out.shards) commit(shard, path);
  write_stub(path, count);
  return out;
}

// The scheme the shards store (the first that has one), else the one their contents imply.
schema::IdScheme existing_id_scheme(const WritableShards& db) {
  Xapian::doccount documents = 0;
  for (const auto& shard : db.shards) {
    if (const auto stored = schema::stored_id_scheme(shard)) return *stored;
    documents += shard.get_doccount();
  }
  return documents > 0 ? schema::IdScheme::kRelative : schema::IdScheme::kFolder;
}

WritableShards with_id_scheme(WritableShards db) {
  db.ids = existing_id_scheme(db);
  const std::string name(schema::id_scheme_name(db.ids));
  for (auto& shard : db.shards) {
    if (shard.get_metadata(schema::kIdSchemeKey) != name)
      shard.set_metadata(schema::kIdSchemeKey, name);
  }
  return db;
}

WritableShards open_layout(const std::string& path, unsigned requested_shards) {
  if (has_stub(path)) {
    const auto count = read_stub(path);
    if (!count)
      throw Error(ErrorKind::kUsage, "database " + path + " has a " + std::string(kStubFileName) +
                                         " file that dossier-index did not write; it cannot "
                                         "be updated");
    check_requested(path, *count, requested_shards);
    return open_shards(path, *count);
  }
  if (is_plain_database(path)) {
    check_requested(path, 1, requested_shards);
  } else if (requested_shards > 1) {
    return create_sharded(path, requested_shards);  // also finishes an interrupted creation
  } else if (has_shard_folders(path)) {
    // A `--shards N` creation that died before writing its stub. Its shards hold no
    // documents yet (writing starts after the stub), but only the user knows N; a plain
    // database made here would sit beside them and never be searched.
    throw Error(ErrorKind::kUsage,
                "database " + path + " is an unfinished sharded database (shard folders but no " +
                    std::string(kStubFileName) +
                    " file): run dossier-index again with the --shards N it was created with");
  }
  WritableShards out;
  out.path = path;
  out.folders.push_back(path);
  out.shards.push_back(open_writable(path));
  return out;
}

}  // namespace

bool holds_only_xapian_files(const std::string& folder) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    const auto name = entry.path().filename().string();
    const auto extension = entry.path().extension().string();
    const bool xapian_file = name == "flintlock" || name == "iamglass" || extension == ".glass" ||
                             extension == ".tmp" || extension == ".baseA" || extension == ".baseB";
    if (!entry.is_regular_file(error) || !xapian_file) return false;
  }
  return !error;
}

Xapian::WritableDatabase open_writable(const std::string& path, const std::string& shown_path) {
  try {
    const int action =
        is_unfinished_creation(path) ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN;
    Xapian::WritableDatabase db(path, action);
    schema::stamp_or_check(db, shown_path);
    return db;
  } catch (const Xapian::DatabaseLockError&) {
    throw Error(ErrorKind::kUsage, "database " + shown_path + " is locked by another indexer");
  } catch (const Xapian::DatabaseError& e) {
    // Xapian keeps the system's reason apart ("mkdir failed" / "No such file or directory").
    const char* reason = e.get_error_string();
    throw Error(ErrorKind::kUsage,
                "cannot open database " + path + " for writing: " + e.get_msg() +
                    (reason != nullptr && *reason != '\0' ? " (" + std::string(reason) + ")"
                                                          : std::string()));
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::kInternal, "cannot open database " + path + ": " + e.get_description());
  }
}

void settle_partition(WritableShards& db, const std::optional<Partition>& requested) {
  const std::string stored = db.shards.front().get_metadata(schema::kPartitionKey);
  if (!stored.empty()) {
    const auto partition = parse_partition(stored);
    if (!partition)
      throw Error(ErrorKind::kUsage,
                  "database " + db.path + " names an unknown partition '" + stored + "'");
    if (requested && *requested != *partition) {
      throw Error(ErrorKind::kUsage, "database " + db.path + " holds partition " + stored +
                                         ", not " + partition_text(*requested));
    }
    db.partition = *partition;
    return;
  }
  if (!requested || requested->count == 1) return;
  if (document_count(db) > 0) {
    throw Error(ErrorKind::kUsage, "database " + db.path +
                                       " holds articles of every partition; --partition " +
                                       partition_text(*requested) + " needs a new database");
  }
  db.partition = *requested;
  for (auto& shard : db.shards) {
    shard.set_metadata(schema::kPartitionKey, partition_text(*requested));
    commit(shard, db.path);
  }
}

Xapian::doccount document_count(const WritableShards& db) {
  Xapian::doccount documents = 0;
  for (const auto& shard : db.shards) documents += shard.get_doccount();
  return documents;
}

WritableShards open_writable_shards(const std::string& path, unsigned requested_shards) {
  return with_id_scheme(open_layout(path, requested_shards));
}

void commit(Xapian::WritableDatabase& db, const std::string& path) {
  try {
    db.commit();
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::kInternal,
                "cannot commit to database " + path +
                    " (the last committed state is intact): " + e.get_description());
  }
}

}  // namespace dossier
