#include "dossier/index/index_pipeline.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "dossier/base/errors.h"
#include "dossier/base/hash.h"
#include "dossier/base/thread_count.h"
#include "dossier/index/article_worker.h"
#include "dossier/index/change_detector.h"
#include "dossier/index/interrupt.h"
#include "dossier/index/shard_writer.h"
#include "dossier/index/work_queue.h"
#include "dossier/input/source_file.h"
#include "dossier/schema/schema.h"
#include "dossier/schema/shard_layout.h"

namespace dossier {
namespace {

// Jobs waiting for a worker, and jobs in flight between the reader and the router, per
// worker: enough to keep every worker busy while a writer commits, small enough that
// memory does not grow with the corpus.
constexpr std::size_t kQueuedJobsPerWorker = 16;
constexpr std::uint64_t kJobsInFlightPerWorker = 64;
// Documents waiting for one shard's writer: enough to ride over a commit of that shard
// while the others go on, each holding a built Xapian::Document. With a short queue a
// shard's commit filled it, the router stopped, and with it the analysis, and in a large
// database a commit takes seconds; with this one and commits taking turns (ShardWriter)
// the cores stay busy (timeline, memory and rates: docs/BENCHMARKS.md).
constexpr std::size_t kQueuedOutcomesPerShard = 1024;

// Nothing to analyse: the file has the size and mtime it had, or the record the same
// content.
bool is_unchanged(const InputItem& item, const std::optional<StoredArticle>& stored) {
  if (!stored || !stored->stamp) return false;
  if (item.hash_known) return stored->stamp->same_content(item.stamp);
  return stored->stamp->same_file_state(item.stamp);
}

// Where an id was first listed in this run.
struct FirstListing {
  std::size_t source = 0;  // index in the sources
  std::size_t line = 0;    // JSONL records: the line; 0 for files
};

// True when `stored` (the article under the item's id) was read from the item's file: a
// file replaces its own article, never another file's. Articles written before schema 6
// have no origin; their input term stands in for it.
bool is_same_source(const InputItem& item, const StoredArticle& stored) {
  return stored.origin.empty() ? stored.from_input : stored.origin == item.source_path;
}

class Pipeline {
 public:
  Pipeline(const IndexOptions& options, const ActorLexicon& lexicon,
           std::vector<std::unique_ptr<InputSource>>& sources, WritableShards& db,
           IndexReport& report, Progress& progress)
      : options_(options),
        lexicon_(lexicon),
        sources_(sources),
        report_(report),
        progress_(progress),
        partition_(db.partition),
        workers_(thread_count(options.jobs)),
        jobs_(kQueuedJobsPerWorker * workers_, kQueuedJobsPerWorker * workers_ / 4),
        results_(kJobsInFlightPerWorker * workers_, kJobsInFlightPerWorker * workers_ / 8),
        workers_left_(workers_) {
    result_.seen_id_hashes.resize(sources.size());
    writers_.reserve(db.shards.size());
    for (std::size_t i = 0; i < db.shards.size(); ++i) {
      writers_.push_back(std::make_unique<ShardWriter>(
          db.shards[i], db.path, options, progress, kQueuedOutcomesPerShard, i, db.shards.size()));
    }
  }

  PipelineResult run() {
    {
      std::vector<std::jthread> threads;
      try {
        threads.emplace_back([this] { read_sources(); });
        for (unsigned i = 0; i < workers_; ++i) threads.emplace_back([this] { analyse(); });
        for (std::size_t i = 0; i < writers_.size(); ++i)
          threads.emplace_back([this, i] { write_shard(i); });
        route();
        progress_.phase("committing");
        for (auto& writer : writers_) writer->close();  // each commits its last batch
      } catch (...) {
        stop_all();
        throw;  // the threads are joined as `threads` goes out of scope
      }
    }
    if (writer_error_) std::rethrow_exception(writer_error_);
    if (reader_error_) std::rethrow_exception(reader_error_);
    for (const auto& writer : writers_) {
      result_.stats.added += writer->counts().added;
      result_.stats.updated += writer->counts().updated;
      result_.stats.unchanged += writer->counts().restamped;
      result_.stats.bytes += writer->counts().bytes;
      result_.cluster_changes.push_back(std::move(writer->cluster_changes()));
    }
    result_.stats.unchanged += unchanged_by_stat_;
    result_.stats.signal = signal_;
    for (auto& hashes : result_.seen_id_hashes) std::sort(hashes.begin(), hashes.end());
    return std::move(result_);
  }

 private:
  // Reader thread: lists every source, settles unchanged and oversized sources at once,
  // hands the rest to the workers in order.
  void read_sources() {
    try {
      ChangeDetector detector(options_.db_path);
      for (const auto& source : sources_)
        progress_.add_totals(source->total_articles(), source->total_bytes());
      progress_.phase("indexing");
      for (std::size_t i = 0; i < sources_.size() && read_source(i, detector); ++i) {
      }
    } catch (...) {
      reader_error_ = std::current_exception();
    }
    jobs_.close();
  }

