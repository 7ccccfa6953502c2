// What extraction found in one article: its actors and its dates.
#pragma once

#include <optional>
#include <vector>

#include "dossier/extract/actors/actor.h"
#include "dossier/extract/dates/date.h"
#include "dossier/extract/dates/date_extractor.h"

namespace dossier {

struct ArticleFacts {
  std::vector<Actor> actors;        // most mentioned first
  std::optional<ArticleDate> date;  // publication date with its provenance
  std::vector<Date> mentioned;      // distinct dates the text mentions, ascending
};

}  // namespace dossier
