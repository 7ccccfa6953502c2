#include "dossier/index/progress.h"

#include <unistd.h>

#include <cstdio>

namespace dossier {
namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(250);

void format_duration(char* out, std::size_t size, double seconds) {
  const auto s = static_cast<long>(seconds + 0.5);
  if (s >= 3600) {
    std::snprintf(out, size, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(out, size, "%ld:%02ld", s / 60, s % 60);
  }
}

}  // namespace

Progress::Progress(bool enabled) {
  if (enabled) thread_ = std::thread([this] { run(); });
}

Progress::~Progress() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  stop_cv_.notify_all();
  thread_.join();
  std::fputs("\r\033[K", stderr);  // clear the line for the summary
  std::fflush(stderr);
}

bool Progress::stderr_is_terminal() {
  return ::isatty(STDERR_FILENO) == 1;
}

void Progress::run() {
  std::unique_lock lock(mutex_);
  while (!stop_cv_.wait_for(lock, kRedrawEvery, [&] { return stop_; })) draw();
}

void Progress::draw() {
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  const std::uint64_t articles = done_articles_, bytes = done_bytes_;
  const std::uint64_t total_articles = total_articles_, total_bytes = total_bytes_;
  const double mb = static_cast<double>(bytes) / 1e6;
  const double byte_rate = elapsed > 0 ? static_cast<double>(bytes) / elapsed : 0;
  char eta[32] = "?";
  if (byte_rate > 0 && total_bytes >= bytes)
    format_duration(eta, sizeof eta, static_cast<double>(total_bytes - bytes) / byte_rate);
  // JSONL sources do not know their article count in advance: show the count alone.
  char total[32] = "";
  if (total_articles >= articles && total_articles > 0)
    std::snprintf(total, sizeof total, "/%llu", static_cast<unsigned long long>(total_articles));
  std::fprintf(stderr, "\r\033[K%s: %llu%s articles, %.0f articles/s, %.1f MB/s, ETA %s",
               phase_.load(), static_cast<unsigned long long>(articles), total,
               elapsed > 0 ? static_cast<double>(articles) / elapsed : 0.0,
               elapsed > 0 ? mb / elapsed : 0.0, eta);
  std::fflush(stderr);
}

}  // namespace dossier
