#include "dossier/index/indexer.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dossier/base/errors.h"
#include "dossier/base/hash.h"
#include "dossier/base/thread_count.h"
#include "dossier/dedup/clusters.h"
#include "dossier/dedup/signature.h"
#include "dossier/index/compaction.h"
#include "dossier/index/index_pipeline.h"
#include "dossier/index/interrupt.h"
#include "dossier/index/progress.h"
#include "dossier/index/prune.h"
#include "dossier/index/writable_index.h"
#include "dossier/index/write_abort.h"
#include "dossier/input/input_source.h"
#include "dossier/schema/schema.h"

namespace dossier {
namespace {

// Everything outside an article that shapes its document: a change re-analyses every
// article on the next run (the stamps' context hash). The signature version is one: a
// database written before signatures existed gets them on its first update; so is the
// last schema that changed every document, for what it added (kSlotIdOrder).
std::uint64_t settings_hash(const IndexOptions& options) {
  std::ostringstream all;
  all << "signature " << dedup::kSignatureVersion << ":";
  all << "documents " << schema::kLastDocumentChange << ":";
  all << static_cast<int>(options.extraction.date_order) << ":"
      << static_cast<int>(options.extraction.date_fallback) << ":";
  if (!options.actors_file.empty()) all << std::ifstream(options.actors_file).rdbuf();
  return fnv1a64(all.str());
}

// A database inside an input folder would sit among the articles, and the next run would
// walk Xapian's files as part of the corpus.
void check_database_outside_inputs(const std::string& db_path,
                                   const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  const fs::path db = canonical_string(db_path);
  for (const auto& input : inputs) {
    std::error_code ec;
    if (!fs::is_directory(input, ec)) continue;
    const fs::path below = db.lexically_relative(canonical_string(input));
    if (!below.empty() && *below.begin() != "..")
      throw Error(ErrorKind::kUsage, "database " + db_path + " is inside the input folder " +
                                         input + "; put it outside the corpus");
  }
}

// Whether any shard's clusters may disagree with its documents: written since the last
// clustering (the flag is committed with the first document of a run), never clustered,
// or a clustering that did not finish.
bool clusters_pending(const WritableShards& db) {
  for (const auto& shard : db.shards) {
    if (shard.get_metadata(schema::kClustersKey) != schema::kClustersDone) return true;
  }
  return false;
}

// Recomputes the near-duplicate clusters over all shards (dedup/clusters.h) when something
// changed, then marks every shard clustered, in the same commit. `changes` is what this
// run changed when the clusters were right before it (only what they can affect is
// redone), or null (every cluster is redone).
void update_clusters(WritableShards& db, const std::vector<dedup::ShardChanges>* changes,
                     IndexStats& stats, Progress& progress) {
  if (!clusters_pending(db)) return;
  progress.phase("clustering");
  try {
    stats.reclustered = dedup::recluster(db.shards, changes).reclustered;
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::kInternal,
                "cannot cluster near-duplicates in " + db.path + ": " + e.get_description());
  }
  for (auto& shard : db.shards) {
    shard.set_metadata(schema::kClustersKey, schema::kClustersDone);
    commit(shard, db.path);
  }
}

}  // namespace

ActorLexicon load_lexicon(const std::string& actors_file) {
  ActorLexicon lexicon = ActorLexicon::builtin();
  if (!actors_file.empty()) {
    try {
      lexicon.load_user_dictionary(actors_file);
    } catch (const std::exception& e) {
      throw Error(ErrorKind::kInput, std::string("actor dictionary: ") + e.what());
    }
  }
  return lexicon;
}

IndexStats index_corpus(const IndexOptions& options, IndexReport& report) {
  const auto started = std::chrono::steady_clock::now();
  check_inputs_exist(options.inputs);  // a typo creates no database
  check_database_outside_inputs(options.db_path, options.inputs);
  const ActorLexicon lexicon = load_lexicon(options.actors_file);
  // Locked before listing: a second indexer fails at once.
  WritableShards db = open_writable_shards(options.db_path, options.shards);
  const IndexWriteGuard guard("dossier-index", options.db_path);  // write_abort.h
  settle_partition(db, options.partition);
  // Pending before this run: an earlier one wrote and did not finish its clustering, and
  // what it changed is not known.
  const bool clustered_before = !clusters_pending(db);
  for (const auto& folder : db.folders) remove_stale_compaction(folder, report);
  Progress progress(options.progress);
  progress.phase("listing");
  const auto skip = [&](const std::string& path, const std::string& why) {
    report.skipped(path, why);
  };
  const auto warn = [&](const std::string& path, const std::string& why) {
    report.warning(path, why);
  };
  auto sources = open_input_sources(options.inputs, db.ids, settings_hash(options), skip, warn,
                                    options.csv_columns);

  PipelineResult result = run_index_pipeline(options, lexicon, sources, db, report, progress);
  if (options.prune && result.stats.signal == 0) {
    progress.phase("pruning");
    // Each shard holds its own documents of every input: prune them all, shard by shard.
    for (std::size_t s = 0; s < db.shards.size(); ++s) {
      auto& shard = db.shards[s];
      try {
        std::size_t removed = 0;
        for (std::size_t i = 0; i < sources.size(); ++i)
          removed += prune_unseen(shard, sources[i]->input_term(), result.seen_id_hashes[i],
                                  result.cluster_changes[s].dropped_keys);
        if (removed != 0) shard.set_metadata(schema::kClustersKey, schema::kClustersPending);
        result.stats.removed += removed;
      } catch (const Xapian::Error& e) {
        throw Error(ErrorKind::kInternal,
                    "cannot prune database " + options.db_path + ": " + e.get_description());
      }
      commit(shard, options.db_path);
    }
  }
  // A signal after the articles were written stops the run before its clustering (the
  // flag stays pending: the next run clusters), or is reported once that is committed.
  if (result.stats.signal == 0) result.stats.signal = interrupt_signal();
  if (result.stats.signal == 0)
    update_clusters(db, clustered_before ? &result.cluster_changes : nullptr, result.stats,
                    progress);
  if (result.stats.signal == 0) result.stats.signal = interrupt_signal();
  const auto& done = result.stats;
  if (done.signal == 0 && should_compact(options.compact, done.added + done.updated + done.removed,
                                         document_count(db))) {
    progress.phase("compacting");
    compact_and_close(db, thread_count(options.jobs), report);
  }
  result.stats.skipped = report.skipped_count();
  result.stats.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result.stats;
}

}  // namespace dossier