  // False when the run must stop (signal, or a writer gave up).
  bool read_source(std::size_t index, ChangeDetector& detector) {
    InputSource& source = *sources_[index];
    InputItem item;
    while (true) {
      if (stop_) return false;
      if (const int signal = interrupt_signal()) {
        signal_ = signal;
        return false;
      }
      if (!source.next(item)) return true;
      std::string id_term = schema::id_term(item.id);
      // Another machine's article (--partition): not this database's business at all.
      if (!in_partition(id_term, partition_)) {
        progress_.advance(1, item.stamp.size);
        continue;
      }
      const std::uint64_t id_hash = fnv1a64(id_term);
      if (const auto why = refusal(index, item, id_hash)) {
        report_.skipped(item.origin, *why);
        progress_.advance(1, item.stamp.size);
        continue;
      }
      auto stored = detector.find(id_term, source.input_term());
      if (stored && !is_same_source(item, *stored)) {
        report_.skipped(item.origin, "id \"" + item.id + "\" is already the id of " +
                                         (stored->origin.empty() ? "an article of another input"
                                                                 : stored->origin) +
                                         ", which is not replaced");
        progress_.advance(1, item.stamp.size);
        continue;
      }
      if (options_.prune) result_.seen_id_hashes[index].push_back(id_hash);
      if (is_unchanged(item, stored)) {
        ++unchanged_by_stat_;
        progress_.advance(1, item.stamp.size);
        continue;
      }
      IndexJob job{next_seq_, std::move(item), std::move(id_term), &source.input_term(),
                   std::move(stored)};
      if (!results_.wait_for_room(next_seq_, [&] { jobs_.flush(); }) || !jobs_.push(std::move(job)))
        return false;
      ++next_seq_;
    }
  }

  // Why the item of source `index` is not indexed at all, or nothing: its id was listed
  // before in this run (the first listing wins), or the file is too big to read.
  std::optional<std::string> refusal(std::size_t index, const InputItem& item,
                                     std::uint64_t id_hash) {
    const auto [first, is_new] =
        first_listing_.try_emplace(id_hash, FirstListing{index, item.line});
    if (!is_new) return "id \"" + item.id + "\" already given by " + where(first->second);
    if (!item.record) return refuse_by_size(item.stamp.size, options_.max_file_size);
    return std::nullopt;
  }

  std::string where(const FirstListing& first) const {
    const std::string& name = sources_[first.source]->name();
    return first.line == 0 ? name : name + ":" + std::to_string(first.line);
  }

  // Worker thread.
  void analyse() {
    ArticleWorker worker(lexicon_, options_.extraction, options_.max_file_size, report_);
    while (auto job = jobs_.pop()) {
      if (stop_) continue;  // drain without work: a writer has given up
      results_.put(job->seq, worker.process(*job));
    }
    if (--workers_left_ == 0) results_.finish();
  }

  // The calling thread: takes the outcomes in input order and hands each to the writer of
  // its shard, so every shard sees its documents in input order.
  void route() {
    while (auto outcome = results_.take()) {
      if (outcome->kind == IndexOutcome::Kind::kSkipped) {
        progress_.advance(1, outcome->bytes);  // already reported
        continue;
      }
      const unsigned shard =
          shard_of(outcome->id_term, static_cast<unsigned>(writers_.size()), partition_.count);
      if (!writers_[shard]->push(std::move(*outcome))) return;  // stopped
    }
  }

  // Writer thread of shard `index`.
  void write_shard(std::size_t index) {
    try {
      writers_[index]->run(stop_);
    } catch (...) {
      {
        // The first failure is the cause; the others (a full disk fails every shard) follow.
        std::lock_guard lock(writer_error_mutex_);
        if (!writer_error_) writer_error_ = std::current_exception();
      }
      stop_all();
    }
  }

  // Stops every thread promptly: after a write error, or when the router fails.
  void stop_all() {
    stop_ = true;
    jobs_.close();
    results_.abort();
    for (auto& writer : writers_) writer->close();
  }

  const IndexOptions& options_;
  const ActorLexicon& lexicon_;
  std::vector<std::unique_ptr<InputSource>>& sources_;
  IndexReport& report_;
  Progress& progress_;
  const Partition partition_;
  const unsigned workers_;
  BoundedQueue<IndexJob> jobs_;
  ReorderBuffer<IndexOutcome> results_;
  std::vector<std::unique_ptr<ShardWriter>> writers_;
  std::atomic<unsigned> workers_left_;
  std::atomic<bool> stop_{false};
  // Written by the reader thread only, read after it is joined.
  std::uint64_t next_seq_ = 0;
  // fnv1a64 of every id term listed so far, and where: an id listed twice (two inputs
  // with one folder name, or a JSONL file repeating an id) is reported and skipped, never
  // a silent replace. 24 bytes (plus the map's overhead) per article is the one cost that
  // grows with the corpus.
  std::unordered_map<std::uint64_t, FirstListing> first_listing_;
  std::size_t unchanged_by_stat_ = 0;
  int signal_ = 0;
  std::exception_ptr reader_error_;
  // The first error of any shard writer; read after the joins.
  std::mutex writer_error_mutex_;
  std::exception_ptr writer_error_;
  // stats summed from the writers after the joins; seen_id_hashes written by the reader.
  PipelineResult result_;
};

}  // namespace

PipelineResult run_index_pipeline(const IndexOptions& options, const ActorLexicon& lexicon,
                                  std::vector<std::unique_ptr<InputSource>>& sources,
                                  WritableShards& db, IndexReport& report, Progress& progress) {
  return Pipeline(options, lexicon, sources, db, report, progress).run();
}

}  // namespace dossier
