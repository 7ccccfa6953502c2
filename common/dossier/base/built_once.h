// A value built at most once, by the first thread that needs it, then only read: the
// per-revision tables every searcher of one database revision shares
// (search/revision_tables.h) are each one of these.
#pragma once

#include <atomic>
#include <mutex>
#include <optional>

namespace dossier {

template <class T>
class BuiltOnce {
 public:
  // The value once built, else null; never waits.
  const T* peek() const { return built_.load(std::memory_order_acquire); }

  // The value, built by `build()` (returning a T) if nobody built it yet; a thread asking
  // while another builds waits for that one. When `build` throws, nothing is built and
  // the next call tries again.
  template <class Build>
  const T& get(Build&& build) {
    if (const T* value = peek()) return *value;
    std::lock_guard lock(mutex_);
    if (!value_) {
      value_.emplace(build());
      built_.store(&*value_, std::memory_order_release);
    }
    return *value_;
  }

 private:
  std::mutex mutex_;
  std::optional<T> value_;
  std::atomic<const T*> built_{nullptr};
};

}  // namespace dossier
