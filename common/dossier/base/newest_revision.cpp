#include "dossier/base/newest_revision.h"

#include <thread>

namespace dossier {
namespace {

// Runs `attempt` until it does not fail as a reader racing a writer fails, rethrowing the
// last failure after kRevisionAttempts.
template <class Attempt>
auto retry_while_recycled(Attempt&& attempt) {
  for (int attempts = 1;; ++attempts) {
    try {
      return attempt();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempts == kRevisionAttempts) throw;
    } catch (const Xapian::DatabaseCorruptError&) {
      if (attempts == kRevisionAttempts) throw;
    }
    std::this_thread::yield();  // let the writer finish its commit
  }
}

}  // namespace

bool reopen_newest(Xapian::Database& db) {
  return retry_while_recycled([&db] { return db.reopen(); });
}

Xapian::Database open_newest(const std::string& path) {
  return retry_while_recycled([&path] { return Xapian::Database(path); });
}

}  // namespace dossier
