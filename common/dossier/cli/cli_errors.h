// The one place where errors become messages and exit codes, shared by both binaries.
#pragma once

#include <functional>
#include <string_view>

namespace dossier {

// Runs `body` and returns its exit code; a dossier::Error, a stray Xapian::Error or any
// other exception becomes one line "PROGRAM: message" on stderr and the matching code
// (2 usage/input, 3 internal). Nothing escapes as a crash.
int run_reporting_errors(std::string_view program, const std::function<int()>& body);

}  // namespace dossier
