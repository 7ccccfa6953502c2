#include "dossier/index/indexer.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dossier/base/errors.h"
#include "dossier/base/hash.h"
#include "dossier/index/index_pipeline.h"
#include "dossier/index/progress.h"
#include "dossier/index/prune.h"
#include "dossier/index/writable_index.h"
#include "dossier/input/input_source.h"

namespace dossier {
namespace {

// Everything outside an article that shapes its document: a change re-analyses every
// article on the next run (the stamps' context hash).
std::uint64_t settings_hash(const IndexOptions& options) {
  std::ostringstream all;
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
    for (auto& shard : db.shards) {
      try {
        for (std::size_t i = 0; i < sources.size(); ++i) {
          result.stats.removed +=
              prune_unseen(shard, sources[i]->input_term(), result.seen_id_hashes[i]);
        }
      } catch (const Xapian::Error& e) {
        throw Error(ErrorKind::kInternal,
                    "cannot prune database " + options.db_path + ": " + e.get_description());
      }
      commit(shard, options.db_path);
    }
  }
  result.stats.skipped = report.skipped_count();
  result.stats.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result.stats;
}

}  // namespace dossier
