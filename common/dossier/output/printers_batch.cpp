#include "dossier/output/printers_batch.h"

#include "dossier/output/printers.h"
#include "dossier/output/printers_tables.h"
#include "dossier/schema/schema.h"

namespace dossier {
namespace {

nlohmann::ordered_json error_json(const BatchAnswer& answer) {
  nlohmann::ordered_json j = {{"id", answer.query.id}, {"error", answer.error}};
  if (!answer.ambiguous.empty()) j["ambiguous"] = ambiguous_json(answer.ambiguous);
  return j;
}

}  // namespace

std::string json_line(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

nlohmann::ordered_json database_header_json(const Xapian::Database& db,
                                            std::optional<Xapian::rev> revision) {
  const std::string schema = db.get_metadata(schema::kSchemaKey);
  nlohmann::ordered_json version = nullptr;
  if (!schema.empty()) version = std::stoi(schema);
  return {{"database",
           {{"uuid", db.get_uuid()},
            {"revision", revision ? nlohmann::ordered_json(*revision) : nullptr},
            {"documents", db.get_doccount()},
            {"schema", std::move(version)}}}};
}

nlohmann::ordered_json batch_header_json(const Xapian::Database& db,
                                         std::optional<Xapian::rev> revision) {
  nlohmann::ordered_json header = {{"format", kBatchFormatVersion}};
  header.update(database_header_json(db, revision));
  return header;
}

std::string jsonl_answer_line(const BatchAnswer& answer) {
  if (!answer.result) return json_line(error_json(answer));
  // "id" first, then the single-query keys in their order.
  std::string line;
  line.reserve(4096);  // ten hits with snippets take some kilobytes: fewer regrowths
  JsonWriter w(line);
  w.begin_object().key("id").raw(
      answer.query.id.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  write_result_fields(w, *answer.result);
  w.end_object();
  line += '\n';
  return line;
}

std::string jsonl_table_line(const BatchAnswer& answer) {
  if (answer.network) {
    nlohmann::ordered_json line = {{"id", answer.query.id}, {"query", answer.network->query}};
    line.update(actor_network_json(*answer.network));
    return json_line(line);
  }
  if (!answer.table) return json_line(error_json(answer));
  nlohmann::ordered_json line = {{"id", answer.query.id}, {"query", answer.table->query}};
  line.update(actor_date_table_json(*answer.table));
  return json_line(line);
}

std::string jsonl_count_line(const BatchAnswer& answer) {
  if (!answer.result) return json_line(error_json(answer));
  const SearchResult& r = *answer.result;
  nlohmann::ordered_json line = {{"id", answer.query.id},
                                 {"query", r.query},
                                 {"total", r.total},
                                 {"total_exact", r.total_exact}};
  if (!r.missing_shards.empty()) {  // as write_result_fields() says it
    line["partial"] = true;
    line["missing_shards"] = r.missing_shards;
  }
  return json_line(line);
}

}  // namespace dossier
