// Compacting a database in place once a run has written most of it. Xapian's B-trees
// are left with half-full blocks by a build's many commits; Database::compact() writes
// a copy with full blocks (how much smaller: docs/BENCHMARKS.md, "Index size"). The copy
// is made beside each shard while this run still holds the shard's lock, synced, then
// swapped with the shard's folder in one atomic exchange (renameat2 RENAME_EXCHANGE), so
// the path always holds a whole database: a reader that has it open keeps reading the
// old files until it reopens, one that opens it sees the old or the new one, and a kill
// at any moment leaves a complete database plus, at worst, the beside-folder, which the
// next run removes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "dossier/index/index_options.h"
#include "dossier/index/writable_index.h"

namespace dossier {

class IndexReport;

std::optional<CompactWhen> compact_when_from_string(std::string_view text);

// Whether a run that wrote `written` documents (added, updated and removed) into a
// database now holding `documents` compacts it.
bool should_compact(CompactWhen when, std::size_t written, Xapian::doccount documents);

// The folder a compacted copy of the shard folder `folder` is written to before the swap.
std::string compaction_folder(const std::string& folder);

// Removes what a killed compaction of `folder` left (the copy, or after the swap the old
// database); the caller holds the shard's lock. A folder at that name holding anything
// but Xapian's files is left alone and reported.
void remove_stale_compaction(const std::string& folder, IndexReport& report);

// Compacts every shard of `db` in place, up to `jobs` shards at once, then closes it: `db`
// cannot be written after.
// A shard that cannot be compacted (no space for the copy, a filesystem without atomic
// exchange, a folder in the way: call remove_stale_compaction() first) stays as it was,
// complete, and is reported as a warning.
void compact_and_close(WritableShards& db, unsigned jobs, IndexReport& report);

}  // namespace dossier
