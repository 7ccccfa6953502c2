// Finds the actors (people, organisations, countries, places) an article names.
#pragma once

#include <string_view>
#include <vector>

#include "dossier/extract/actors/actor.h"
#include "dossier/extract/actors/lexicon.h"
#include "dossier/text/analyzer.h"

namespace dossier {

// Rule-based extractor over ICU word segmentation:
//  - lexicon phrases (countries with their demonyms, cities, the user's dictionary);
//  - capitalised runs in running text ("Nicolás Maduro", "Bank of England"), typed by
//    cues: titles ("Foreign Minister X"), organisation heads ("... Ministry"), acronyms,
//    speech verbs ("X said"), WordNet proper nouns, given names;
//  - headlines and Title-Case/ALL-CAPS lines only confirm actors found elsewhere, since
//    their capitals say nothing;
//  - short references ("Maduro", "Venezuela's") resolve to the article's full name.
// Holds an Analyzer (ICU iterators): one extractor per thread; the lexicon is shared.
class ActorExtractor {
 public:
  explicit ActorExtractor(const ActorLexicon& lexicon);

  // Actors of one article (valid UTF-8), most mentioned first, then by name.
  std::vector<Actor> extract(std::string_view title, std::string_view body);
  // The same from the words Analyzer::tokenize found in them (which it would find again).
  std::vector<Actor> extract(std::string_view title, std::string_view body,
                             const std::vector<Token>& title_tokens,
                             const std::vector<Token>& body_tokens);
  // Every candidate the rules propose, before the model (for training it).
  std::vector<ActorCandidate> candidates(std::string_view title, std::string_view body);

 private:
  const ActorLexicon& lexicon_;
  Analyzer analyzer_;
};

}  // namespace dossier
