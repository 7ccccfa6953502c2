// The project's own error type: Xapian and ICU errors stop at the library boundary and
// become a dossier::Error carrying what the user needs (which file, which query), and the
// binaries map its kind to an exit code.
#pragma once

#include <stdexcept>
#include <string>

namespace dossier {

// Process exit codes shared by both binaries.
enum class ExitCode : int {
  kOk = 0,
  kNoResults = 1,  // the run worked but found nothing where results were asked for
  kUsage = 2,      // bad option, bad query, missing or wrong database, unreadable input
  kInternal = 3,   // I/O failure while writing, unexpected library error
};

enum class ErrorKind {
  kUsage,     // the user asked for something malformed (option, query, date)
  kInput,     // an input the user named is missing, unreadable or of the wrong kind
  kInternal,  // I/O while writing, corruption, a bug
  kTimeout,   // a search ran past its time limit (deadline.h)
  // A remote shard is down or silent (search/database_open.h): the same request may work
  // once it is back.
  kUnavailable,
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }
  ExitCode exit_code() const {
    return kind_ == ErrorKind::kUsage || kind_ == ErrorKind::kInput ? ExitCode::kUsage
                                                                    : ExitCode::kInternal;
  }

 private:
  ErrorKind kind_;
};

}  // namespace dossier
