// A one-line progress display on stderr while indexing: phase, articles done, articles/s,
// MB/s and ETA, redrawn a few times a second by its own thread. Shown only when enabled
// (stderr is a terminal and not --quiet); otherwise every call is a cheap no-op.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace dossier {

class Progress {
 public:
  explicit Progress(bool enabled);
  ~Progress();  // stops the display and clears its line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // `phase` must be a string literal (it is kept as a pointer): "listing", "indexing"...
  void phase(const char* phase) { phase_.store(phase); }
  // Totals grow as sources are opened; bytes decide the ETA.
  void add_totals(std::uint64_t articles, std::uint64_t bytes) {
    total_articles_ += articles;
    total_bytes_ += bytes;
  }
  void advance(std::uint64_t articles, std::uint64_t bytes) {
    done_articles_ += articles;
    done_bytes_ += bytes;
  }

  // True when stderr is a terminal (the default for `enabled` unless --quiet).
  static bool stderr_is_terminal();

 private:
  void run();
  void draw();

  std::atomic<const char*> phase_{"starting"};
  std::atomic<std::uint64_t> total_articles_{0}, total_bytes_{0};
  std::atomic<std::uint64_t> done_articles_{0}, done_bytes_{0};
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::mutex mutex_;
  std::condition_variable stop_cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace dossier
