// The printers of `--table`: actor-by-date and actor-by-actor as TSV/CSV (whole tables,
// or rows per query id for a batch), JSON and GraphML. The tables themselves are counted
// in tables/.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "dossier/output/table_format.h"
#include "dossier/tables/actor_date_table.h"
#include "dossier/tables/actor_network.h"

namespace dossier {

// "actor,type,bucket,count" with one header line.
std::string actor_date_table_text(const ActorDateTable& table, TableFormat format);

// Batch forms. JSON: {"matches":N,"exact":true,"table":[{"actor","type","bucket","count"}]}
// (the counts are always exact: every match is counted). Rows: "id,actor,type,bucket,count"
// without a header, for one query id.
nlohmann::ordered_json actor_date_table_json(const ActorDateTable& table);
std::string actor_date_table_header(TableFormat format, bool with_id);
std::string actor_date_table_rows(const ActorDateTable& table, std::string_view id,
                                  TableFormat format);

// Tidy rows "actor_a,type_a,actor_b,type_b,count,score" (score with 4 decimals).
std::string actor_network_header(TableFormat format, bool with_id);
std::string actor_network_rows(const ActorNetwork& network, std::string_view id,
                               TableFormat format);
std::string actor_network_text(const ActorNetwork& network, TableFormat format);

// {"matches":N,"exact":true,"actors":[{"actor","type","count"}],
//  "pairs":[{"actor_a","type_a","actor_b","type_b","count","score"}]}
nlohmann::ordered_json actor_network_json(const ActorNetwork& network);

// GraphML (Gephi, networkx, igraph): nodes with name, type and article count, undirected
// edges with the pair's article count as weight and its score.
std::string actor_network_graphml(const ActorNetwork& network);

}  // namespace dossier
