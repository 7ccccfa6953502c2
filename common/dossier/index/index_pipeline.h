// The indexing pipeline: one reader thread walks the input sources and sorts out what is
// unchanged, N analysis workers build documents, and the calling thread writes them in
// input order, committing in batches.
//
//   reader --BoundedQueue<IndexJob>--> workers --ReorderBuffer<IndexOutcome>--> writer
//
// The reader may run at most a window of jobs ahead of the writer, so memory is bounded
// by that window (plus Xapian's batch), whatever the corpus size.
#pragma once

#include <memory>
#include <vector>

#include <xapian.h>

#include "dossier/actors/lexicon.h"
#include "dossier/index/index_report.h"
#include "dossier/index/input_source.h"
#include "dossier/index/progress.h"
#include "dossier/indexer.h"

namespace dossier {

struct PipelineResult {
  IndexStats stats;  // added, updated, unchanged, bytes, signal
  // Per source (same order): fnv1a64 of the id term of every article it listed, sorted;
  // filled only when options.prune.
  std::vector<std::vector<std::uint64_t>> seen_id_hashes;
};

// Runs the pipeline over `sources` into `db` (already open, at `options.db_path`), and
// commits. Throws dossier::Error (kInternal) when writing fails.
PipelineResult run_index_pipeline(const IndexOptions& options, const ActorLexicon& lexicon,
                                  std::vector<std::unique_ptr<InputSource>>& sources,
                                  Xapian::WritableDatabase& db, IndexReport& report,
                                  Progress& progress);

}  // namespace dossier
