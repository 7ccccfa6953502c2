#include "dossier/index/change_detector.h"

#include "dossier/base/errors.h"
#include "dossier/base/newest_revision.h"
#include "dossier/schema/schema.h"

namespace dossier {

ChangeDetector::ChangeDetector(const std::string& db_path) {
  try {
    db_ = open_newest(db_path);
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::kInternal,
                "cannot read database " + db_path + ": " + e.get_description());
  }
}

std::optional<StoredArticle> ChangeDetector::find(const std::string& id_term,
                                                  const std::string& input_term) {
  // The writer commits while we read: a revision we were reading can be recycled
  // (DatabaseModifiedError). Reopening gives the newest revision, which is as good an
  // answer: an article written by this run since is in it as the same source. No limit:
  // each failure means the writers committed meanwhile, and they write only what this
  // reader hands them, so while it retries their commits run out and an attempt succeeds.
  for (;;) {
    try {
      return find_once(id_term, input_term);
    } catch (const Xapian::DatabaseModifiedError&) {
      reopen_newest(db_);
    }
  }
}

std::optional<StoredArticle> ChangeDetector::find_once(const std::string& id_term,
                                                       const std::string& input_term) {
  const auto posting = db_.postlist_begin(id_term);
  if (posting == db_.postlist_end(id_term)) return std::nullopt;
  const Xapian::Document doc = db_.get_document(*posting);
  StoredArticle stored{SourceStamp::decode(doc.get_value(schema::kSlotSourceStamp)),
                       doc.get_value(schema::kSlotOrigin)};
  if (stored.origin.empty()) {
    auto input = db_.postlist_begin(input_term);
    input.skip_to(*posting);
    stored.from_input = input != db_.postlist_end(input_term) && *input == *posting;
  }
  return stored;
}

}  // namespace dossier
