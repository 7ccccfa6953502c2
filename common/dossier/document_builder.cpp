#include "dossier/document_builder.h"

#include "dossier/document_data.h"
#include "dossier/schema.h"

namespace dossier {
namespace {

// Adds the words of one field: exact terms with positions under `prefix`, and stemmed
// terms (wdf only) under "Z" + prefix, the way Xapian's QueryParser looks for them.
// Returns the last position used.
Xapian::termpos add_field(Xapian::Document& doc, const std::vector<Token>& tokens,
                          const std::string& prefix, Xapian::termpos pos, Xapian::termcount wdf,
                          Analyzer& analyzer) {
  const std::string stem_prefix = std::string(schema::kStemPrefix) + prefix;
  for (const auto& t : tokens) {
    doc.add_posting(prefix + t.term, ++pos, wdf);
    if (Analyzer::should_stem(t.term)) doc.add_term(stem_prefix + analyzer.stem(t.term), wdf);
  }
  return pos;
}

}  // namespace

Xapian::Document build_document(const Article& article, Analyzer& analyzer) {
  Xapian::Document doc;
  const auto title_tokens = analyzer.tokenize(article.title);
  const auto body_tokens = analyzer.tokenize(article.body);

  add_field(doc, title_tokens, schema::kTitlePrefix, 0, 1, analyzer);
  Xapian::termpos pos = add_field(doc, title_tokens, "", 0, schema::kTitleWeight, analyzer);
  add_field(doc, body_tokens, "", pos + schema::kFieldPositionGap, 1, analyzer);

  doc.add_boolean_term(schema::id_term(article.id));
  doc.set_data(DocumentData{article.id, article.title, article.body}.to_json().dump());
  return doc;
}

}  // namespace dossier
