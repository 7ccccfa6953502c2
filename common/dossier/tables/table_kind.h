// The tables `--table` answers a query with instead of hits, parsed once at the edge.
#pragma once

#include <optional>
#include <string_view>

#include "dossier/base/enum_names.h"

namespace dossier {

enum class TableKind {
  kActorByDate,   // matching articles per top actor and date bucket (actor_date_table.h)
  kActorByActor,  // matching articles per pair of top actors (actor_network.h)
};

inline constexpr EnumNames<TableKind, 2> kTableKindNames = {{
    {TableKind::kActorByDate, "actor-by-date"},
    {TableKind::kActorByActor, "actor-by-actor"},
}};

inline std::optional<TableKind> table_kind_from_string(std::string_view name) {
  return enum_from_name(kTableKindNames, name);
}

}  // namespace dossier
