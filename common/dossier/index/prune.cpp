#include "dossier/index/prune.h"

#include <algorithm>
#include <utility>

#include "dossier/base/hash.h"
#include "dossier/index/spelling_data.h"
#include "dossier/schema/schema.h"

namespace dossier {

std::size_t prune_unseen(Xapian::WritableDatabase& db, const std::string& input_term,
                         const std::vector<std::uint64_t>& seen_id_hashes,
                         std::vector<std::string>& dropped_cluster_keys) {
  // Collected first: deleting while walking a posting list would invalidate it.
  std::vector<Xapian::docid> gone;
  for (auto doc = db.postlist_begin(input_term); doc != db.postlist_end(input_term); ++doc) {
    auto term = db.termlist_begin(*doc);
    term.skip_to(schema::kIdPrefix);
    if (term == db.termlist_end(*doc) || !(*term).starts_with(schema::kIdPrefix)) continue;
    if (!std::binary_search(seen_id_hashes.begin(), seen_id_hashes.end(), fnv1a64(*term)))
      gone.push_back(*doc);
  }
  for (const auto docid : gone) {
    // The cluster loses a member, or its representative: the clustering pass redoes it.
    std::string key = db.get_document(docid).get_value(schema::kSlotCluster);
    if (!key.empty()) dropped_cluster_keys.push_back(std::move(key));
    remove_spelling_words(db, docid);
    db.delete_document(docid);
  }
  return gone.size();
}

}  // namespace dossier
