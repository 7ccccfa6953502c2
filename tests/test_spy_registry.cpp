// The spies a remote shard rebuilds: what the client serialises, the shard server's
// registry (cluster/spy_registry.h) turns back into a spy that counts as the client's
// would, identities included, and whose results merge into the client's.
#include "dossier/cluster/spy_registry.h"

#include <map>
#include <memory>

#include <gtest/gtest.h>

#include "dossier/facets/facets.h"
#include "dossier/schema/schema.h"
#include "dossier/tables/actor_date_table.h"

namespace {

using dossier::ActorCountSpy;
using dossier::ActorDateSpy;
using dossier::schema::actor_code;
using dossier::schema::ActorCode;

Xapian::Document doc(const std::vector<std::string>& ids, const std::string& day) {
  std::string slot;
  for (const auto& id : ids) dossier::schema::append_actor_code(slot, actor_code(id));
  Xapian::Document d;
  d.add_value(dossier::schema::kSlotActors, slot);
  if (!day.empty()) d.add_value(dossier::schema::kSlotDate, day);
  return d;
}

// "org:eu" is merged into "org:european union": an article naming both counts once.
dossier::FlatCodeMap<ActorCode> identities() {
  dossier::FlatCodeMap<ActorCode> merged;
  merged[actor_code("org:eu")] = actor_code("org:european union");
  return merged;
}

// The spy a shard server builds from `sent` (as RemoteServer does: by name, then
// unserialise()).
std::unique_ptr<Xapian::MatchSpy> rebuilt(const Xapian::MatchSpy& sent) {
  const Xapian::Registry registry = dossier::spy_registry();
  const Xapian::MatchSpy* known = registry.get_match_spy(sent.name());
  EXPECT_NE(known, nullptr) << sent.name() << " is not registered";
  if (!known) return nullptr;
  return std::unique_ptr<Xapian::MatchSpy>(known->unserialise(sent.serialise(), registry));
}

std::map<ActorCode, Xapian::doccount> counts(const ActorCountSpy& spy) {
  std::map<ActorCode, Xapian::doccount> out;
  spy.for_each_count([&](unsigned, Xapian::doccount n, const auto& code) { out[code()] = n; });
  return out;
}

TEST(SpyRegistry, ActorCountSpyCountsIdentitiesOnTheShardAndMerges) {
  const auto merged = identities();
  ActorCountSpy client(dossier::schema::kSlotActors);
  client.use_identity(&merged);
  auto shard = rebuilt(client);
  ASSERT_NE(shard, nullptr);
  (*shard)(doc({"org:eu", "org:european union", "country:france"}, "20190101"), 1.0);
  (*shard)(doc({"org:eu"}, ""), 1.0);
  client(doc({"country:france"}, "20190102"), 1.0);  // a local shard's match
  client.merge_results(shard->serialise_results());
  EXPECT_EQ(client.documents_seen(), 3u);
  EXPECT_EQ(counts(client),
            (std::map<ActorCode, Xapian::doccount>{{actor_code("org:european union"), 2},
                                                   {actor_code("country:france"), 2}}));
}

TEST(SpyRegistry, ActorDateSpyCountsIdentitiesPerDayOnTheShardAndMerges) {
  const auto merged = identities();
  ActorDateSpy client(&merged);
  auto shard = rebuilt(client);
  ASSERT_NE(shard, nullptr);
  (*shard)(doc({"org:eu", "org:european union"}, "20190101"), 1.0);
  (*shard)(doc({"org:eu"}, ""), 1.0);
  client(doc({"org:european union"}, "20190101"), 1.0);
  client.merge_results(shard->serialise_results());
  EXPECT_EQ(client.seen(), 3u);
  const std::map<std::string, Xapian::doccount> expected{{"", 1}, {"20190101", 2}};
  ASSERT_EQ(client.counts().size(), 1u);
  EXPECT_EQ(client.counts().at(actor_code("org:european union")), expected);
}

TEST(SpyRegistry, MalformedIdentitiesAreASerialisationError) {
  const Xapian::Registry registry = dossier::spy_registry();
  const Xapian::MatchSpy* known = registry.get_match_spy("Dossier::ActorDateSpy");
  ASSERT_NE(known, nullptr);
  EXPECT_THROW(delete known->unserialise("12345", registry), Xapian::SerialisationError);
  const Xapian::MatchSpy* facet = registry.get_match_spy("Dossier::ActorCountSpy");
  ASSERT_NE(facet, nullptr);
  EXPECT_THROW(delete facet->unserialise("1234", registry), Xapian::SerialisationError);
}

}  // namespace
