// Query text -> Xapian::Query over a small database: the syntax, every field and filter.
// A query the parser refuses is a dossier::Error (the user's message); anything else
// escaping is a crash.
#include <xapian.h>

#include "dossier/base/errors.h"
#include "dossier/search/actor_directory.h"
#include "dossier/search/query_builder.h"
#include "fuzz_support.h"

namespace {

// A few documents with words, an actor and a date, so wildcards and actor names resolve.
Xapian::Database sample_database() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* word : {"oil", "olive", "election", "elect"}) {
    Xapian::Document doc;
    doc.add_term(word);
    db.add_document(doc);
  }
  return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dossier;
  thread_local Xapian::Database db = sample_database();
  thread_local Analyzer analyzer;
  thread_local ActorDirectory actors(db, analyzer);
  thread_local QueryBuilder builder(db, analyzer, actors);
  const auto text = fuzz::bytes(data, size);
  for (const bool plain : {false, true}) {
    try {
      (void)builder.build(text, plain);
    } catch (const Error&) {
    }
  }
  return 0;
}
