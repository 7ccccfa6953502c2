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

// The initials of a name's capitalised words, lower-cased ("European Union" -> "eu",
// "Organization of the Petroleum Exporting Countries" -> "opec"); empty when the name has
// fewer than two capitalised words (a single word defines no acronym).
std::string name_initials(std::string_view name);

// Every "<name or form> (<acronym>)" in `text` where the bracketed word is the name's
// initials (letters compared case-insensitively, dots ignored), once per acronym and actor,
// in the actors' order.
std::vector<AcronymDefinition> acronym_definitions(std::string_view text,
                                                   const std::vector<Actor>& actors);

}  // namespace dossier
