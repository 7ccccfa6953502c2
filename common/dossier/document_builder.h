// Turns an Article into a Xapian::Document following schema.h.
#pragma once

#include <xapian.h>

#include "dossier/analyzer.h"
#include "dossier/article.h"

namespace dossier {

// Builds the document for `article`: title and body words with positions (title also in
// the general text, weighted higher), stems, the unique id term and the document data.
// Not thread-safe only through `analyzer`: give each thread its own Analyzer.
Xapian::Document build_document(const Article& article, Analyzer& analyzer);

}  // namespace dossier
