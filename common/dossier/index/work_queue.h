// The two hand-offs of the indexing pipeline: a bounded FIFO from the reader to the
// analysis workers, and a re-ordering buffer from the workers to the single router, which
// takes results in sequence order whatever order the workers finish in.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>

namespace dossier {

// Multi-producer multi-consumer FIFO with a capacity; close() ends it.
template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}

  // Blocks while full; false (and `value` dropped) once the queue is closed.
  bool push(T value) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(value));
    not_empty_.notify_one();
    return true;
  }

  // Blocks while empty; nothing once the queue is closed and drained.
  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return closed_ || !items_.empty(); });
    if (items_.empty()) return std::nullopt;
    T value = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return value;
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
  bool closed_ = false;
};

// Results keyed by sequence number 0, 1, 2...; take() hands them out in that order. The
// producer of sequence numbers calls wait_for_room(seq) first, so at most `window` results
// are ever in flight: memory stays bounded even when one slow item holds up the rest.
template <typename T>
class ReorderBuffer {
 public:
  explicit ReorderBuffer(std::uint64_t window) : window_(window) {}

  // Blocks until `seq` is within the window of the next result to take; false on abort.
  bool wait_for_room(std::uint64_t seq) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return aborted_ || seq < next_ + window_; });
    return !aborted_;
  }

  void put(std::uint64_t seq, T value) {
    std::lock_guard lock(mutex_);
    ready_.emplace(seq, std::move(value));
    if (seq == next_) has_next_.notify_one();
  }

  // The result with the next sequence number; nothing once finish() was called and every
  // result put has been taken, or after abort().
  std::optional<T> take() {
    std::unique_lock lock(mutex_);
    has_next_.wait(lock, [&] {
      return aborted_ || finished_ || (!ready_.empty() && ready_.begin()->first == next_);
    });
    if (aborted_ || ready_.empty() || ready_.begin()->first != next_) return std::nullopt;
    T value = std::move(ready_.begin()->second);
    ready_.erase(ready_.begin());
    ++next_;
    room_.notify_all();
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
  std::mutex mutex_;
  std::condition_variable has_next_, room_;
  std::map<std::uint64_t, T> ready_;
  std::uint64_t next_ = 0;
  std::uint64_t window_;
  bool finished_ = false;
  bool aborted_ = false;
};

}  // namespace dossier
