// Turns an Article and what extraction found in it into a Xapian::Document following
// schema.h.
#pragma once

#include <string>

#include <xapian.h>

#include "dossier/extract/article.h"
#include "dossier/extract/article_analyzer.h"
#include "dossier/extract/article_facts.h"
#include "dossier/schema/record_codec.h"
#include "dossier/text/analyzer.h"

namespace dossier {

// Builds the document: title and body words with positions (title also in the general
// text, weighted higher), stems, actor/source/date filter terms and value slots, the
// unique id term and the record (stored through `records`). Thread-safe as long as each
// thread has its own Analyzer and RecordCodec.
Xapian::Document build_document(const Article& article, const ArticleWords& words,
                                const ArticleFacts& facts, Analyzer& analyzer,
                                schema::RecordCodec& records);

// Adds the folder term and slot of a file of a folder input (schema.h, kFolderPrefix);
// nothing for an empty folder.
void add_folder(Xapian::Document& doc, const std::string& folder, Analyzer& analyzer);

}  // namespace dossier
