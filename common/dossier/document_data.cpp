#include "dossier/document_data.h"

namespace dossier {

nlohmann::json DocumentData::to_json() const {
  return nlohmann::json{{"id", id}, {"title", title}, {"text", text}};
}

DocumentData DocumentData::from_json(const std::string& serialised) {
  const auto j = nlohmann::json::parse(serialised, nullptr, /*allow_exceptions=*/false);
  DocumentData d;
  if (!j.is_object()) return d;
  d.id = j.value("id", "");
  d.title = j.value("title", "");
  d.text = j.value("text", "");
  return d;
}

}  // namespace dossier
