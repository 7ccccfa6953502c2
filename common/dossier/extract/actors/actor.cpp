#include "dossier/extract/actors/actor.h"

#include <array>
#include <utility>

namespace dossier {
namespace {

constexpr std::array<std::pair<ActorType, std::string_view>, 4> kTypeNames{{
    {ActorType::Person, "person"},
    {ActorType::Org, "org"},
    {ActorType::Country, "country"},
    {ActorType::Place, "place"},
}};

}  // namespace

std::string_view to_string(ActorType type) {
  for (const auto& [t, name] : kTypeNames)
    if (t == type) return name;
  return "unknown";
}

std::optional<ActorType> actor_type_from_string(std::string_view name) {
  for (const auto& [t, n] : kTypeNames)
    if (n == name) return t;
  return std::nullopt;
}

}  // namespace dossier
