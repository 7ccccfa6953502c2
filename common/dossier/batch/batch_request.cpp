#include "dossier/batch/batch_request.h"

#include <limits>
#include <string>
#include <vector>

#include "dossier/base/errors.h"

namespace dossier {
namespace {

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

// A string or an array of strings ("actor": "Maduro" or ["Maduro", "Guaidó"]).
std::vector<std::string> strings_value(const std::string& key, const nlohmann::json& value) {
  if (value.is_string()) return {value.get<std::string>()};
  if (!value.is_array()) bad_key(key, "a string or an array of strings");
  std::vector<std::string> out;
  for (const auto& v : value) {
    if (!v.is_string()) bad_key(key, "a string or an array of strings");
    out.push_back(v.get<std::string>());
  }
  return out;
}

FacetSet facets_value(const std::string& key, const nlohmann::json& value) {
  FacetSet facets;
  for (const auto& name : strings_value(key, value)) {
    const auto facet = facet_from_string(name);
    if (!facet) bad_key(key, "one of " + enum_names_text(kFacetNames) + " (or an array of them)");
    facets.insert(*facet);
  }
  return facets;
}

SortOrder sort_value(const std::string& key, const nlohmann::json& value) {
  const auto order =
      value.is_string() ? sort_order_from_string(value.get<std::string>()) : std::nullopt;
  if (!order) bad_key(key, enum_names_text(kSortOrderNames, NameListStyle::kQuotedOr));
  return *order;
}

Granularity granularity_value(const std::string& key, const nlohmann::json& value) {
  const auto g =
      value.is_string() ? granularity_from_string(value.get<std::string>()) : std::nullopt;
  if (!g) bad_key(key, enum_names_text(kGranularityNames, NameListStyle::kQuotedOr));
  return *g;
}

MatchMode match_value(const std::string& key, const nlohmann::json& value) {
  const auto match =
      value.is_string() ? match_mode_from_string(value.get<std::string>()) : std::nullopt;
  if (!match) bad_key(key, enum_names_text(kMatchModeNames, NameListStyle::kQuotedOr));
  return *match;
}

}  // namespace

void apply_batch_json(const nlohmann::json& object, SearchRequest& request) {
  if (!object.contains("q")) throw Error(ErrorKind::kUsage, "missing key \"q\" (the query)");
  for (const auto& [key, value] : object.items()) {
    if (key == "id") continue;  // the BatchReader's
    if (key == "q") {
      request.query = string_value(key, value);
    } else if (key == "limit") {
      request.limit = count_value(key, value, kMaxHits);
    } else if (key == "offset") {
      request.offset = count_value(key, value, kMaxOffset);
    } else if (key == "plain") {
      request.plain = bool_value(key, value);
    } else if (key == "match") {
      request.match = match_value(key, value);
    } else if (key == "actor") {
      request.actors = strings_value(key, value);
    } else if (key == "source") {
      request.sources = strings_value(key, value);
    } else if (key == "folder") {
      request.folders = strings_value(key, value);
    } else if (key == "from") {  // the Searcher checks the date itself
      request.from = string_value(key, value);
    } else if (key == "to") {
      request.to = string_value(key, value);
    } else if (key == "facets") {
      request.facets = facets_value(key, value);
    } else if (key == "facet_size") {
      request.facet_size = count_value(key, value, kMaxFacetSize);
    } else if (key == "granularity") {
      request.granularity = granularity_value(key, value);
    } else if (key == "sort") {
      request.sort = sort_value(key, value);
    } else if (key == "collapse") {
      request.collapse = bool_value(key, value);
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
