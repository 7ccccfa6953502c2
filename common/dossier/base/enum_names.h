// The names users give an enum's values (facets, output formats, sort orders ...): one
// table per enum, from which its parser, its printer and every message or option check
// that lists the valid names are made, so a new value is added in one place.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

template <class Enum>
struct EnumName {
  Enum value;
  std::string_view name;
};

template <class Enum, std::size_t N>
using EnumNames = std::array<EnumName<Enum>, N>;

// The value named `name`, or nothing when no value has that name.
template <class Enum, std::size_t N>
constexpr std::optional<Enum> enum_from_name(const EnumNames<Enum, N>& names,
                                             std::string_view name) {
  for (const auto& entry : names)
    if (entry.name == name) return entry.value;
  return std::nullopt;
}

// The name of `value` (empty if the table lacks it, which a table test rules out).
template <class Enum, std::size_t N>
constexpr std::string_view enum_name(const EnumNames<Enum, N>& names, Enum value) {
  for (const auto& entry : names)
    if (entry.value == value) return entry.name;
  return {};
}

// Every name in table order, for a command-line check (CLI::IsMember).
template <class Enum, std::size_t N>
std::vector<std::string> enum_name_list(const EnumNames<Enum, N>& names) {
  std::vector<std::string> out;
  for (const auto& entry : names) out.emplace_back(entry.name);
  return out;
}

// The names for a message: "day, week, month, year", or quoted with an "or" before the
// last, "\"day\", \"week\", \"month\" or \"year\"".
enum class NameListStyle { kCommas, kQuotedOr };
template <class Enum, std::size_t N>
std::string enum_names_text(const EnumNames<Enum, N>& names,
                            NameListStyle style = NameListStyle::kCommas) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    if (style == NameListStyle::kCommas) {
      out += (i == 0 ? "" : ", ") + std::string(names[i].name);
    } else {
      out += (i == 0 ? "\"" : i + 1 == N ? " or \"" : ", \"") + std::string(names[i].name) + "\"";
    }
  }
  return out;
}

}  // namespace dossier
