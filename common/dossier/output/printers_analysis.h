// What `dossier-index analyze` prints of one article: what extraction found in it.
#pragma once

#include <nlohmann/json.hpp>

#include "dossier/extract/article.h"
#include "dossier/extract/article_facts.h"

namespace dossier {

// {"id","title","date","date_source","dates_mentioned","source","url","actors":[{"name",
// "type","mentions","forms","confidence"}]}, keys in this order; source and url only when
// known.
nlohmann::ordered_json analysis_to_json(const Article& article, const ArticleFacts& facts);

}  // namespace dossier
