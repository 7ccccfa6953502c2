// What an article names: people, organisations, countries and places ("actors").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

enum class ActorType { Person, Org, Country, Place };

std::string_view to_string(ActorType type);  // "person", "org", "country", "place"
std::optional<ActorType> actor_type_from_string(std::string_view name);

// One actor of one article.
struct Actor {
  std::string name;  // display name: the article's most common full form
  std::string key;   // stable id: folded canonical name ("nicolas maduro")
  ActorType type = ActorType::Person;
  int mentions = 0;                // how many times the article names it, in any form
  std::vector<std::string> forms;  // distinct surface forms seen ("Maduro", "Nicolás Maduro")
};

}  // namespace dossier
