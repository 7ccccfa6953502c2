// `--table actor-by-date`: how many matching articles name each of the top actors, per
// date bucket — a timeline of who is in the news, as a table for spreadsheets and plots.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "dossier/search/searcher.h"
#include "dossier/tables/table_format.h"

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
  std::string query;             // the query it answers
};

// Counts matching documents per (actor, date bucket) in one pass over all matches of
// `request` (its query and filters; paging, sort and facets are ignored).
// Throws dossier::Error as Searcher::search does.
ActorDateTable actor_by_date(Searcher& searcher, const SearchRequest& request);

// "actor,type,bucket,count" with one header line.
std::string actor_date_table_text(const ActorDateTable& table, TableFormat format);

// Batch forms. JSON: {"matches":N,"exact":true,"table":[{"actor","type","bucket","count"}]}
// (the counts are always exact: every match is counted). Rows: "id,actor,type,bucket,count"
// without a header, for one query id.
nlohmann::ordered_json actor_date_table_json(const ActorDateTable& table);
std::string actor_date_table_header(TableFormat format, bool with_id);
std::string actor_date_table_rows(const ActorDateTable& table, std::string_view id,
                                  TableFormat format);

}  // namespace dossier
