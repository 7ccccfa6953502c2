#include "dossier/index/compaction.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2 (glibc 2.28)
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <system_error>
#include <thread>
#include <vector>

#include "dossier/index/index_report.h"
#include "dossier/schema/schema.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kCompactionSuffix = ".dossier-compacting";

// errno's message; std::strerror may share one buffer between threads.
std::string errno_text() {
  return std::error_code(errno, std::generic_category()).message();
}

// fsync of a file or folder; false with errno set on failure.
bool sync_path(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return false;
  const bool synced = ::fsync(fd) == 0;
  const int saved_errno = errno;
  ::close(fd);
  errno = saved_errno;
  return synced;
}

// Xapian syncs what it commits; the copy is made durable here before it replaces the
// original, file by file and then the folder's entries.
bool sync_folder(const fs::path& folder) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    if (!sync_path(entry.path(), O_RDONLY)) return false;
  }
  return !error && sync_path(folder, O_RDONLY | O_DIRECTORY);
}

// Xapian writes a compacted database at revision 1, and a reader's reopen() moves only
// when the revision changed: one on revision 1 would take the new statistics with the old
// tables. Commits of one metadata key lift the copy past `original_revision` (unsynced:
// the copy is synced once after), so every reader sees a newer revision.
void carry_revision_on(const std::string& copy, Xapian::rev original_revision) {
  Xapian::WritableDatabase db(copy, Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
  for (Xapian::rev revision = db.get_revision(); revision <= original_revision; ++revision) {
    db.set_metadata(schema::kCompactionKey, std::to_string(revision));
    db.commit();
  }
  db.close();
}

// Why the shard at `folder` was not compacted, or nothing once the compacted copy has
// taken its place (the original is then at compaction_folder(folder)).
std::optional<std::string> compact_in_place(const std::string& folder,
                                            Xapian::rev original_revision) {
  const std::string copy = compaction_folder(folder);
  std::error_code error;
  if (fs::exists(copy, error) || error) return copy + " is in the way";
  const auto give_up = [&copy](std::string why) {
    std::error_code ignored;
    fs::remove_all(copy, ignored);  // made here: nothing else is in it
    return std::optional<std::string>(std::move(why));
  };
  try {
    // NO_RENUMBER: cluster ids (schema::kSlotCluster) are document ids.
    Xapian::Database(folder).compact(copy, Xapian::DBCOMPACT_NO_RENUMBER);
  } catch (const Xapian::Error& e) {
    return give_up(e.get_description());
  }
  try {
    carry_revision_on(copy, original_revision);
  } catch (const Xapian::Error& e) {
    return give_up(e.get_description());
  }
  if (!sync_folder(copy)) return give_up("cannot sync the copy: " + errno_text());
  if (::renameat2(AT_FDCWD, copy.c_str(), AT_FDCWD, folder.c_str(), RENAME_EXCHANGE) != 0) {
    return give_up("cannot swap the copy in (" + errno_text() +
                   "; the filesystem may not support an atomic exchange of folders)");
  }
  const fs::path parent = fs::absolute(folder).parent_path();
  sync_path(parent, O_RDONLY | O_DIRECTORY);  // the exchange itself survives a power cut
  return std::nullopt;
}

void remove_folder(const std::string& folder, IndexReport& report) {
  std::error_code error;
  fs::remove_all(folder, error);
  if (error) report.warning(folder, "cannot remove: " + error.message());
}

}  // namespace

std::optional<CompactWhen> compact_when_from_string(std::string_view text) {
  if (text == "auto") return CompactWhen::kAuto;
  if (text == "always") return CompactWhen::kAlways;
  if (text == "never") return CompactWhen::kNever;
  return std::nullopt;
}

bool should_compact(CompactWhen when, std::size_t written, Xapian::doccount documents) {
  switch (when) {
    case CompactWhen::kNever:
      return false;
    case CompactWhen::kAlways:
      return written > 0;
    case CompactWhen::kAuto:
      return written > 0 && 2 * written >= documents;
  }
  return false;
}

std::string compaction_folder(const std::string& folder) {
  // The folder's own name without a trailing slash, so the copy sits beside it.
  std::string base = folder;
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  return base + std::string(kCompactionSuffix);
}

void remove_stale_compaction(const std::string& folder, IndexReport& report) {
  const std::string stale = compaction_folder(folder);
  std::error_code error;
  if (!fs::exists(stale, error)) return;
  if (!fs::is_directory(stale, error) || !holds_only_xapian_files(stale)) {
    report.warning(stale,
                   "not removed: it holds files that are not a database's; "
                   "compaction of " +
                       folder + " needs that name");
    return;
  }
  remove_folder(stale, report);
}

void compact_and_close(WritableShards& db, unsigned jobs, IndexReport& report) {
  const std::size_t shards = db.shards.size();
  if (shards == 0) return;
  std::vector<Xapian::rev> revisions(shards);
  for (std::size_t i = 0; i < shards; ++i) revisions[i] = db.shards[i].get_revision();
  // Each shard's copy is its own work (its own files, its own Database), so up to `jobs`
  // are made at once; the shards stay open (locked) until every copy is in place.
  std::vector<std::optional<std::string>> failures(shards);
  const std::size_t at_once = std::clamp<std::size_t>(jobs, 1, shards);
  for (std::size_t first = 0; first < shards; first += at_once) {
    std::vector<std::jthread> workers;
    for (std::size_t i = first; i < std::min(shards, first + at_once); ++i) {
      workers.emplace_back([&db, &revisions, &failures, i] {
        try {
          failures[i] = compact_in_place(db.folders[i], revisions[i]);
        } catch (const std::exception& e) {  // a thread must not end in an exception
          failures[i] = e.what();
        }
      });
    }
  }
  for (std::size_t i = 0; i < shards; ++i) {
    const std::string& folder = db.folders[i];
    // The lock is on the original's files: released only now, after the swap.
    db.shards[i].close();
    if (failures[i]) {
      report.warning(folder, "not compacted (the database is complete): " + *failures[i]);
    } else {
      remove_folder(compaction_folder(folder), report);  // the original, swapped out
    }
  }
}

}  // namespace dossier
