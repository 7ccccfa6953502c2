// What the learned model reads about a candidate actor (its features) and how its verdict
// is applied. The features are given to a sink: as text for the training script
// (`dossier-extract-actors --features`), or hashed straight into the model's scores, so
// extraction builds no strings for them (actor_model.h).
#include <algorithm>
#include <array>
#include <cmath>

#include "dossier/extract/actors/article_scan.h"
#include "dossier/extract/actors/cue_words.h"
#include "dossier/text/ascii_words.h"

namespace dossier::detail {
namespace {

// Longest context word kept as a feature: longer words are rare, so they would add weights
// that few candidates share.
constexpr std::size_t kMaxContextWord = 12;

// Longest word shape kept ("Xx Xx Xx ..." of a long run says no more).
constexpr std::size_t kMaxShape = 16;

// How far the model's "none" must beat the best type to drop a candidate the rules found:
// the model learnt 1996 wire copy, so on other text it only vetoes what it is sure of.
constexpr float kDropMargin = 2.0F;

Cue cue(std::string_view kind, std::string_view word = {}) {
  return {kind, word, feature_hash(word, feature_hash(kind))};
}

// "Amazon.com", "Lastminute.com": a word, a dot and a lower-case domain ending it. Not an
// abbreviation's dot ("U.S.", "St.Louis").
bool web_address(std::string_view form) {
  const std::size_t dot = form.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || !is_ascii_lower(form[dot - 1])) return false;
  const std::string_view domain = form.substr(dot + 1);
  return domain.size() >= 2 && domain.size() <= 4 &&
         std::all_of(domain.begin(), domain.end(), is_ascii_lower);
}

// "WorldCom", "PlayStation", "EastEnders": one word with a capital after lower-case
// letters is a coined name, a firm's or a product's, never a place's; so is a web address.
// Not a surname's prefix: "McCain", "MacArthur", "DiCaprio", "LeBlanc", "FitzGerald".
bool coined_word(std::string_view form) {
  static constexpr std::array<std::string_view, 11> kSurnamePrefixes = {
      "Da", "De", "Di", "Du", "Fitz", "La", "Le", "Mac", "Mc", "Van", "Von"};
  if (form.find_first_of(" -'") != std::string_view::npos) return false;
  if (web_address(form)) return true;
  const std::size_t inner = inner_capital_of(form);
  return inner != 0 && std::find(kSurnamePrefixes.begin(), kSurnamePrefixes.end(),
                                 form.substr(0, inner)) == kSurnamePrefixes.end();
}

// The neighbouring word for "p:" or "n:": its lower-case term, "#" for a figure, "C" for a
// capitalised word, "^"/"$" at a line's start or end, "~" for a long or odd word.
std::string_view neighbour(const TextWord* word, std::string_view line_edge) {
  if (word == nullptr) return line_edge;
  if (word->numeric) return "#";
  if (word->capitalised) return "C";
  if (word->term.size() > kMaxContextWord || word->term.find('|') != std::string_view::npos)
    return "~";
  return word->term;
}

// Word shape of a surface form: X for a capital, x for lower-case letters, d for digits,
// other bytes kept ('|' as '_': it joins conjunctions); runs collapsed ("Nicolás Maduro" ->
// "Xx Xx", "U.S." -> "X.X."). Written into `buffer`.
std::string_view shape(std::string_view surface, std::array<char, kMaxShape>& buffer) {
  std::size_t size = 0;
  for (const char ch : surface) {
    const auto c = static_cast<unsigned char>(ch);
    char kind = ch == '|' ? '_' : ch;
    if (c >= 'A' && c <= 'Z') {
      kind = 'X';
    } else if ((c >= 'a' && c <= 'z') || c >= 0x80) {
      kind = 'x';
    } else if (c >= '0' && c <= '9') {
      kind = 'd';
    }
    if (size == 0 || buffer[size - 1] != kind || kind == 'X') buffer[size++] = kind;
    if (size >= kMaxShape) break;
  }
  return {buffer.data(), size};
}

std::string_view bucket(int n) {
  return n <= 1 ? "1" : n == 2 ? "2" : n <= 5 ? "3-5" : "6+";
}

// Collects features as text, for training.
class FeatureTexts {
 public:
  void add(std::string_view a, std::string_view b = {}, std::string_view c = {},
           std::string_view d = {}) {
    std::string text;
    text.reserve(a.size() + b.size() + c.size() + d.size());
    text.append(a).append(b).append(c).append(d);
    texts_.push_back(std::move(text));
  }
  // A context feature, alone and joined with the rules' type.
  void add_cue(std::string_view rule, const Cue& cue) {
    add(cue.kind, cue.word);
    add(rule, "|", cue.kind, cue.word);
  }
  std::vector<std::string> take() { return std::move(texts_); }

