// CLI11 parsing with Dossier's exit codes: --help and --version exit 0, every parse error
// exits 2 (CLI11's own codes, like 105, would mean nothing to a script).
#pragma once

#include <charconv>
#include <cstdint>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
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
// they are, and so is everything when there is no word to move or an unknown "--name"
// (which CLI11 then reports alone).
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
      return args;  // unknown: CLI11 says so, of the arguments as given
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

// A whole number from `min` to `max`, for counts and sizes. CLI11's own checks call a
// word "not in range" and print an open bound as a 300-digit double; this one says
// "--limit: 'abc' is not a whole number" or "--offset: -1 is out of range 0..4294967295".
inline CLI::Validator whole_number(std::uint64_t min, std::uint64_t max) {
  const std::string range = std::to_string(min) + ".." + std::to_string(max);
  return CLI::Validator(
      [min, max, range](std::string& value) -> std::string {
        const bool negative = value.size() > 1 && value[0] == '-';
        const std::string_view digits = std::string_view(value).substr(negative ? 1 : 0);
        const bool all_digits =
            !digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos;
        if (!all_digits) return "'" + value + "' is not a whole number";
        std::uint64_t n = 0;
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
        if (negative || error != std::errc() || n < min || n > max)
          return value + " is out of range " + range;
        return std::string();
      },
      "INT in " + range);
}

// Returns the exit code to stop with, or nothing when the program should go on. With
// `dash_words`, positional words may start with '-' (positionals_last). A parse error is
// one line, "PROGRAM: message (see --help)", and exit code 2.
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
    if (e.get_exit_code() == 0) return app.exit(e);  // --help or --version: printed, exit 0
    const std::string_view program(argv[0]);
    std::cerr << program.substr(program.find_last_of('/') + 1) << ": " << e.what()
              << " (see --help)\n";
    return static_cast<int>(ExitCode::kUsage);
  }
}

}  // namespace dossier
