// One article (`dossier-search show`, dossier-serve's documents/{id}): JSON and text.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "dossier/output/text_layout.h"
#include "dossier/search/document_record.h"

namespace dossier {

// {"database":{...},"document":{"id","title","date","date_source","dates_mentioned",
// "source","url","text","actors":[{"id","name","display_name","type","mentions"}],
// "forms":[...]}}: `name` is the article's own form, `display_name` the corpus-wide one.
nlohmann::ordered_json document_json(const Searcher& searcher, const DocumentRecord& record);

// The title, then lines for the id, the date and where it came from, the source, the url,
// the actors with their mentions and the dates mentioned (each only when known), a blank
// line and the text, its lines wrapped to the layout's width.
void print_document_text(std::ostream& out, const DocumentRecord& record,
                         const TextLayout& layout = {});

}  // namespace dossier
