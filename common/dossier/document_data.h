// The JSON stored as each document's data: what search needs to show a hit without going
// back to the corpus files.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace dossier {

struct DocumentData {
  struct ActorEntry {
    std::string id;    // "<type>:<key>", as in the XA term
    std::string name;  // this article's display form
    std::string type;
    int mentions = 0;
  };

  std::string id;
  std::string title;
  std::string text;         // cleaned body, the source of snippets
  std::string date;         // "YYYY-MM-DD" (or coarser), empty when undated
  std::string date_source;  // "metadata", "dateline", ... empty when undated
  std::vector<std::string> dates_mentioned;
  std::string source;
  std::string url;
  std::vector<ActorEntry> actors;  // most mentioned first

  nlohmann::json to_json() const;
  // Tolerant: missing keys stay empty, so older documents still display.
  static DocumentData from_json(const std::string& serialised);
};

}  // namespace dossier
