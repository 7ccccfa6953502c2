// The indexing pipeline: one reader thread walks the input sources and sorts out what is
// unchanged, N analysis workers build documents, the calling thread takes them back in
// input order and routes each to the shard of its id, and one writer thread per shard
// writes them in that order, committing in batches (shard_writer.h).
//
//   reader --BoundedQueue<IndexJob>--> workers --ReorderBuffer<IndexOutcome>--> router
//   router --BoundedQueue<IndexOutcome>--> shard writer (one per shard)
//
// The reader may run at most a window of jobs ahead of the router, and each shard's queue
// is bounded, so memory is bounded by those (plus Xapian's batch per shard), whatever the
// corpus size. Each shard receives its documents in input order, so the output does not
// depend on the number of analysis threads.
#pragma once

#include <memory>
#include <vector>

#include "dossier/dedup/clusters.h"
#include "dossier/extract/actors/lexicon.h"
#include "dossier/index/index_options.h"
#include "dossier/index/index_report.h"
#include "dossier/index/progress.h"
#include "dossier/index/writable_index.h"
#include "dossier/input/input_source.h"

namespace dossier {

struct PipelineResult {
  IndexStats stats;  // added, updated, unchanged, bytes, signal
  // Per source (same order): fnv1a64 of the id term of every article it listed, sorted;
  // filled only when options.prune.
  std::vector<std::vector<std::uint64_t>> seen_id_hashes;
  // Per shard (routing order): what the clustering pass has to redo.
  std::vector<dedup::ShardChanges> cluster_changes;
};

// Runs the pipeline over `sources` into `db` (already open, at `options.db_path`), and
// commits every shard. Throws dossier::Error (kInternal) when writing fails.
PipelineResult run_index_pipeline(const IndexOptions& options, const ActorLexicon& lexicon,
                                  std::vector<std::unique_ptr<InputSource>>& sources,
                                  WritableShards& db, IndexReport& report, Progress& progress);

}  // namespace dossier