 private:
  std::vector<std::string> texts_;
};

// Hashes features and sums their weights.
class FeatureScores {
 public:
  explicit FeatureScores(const ActorModel& model) : model_(model) {}
  void add(std::string_view a, std::string_view b = {}, std::string_view c = {},
           std::string_view d = {}) {
    model_.add(feature_hash(d, feature_hash(c, feature_hash(b, feature_hash(a)))), scores_);
  }
  void add_cue(std::string_view rule, const Cue& cue) {
    model_.add(cue.id, scores_);
    model_.add(conjoin(feature_hash(rule), cue.id), scores_);
  }
  const ActorModel::Scores& scores() const { return scores_; }

 private:
  const ActorModel& model_;
  ActorModel::Scores scores_{};
};

}  // namespace

void ArticleScan::note_context(Group& group, const std::vector<TextWord>& words, std::size_t first,
                               std::size_t last) const {
  if (group.context.size() >= kMaxContextFeatures) return;
  const TextWord& head = words[first];
  group.context.push_back(cue(head.headline_line ? "hl" : "bd"));
  if (head.sentence_start) group.context.push_back(cue("ss"));
  if (head.paren_before) group.context.push_back(cue("par"));
  if (words[last].possessive) group.context.push_back(cue("pos"));
  const bool line_start = first == 0 || words[first - 1].line != head.line;
  group.context.push_back(cue("p:", neighbour(line_start ? nullptr : &words[first - 1], "^")));
  const bool line_end = last + 1 == words.size() || words[last + 1].line != words[last].line;
  group.context.push_back(cue("n:", neighbour(line_end ? nullptr : &words[last + 1], "$")));
  if (head.figures_line) group.context.push_back(cue("tab"));
}

template <class Sink>
void ArticleScan::emit_features(const Group& group, ActorType rule_type, Sink& sink) const {
  const std::string_view rule = to_string(rule_type);
  sink.add("bias");
  sink.add("r:", rule);
  const int votes = group.votes[static_cast<std::size_t>(rule_type)];
  sink.add("rv:", rule, ":", bucket(votes / 2));
  if (group.entry) sink.add("lx:", to_string(lexicon_.entry(*group.entry).type));
  if (const auto gazetteer = lexicon_.gazetteer_type(group.key))
    sink.add("gz:", to_string(*gazetteer));
  sink.add("w:", bucket(static_cast<int>(group.words)));
  sink.add("m:", bucket(group.mentions));
  if (group.forms.size() > 1) sink.add("forms");
  std::array<char, kMaxShape> shape_buffer{};
  if (!group.forms.empty()) sink.add("sh:", shape(group.forms.begin()->first, shape_buffer));
  const std::string_view key = group.key;
  const std::string_view first_word = key.substr(0, key.find(' '));
  const std::string_view last_word = key.substr(key.rfind(' ') + 1);
  // A census first name alone is as often a club or a place ("Chelsea") as a person.
  if (group.words > 1 ? lexicon_.is_given_name(first_word)
                      : lexicon_.opens_known_person(first_word))
    sink.add("given");
  // Ordinary words at either end ("... Union", "Bank ..."), never the names themselves.
  if (lexicon_.is_english_word(first_word)) sink.add("f:", first_word);
  if (lexicon_.is_english_word(last_word)) sink.add("l:", last_word);
  if (last_word.size() >= 4) sink.add("s3:", last_word.substr(last_word.size() - 3));
  // Each distinct context fact once, alone and with the rules' type ("place|tab": a city in
  // a results table is a club).
  std::vector<Cue> context = group.context;
  std::sort(context.begin(), context.end(), [](const Cue& a, const Cue& b) { return a.id < b.id; });
  context.erase(std::unique(context.begin(), context.end(),
                            [](const Cue& a, const Cue& b) { return a.id == b.id; }),
                context.end());
  for (const Cue& c : context) sink.add_cue(rule, c);
}

std::vector<std::string> ArticleScan::features(const Group& group, ActorType rule_type) const {
  FeatureTexts texts;
  emit_features(group, rule_type, texts);
  return texts.take();
}

