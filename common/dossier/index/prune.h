// --prune: deleting the documents of one input whose source was not seen in this run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

namespace dossier {

// Deletes every document carrying `input_term` whose id term's fnv1a64 is not in
// `seen_id_hashes` (sorted), and appends the cluster keys (kSlotCluster) they held to
// `dropped_cluster_keys`. Returns how many were deleted; does not commit.
std::size_t prune_unseen(Xapian::WritableDatabase& db, const std::string& input_term,
                         const std::vector<std::uint64_t>& seen_id_hashes,
                         std::vector<std::string>& dropped_cluster_keys);

}  // namespace dossier
