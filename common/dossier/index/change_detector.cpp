#include "dossier/index/change_detector.h"

#include "dossier/base/errors.h"
#include "dossier/schema/schema.h"

namespace dossier {

ChangeDetector::ChangeDetector(const std::string& db_path) {
  try {
    db_ = Xapian::Database(db_path);
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::kInternal,
                "cannot read database " + db_path + ": " + e.get_description());
  }
}

std::optional<StoredArticle> ChangeDetector::find(const std::string& id_term) {
  // The writer commits while we read: a revision we were reading can be recycled
  // (DatabaseModifiedError). Reopening gives the newest revision, which is as good an
  // answer: an article written by this run since is in it as the same source.
  for (int attempt = 0;; ++attempt) {
    try {
      return find_once(id_term);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == 10) throw;
      db_.reopen();
    }
  }
}

std::optional<StoredArticle> ChangeDetector::find_once(const std::string& id_term) {
  const auto posting = db_.postlist_begin(id_term);
  if (posting == db_.postlist_end(id_term)) return std::nullopt;
  const Xapian::Document doc = db_.get_document(*posting);
  return StoredArticle{SourceStamp::decode(doc.get_value(schema::kSlotSourceStamp))};
}

}  // namespace dossier
