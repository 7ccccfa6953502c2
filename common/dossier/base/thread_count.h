// How many threads a --jobs value asks for: the indexer's analysis workers and the batch
// searchers read it the same way.
#pragma once

#include <algorithm>
#include <thread>

namespace dossier {

// `jobs`, or one per core when 0 (one when the core count is unknown).
inline unsigned thread_count(unsigned jobs) {
  if (jobs > 0) return jobs;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace dossier
