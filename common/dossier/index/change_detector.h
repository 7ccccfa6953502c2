// Tells the reader which articles are already in the database, and as what: it looks the
// id term up in a read-only view of the last committed revision (the writers' own handles
// are busy in other threads, and Xapian objects are single-threaded). For a sharded
// database the view is the stub's: every shard at its last commit, searched as one.
#pragma once

#include <optional>
#include <string>

#include <xapian.h>

#include "dossier/input/source_stamp.h"

namespace dossier {

struct StoredArticle {
  std::optional<SourceStamp> stamp;  // nothing when written without one
  // The file it was read from (schema::kSlotOrigin); empty when written before schema 6.
  std::string origin;
  bool from_input = false;  // it carries the input term asked about
};

class ChangeDetector {
 public:
  // Opens `db_path` read-only; it must exist (the writer has created it).
  explicit ChangeDetector(const std::string& db_path);

  // The article stored under `id_term`, or nothing when there is none; `input_term` is
  // looked up only for an article without an origin.
  std::optional<StoredArticle> find(const std::string& id_term, const std::string& input_term);

 private:
  std::optional<StoredArticle> find_once(const std::string& id_term, const std::string& input_term);

  Xapian::Database db_;
};

}  // namespace dossier
