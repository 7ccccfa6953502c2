#include "dossier/index/write_abort.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <xapian.h>

namespace dossier {
namespace {

// The line to print, set while a guard lives. A terminate handler takes no argument, so
// this is the one piece of process-wide state the guard needs; it is written only by
// the guard's constructor and destructor, read only by the handler.
std::atomic<const std::string*> g_line{nullptr};

// Why the process is ending: the exception being handled, else the last system error of
// the thread (the write that failed, when the exception is lost on the way).
std::string reason(int last_errno) {
  try {
    if (const auto current = std::current_exception()) std::rethrow_exception(current);
  } catch (const Xapian::Error& e) {
    return e.get_description();
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
  }
  return std::string("a write error Xapian could not report (") + std::strerror(last_errno) + ")";
}

[[noreturn]] void report_and_exit() {
  const int last_errno = errno;
  std::string line;
  if (const std::string* start = g_line.load()) line = *start + reason(last_errno) + "\n";
  if (!line.empty()) {
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, line.data(), line.size());
    std::_Exit(3);
  }
  std::abort();
}

}  // namespace

IndexWriteGuard::IndexWriteGuard(std::string program, std::string db_path) {
  g_line.store(new std::string(program + ": cannot write to database " + db_path +
                               " (the last committed state is intact): "));
  previous_ = std::set_terminate(report_and_exit);
}

IndexWriteGuard::~IndexWriteGuard() {
  std::set_terminate(previous_);
  delete g_line.exchange(nullptr);
}

}  // namespace dossier
