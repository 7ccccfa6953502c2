// A write error Xapian cannot throw. Xapian 1.4.22 merges a commit's value changes with
// Glass::ValueUpdater, whose destructor writes the rest of the chunk it was updating: when
// a write of that merge fails (a full disk), the destructor runs during the unwinding,
// its own write fails too, and the exception leaving a destructor calls std::terminate.
// Which write a full disk fails first is chance (tests/fault_disk.py hits the value merge
// at some of its disk sizes), so any commit can end so. Nothing is lost: Xapian writes
// a new revision's version file last, so the database opens at its last commit. While an
// IndexWriteGuard lives, such an end is reported as every write error is, in one line,
// and the process exits with 3 instead of aborting.
#pragma once

#include <exception>
#include <string>

namespace dossier {

class IndexWriteGuard {
 public:
  // `program` and `db_path` name the line: "<program>: cannot write to database
  // <db_path> (the last committed state is intact): <Xapian's reason>".
  IndexWriteGuard(std::string program, std::string db_path);
  ~IndexWriteGuard();
  IndexWriteGuard(const IndexWriteGuard&) = delete;
  IndexWriteGuard& operator=(const IndexWriteGuard&) = delete;

 private:
  std::terminate_handler previous_;
};

}  // namespace dossier
