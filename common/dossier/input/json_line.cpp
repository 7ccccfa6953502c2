#include "dossier/input/json_line.h"

#include "dossier/input/bounded_line.h"

namespace dossier {

std::variant<nlohmann::json, std::string> parse_json_object_line(std::string_view text) {
  if (json_nested_deeper_than(text)) return "line is " + json_too_deep_reason();
  nlohmann::json object;
  try {
    object = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    return std::string("line is not JSON: ") + e.what();
  }
  if (!object.is_object()) return std::string("line is not a JSON object");
  return object;
}

}  // namespace dossier
