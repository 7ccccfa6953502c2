#include "dossier/batch/batch_runner.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "dossier/base/errors.h"
#include "dossier/batch/batch_request.h"

namespace dossier {
namespace {

// One answered query, formatted, waiting for its turn to be written.
struct Formatted {
  std::string text;
  std::string error_line;    // empty unless the query failed
  std::string partial_line;  // empty unless the answer lacks some shards (allow_partial)
};

Formatted format_answer(BatchAnswer answer, const BatchFormatter& format,
                        const std::string& error_prefix) {
  Formatted f;
  try {
    f.text = format(answer);
  } catch (const std::exception& e) {
    // A result the format cannot hold: report it as this query's failure.
    answer.result.reset();
    answer.table.reset();
    answer.network.reset();
    answer.error = std::string("cannot format the result: ") + e.what();
    f.text = format(answer);
  }
  const std::string where = error_prefix + "line " + std::to_string(answer.query.line) + ", id " +
                            id_text(answer.query.id);
  if (!answer.error.empty()) f.error_line = where + ": " + answer.error + "\n";
  if (answer.result && !answer.result->missing_shards.empty())
    f.partial_line = where + ": " + partial_answer_note(answer.result->missing_shards) + "\n";
  return f;
}

// Writes formatted answers in input order and counts failures.
class OrderedWriter {
 public:
  OrderedWriter(std::ostream& out, std::ostream* errors, BatchSummary& summary)
      : out_(out), errors_(errors), summary_(summary) {}

  void write(const Formatted& f) {
    out_ << f.text;
    ++summary_.queries;
    if (errors_) *errors_ << f.partial_line;  // answered: no failure
    if (f.error_line.empty()) return;
    ++summary_.failed;
    if (errors_) *errors_ << f.error_line;
  }
  void flush() {
    out_.flush();
    if (errors_) errors_->flush();
  }

 private:
  std::ostream& out_;
  std::ostream* errors_;
  BatchSummary& summary_;
};

// One thread per searcher, the calling thread included (alone with one searcher), each
// doing all three jobs: it reads queries (one thread at a time, a few at once), answers
// them, and writes the answers in input order -- whichever thread finishes the next
// answer to write writes it and the ready ones after it, while the others go on
// answering. No thread waits for another except when the window is full, when no query
// is left to take, or before a read that could block. (A reader thread and a writer
// thread woken for every query cost two context switches a query: docs/BENCHMARKS.md.)
class BatchRun {
 public:
  BatchRun(BatchReader& reader, const BatchRunOptions& options, const BatchFormatter& format,
           std::ostream& out, std::size_t threads)
      : reader_(reader),
        options_(options),
        format_(format),
        writer_(out, options.errors, summary_),
        window_(options.window ? options.window : 64 * threads) {}
  BatchRun(const BatchRun&) = delete;
  BatchRun& operator=(const BatchRun&) = delete;

  BatchSummary run(std::vector<std::unique_ptr<Searcher>>& searchers) {
    std::vector<std::thread> helpers;
    try {
      for (std::size_t i = 1; i < searchers.size(); ++i)
        helpers.emplace_back([this, &s = *searchers[i]] { work(s); });
    } catch (...) {  // no thread to be had: stop the ones started
      std::lock_guard lock(mutex_);
      failure_ = std::current_exception();
    }
    work(*searchers.front());
    for (auto& t : helpers) t.join();
    if (failure_) std::rethrow_exception(failure_);
    writer_.flush();
    return summary_;
  }

 private:
  void work(Searcher& searcher) {
    try {
      std::unique_lock lock(mutex_);
      while (auto item = take(lock)) {
        lock.unlock();
        Formatted f = format_answer(answer_batch_query(searcher, std::move(item->second),
                                                       options_.defaults, options_.table),
                                    format_, options_.error_prefix);
        lock.lock();
        finished_.emplace(item->first, std::move(f));
        write_ready(lock);
      }
    } catch (...) {
      std::lock_guard lock(mutex_);
      if (!failure_) failure_ = std::current_exception();
      changed_.notify_all();
    }
  }

