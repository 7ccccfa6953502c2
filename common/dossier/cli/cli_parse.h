// CLI11 parsing with Dossier's exit codes: --help and --version exit 0, every parse error
// exits 2 (CLI11's own codes, like 105, would mean nothing to a script).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "dossier/base/errors.h"

namespace dossier {

namespace cli_detail {

// The option of `app` an argument names, or null: "--name", "--name=value", "-x", or a
// short option with a number attached ("-n5"). Any other argument led by one '-' is a
// word ("-oil", "-nuclear", '-"oil prices"').
inline const CLI::Option* named_option(const CLI::App& app, const std::string& arg) {
  if (arg.rfind("--", 0) == 0) return app.get_option_no_throw(arg.substr(0, arg.find('=')));
  if (arg.size() < 2 || arg[0] != '-') return nullptr;
  const auto* option = app.get_option_no_throw(arg.substr(0, 2));
  const bool number_attached = arg.size() > 2 && arg[2] >= '0' && arg[2] <= '9';
  return option && (arg.size() == 2 || number_attached) ? option : nullptr;
}

inline bool names_subcommand(CLI::App& app, const std::string& arg) {
  return !app.get_subcommands([&](CLI::App* sub) { return sub->check_name(arg); }).empty();
}

}  // namespace cli_detail

// The arguments with every positional word moved, in order, behind one "--", so that
// words led by a dash reach the positional instead of failing as unknown options. An
// option's separate value stays with it; a subcommand and what follows it are left as
// they are, and so is everything when there is no word to move.
inline std::vector<std::string> positionals_last(CLI::App& app, std::vector<std::string> args) {
  std::vector<std::string> options, words;
  std::size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      words.insert(words.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
      i = args.size();
      break;
    }
    if (cli_detail::names_subcommand(app, arg) && words.empty()) break;
    const CLI::Option* option = cli_detail::named_option(app, arg);
    if (!option && arg.rfind("--", 0) == 0) {
      options.push_back(arg);  // unknown: CLI11 says so
    } else if (!option) {
      words.push_back(arg);
    } else {
      options.push_back(arg);
      const bool takes_value = option->get_items_expected_min() > 0;  // not a flag
      const bool value_attached =
          arg.rfind("--", 0) == 0 ? arg.find('=') != std::string::npos : arg.size() > 2;
      if (takes_value && !value_attached && i + 1 < args.size()) options.push_back(args[++i]);
    }
  }
  if (words.empty()) return args;
  options.insert(options.end(), args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
  options.push_back("--");
  options.insert(options.end(), words.begin(), words.end());
  return options;
}

// Returns the exit code to stop with, or nothing when the program should go on. With
// `dash_words`, positional words may start with '-' (positionals_last).
inline std::optional<int> parse_cli(CLI::App& app, int argc, char** argv, bool dash_words = false) {
  try {
    if (!dash_words) {
      app.parse(argc, argv);
      return std::nullopt;
    }
    std::vector<std::string> args(argv, argv + argc);
    const auto rest = positionals_last(app, std::vector<std::string>(args.begin() + 1, args.end()));
    args.resize(1);
    args.insert(args.end(), rest.begin(), rest.end());
    std::vector<char*> pointers;
    for (auto& arg : args) pointers.push_back(arg.data());
    app.parse(static_cast<int>(pointers.size()), pointers.data());
    return std::nullopt;
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);  // prints help or the error message
    return rc == 0 ? 0 : static_cast<int>(ExitCode::kUsage);
  }
}

}  // namespace dossier
