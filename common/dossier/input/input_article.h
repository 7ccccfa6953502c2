// Turning a listed input item into an Article: the one conversion shared by indexing and
// `dossier-index analyze`, so what analyze shows is what gets indexed.
#pragma once

#include <string_view>

#include "dossier/extract/article.h"
#include "dossier/input/input_source.h"
#include "dossier/input/jsonl_reader.h"
#include "dossier/input/metadata.h"

namespace dossier {

// A JSONL or CSV record: with a title, title + body as given; without, the text is read like a
// scraped page (headline detection). Its date, source and url are metadata. HTML
// character references in its title and text are decoded (`caf&#233;`).
Article article_from_record(JsonlArticle& record);

// A file's bytes, without a leading byte-order mark: an .html/.htm page through the HTML
// parser (read_html_page), any other file as a scraped page with its character references
// decoded; then its modification day and its folder's metadata sidecar entry applied.
Article article_from_file(const InputItem& item, std::string_view bytes);

// Applies a sidecar entry: given fields win over what the text says (a title's character
// references decoded).
void apply_metadata(Article& article, const ArticleMetadata& metadata);

}  // namespace dossier