  // The next query to answer, reading more input when none is pending; nothing once the
  // input is done (or another thread failed). Called and returns with `lock` held.
  std::optional<std::pair<std::size_t, BatchQuery>> take(std::unique_lock<std::mutex>& lock) {
    for (;;) {
      if (failure_) return std::nullopt;
      if (!pending_.empty()) {
        auto item = std::move(pending_.front());
        pending_.pop_front();
        return item;
      }
      if (input_done_) return std::nullopt;
      if (reading_ || read_ - written_ >= window_) {
        changed_.wait(lock);
        continue;
      }
      if (!reader_.input_buffered()) {
        // Reading may block (a script waiting for its answers before it writes more):
        // everything read so far is written and flushed first.
        if (written_ < read_ || writing_) {
          changed_.wait(lock);
          continue;
        }
        writer_.flush();
      }
      read_some(lock);
    }
  }

  // Reads queries into pending_ (up to 16, fewer when the window or the buffered input
  // ends first), with the lock released: other threads go on answering and writing.
  void read_some(std::unique_lock<std::mutex>& lock) {
    reading_ = true;
    const std::size_t room = std::min<std::size_t>(16, window_ - (read_ - written_));
    lock.unlock();
    std::vector<BatchQuery> queries;
    bool done = false;
    try {
      do {
        auto query = reader_.next();
        if (!query) {
          done = true;
          break;
        }
        queries.push_back(std::move(*query));
      } while (queries.size() < room && reader_.input_buffered());
    } catch (...) {
      lock.lock();
      reading_ = false;
      throw;
    }
    lock.lock();
    reading_ = false;
    for (auto& q : queries) pending_.emplace_back(read_++, std::move(q));
    input_done_ = done;
    changed_.notify_all();
  }

  // Writes the finished answers that are next in input order, unless another thread is
  // already at it (it will write these too). Called and returns with `lock` held.
  void write_ready(std::unique_lock<std::mutex>& lock) {
    if (writing_) return;
    writing_ = true;
    std::vector<Formatted> ready;
    for (;;) {
      for (auto it = finished_.find(written_ + ready.size());
           it != finished_.end() && it->first == written_ + ready.size();
           it = finished_.erase(it)) {
        ready.push_back(std::move(it->second));
      }
      if (ready.empty()) break;
      lock.unlock();
      for (const Formatted& f : ready) writer_.write(f);
      lock.lock();
      written_ += ready.size();
      ready.clear();
    }
    writing_ = false;
    changed_.notify_all();
  }

  BatchReader& reader_;
  const BatchRunOptions& options_;
  const BatchFormatter& format_;
  BatchSummary summary_;
  OrderedWriter writer_;  // used by one thread at a time: the one with writing_ set
  const std::size_t window_;

  std::mutex mutex_;  // guards everything below
  std::condition_variable changed_;
  std::deque<std::pair<std::size_t, BatchQuery>> pending_;
  std::map<std::size_t, Formatted> finished_;
  std::size_t read_ = 0, written_ = 0;
  bool reading_ = false, writing_ = false, input_done_ = false;
  std::exception_ptr failure_;
};

}  // namespace

BatchAnswer answer_batch_query(Searcher& searcher, BatchQuery query, const SearchRequest& defaults,
                               std::optional<TableKind> table) {
  BatchAnswer answer;
  answer.error = query.error;
  answer.query = std::move(query);
  if (!answer.error.empty()) return answer;
  try {
    const SearchRequest request = batch_request(answer.query, defaults);
    if (table == TableKind::kActorByDate) {
      answer.table = actor_by_date(searcher, request);
    } else if (table == TableKind::kActorByActor) {
      answer.network = actor_by_actor(searcher, request);
    } else {
      answer.result = searcher.search(request);
    }
  } catch (const AmbiguousActorError& e) {
    answer.error = e.what();
    answer.ambiguous = e.candidates();
  } catch (const std::exception& e) {
    // dossier::Error (bad key, query or database) and anything unexpected alike: one
    // query failing must not stop the batch.
    answer.error = e.what();
  }
  return answer;
}

BatchSummary run_batch(BatchReader& reader, std::vector<std::unique_ptr<Searcher>>& searchers,
                       const BatchRunOptions& options, const BatchFormatter& format,
                       std::ostream& out) {
  if (searchers.empty()) throw Error(ErrorKind::kInternal, "run_batch: no searcher");
  BatchRun batch(reader, options, format, out, searchers.size());
  return batch.run(searchers);
}

}  // namespace dossier
