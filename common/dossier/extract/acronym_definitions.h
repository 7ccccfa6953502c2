// Acronyms an article defines for its actors: "the European Union (EU) said" makes "EU" a
// name of the European Union in this article, and, through the index's alias terms, in
// the corpus (search/actor_identity.h): another article's bare "EU" is then the same actor.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/extract/actors/actor.h"

namespace dossier {

struct AcronymDefinition {
  std::string acronym;  // as written between the brackets ("EU", "U.N.", "Opec")
  std::size_t actor;    // index into the article's actors
};

// Where the expansion of `bracketed` starts in `name` when "<name> (<bracketed>)" defines
// an acronym: the tail of `name` from a capitalised word whose capitalised words' initials
// are the bracketed word's letters (case-insensitive, dots ignored; two letters or more):
// ("US Securities and Exchange Commission", "SEC") -> the offset of "Securities";
// ("European Union", "EU") -> 0. npos when it defines none. The one rule for both the
// extractor (an acronym names its expansion's actor in the article) and the index's alias
// terms.
std::size_t acronym_expansion(std::string_view name, std::string_view bracketed);

// Every "<name or form> (<acronym>)" in `text` where the bracketed word is the name's
// initials (letters compared case-insensitively, dots ignored), once per acronym and actor,
// in the actors' order (acronym_expansion decides).
std::vector<AcronymDefinition> acronym_definitions(std::string_view text,
                                                   const std::vector<Actor>& actors);

}  // namespace dossier
