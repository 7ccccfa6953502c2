#include "dossier/cli/cli_errors.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <new>
#include <string>

#include <xapian.h>

#include "dossier/base/errors.h"

namespace dossier {

namespace {

// Flushes standard output; false (errno set) when some of it could not be written.
bool flushed_stdout() {
  errno = 0;
  std::cout.flush();
  const bool written = std::cout.good() && std::fflush(stdout) == 0 && !std::ferror(stdout);
  return written;
}

int checked_output(std::string_view program, int code) {
  if (flushed_stdout()) return code;
  std::cerr << program << ": cannot write the output"
            << (errno != 0 ? std::string(": ") + std::strerror(errno) : std::string()) << "\n";
  return static_cast<int>(ExitCode::kInternal);
}

}  // namespace

int run_reporting_errors(std::string_view program, const std::function<int()>& body) {
  try {
    return checked_output(program, body());
  } catch (const Error& e) {
    std::cerr << program << ": " << e.what() << "\n";
    return static_cast<int>(e.exit_code());
  } catch (const Xapian::Error& e) {
    std::cerr << program << ": " << e.get_description() << "\n";
    return static_cast<int>(ExitCode::kInternal);
  } catch (const std::bad_alloc&) {
    std::cerr << program << ": out of memory\n";
    return static_cast<int>(ExitCode::kInternal);
  } catch (const std::exception& e) {
    std::cerr << program << ": " << e.what() << "\n";
    return static_cast<int>(ExitCode::kInternal);
  }
}

}  // namespace dossier
