#include "dossier/batch_runner.h"

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "dossier/batch_request.h"
#include "dossier/errors.h"

namespace dossier {
namespace {

// One answered query, formatted, waiting for its turn to be written.
struct Formatted {
  std::string text;
  std::string error_line;  // empty unless the query failed
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
    answer.error = std::string("cannot format the result: ") + e.what();
    f.text = format(answer);
  }
  if (!answer.error.empty()) {
    f.error_line = error_prefix + "line " + std::to_string(answer.query.line) + ", id " +
                   id_text(answer.query.id) + ": " + answer.error + "\n";
  }
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

BatchSummary run_sequential(BatchReader& reader, Searcher& searcher, const BatchRunOptions& options,
                            const BatchFormatter& format, std::ostream& out) {
  BatchSummary summary;
  OrderedWriter writer(out, options.errors, summary);
  for (;;) {
    if (!reader.input_buffered()) writer.flush();
    auto query = reader.next();
    if (!query) break;
    writer.write(format_answer(
        answer_batch_query(searcher, std::move(*query), options.defaults, options.table), format,
        options.error_prefix));
  }
  writer.flush();
  return summary;
}

// Worker threads take numbered queries from `pending` and put formatted answers into
// `finished`; the calling thread reads input and writes answers in number order, never
// letting more than `window` queries be read and not yet written.
class ParallelBatch {
 public:
  ParallelBatch(const BatchRunOptions& options, const BatchFormatter& format)
      : options_(options), format_(format) {}
  ParallelBatch(const ParallelBatch&) = delete;
  ParallelBatch& operator=(const ParallelBatch&) = delete;

  BatchSummary run(BatchReader& reader, std::vector<std::unique_ptr<Searcher>>& searchers,
                   std::ostream& out) {
    const std::size_t window = options_.window ? options_.window : 64 * searchers.size();
    for (auto& s : searchers) workers_.emplace_back([this, &s] { work(*s); });

    BatchSummary summary;
    OrderedWriter writer(out, options_.errors, summary);
    std::size_t read = 0, written = 0;
    bool input_done = false;
    while (!input_done || written < read) {
      while (!input_done && read - written < window) {
        if (!reader.input_buffered()) {
          // Reading may block (a script waiting for its answers before it writes more):
          // answer everything read so far first. Files and full pipes never get here.
          while (written < read) write_next(writer, written);
          writer.flush();
        }
        auto query = reader.next();
        if (!query) {
          input_done = true;
          break;
        }
        {
          std::lock_guard lock(mutex_);
          pending_.emplace_back(read++, std::move(*query));
        }
        work_ready_.notify_one();
      }
      if (written < read) write_next(writer, written);
    }
    writer.flush();
    return summary;
  }

  // Stops the workers once the queries handed out are done (also when run() throws).
  ~ParallelBatch() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (auto& w : workers_) w.join();
  }

 private:
  void work(Searcher& searcher) {
    for (;;) {
      std::pair<std::size_t, BatchQuery> item;
      {
        std::unique_lock lock(mutex_);
        work_ready_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
        if (pending_.empty()) return;
        item = std::move(pending_.front());
        pending_.pop_front();
      }
      Formatted f = format_answer(
          answer_batch_query(searcher, std::move(item.second), options_.defaults, options_.table),
          format_, options_.error_prefix);
      {
        std::lock_guard lock(mutex_);
        finished_.emplace(item.first, std::move(f));
      }
      answer_ready_.notify_one();
    }
  }

  // Waits for answer number `written`, then writes it.
  void write_next(OrderedWriter& writer, std::size_t& written) {
    Formatted f;
    {
      std::unique_lock lock(mutex_);
      answer_ready_.wait(lock, [&] { return finished_.count(written) > 0; });
      f = std::move(finished_.extract(written).mapped());
    }
    writer.write(f);
    ++written;
  }

  const BatchRunOptions& options_;
  const BatchFormatter& format_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable answer_ready_;
  std::deque<std::pair<std::size_t, BatchQuery>> pending_;
  std::map<std::size_t, Formatted> finished_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace

BatchAnswer answer_batch_query(Searcher& searcher, BatchQuery query, const SearchRequest& defaults,
                               bool table) {
  BatchAnswer answer;
  answer.error = query.error;
  answer.query = std::move(query);
  if (!answer.error.empty()) return answer;
  try {
    const SearchRequest request = batch_request(answer.query, defaults);
    if (table) {
      answer.table = actor_by_date(searcher, request);
    } else {
      answer.result = searcher.search(request);
    }
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
  if (searchers.size() == 1)
    return run_sequential(reader, *searchers.front(), options, format, out);
  ParallelBatch batch(options, format);
  return batch.run(reader, searchers, out);
}

}  // namespace dossier
