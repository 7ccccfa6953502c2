// One line of a JSON Lines file (a corpus or a metadata sidecar) parsed into an object,
// or the sentence saying why it is not one. Every failure of the JSON library is caught
// here (syntax errors, and numbers out of range such as 1e999999, which it reports as a
// different exception), so a bad line is reported and skipped, never the end of a run.
// A line nested deeper than kMaxJsonDepth is refused before it is parsed.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

namespace dossier {

// The object, or the reason: "line is not JSON: ..." / "line is not a JSON object" / "line
// is JSON nested deeper than 64 levels: not read".
std::variant<nlohmann::json, std::string> parse_json_object_line(std::string_view text);

}  // namespace dossier