// Two or three words, none an English word, a place, a title or a head, and maybe a
// particle between them ("Carlos Fernandez de Cossio").
bool ArticleScan::person_shape(const Group& group) const {
  std::size_t name_words = 0;
  for (std::size_t at = 0; at <= group.key.size();) {
    const std::size_t space = std::min(group.key.find(' ', at), group.key.size());
    const std::string_view word = std::string_view(group.key).substr(at, space - at);
    const bool inside = at > 0 && space < group.key.size();
    at = space + 1;
    if (inside && cues::is_name_particle(word)) continue;
    if (!plain_name_word(word) || lexicon_.gazetteer_type(word) == ActorType::Place) return false;
    ++name_words;
  }
  return name_words >= 2 && name_words <= 3;
}

// A person's shape opened by a given name ("Carlos Fernandez de Cossio"): the model may
// type it, but a name so plain is no junk to drop.
bool ArticleScan::given_name_shape(const Group& group) const {
  return lexicon_.is_given_name(std::string_view(group.key).substr(0, group.key.find(' '))) &&
         person_shape(group);
}

bool ArticleScan::apply_model(ActorCandidate& candidate, const Group& group) const {
  const ActorModel& model = lexicon_.model();
  const LexiconEntry* entry = group.entry ? &lexicon_.entry(*group.entry) : nullptr;
  // The user's dictionary wins over everything; a known country is a country.
  if (model.empty() || (entry != nullptr && (entry->user || entry->type == ActorType::Country)))
    return true;
  FeatureScores sink(model);
  emit_features(group, candidate.actor.type, sink);
  const ActorModel::Scores& scores = sink.scores();
  const auto best = std::max_element(scores.begin() + ActorModel::Person, scores.end());
  const float margin = *best - scores[ActorModel::None];
  candidate.organisation_gap = *best - scores[ActorModel::Org];
  candidate.actor.confidence = 1.0 / (1.0 + std::exp(-static_cast<double>(margin)));
  // WordNet's person or organisation ("Reagan", "Treasury", "European Community") typed so
  // by the rules: the model learnt single words from sports tables, where a name is often a
  // club, so it neither drops nor retypes these. WordNet's places may be clubs.
  const auto known_type = lexicon_.gazetteer_type(group.key);
  const bool known_actor =
      known_type && *known_type != ActorType::Place && *known_type == candidate.actor.type;
  // A known name or one the rules are sure of (an acronym, a title, an organisation head)
  // stays, and the model only types it.
  // WordNet's names that are English words too ("GE", "State") may still be dropped.
  const bool known_name = known_actor && (group.words > 1 || !lexicon_.is_english_word(group.key));
  const bool sure = rules_sure(group) || known_name ||
                    (candidate.actor.type == ActorType::Person && given_name_shape(group));
  if (margin < -kDropMargin && !sure) return false;
  // The rules' sure types stand ("PDVSA" is an acronym, so an organisation); a known
  // place may be a club ("Los Angeles" in a results table), so the model types those.
  if ((group.strongest == Evidence::Strong && entry == nullptr) || known_actor) return true;
  // "Marcos Perez Jimenez": two or three words, none English nor a known place, are a
  // person's name; "of X in Caracas" around it makes no place of it. Three such words
  // make no organisation either: firms named by two surnames ("Merrill Lynch") have two.
  const auto model_class = best - scores.begin();
  if (candidate.actor.type == ActorType::Person && entry == nullptr && person_shape(group) &&
      (model_class == ActorModel::Place ||
       (model_class == ActorModel::Org && group.words == kPersonShapeFullNameWords)))
    return true;
  // A known organisation or party ("Lib Dems") keeps its type too.
  if (entry != nullptr && entry->type != ActorType::Place) return true;
  switch (static_cast<ActorModel::Class>(model_class)) {
    case ActorModel::Person:
      candidate.actor.type = ActorType::Person;
      break;
    case ActorModel::Org:
      candidate.actor.type = ActorType::Org;
      break;
    default:
      // A coined word in any of its forms ("WorldCom", also written "Worldcom").
      candidate.actor.type =
          group.words == 1 && std::any_of(group.forms.begin(), group.forms.end(),
                                          [](const auto& form) { return coined_word(form.first); })
              ? ActorType::Org
              : ActorType::Place;
      break;
  }
  return true;
}

}  // namespace dossier::detail
