// The one place where errors become messages and exit codes, shared by both binaries.
#pragma once

#include <functional>
#include <string_view>

namespace dossier {

// Runs `body` and returns its exit code; a dossier::Error, a stray Xapian::Error or any
// other exception becomes one line "PROGRAM: message" on stderr and the matching code
// (2 usage/input, 3 internal). Nothing escapes as a crash. Standard output is flushed
// before returning: output that did not reach its file (a full disk) is exit 3 with a
// message, never a silent 0.
int run_reporting_errors(std::string_view program, const std::function<int()>& body);

}  // namespace dossier
