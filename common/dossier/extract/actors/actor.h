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
  // The learned model's belief that this is an actor of this type, in (0, 1]; 1 for lexicon
  // countries and user-dictionary actors, which the model does not judge.
  double confidence = 1.0;
};

// A candidate actor before the learned model decides on it, with the model's features.
struct ActorCandidate {
  Actor actor;                        // typed by the rules
  std::vector<std::string> features;  // what the model reads (scripts/train_actor_model.py)
  // How far the model's score for an organisation fell below its best type's (0 when it
  // chose one, or when no model typed the candidate).
  float organisation_gap = 0;
};

}  // namespace dossier
