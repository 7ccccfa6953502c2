// The writing end of the indexing pipeline for one shard: its own thread applies the
// outcomes routed to the shard, in the order they were routed, to the shard's own
// WritableDatabase, and commits after every batch written to this shard (commit_batch.h),
// and once more at the end. Shards never share a Xapian
// object, so N writers run in parallel.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

#include <xapian.h>

#include "dossier/dedup/clusters.h"
#include "dossier/index/article_worker.h"
#include "dossier/index/index_options.h"
#include "dossier/index/progress.h"
#include "dossier/index/spelling_data.h"
#include "dossier/index/work_queue.h"

namespace dossier {

struct ShardWriteCounts {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t restamped = 0;  // unchanged content, new stamp
  std::uint64_t bytes = 0;    // source bytes of the added and updated articles
};

class ShardWriter {
 public:
  // `db` is this writer's alone while run() runs; `db_path` names it in messages. It is
  // shard `shard` of `shards`: shards receive about as many articles each, so their
  // commits would fall together; each one's first batch is cut short by shard/shards of
  // a batch, so they take turns (while one commits, the others and the analysis go on).
  ShardWriter(Xapian::WritableDatabase& db, const std::string& db_path, const IndexOptions& options,
              Progress& progress, std::size_t queue_capacity, std::size_t shard,
              std::size_t shards);

  // Router side: blocks while the queue is full; false once the writer was closed.
  bool push(IndexOutcome outcome) { return queue_.push(std::move(outcome)); }
  // Router side: no more outcomes (run() drains the queue, commits and returns).
  void close() { queue_.close(); }

  // The writer thread's body: applies outcomes until the queue is closed and drained, or
  // until `stop` is set (another part of the pipeline failed; the rest of the queue is
  // dropped), then commits. Throws dossier::Error (kInternal) when writing or committing
  // fails; the shard keeps its last commit.
  void run(const std::atomic<bool>& stop);

  // Valid after run() returned.
  const ShardWriteCounts& counts() const { return counts_; }
  // What the clustering pass has to redo for this shard (valid after run() returned).
  dedup::ShardChanges& cluster_changes() { return cluster_changes_; }

 private:
  void apply(IndexOutcome& outcome);
  // Gives Xapian the spelling changes held (spelling_data.h); the next commit writes them.
  void hand_over_spelling();

  Xapian::WritableDatabase& db_;
  const std::string& db_path_;
  const IndexOptions& options_;
  Progress& progress_;
  BoundedQueue<IndexOutcome> queue_;
  std::size_t shard_, shards_;
  ShardWriteCounts counts_;
  dedup::ShardChanges cluster_changes_;
  SpellingChanges spelling_;  // of the documents written since the last hand-over
};

}  // namespace dossier
