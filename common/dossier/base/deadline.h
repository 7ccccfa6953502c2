// A time limit on one piece of work (a search, one query of a batch), checked inside the
// loops that visit every match: dossier-serve bounds each request's time with it.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

namespace dossier {

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;

  Deadline() = default;  // no limit: never passes
  // `seconds` from now; 0 or less means no limit.
  static Deadline after_seconds(double seconds);

  bool limited() const { return at_.has_value(); }
  // Throws dossier::Error (ErrorKind::kTimeout) once the time is up.
  void enforce() const;

 private:
  std::optional<Clock::time_point> at_;
  double seconds_ = 0;  // the limit, for the message
};

// Enforces a deadline on every kStride-th call and on the first: reading the clock for
// each visited document would cost more than visiting it.
class DeadlineTicker {
 public:
  explicit DeadlineTicker(const Deadline& deadline) : deadline_(deadline) {}
  void tick() {
    if ((calls_++ & (kStride - 1)) == 0 && deadline_.limited()) deadline_.enforce();
  }

 private:
  static constexpr std::uint32_t kStride = 1024;  // a power of two
  const Deadline& deadline_;
  std::uint32_t calls_ = 0;
};

}  // namespace dossier
