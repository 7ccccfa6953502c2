#include "dossier/output/printers_analysis.h"

#include <cmath>

namespace dossier {

nlohmann::ordered_json analysis_to_json(const Article& article, const ArticleFacts& facts) {
  nlohmann::ordered_json actors = nlohmann::ordered_json::array();
  for (const auto& a : facts.actors) {
    actors.push_back({{"name", a.name},
                      {"type", to_string(a.type)},
                      {"mentions", a.mentions},
                      {"forms", a.forms},
                      {"confidence", std::round(a.confidence * 1000) / 1000}});
  }
  nlohmann::ordered_json mentioned = nlohmann::ordered_json::array();
  for (const auto& d : facts.mentioned) mentioned.push_back(d.iso());
  nlohmann::ordered_json j;
  j["id"] = article.id;
  j["title"] = article.title;
  j["date"] =
      facts.date ? nlohmann::ordered_json(facts.date->date.iso()) : nlohmann::ordered_json(nullptr);
  j["date_source"] = facts.date ? nlohmann::ordered_json(to_string(facts.date->source))
                                : nlohmann::ordered_json(nullptr);
  j["dates_mentioned"] = std::move(mentioned);
  if (!article.source.empty()) j["source"] = article.source;
  if (!article.url.empty()) j["url"] = article.url;
  j["actors"] = std::move(actors);
  return j;
}

}  // namespace dossier
