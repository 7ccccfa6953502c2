#include "dossier/writable_index.h"

#include "dossier/errors.h"
#include "dossier/schema.h"

namespace dossier {

Xapian::WritableDatabase open_writable(const std::string& path) {
  try {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    schema::stamp_or_check(db, path);
    return db;
  } catch (const Xapian::DatabaseLockError&) {
    throw Error(ErrorKind::kUsage, "database " + path + " is locked by another indexer");
  } catch (const Xapian::DatabaseError& e) {
    throw Error(ErrorKind::kUsage, "cannot open database " + path + " for writing: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::kInternal, "cannot open database " + path + ": " + e.get_description());
  }
}

void commit(Xapian::WritableDatabase& db, const std::string& path) {
  try {
    db.commit();
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::kInternal,
                "cannot commit to database " + path +
                    " (the last committed state is intact): " + e.get_description());
  }
}

}  // namespace dossier
