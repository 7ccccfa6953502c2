// A linear model, trained on CoNLL-2003 by scripts/train_actor_model.py, that types and
// filters the candidate actors the rules propose: one weight per (feature, class) for the
// classes none, person, org and place (place covers countries). The model file is a TSV of
// `feature<TAB>w_none<TAB>w_person<TAB>w_org<TAB>w_place`; `#` starts a comment line.
//
// The extractor never builds a feature's text to score it: a feature is known by a hash of
// its text, which the extractor computes from the pieces it has ("p:" and a word's term).
// A conjunction, written "a|b" in the file (the rules' type and a context feature,
// "place|tab"), is conjoin(hash(a), hash(b)), so a context feature is hashed once and
// joined with the type by one multiplication. No other feature's text holds a '|'.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dossier {

using FeatureId = std::uint64_t;

// FNV-1a of `bytes`, continuing from `h`: feature_hash(b, feature_hash(a)) is the hash of
// the text a+b.
constexpr FeatureId feature_hash(std::string_view bytes, FeatureId h = 0xcbf29ce484222325ULL) {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// The id of the conjunction "a|b" from the ids of a and b (order matters).
constexpr FeatureId conjoin(FeatureId a, FeatureId b) {
  return (a * 0x9e3779b97f4a7c15ULL) ^ (b + 0x632be59bd9b4e019ULL + (a << 6) + (a >> 2));
}

// The id of a feature as the model file writes it ("bias", "p:said", "place|tab").
FeatureId feature_id(std::string_view text);

class ActorModel {
 public:
  enum Class { None, Person, Org, Place, kClasses };
  using Scores = std::array<float, kClasses>;

  ActorModel() = default;
  // Parses the TSV text; throws std::runtime_error on a malformed line or on two features
  // with one id (a repeated line, or a hash collision).
  explicit ActorModel(std::string_view tsv);

  bool empty() const { return weights_.empty(); }
  // Adds the weights of feature `id` to `total` (an unknown feature weighs nothing).
  void add(FeatureId id, Scores& total) const {
    const auto it = weights_.find(id);
    if (it == weights_.end()) return;
    for (std::size_t k = 0; k < kClasses; ++k) total[k] += it->second[k];
  }
  // Sum of the weights of features given as text.
  Scores scores(const std::vector<std::string>& features) const;

 private:
  // Ids are hashes already: no need to hash them again.
  struct IdHash {
    std::size_t operator()(FeatureId id) const { return static_cast<std::size_t>(id); }
  };
  std::unordered_map<FeatureId, Scores, IdHash> weights_;
};

}  // namespace dossier
