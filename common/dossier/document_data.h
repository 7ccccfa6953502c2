// The JSON stored as each document's data: what search needs to show a hit without going
// back to the corpus files.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace dossier {

struct DocumentData {
  std::string id;
  std::string title;
  std::string text;  // cleaned body, the source of snippets

  nlohmann::json to_json() const;
  static DocumentData from_json(const std::string& serialised);
};

}  // namespace dossier
