// A linear model, trained on CoNLL-2003 by scripts/train_actor_model.py, that types and
// filters the candidate actors the rules propose: one weight per (feature, class) for the
// classes none, person, org and place (place covers countries). The model file is a TSV of
// `feature<TAB>w_none<TAB>w_person<TAB>w_org<TAB>w_place`; `#` starts a comment line.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dossier {

class ActorModel {
 public:
  enum Class { None, Person, Org, Place, kClasses };
  using Scores = std::array<float, kClasses>;

  ActorModel() = default;
  // Parses the TSV text; throws std::runtime_error on a malformed line.
  explicit ActorModel(std::string_view tsv);

  bool empty() const { return weights_.empty(); }
  // Sum of the weights of the features (unknown features weigh nothing).
  Scores scores(const std::vector<std::string>& features) const;

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Scores, StringHash, std::equal_to<>> weights_;
};

}  // namespace dossier
