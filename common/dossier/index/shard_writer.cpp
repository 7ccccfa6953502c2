#include "dossier/index/shard_writer.h"

#include "dossier/base/errors.h"
#include "dossier/index/commit_batch.h"
#include "dossier/index/spelling_data.h"
#include "dossier/index/writable_index.h"
#include "dossier/schema/schema.h"

namespace dossier {

ShardWriter::ShardWriter(Xapian::WritableDatabase& db, const std::string& db_path,
                         const IndexOptions& options, Progress& progress,
                         std::size_t queue_capacity, std::size_t shard, std::size_t shards)
    : db_(db),
      db_path_(db_path),
      options_(options),
      progress_(progress),
      queue_(queue_capacity, queue_capacity / 4),
      shard_(shard),
      shards_(shards) {}

void ShardWriter::run(const std::atomic<bool>& stop) {
  try {
    settle_spelling_data(db_);  // committed with the first batch
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::kInternal,
                "cannot add spelling data to database " + db_path_ + ": " + e.get_description());
  }
  CommitBatch batch(options_.commit_every, options_.commit_bytes);
  batch.resize(db_.get_doccount());
  // The first batch counts as already shard_/shards_ full: commits take turns.
  std::size_t batch_articles = batch.articles() * shard_ / shards_;
  std::uint64_t batch_bytes = batch.bytes() * shard_ / shards_;
  while (auto outcome = queue_.pop()) {
    if (stop) break;
    apply(*outcome);
    progress_.advance(1, outcome->bytes);
    ++batch_articles;
    batch_bytes += outcome->bytes;
    if (batch.full(batch_articles, batch_bytes)) {
      if (spelling_.size() > kMaxHeldSpellingWords) hand_over_spelling();
      commit(db_, db_path_);
      batch.resize(db_.get_doccount());
      batch_articles = 0;
      batch_bytes = 0;
    }
  }
  // Also when stopped early: what this shard has is whole documents, and committing them
  // here rather than leaving it to Xapian's destructor (which commits too, but swallows
  // errors and, on a full disk, leaks in Xapian 1.4.22) keeps every error ours. The
  // spelling changes of every document written go with it.
  hand_over_spelling();
  if (counts_.added + counts_.updated > 0)
    db_.set_metadata(schema::kSpellingKey, schema::kSpellingVersion);
  commit(db_, db_path_);
}

void ShardWriter::hand_over_spelling() {
  try {
    spelling_.apply_to(db_);
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::kInternal,
                "cannot write to database " + db_path_ +
                    " (the last committed state is intact): " + e.get_description());
  }
}

void ShardWriter::apply(IndexOutcome& outcome) {
  try {
    if (outcome.kind == IndexOutcome::Kind::kDocument) {
      // Committed with the document: a run killed before it reclusters, or before it
      // hands over its spelling changes, leaves the flag.
      if (counts_.added + counts_.updated == 0) {
        db_.set_metadata(schema::kClustersKey, schema::kClustersPending);
        db_.set_metadata(schema::kSpellingKey, schema::kSpellingPending);
      }
      // add_document is much cheaper than replace_document(term), which has to look the
      // term up through Xapian's pending changes; it is safe when the reader knows the id
      // is in neither the database nor this run (an id always goes to the same shard).
      const auto posting =
          outcome.existed ? db_.postlist_begin(outcome.id_term) : Xapian::PostingIterator();
      if (posting != db_.postlist_end(outcome.id_term)) {
        // The stored document's words make way for the new ones (spelling_data.h), and
        // its cluster is redone by the clustering pass.
        spelling_.replace(db_, *posting, outcome.spelling);
        std::string cluster = db_.get_document(*posting).get_value(schema::kSlotCluster);
        if (!cluster.empty()) cluster_changes_.dropped_keys.push_back(std::move(cluster));
        db_.replace_document(*posting, outcome.document);
        cluster_changes_.written.push_back(*posting);
      } else {
        spelling_.add(outcome.spelling);
        cluster_changes_.written.push_back(db_.add_document(outcome.document));
      }
      ++(outcome.existed ? counts_.updated : counts_.added);
      counts_.bytes += outcome.bytes;
      return;
    }
    // kRestamp: same content under a new mtime; store the new stamp so the next run
    // settles it with a stat.
    const auto posting = db_.postlist_begin(outcome.id_term);
    if (posting != db_.postlist_end(outcome.id_term)) {
      Xapian::Document doc = db_.get_document(*posting);
      doc.add_value(schema::kSlotSourceStamp, outcome.stamp);
      db_.replace_document(*posting, doc);
    }
    ++counts_.restamped;
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::kInternal,
                "cannot write to database " + db_path_ +
                    " (the last committed state is intact): " + e.get_description());
  }
}

}  // namespace dossier
