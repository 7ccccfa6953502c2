// What an indexing run is asked to do and what it did: shared by the entry point
// (indexer.h) and the pipeline parts it runs, which must not include the entry point.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dossier/extract/article_analyzer.h"
#include "dossier/schema/shard_layout.h"

namespace dossier {

// When a run ends by compacting the database (index/compaction.h).
enum class CompactWhen {
  kAuto,    // when the run added, updated or removed at least half the documents
  kAlways,  // after every run that wrote anything
  kNever,
};

struct IndexOptions {
  std::string db_path;
  std::vector<std::string> inputs;  // folders (walked recursively), .txt or .jsonl files
  std::string actors_file;          // user actor dictionary (TSV), optional
  // --csv-columns: the columns of CSV article files without a header line (id, title,
  // text|body, date, source, url; other names are ignored). Empty: files have a header.
  std::vector<std::string> csv_columns;
  ExtractionOptions extraction;
  unsigned jobs = 0;  // analysis threads; 0 = one per core
  // Databases written in parallel, one writer thread each (index/shard_layout.h). 0 = as
  // the existing database is, 1 for a new one; another count than an existing database's
  // is a usage error.
  unsigned shards = 0;
  // Per shard; 0 = the default, a batch that grows with the shard (index/commit_batch.h).
  std::size_t commit_every = 0;               // articles written between commits
  std::uint64_t commit_bytes = 0;             // ...or this many source bytes, whichever first
  std::uint64_t max_file_size = 20ull << 20;  // larger files are skipped unread
  // --partition K/N: only the articles of that partition (schema/shard_layout.h); nothing:
  // the database's own (all articles for a database made without one).
  std::optional<Partition> partition;
  bool prune = false;  // delete documents of the given inputs whose source is gone
  CompactWhen compact = CompactWhen::kAuto;
  bool progress = false;  // draw a progress line on stderr
};

struct IndexStats {
  std::size_t added = 0;
  std::size_t updated = 0;    // re-analysed because the source changed
  std::size_t unchanged = 0;  // same size and mtime, or same content: not re-analysed
  std::size_t removed = 0;    // by --prune
  // Near-duplicate candidates clustered anew: those the run's changes can affect, or all
  // when the clusters were not known to be right before the run.
  std::size_t reclustered = 0;
  std::size_t skipped = 0;  // sources that could not be indexed (see the report)
  std::uint64_t bytes = 0;  // source bytes of the articles added or updated (analysed)
  double seconds = 0;
  int signal = 0;  // SIGINT/SIGTERM that stopped the run after a commit, or 0
};

}  // namespace dossier
