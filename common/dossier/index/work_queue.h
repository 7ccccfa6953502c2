// The two hand-offs of the indexing pipeline: a bounded FIFO from the reader to the
// analysis workers, and a re-ordering buffer from the workers to the single router, which
// takes results in sequence order whatever order the workers finish in.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>

namespace dossier {

// Multi-producer multi-consumer FIFO with a capacity; close() ends it.
//
// Hand-offs go by batches: a consumer that found the queue empty sleeps until `batch`
// items are waiting (or the queue closes), and a producer that found it full sleeps until
// `batch` places are free. With one wake-up per item, the indexer's threads woke each
// other several times an article (docs/BENCHMARKS.md), each switch costing more than the
// hand-off itself. `batch` 1 wakes on every item.
template <typename T>
class BoundedQueue {
 public:
  BoundedQueue(std::size_t capacity, std::size_t batch = 1)
      : capacity_(capacity), batch_(std::clamp<std::size_t>(batch, 1, capacity)) {}

  // Blocks while full; false (and `value` dropped) once the queue is closed.
  bool push(T value) {
    std::unique_lock lock(mutex_);
    if (items_.size() >= capacity_) {
      ++producers_waiting_;
      not_full_.wait(lock, [&] { return closed_ || items_.size() + batch_ <= capacity_; });
      --producers_waiting_;
    }
    if (closed_) return false;
    items_.push_back(std::move(value));
    if (consumers_waiting_ > 0 && items_.size() >= batch_) not_empty_.notify_one();
    return true;
  }

  // Blocks while empty; nothing once the queue is closed and drained.
  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    if (items_.empty()) {
      ++consumers_waiting_;
      not_empty_.wait(lock, [&] {
        return closed_ || items_.size() >= batch_ || (flushing_ && !items_.empty());
      });
      --consumers_waiting_;
    }
    if (items_.empty()) return std::nullopt;
    T value = std::move(items_.front());
    items_.pop_front();
    if (items_.empty()) flushing_ = false;
    if (producers_waiting_ > 0 && items_.size() + batch_ <= capacity_) not_full_.notify_one();
    // Another consumer may sleep with a batch still waiting.
    if (consumers_waiting_ > 0 && items_.size() >= batch_) not_empty_.notify_one();
    return value;
  }

  // Hands what is waiting to sleeping consumers, short of a batch: a producer calls it
  // before it blocks on anything else, so no item waits for a batch that cannot come.
  void flush() {
    std::lock_guard lock(mutex_);
    if (consumers_waiting_ == 0 || items_.empty()) return;
    flushing_ = true;
    not_empty_.notify_all();
  }

  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> items_;
  std::size_t capacity_;
  std::size_t batch_;
  std::size_t producers_waiting_ = 0, consumers_waiting_ = 0;
  bool flushing_ = false;  // flush(): wake on any item until the queue is empty
  bool closed_ = false;
};

// Results keyed by sequence number 0, 1, 2...; take() hands them out in that order. The
// one producer of sequence numbers calls wait_for_room(seq, ...) first, so at most `window`
// results are ever in flight: memory stays bounded even when one slow item holds up the
// rest. Wake-ups go by batches, as in BoundedQueue: a consumer that found the next result
// missing sleeps until `batch` results in sequence are ready (or the work is finished),
// and the producer, once out of room, until there is room for `batch` more.
template <typename T>
class ReorderBuffer {
 public:
  ReorderBuffer(std::uint64_t window, std::uint64_t batch = 1)
      : window_(window), batch_(std::clamp<std::uint64_t>(batch, 1, window)) {}

  // Blocks until `seq` is within the window of the next result to take; false on abort.
  // Out of room, it first calls before_waiting() (outside its lock): only results of what
  // the producer handed out can make room, so it must hand over what it holds back (the
  // indexer's reader flushes the jobs queue's partial batch).
  template <class BeforeWaiting>
  bool wait_for_room(std::uint64_t seq, BeforeWaiting before_waiting) {
    std::unique_lock lock(mutex_);
    if (seq < next_ + window_) return !aborted_;
    lock.unlock();
    before_waiting();
    lock.lock();
    if (seq >= next_ + window_) {
      waiting_seq_ = seq;
      // What is ready may be all that can come until this producer goes on.
      if (consumer_waiting_ && consumer_may_go()) has_next_.notify_one();
      room_.wait(lock, [&] { return aborted_ || seq + batch_ <= next_ + window_; });
      waiting_seq_.reset();
    }
    return !aborted_;
  }

  void put(std::uint64_t seq, T value) {
    std::lock_guard lock(mutex_);
    ready_.emplace(seq, std::move(value));
    if (seq != next_ + run_) return;
    while (ready_.contains(next_ + run_)) ++run_;
    if (consumer_waiting_ && consumer_may_go()) has_next_.notify_one();
  }

  // The result with the next sequence number; nothing once finish() was called and every
  // result put has been taken, or after abort().
  std::optional<T> take() {
    std::unique_lock lock(mutex_);
    if (run_ == 0) {
      consumer_waiting_ = true;
      has_next_.wait(lock, [&] { return consumer_may_go(); });
      consumer_waiting_ = false;
    }
    if (aborted_ || run_ == 0) return std::nullopt;
    T value = std::move(ready_.begin()->second);  // the first is next_: run_ > 0
    ready_.erase(ready_.begin());
    ++next_;
    --run_;
    if (waiting_seq_ && *waiting_seq_ + batch_ <= next_ + window_) room_.notify_one();
    return value;
  }

  // No more put() calls will come (every producer and worker is done).
  void finish() {
    std::lock_guard lock(mutex_);
    finished_ = true;
    has_next_.notify_all();
  }

  // The consumer stops: wakes everyone, further waits fail at once.
  void abort() {
    std::lock_guard lock(mutex_);
    aborted_ = true;
    has_next_.notify_all();
    room_.notify_all();
  }

 private:
  // A batch is ready, or every result the waiting producer has handed out is (no more
  // can come before the consumer makes room), or the end.
  bool consumer_may_go() const {
    return aborted_ || finished_ || run_ >= batch_ ||
           (waiting_seq_ && run_ > 0 && next_ + run_ >= *waiting_seq_);
  }

  std::mutex mutex_;
  std::condition_variable has_next_, room_;
  std::map<std::uint64_t, T> ready_;
  std::uint64_t next_ = 0;
  std::uint64_t run_ = 0;  // results ready in sequence from next_
  std::uint64_t window_;
  std::uint64_t batch_;
  std::optional<std::uint64_t> waiting_seq_;  // the producer's, while it waits for room
  bool consumer_waiting_ = false;
  bool finished_ = false;
  bool aborted_ = false;
};

}  // namespace dossier
