// The tables `--table` answers a query with instead of hits, parsed once at the edge.
#pragma once

#include <optional>
#include <string_view>

namespace dossier {

enum class TableKind {
  kActorByDate,   // matching articles per top actor and date bucket (actor_date_table.h)
  kActorByActor,  // matching articles per pair of top actors (actor_network.h)
};

inline std::optional<TableKind> table_kind_from_string(std::string_view name) {
  if (name == "actor-by-date") return TableKind::kActorByDate;
  if (name == "actor-by-actor") return TableKind::kActorByActor;
  return std::nullopt;
}

}  // namespace dossier
