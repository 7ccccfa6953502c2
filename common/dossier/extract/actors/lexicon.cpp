#include "dossier/extract/actors/lexicon.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>

#include <unicode/locid.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>

#include "dossier/extract/actors/cue_words.h"
#include "dossier/extract/actors/generated_data.h"
#include "dossier/text/analyzer.h"
#include "dossier/text/ascii_words.h"

namespace dossier {
namespace {

std::size_t word_count(std::string_view key) {
  std::size_t words = key.empty() ? 0 : 1;
  for (char c : key) words += c == ' ';
  return words;
}

std::vector<std::string_view> split(std::string_view line, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = line.find(separator, start);
    parts.push_back(line.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// Around a dictionary field: spaces, and the CR of a line that ended in CRLF.
constexpr std::string_view kFieldPadding = " \r";

std::string english_name(const icu::UnicodeString& name) {
  std::string out;
  name.toUTF8String(out);
  return out;
}

}  // namespace

ActorLexicon ActorLexicon::builtin() {
  ActorLexicon lexicon;
  lexicon.persons_ = SortedWords(actor_data::persons());
  lexicon.places_ = SortedWords(actor_data::places());
  lexicon.orgs_ = SortedWords(actor_data::orgs());
  lexicon.given_names_ = SortedWords(actor_data::given_names());
  lexicon.common_caps_ = SortedWords(actor_data::common_caps());
  lexicon.english_words_ = SortedWords(actor_data::english_words());
  lexicon.adverbs_ = SortedWords(actor_data::adverbs());
  lexicon.census_first_names_ = SortedWords(actor_data::census_first_names());
  lexicon.everyday_words_ = SortedWords(actor_data::everyday_words());
  Analyzer analyzer;
  // Cities first, so a country alias that is also a city name ("Singapore") ends a country.
  lexicon.add_time_zone_cities(analyzer);
  lexicon.add_countries(analyzer);
  lexicon.add_dictionary(actor_data::parties_tsv(), "parties.tsv", false);
  lexicon.add_dictionary(actor_data::us_states_tsv(), "us_states.tsv", false);
  lexicon.model_ = ActorModel(actor_data::actor_model_tsv());
  return lexicon;
}

std::uint32_t ActorLexicon::add_entry(Analyzer& analyzer, std::string name, ActorType type) {
  LexiconEntry entry;
  entry.key = fold_phrase(name, analyzer);
  entry.name = std::move(name);
  entry.type = type;
  entries_.push_back(std::move(entry));
  return static_cast<std::uint32_t>(entries_.size() - 1);
}

void ActorLexicon::add_alias(Analyzer& analyzer, std::string_view alias, std::uint32_t index,
                             bool adjective) {
  std::string key = fold_phrase(alias, analyzer);
  // A single letter ("S" of "U.S. Outlying Islands") is an initial or "S&P" far more often.
  if (key.size() < 2) return;
  LexiconHit hit;
  hit.entry = index;
  hit.adjective = adjective;
  hit.ordinary_word = word_count(key) == 1 && english_words_.contains(key);
  hit.capitals_only = hit.ordinary_word && std::none_of(alias.begin(), alias.end(), [](char c) {
                        return c >= 'a' && c <= 'z';
                      });
  longest_alias_words_ = std::max(longest_alias_words_, word_count(key));
  aliases_.insert_or_assign(std::move(key), hit);
}

// countries.tsv (embedded) plus ICU's English display name of every ISO region, so a
// region ICU knows is never missing even if the hand-written table lags behind.
void ActorLexicon::add_countries(Analyzer& analyzer) {
  std::unordered_map<std::string, std::uint32_t> by_code;
  for (std::string_view line : split(actor_data::countries_tsv(), '\n')) {
    if (line.empty() || line.front() == '#') continue;
    const auto columns = split(line, '\t');
    if (columns.size() < 2) continue;
    const std::uint32_t index = add_entry(analyzer, std::string(columns[1]), ActorType::Country);
    by_code.emplace(std::string(columns[0]), index);
    add_alias(analyzer, columns[1], index, false);
    if (columns.size() > 2)
      for (std::string_view alias : split(columns[2], '|'))
        add_alias(analyzer, alias, index, false);
    if (columns.size() > 3)
      for (std::string_view adjective : split(columns[3], '|')) {
        add_alias(analyzer, adjective, index, true);
        // The people, in the plural: "Venezuelans", "Israelis" (not "Swiss", "Chinese").
        if (!adjective.ends_with('s') && !adjective.ends_with("sh") && !adjective.ends_with("ch") &&
            !adjective.ends_with("ese") && !adjective.ends_with('x'))
          add_alias(analyzer, std::string(adjective) + "s", index, true);
      }
  }
  for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
    icu::UnicodeString display;
    icu::Locale("", *code).getDisplayCountry(icu::Locale::getEnglish(), display);
    const std::string name = english_name(display);
    auto known = by_code.find(*code);
    const std::uint32_t index =
        known != by_code.end() ? known->second : add_entry(analyzer, name, ActorType::Country);
    add_alias(analyzer, name, index, false);
  }
}

// ICU's exemplar city of each canonical time zone ("Caracas", "Los Angeles"): a few
// hundred world cities that ship with ICU itself, so no extra data file is needed.
void ActorLexicon::add_time_zone_cities(Analyzer& analyzer) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> zones(icu::TimeZone::createTimeZoneIDEnumeration(
      UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
  std::unique_ptr<icu::TimeZoneNames> names(
      icu::TimeZoneNames::createInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status)) return;  // no ICU zone data: countries still work
  while (const icu::UnicodeString* zone = zones->snext(status)) {
    if (U_FAILURE(status)) break;
    // Antarctic research stations ("Casey", "Davis", "Troll") are not cities news names.
    if (zone->startsWith(u"Antarctica/")) continue;
    icu::UnicodeString city;
    names->getExemplarLocationName(*zone, city);
    if (city.isEmpty()) continue;
    std::string name = english_name(city);
    const std::string key = fold_phrase(name, analyzer);
    if (key.empty() || aliases_.count(key) != 0) continue;
    // "Christmas" (Island), "Easter" (Island): a holiday or other capitalised common word
    // in WordNet names the thing far more often than the zone's town.
    if (common_caps_.contains(key)) continue;
    const std::uint32_t index = add_entry(analyzer, std::move(name), ActorType::Place);
    add_alias(analyzer, entries_[index].name, index, false);
  }
}

void ActorLexicon::load_user_dictionary(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read actor dictionary");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  add_dictionary(text, path, true);
}

void ActorLexicon::add_dictionary(std::string_view text, const std::string& origin, bool user) {
  Analyzer analyzer;
  int number = 0;
  for (std::string_view line : split(text, '\n')) {
    ++number;
    line = trim(line, kFieldPadding);
    if (line.empty() || line.front() == '#') continue;
    const auto fail = [&](const std::string& why) {
      throw std::runtime_error(origin + ":" + std::to_string(number) + ": " + why);
    };
    add_dictionary_line(analyzer, split(line, '\t'), user, fail);
  }
}

void ActorLexicon::add_dictionary_line(Analyzer& analyzer,
                                       const std::vector<std::string_view>& columns, bool user,
                                       const std::function<void(const std::string&)>& fail) {
  if (columns.size() < 2) fail("expected `name<TAB>type[<TAB>alias...]`");
  const std::string_view name = trim(columns[0], kFieldPadding);
  const std::string_view type_name = trim(columns[1], kFieldPadding);
  if (name.empty()) fail("empty actor name");
  const bool ignore = type_name == "ignore";
  const auto type = actor_type_from_string(type_name);
  if (!ignore && !type)
    fail("unknown type '" + std::string(type_name) +
         "' (expected person, org, country, place or ignore)");
  const std::string key = fold_phrase(name, analyzer);
  if (key.empty()) fail("actor name has no words");

  const LexiconHit* known = find(key);
  std::uint32_t index = 0;
  if (known != nullptr && entries_[known->entry].key == key) {
    index = known->entry;  // merge into the existing actor ("Holland" stays Netherlands)
  } else {
    index = add_entry(analyzer, std::string(name), type.value_or(ActorType::Org));
  }
  LexiconEntry& entry = entries_[index];
  entry.ignore = ignore;
  entry.user = entry.user || user;
  if (type) entry.type = *type;
  if (!ignore) entry.name = std::string(name);
  add_alias(analyzer, name, index, false);
  for (std::size_t i = 2; i < columns.size(); ++i) {
    const std::string_view alias = trim(columns[i], kFieldPadding);
    if (!alias.empty()) add_alias(analyzer, alias, index, false);
  }
}

const LexiconHit* ActorLexicon::find(std::string_view key) const {
  const auto it = aliases_.find(key);
  return it == aliases_.end() ? nullptr : &it->second;
}

bool ActorLexicon::is_sentence_opener(std::string_view term) const {
  if (adverbs_.contains(term)) return true;
  const bool participle =
      (term.size() > 5 && term.ends_with("ing")) || (term.size() > 4 && term.ends_with("ed"));
  return participle && is_english_word(term);
}

bool ActorLexicon::is_given_name(std::string_view term) const {
  return (given_names_.contains(term) || census_first_names_.contains(term)) &&
         !cues::is_person_title(term);
}

bool ActorLexicon::opens_known_person(std::string_view term) const {
  return given_names_.contains(term) && !cues::is_person_title(term);
}

bool ActorLexicon::is_everyday_word(std::string_view term) const {
  if (everyday_words_.contains(term)) return true;
  // SemCor counts lemmas: "centuries" is "century", "taxes" "tax", "chapters" "chapter".
  if (term.size() > 4 && term.ends_with("ies")) {
    std::string singular(term.substr(0, term.size() - 3));
    singular += 'y';
    return everyday_words_.contains(singular);
  }
  if (term.size() > 3 && term.ends_with("es") &&
      everyday_words_.contains(term.substr(0, term.size() - 2)))
    return true;
  return term.size() > 2 && term.ends_with('s') &&
         everyday_words_.contains(term.substr(0, term.size() - 1));
}

bool ActorLexicon::is_english_word(std::string_view term) const {
  if (english_words_.contains(term)) return true;
  // wamerican lists American spellings only: map the regular British endings across
  // ("realising" -> "realizing", "organisation" -> "organization", "favour" -> "favor").
  static constexpr std::pair<std::string_view, std::string_view> kBritish[] = {
      {"isation", "ization"}, {"isations", "izations"}, {"ising", "izing"}, {"ised", "ized"},
      {"ise", "ize"},         {"ises", "izes"},         {"iser", "izer"},   {"isers", "izers"},
      {"yse", "yze"},         {"ysed", "yzed"},         {"yses", "yzes"},   {"ysing", "yzing"},
      {"our", "or"},          {"ours", "ors"},          {"tre", "ter"},     {"tres", "ters"},
      {"lled", "led"},        {"lling", "ling"},        {"ence", "ense"},   {"ences", "enses"}};
  for (const auto& [british, american] : kBritish) {
    if (term.size() > british.size() + 2 && term.ends_with(british)) {
      std::string spelled(term.substr(0, term.size() - british.size()));
      spelled += american;
      if (english_words_.contains(spelled)) return true;
    }
  }
  return false;
}

std::optional<ActorType> ActorLexicon::gazetteer_type(std::string_view key) const {
  // A name in several lists is most often the place ("Washington", "Europe", "Lincoln").
  if (places_.contains(key)) return ActorType::Place;
  if (persons_.contains(key)) return ActorType::Person;
  if (orgs_.contains(key)) return ActorType::Org;
  return std::nullopt;
}

}  // namespace dossier
