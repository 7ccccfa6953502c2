#include "dossier/base/deadline.h"

#include <cstdio>
#include <string>

#include "dossier/base/errors.h"

namespace dossier {

Deadline Deadline::after_seconds(double seconds) {
  Deadline deadline;
  if (seconds > 0) {
    deadline.at_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                      std::chrono::duration<double>(seconds));
    deadline.seconds_ = seconds;
  }
  return deadline;
}

void Deadline::enforce() const {
  if (!at_ || Clock::now() < *at_) return;
  char limit[32];
  std::snprintf(limit, sizeof limit, "%g", seconds_);
  throw Error(ErrorKind::kTimeout,
              std::string("the search took longer than its time limit of ") + limit + " s");
}

}  // namespace dossier
