#include "dossier/document_data.h"

namespace dossier {

nlohmann::json DocumentData::to_json() const {
  nlohmann::json actor_list = nlohmann::json::array();
  for (const auto& a : actors) {
    actor_list.push_back(
        {{"id", a.id}, {"name", a.name}, {"type", a.type}, {"mentions", a.mentions}});
  }
  return nlohmann::json{{"id", id},
                        {"title", title},
                        {"text", text},
                        {"date", date},
                        {"date_source", date_source},
                        {"dates_mentioned", dates_mentioned},
                        {"source", source},
                        {"url", url},
                        {"actors", std::move(actor_list)}};
}

DocumentData DocumentData::from_json(const std::string& serialised) {
  const auto j = nlohmann::json::parse(serialised, nullptr, /*allow_exceptions=*/false);
  DocumentData d;
  if (!j.is_object()) return d;
  d.id = j.value("id", "");
  d.title = j.value("title", "");
  d.text = j.value("text", "");
  d.date = j.value("date", "");
  d.date_source = j.value("date_source", "");
  d.dates_mentioned = j.value("dates_mentioned", std::vector<std::string>{});
  d.source = j.value("source", "");
  d.url = j.value("url", "");
  if (const auto it = j.find("actors"); it != j.end() && it->is_array()) {
    for (const auto& a : *it) {
      if (!a.is_object()) continue;
      d.actors.push_back(
          {a.value("id", ""), a.value("name", ""), a.value("type", ""), a.value("mentions", 0)});
    }
  }
  return d;
}

}  // namespace dossier
