// `--table actor-by-date`: how many matching articles name each of the top actors, per
// date bucket — a timeline of who is in the news, as a table for spreadsheets and plots.
#pragma once

#include <string>
#include <vector>

#include "dossier/printers_tsv.h"
#include "dossier/searcher.h"

namespace dossier {

struct ActorDateCell {
  std::string actor;   // display name
  std::string type;    // person | org | country | place
  std::string bucket;  // "2019-01" etc. (request.granularity), or "undated"
  Xapian::doccount count = 0;
};

struct ActorDateTable {
  // The request.facet_size actors named by the most matching articles (ties: by id),
  // each with every bucket from the first to the last dated match (zeros included), then
  // "undated" when some of its articles have no date. Most-named actor first.
  std::vector<ActorDateCell> cells;
  Xapian::doccount matches = 0;  // matching articles (exact: every match is counted)
};

// Counts matching documents per (actor, date bucket) in one pass over all matches of
// `request` (its query and filters; paging, sort and facets are ignored).
// Throws dossier::Error as Searcher::search does.
ActorDateTable actor_by_date(Searcher& searcher, const SearchRequest& request);

// "actor,type,bucket,count" with one header line.
std::string actor_date_table_text(const ActorDateTable& table, TableFormat format);

}  // namespace dossier
