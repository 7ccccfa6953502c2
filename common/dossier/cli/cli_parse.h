// CLI11 parsing with Dossier's exit codes: --help and --version exit 0, every parse error
// exits 2 (CLI11's own codes, like 105, would mean nothing to a script).
#pragma once

#include <optional>

#include <CLI/CLI.hpp>

#include "dossier/base/errors.h"

namespace dossier {

// Returns the exit code to stop with, or nothing when the program should go on.
inline std::optional<int> parse_cli(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
    return std::nullopt;
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);  // prints help or the error message
    return rc == 0 ? 0 : static_cast<int>(ExitCode::kUsage);
  }
}

}  // namespace dossier
