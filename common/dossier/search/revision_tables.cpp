#include "dossier/search/revision_tables.h"

namespace dossier {

std::shared_ptr<RevisionTables> RevisionTableCache::tables(const Xapian::Database& db,
                                                           std::optional<Xapian::rev> revision) {
  if (!revision) return std::make_shared<RevisionTables>();
  std::string key;
  try {
    key = db.get_uuid();  // several shards: their uuids
  } catch (const Xapian::Error&) {
  }
  if (key.empty()) return std::make_shared<RevisionTables>();
  key += '@' + std::to_string(*revision);
  std::lock_guard lock(mutex_);
  std::weak_ptr<RevisionTables>& entry = by_revision_[key];
  std::shared_ptr<RevisionTables> tables = entry.lock();
  if (!tables) {
    tables = std::make_shared<RevisionTables>();
    entry = tables;
    // The revisions nobody holds any more: a few entries, as searchers move on together.
    std::erase_if(by_revision_, [](const auto& e) { return e.second.expired(); });
  }
  return tables;
}

}  // namespace dossier
