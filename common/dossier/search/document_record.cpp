#include "dossier/search/document_record.h"

#include "dossier/schema/schema.h"

namespace dossier {
namespace {

std::optional<Xapian::Document> document_by_id(const Xapian::Database& db, std::string_view id) {
  const auto posting = db.postlist_begin(schema::id_term(id));
  if (posting == db.postlist_end(schema::id_term(id))) return std::nullopt;
  return db.get_document(*posting);
}

// The document's terms that start with `prefix`, without it.
std::vector<std::string> terms_with_prefix(const Xapian::Document& doc, const std::string& prefix) {
  std::vector<std::string> out;
  auto t = doc.termlist_begin();
  for (t.skip_to(prefix); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (term.compare(0, prefix.size(), prefix) != 0) break;
    out.push_back(term.substr(prefix.size()));
  }
  return out;
}

}  // namespace

std::optional<DocumentRecord> read_document(Searcher& searcher, std::string_view id) {
  const auto doc = document_by_id(searcher.database(), id);
  if (!doc) return std::nullopt;
  DocumentRecord record;
  record.data = DocumentData::unserialise(searcher.records().read(*doc));
  for (const auto& a : record.data.actors)
    record.display_names.push_back(searcher.actors().display_name(a.id));
  record.forms = terms_with_prefix(*doc, schema::kActorFormPrefix);
  return record;
}

}  // namespace dossier
