#include "dossier/extract/actors/actor_model.h"

#include <charconv>
#include <stdexcept>

namespace dossier {
namespace {

// The next TAB- or newline-terminated field of `text` from `pos`.
std::string_view next_field(std::string_view text, std::size_t& pos) {
  const std::size_t end = text.find_first_of("\t\n", pos);
  const std::string_view field =
      text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
  pos = end == std::string_view::npos ? text.size() : end + 1;
  return field;
}

}  // namespace

FeatureId feature_id(std::string_view text) {
  const std::size_t bar = text.find('|');
  if (bar == std::string_view::npos) return feature_hash(text);
  return conjoin(feature_hash(text.substr(0, bar)), feature_hash(text.substr(bar + 1)));
}

ActorModel::ActorModel(std::string_view tsv) {
  std::size_t pos = 0;
  while (pos < tsv.size()) {
    const std::size_t line_end = std::min(tsv.find('\n', pos), tsv.size());
    const std::string_view line = tsv.substr(pos, line_end - pos);
    pos = line_end + 1;
    if (line.empty() || line.front() == '#') continue;
    std::size_t field_pos = 0;
    const std::string_view feature = next_field(line, field_pos);
    Scores weights{};
    for (float& weight : weights) {
      const std::string_view text = next_field(line, field_pos);
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), weight);
      if (error != std::errc() || text.empty() || end != text.data() + text.size())
        throw std::runtime_error("actor model: bad weight in line '" + std::string(line) + "'");
    }
    if (!weights_.emplace(feature_id(feature), weights).second)
      throw std::runtime_error("actor model: feature '" + std::string(feature) +
                               "' repeats or shares its hash with another");
  }
}

ActorModel::Scores ActorModel::scores(const std::vector<std::string>& features) const {
  Scores total{};
  for (const std::string& feature : features) add(feature_id(feature), total);
  return total;
}

}  // namespace dossier
