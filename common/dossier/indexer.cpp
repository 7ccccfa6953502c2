#include "dossier/indexer.h"

#include <chrono>

#include "dossier/errors.h"
#include "dossier/index/index_pipeline.h"
#include "dossier/index/input_source.h"
#include "dossier/index/progress.h"
#include "dossier/index/prune.h"
#include "dossier/writable_index.h"

namespace dossier {

IndexStats index_corpus(const IndexOptions& options, IndexReport& report) {
  const auto started = std::chrono::steady_clock::now();
  check_inputs_exist(options.inputs);  // a typo creates no database
  // Locked before listing: a second indexer fails at once, before any listing.
  Xapian::WritableDatabase db = open_writable(options.db_path);
  Progress progress(options.progress);
  progress.phase("listing");
  const auto skip = [&](const std::string& path, const std::string& why) {
    report.skipped(path, why);
  };
  const auto warn = [&](const std::string& path, const std::string& why) {
    report.warning(path, why);
  };
  auto sources = open_input_sources(options.inputs, skip, warn);

  PipelineResult result = run_index_pipeline(options, sources, db, report, progress);
  if (options.prune && result.stats.signal == 0) {
    progress.phase("pruning");
    try {
      for (std::size_t i = 0; i < sources.size(); ++i) {
        result.stats.removed +=
            prune_unseen(db, sources[i]->source_term(), result.seen_id_hashes[i]);
      }
    } catch (const Xapian::Error& e) {
      throw Error(ErrorKind::kInternal,
                  "cannot prune database " + options.db_path + ": " + e.get_description());
    }
    commit(db, options.db_path);
  }
  result.stats.skipped = report.skipped_count();
  result.stats.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result.stats;
}

}  // namespace dossier
