#include "dossier/index/prune.h"

#include <algorithm>

#include "dossier/base/hash.h"
#include "dossier/index/spelling_data.h"
#include "dossier/schema/schema.h"

namespace dossier {

std::size_t prune_unseen(Xapian::WritableDatabase& db, const std::string& input_term,
                         const std::vector<std::uint64_t>& seen_id_hashes) {
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
    remove_spelling_words(db, docid);
    db.delete_document(docid);
  }
  return gone.size();
}

}  // namespace dossier
