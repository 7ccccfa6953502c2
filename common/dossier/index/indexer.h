// Building and updating a Dossier database from corpus folders and JSONL files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "dossier/extract/actors/lexicon.h"
#include "dossier/extract/article_analyzer.h"
#include "dossier/index/index_report.h"
#include "dossier/input/corpus_walker.h"

namespace dossier {

struct IndexOptions {
  std::string db_path;
  std::vector<std::string> inputs;  // folders (walked recursively), .txt or .jsonl files
  std::string actors_file;          // user actor dictionary (TSV), optional
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
  bool prune = false;     // delete documents of the given inputs whose source is gone
  bool progress = false;  // draw a progress line on stderr
};

struct IndexStats {
  std::size_t added = 0;
  std::size_t updated = 0;    // re-analysed because the source changed
  std::size_t unchanged = 0;  // same size and mtime, or same content: not re-analysed
  std::size_t removed = 0;    // by --prune
  std::size_t skipped = 0;    // sources that could not be indexed (see the report)
  std::uint64_t bytes = 0;    // source bytes considered
  double seconds = 0;
  int signal = 0;  // SIGINT/SIGTERM that stopped the run after a commit, or 0
};

// The built-in actor lexicon plus the user's dictionary when given; throws dossier::Error
// (kInput) for an unreadable or malformed dictionary.
ActorLexicon load_lexicon(const std::string& actors_file);

// Indexes every article of `options.inputs` into the database (created if needed): new
// and changed sources are analysed in parallel and written in a fixed order (the output
// does not depend on `jobs`), unchanged ones cost a stat, and each shard is committed
// after every batch of articles written to it (index/commit_batch.h), so a killed run
// leaves every shard at its last batch and a re-run completes them. Problems with single sources go
// to `report` and count as skipped; problems with the database throw dossier::Error (kUsage when
// locked by another indexer, kInternal for I/O errors such as a full disk: the last commit stays
// intact).
IndexStats index_corpus(const IndexOptions& options, IndexReport& report);

}  // namespace dossier
