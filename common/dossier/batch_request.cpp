#include "dossier/batch_request.h"

#include <limits>
#include <string>

#include "dossier/errors.h"

namespace dossier {
namespace {

// Same bound as the command line's --limit.
constexpr std::uint64_t kMaxLimit = 1000000;

[[noreturn]] void bad_key(const std::string& key, const std::string& expected) {
  throw Error(ErrorKind::kUsage, "key \"" + key + "\" must be " + expected);
}

std::string string_value(const std::string& key, const nlohmann::json& value) {
  if (!value.is_string()) bad_key(key, "a string");
  return value.get<std::string>();
}

Xapian::doccount count_value(const std::string& key, const nlohmann::json& value,
                             std::uint64_t max) {
  // JSON numbers such as 10.0 are not counts; negative integers are not unsigned.
  if (!value.is_number_unsigned() || value.get<std::uint64_t>() > max)
    bad_key(key, "an integer from 0 to " + std::to_string(max));
  return static_cast<Xapian::doccount>(value.get<std::uint64_t>());
}

bool bool_value(const std::string& key, const nlohmann::json& value) {
  if (!value.is_boolean()) bad_key(key, "true or false");
  return value.get<bool>();
}

}  // namespace

void apply_batch_json(const nlohmann::json& object, SearchRequest& request) {
  if (!object.contains("q")) throw Error(ErrorKind::kUsage, "missing key \"q\" (the query)");
  for (const auto& [key, value] : object.items()) {
    if (key == "id") continue;  // the BatchReader's
    if (key == "q") {
      request.query = string_value(key, value);
    } else if (key == "limit") {
      request.limit = count_value(key, value, kMaxLimit);
    } else if (key == "offset") {
      request.offset = count_value(key, value, std::numeric_limits<Xapian::doccount>::max() / 2);
    } else if (key == "plain") {
      request.plain = bool_value(key, value);
    } else {
      throw Error(ErrorKind::kUsage, "unknown key \"" + key + "\"");
    }
  }
}

SearchRequest batch_request(const BatchQuery& query, const SearchRequest& defaults) {
  SearchRequest request = defaults;
  if (query.object.is_object()) {
    apply_batch_json(query.object, request);
  } else {
    request.query = query.text;
  }
  return request;
}

}  // namespace dossier
