// Everything the actor extractor knows before reading an article: countries (ICU names +
// countries.tsv aliases and demonyms), cities (ICU time-zone exemplar cities), WordNet
// proper nouns for typing, English words, and the user's actor dictionary.
// Immutable once loaded: share one ActorLexicon across threads.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dossier/extract/actors/actor.h"
#include "dossier/extract/actors/actor_model.h"
#include "dossier/extract/actors/sorted_words.h"

namespace dossier {

class Analyzer;

// One known actor.
struct LexiconEntry {
  std::string name;  // canonical display name ("United States")
  std::string key;   // folded canonical name ("united states")
  ActorType type = ActorType::Place;
  bool ignore = false;  // user dictionary type "ignore": never an actor
  bool user = false;    // from the user's dictionary, which wins over the learned model
};

// What a folded phrase names.
struct LexiconHit {
  std::uint32_t entry = 0;     // index into ActorLexicon::entry
  bool adjective = false;      // demonym/adjective form ("Venezuelan"), not the name itself
  bool ordinary_word = false;  // also an English word ("Phoenix", "Chad"): weaker evidence
  // An alias written in capitals that is also an English word ("CAR", "US"): it names the
  // actor only where the text writes it in capitals ("Car makers" is no Central African
  // Republic, "Us" no United States).
  bool capitals_only = false;
};

class ActorLexicon {
 public:
  // Built-in lexicon (embedded data + ICU). Takes a few milliseconds.
  static ActorLexicon builtin();

  // Adds a user dictionary: UTF-8 TSV, `canonical name<TAB>type<TAB>alias1<TAB>alias2...`,
  // type one of person, org, country, place, ignore; '#' starts a comment line. A canonical
  // name already known (e.g. a country) keeps its entry and gains the aliases and type.
  // Throws std::runtime_error("path:line: reason") on a malformed line or unreadable file.
  void load_user_dictionary(const std::string& path);

  // The entry a folded phrase (terms joined by single spaces) names, if any.
  const LexiconHit* find(std::string_view key) const;
  const LexiconEntry& entry(std::uint32_t index) const { return entries_[index]; }
  // Longest alias, in words: the extractor never looks up longer phrases.
  std::size_t longest_alias_words() const { return longest_alias_words_; }

  // WordNet's type for a folded proper-noun phrase ("abraham lincoln" -> Person).
  std::optional<ActorType> gazetteer_type(std::string_view key) const;
  // First word of WordNet person names ("Abraham"), titles excepted ("Sir", "President"),
  // or a common first name of the US census ("Brian", "Laura").
  bool is_given_name(std::string_view term) const;
  // Only the first words of WordNet's people: alone, such a word may name the person
  // ("Abraham said"); a census name alone is as often a club or a place ("Chelsea").
  bool opens_known_person(std::string_view term) const;
  // Whether a folded word is ordinary English, in American or British spelling.
  bool is_english_word(std::string_view term) const;
  // A cut-off English word, as tables abbreviate ("Oper" for operating, "Avg").
  bool is_english_prefix(std::string_view term) const {
    return english_words_.has_longer_word_starting(term);
  }
  // An everyday word, as often as SemCor tags it ("century", "chapters"); rarer English
  // words name firms and clubs more often ("Google", "Arsenal").
  bool is_everyday_word(std::string_view term) const;
  // Adverbs and participles, which open sentences but never names ("Later", "Asked").
  bool is_sentence_opener(std::string_view term) const;
  // Capitalised common nouns and adjectives that name no actor ("Monday", "Christian").
  // Plurals of single words count too ("Kurds"), not of phrases ("Texas Rangers" is a club).
  bool is_capitalised_common_word(std::string_view key) const {
    if (common_caps_.contains(key)) return true;
    const bool one_word_plural =
        key.size() > 2 && key.ends_with('s') && key.find(' ') == std::string_view::npos;
    return one_word_plural && common_caps_.contains(key.substr(0, key.size() - 1));
  }

  std::size_t entry_count() const { return entries_.size(); }
  // The learned model that types and filters candidates (actor_model.tsv).
  const ActorModel& model() const { return model_; }

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  // Maps `alias` (display text, folded with `analyzer`) to entry `index`; later calls win.
  void add_alias(Analyzer& analyzer, std::string_view alias, std::uint32_t index, bool adjective);
  std::uint32_t add_entry(Analyzer& analyzer, std::string name, ActorType type);
  void add_countries(Analyzer& analyzer);
  // Lines of a dictionary in the user format (`origin` names it in errors).
  void add_dictionary(std::string_view text, const std::string& origin, bool user);
  void add_dictionary_line(Analyzer& analyzer, const std::vector<std::string_view>& columns,
                           bool user, const std::function<void(const std::string&)>& fail);
  void add_time_zone_cities(Analyzer& analyzer);

  std::vector<LexiconEntry> entries_;
  std::unordered_map<std::string, LexiconHit, StringHash, std::equal_to<>> aliases_;
  std::size_t longest_alias_words_ = 1;
  ActorModel model_;
  SortedWords persons_, places_, orgs_, given_names_, common_caps_, english_words_, adverbs_,
      census_first_names_, everyday_words_;
};

}  // namespace dossier
