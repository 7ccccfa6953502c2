// What the learned model reads about a candidate actor (its features) and how its verdict
// is applied. Features are short strings, so the training script can read them as they are
// (`dossier-extract-actors --features`); most fit std::string's inline buffer.
#include <algorithm>
#include <cmath>

#include "dossier/extract/actors/article_scan.h"
#include "dossier/extract/actors/cue_words.h"

namespace dossier::detail {
namespace {

// Longest context word kept as a feature: longer words are rare, so they would add weights
// that few candidates share.
constexpr std::size_t kMaxContextWord = 12;

// How far the model's "none" must beat the best type to drop a candidate the rules found:
// the model learnt 1996 wire copy, so on other text it only vetoes what it is sure of.
constexpr float kDropMargin = 2.0F;

// Whether the line of words[i] holds two figures or more: a table row or a results line.
bool line_has_figures(const std::vector<TextWord>& words, std::size_t i) {
  int figures = 0;
  for (std::size_t k = i; k < words.size() && words[k].line == words[i].line && figures < 2; ++k)
    figures += words[k].numeric ? 1 : 0;
  for (std::size_t k = i; k-- > 0 && words[k].line == words[i].line && figures < 2;)
    figures += words[k].numeric ? 1 : 0;
  return figures >= 2;
}

// "p:" or "n:" and the neighbouring word: its lower-case term, "#" for a figure, "C" for a
// capitalised word, "^"/"$" at a line's start or end.
std::string neighbour(const char* side, const TextWord* word) {
  std::string feature = side;
  if (word == nullptr) {
    feature += side[0] == 'p' ? "^" : "$";
  } else if (word->numeric) {
    feature += '#';
  } else if (word->capitalised) {
    feature += 'C';
  } else if (word->term.size() <= kMaxContextWord) {
    feature += word->term;
  } else {
    feature += '~';
  }
  return feature;
}

// Word shape of a surface form: X for a capital, x for lower-case letters, d for digits,
// other bytes kept; runs collapsed ("Nicolás Maduro" -> "Xx Xx", "U.S." -> "X.X.").
std::string shape(std::string_view surface) {
  std::string out;
  for (const char ch : surface) {
    const auto c = static_cast<unsigned char>(ch);
    char kind = ch;
    if (c >= 'A' && c <= 'Z') {
      kind = 'X';
    } else if ((c >= 'a' && c <= 'z') || c >= 0x80) {
      kind = 'x';
    } else if (c >= '0' && c <= '9') {
      kind = 'd';
    }
    if (out.empty() || out.back() != kind || kind == 'X') out += kind;
    if (out.size() >= 16) break;
  }
  return out;
}

std::string bucket(int n) {
  return n <= 1 ? "1" : n == 2 ? "2" : n <= 5 ? "3-5" : "6+";
}

}  // namespace

void ArticleScan::note_context(Group& group, const std::vector<TextWord>& words, std::size_t first,
                               std::size_t last) const {
  if (group.context.size() >= kMaxContextFeatures) return;
  const TextWord& head = words[first];
  group.context.emplace_back(head.headline_line ? "hl" : "bd");
  if (head.sentence_start) group.context.emplace_back("ss");
  if (head.paren_before) group.context.emplace_back("par");
  if (words[last].possessive) group.context.emplace_back("pos");
  const bool line_start = first == 0 || words[first - 1].line != head.line;
  group.context.push_back(neighbour("p:", line_start ? nullptr : &words[first - 1]));
  const bool line_end = last + 1 == words.size() || words[last + 1].line != words[last].line;
  group.context.push_back(neighbour("n:", line_end ? nullptr : &words[last + 1]));
  if (line_has_figures(words, first)) group.context.emplace_back("tab");
}

std::vector<std::string> ArticleScan::features(const Group& group, ActorType rule_type) const {
  const std::string rule(to_string(rule_type));
  std::vector<std::string> out{"bias", "r:" + rule};
  const int votes = group.votes[static_cast<std::size_t>(rule_type)];
  out.push_back("rv:" + rule + ":" + bucket(votes / 2));
  if (group.entry) {
    const LexiconEntry& entry = lexicon_.entry(*group.entry);
    out.push_back("lx:" + std::string(to_string(entry.type)));
  }
  if (const auto gazetteer = lexicon_.gazetteer_type(group.key))
    out.push_back("gz:" + std::string(to_string(*gazetteer)));
  out.push_back("w:" + bucket(static_cast<int>(group.words)));
  out.push_back("m:" + bucket(group.mentions));
  if (group.forms.size() > 1) out.emplace_back("forms");
  if (!group.forms.empty()) out.push_back("sh:" + shape(group.forms.begin()->first));
  const std::string_view key = group.key;
  const std::string_view first_word = key.substr(0, key.find(' '));
  const std::string_view last_word = key.substr(key.rfind(' ') + 1);
  if (lexicon_.is_given_name(first_word)) out.emplace_back("given");
  // Ordinary words at either end ("... Union", "Bank ..."), never the names themselves.
  if (lexicon_.is_english_word(first_word)) out.push_back("f:" + std::string(first_word));
  if (lexicon_.is_english_word(last_word)) out.push_back("l:" + std::string(last_word));
  if (last_word.size() >= 4)
    out.push_back("s3:" + std::string(last_word.substr(last_word.size() - 3)));
  std::vector<std::string> context = group.context;
  std::sort(context.begin(), context.end());
  context.erase(std::unique(context.begin(), context.end()), context.end());
  for (const std::string& c : context) {
    out.push_back(c);
    out.push_back(rule + "|" + c);  // "place|tab": a city in a results table is a club
  }
  return out;
}

bool ArticleScan::apply_model(ActorCandidate& candidate, const Group& group) const {
  const ActorModel& model = lexicon_.model();
  const LexiconEntry* entry = group.entry ? &lexicon_.entry(*group.entry) : nullptr;
  // The user's dictionary wins over everything; a known country is a country.
  if (model.empty() || (entry != nullptr && (entry->user || entry->type == ActorType::Country)))
    return true;
  const ActorModel::Scores scores = model.scores(features(group, candidate.actor.type));
  const auto best = std::max_element(scores.begin() + ActorModel::Person, scores.end());
  const float margin = *best - scores[ActorModel::None];
  candidate.actor.confidence = 1.0 / (1.0 + std::exp(-static_cast<double>(margin)));
  // A known name or one the rules are sure of (an acronym, a title, an organisation head)
  // stays, and the model only types it.
  const bool sure = entry != nullptr || group.strongest == Evidence::Strong;
  if (margin < -kDropMargin && !sure) return false;
  // The rules' sure types stand ("PDVSA" is an acronym, so an organisation); a known
  // place may be a club ("Los Angeles" in a results table), so the model types those.
  if (group.strongest == Evidence::Strong && entry == nullptr) return true;
  switch (static_cast<ActorModel::Class>(best - scores.begin())) {
    case ActorModel::Person:
      candidate.actor.type = ActorType::Person;
      break;
    case ActorModel::Org:
      candidate.actor.type = ActorType::Org;
      break;
    default:
      candidate.actor.type = ActorType::Place;
      break;
  }
  return true;
}

}  // namespace dossier::detail
