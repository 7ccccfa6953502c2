#include "dossier/facets/facets.h"

#include <algorithm>
#include <map>
#include <random>

#include <gtest/gtest.h>

#include "dossier/schema/schema.h"

namespace {

using dossier::ActorCountSpy;
using dossier::schema::ActorCode;

Xapian::Document doc_with_actors(const std::vector<std::string>& ids) {
  std::string slot;
  for (const auto& id : ids)
    dossier::schema::append_actor_code(slot, dossier::schema::actor_code(id));
  Xapian::Document doc;
  doc.add_value(dossier::schema::kSlotActors, slot);
  return doc;
}

std::map<ActorCode, Xapian::doccount> as_map(const ActorCountSpy& spy) {
  std::map<ActorCode, Xapian::doccount> out;
  spy.for_each_count([&](unsigned, Xapian::doccount n, const auto& code) {
    EXPECT_TRUE(out.emplace(code(), n).second) << "each code listed once";
  });
  return out;
}

// The spy against a plain map over many documents: enough distinct actors to make the
// table grow several times, and counts that survive the growth.
TEST(ActorCountSpy, CountsEveryActorOfEveryDocumentLikeAMap) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> actor(0, 5000), per_doc(0, 12);
  ActorCountSpy spy(dossier::schema::kSlotActors);
  std::map<ActorCode, Xapian::doccount> expected;
  for (int d = 0; d < 2000; ++d) {
    std::vector<std::string> ids;
    for (int k = per_doc(rng); k > 0; --k) ids.push_back("person:p" + std::to_string(actor(rng)));
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (const auto& id : ids) ++expected[dossier::schema::actor_code(id)];
    spy(doc_with_actors(ids), 1.0);
  }
  EXPECT_EQ(spy.documents_seen(), 2000u);
  EXPECT_EQ(as_map(spy), expected);
}

TEST(ActorCountSpy, ClearForgetsCountsButCountsAgain) {
  ActorCountSpy spy(dossier::schema::kSlotActors);
  spy(doc_with_actors({"org:a", "org:b"}), 1.0);
  spy(doc_with_actors({"org:a"}), 1.0);
  spy.clear();
  EXPECT_TRUE(as_map(spy).empty());
  EXPECT_EQ(spy.documents_seen(), 0u);
  spy(doc_with_actors({"org:b"}), 1.0);
  const auto counts = as_map(spy);
  ASSERT_EQ(counts.size(), 1u);
  EXPECT_EQ(counts.at(dossier::schema::actor_code("org:b")), 1u);
}

TEST(ActorCountSpy, MergedResultsAddUp) {
  ActorCountSpy a(dossier::schema::kSlotActors), b(dossier::schema::kSlotActors);
  a(doc_with_actors({"place:x", "country:y"}), 1.0);
  b(doc_with_actors({"place:x"}), 1.0);
  b(doc_with_actors({"person:z"}), 1.0);
  ActorCountSpy merged(dossier::schema::kSlotActors);
  merged.merge_results(a.serialise_results());
  merged.merge_results(b.serialise_results());
  EXPECT_EQ(merged.documents_seen(), 3u);
  const auto counts = as_map(merged);
  EXPECT_EQ(counts.at(dossier::schema::actor_code("place:x")), 2u);
  EXPECT_EQ(counts.at(dossier::schema::actor_code("country:y")), 1u);
  EXPECT_EQ(counts.at(dossier::schema::actor_code("person:z")), 1u);
  merged.merge_results("");  // nothing to add
  EXPECT_EQ(merged.documents_seen(), 3u);
}

// Codes by docid, with gaps: a deleted document and one without actors have none.
TEST(SlotValueTable, LoadsOnlyOnceAsManyValuesWereReadAsThereAreDocuments) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* day : {"20240102", "", "20240101", "20240102", "20240103"}) {
    Xapian::Document doc;
    if (*day) doc.add_value(dossier::schema::kSlotDate, day);
    db.add_document(doc);
  }
  db.delete_document(5);
  db.commit();
  dossier::SlotValueTable table(dossier::schema::kSlotDate);
  table.prepare(db);
  EXPECT_FALSE(table.loaded());  // nothing read yet: a single search never pays for it
  table.read(3);
  table.prepare(db);
  EXPECT_FALSE(table.loaded());
  table.read(1);  // 4 read, 4 documents
  table.prepare(db);
  ASSERT_TRUE(table.loaded());
  const auto value_of = [&](Xapian::docid did) {
    const std::uint32_t n = table.number_of(did);
    return n == 0 ? std::string("-") : table.value(n);
  };
  EXPECT_EQ(value_of(1), "20240102");
  EXPECT_EQ(value_of(2), "-");  // no value
  EXPECT_EQ(value_of(3), "20240101");
  EXPECT_EQ(table.number_of(4), table.number_of(1));  // one number per distinct value
  EXPECT_EQ(value_of(5), "-");                        // deleted
  EXPECT_EQ(value_of(99), "-");                       // beyond the last docid
  EXPECT_EQ(table.value_count(), 2u);
  table.forget();
  EXPECT_FALSE(table.loaded());
  table.prepare(db);
  EXPECT_FALSE(table.loaded());  // what was read counted for the old revision only
}

// Counting from the table must give Xapian's own value facet: same counts, same top
// values in the same order (frequency, then bytes), ties included.
TEST(SlotValueTable, CountsAndTopValuesAsXapiansValueCountMatchSpy) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  std::mt19937 rng(3);
  std::uniform_int_distribution<int> source(0, 40), coin(0, 1);
  for (int d = 0; d < 600; ++d) {
    Xapian::Document doc;
    const int s = source(rng) % (1 + source(rng));  // small numbers often: ties and a tail
    if (s != 0) doc.add_value(dossier::schema::kSlotSource, "source " + std::to_string(s));
    if (coin(rng)) doc.add_term("m");
    db.add_document(doc);
  }
  db.commit();
  dossier::SlotValueTable table(dossier::schema::kSlotSource);
  table.read(db.get_doccount());
  table.prepare(db);
  ASSERT_TRUE(table.loaded());
  std::vector<Xapian::docid> matches;
  for (auto it = db.postlist_begin("m"); it != db.postlist_end("m"); ++it) matches.push_back(*it);
  const auto counts = table.count(matches);

  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("m"));
  Xapian::ValueCountMatchSpy spy(dossier::schema::kSlotSource);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
  Xapian::doccount with_value = 0;
  for (std::size_t n = 1; n < counts.size(); ++n) with_value += counts[n];
  EXPECT_EQ(counts[0], spy.get_total() - with_value);
  for (const std::size_t size : {1u, 5u, 10u, 100u}) {
    std::vector<std::pair<std::string, Xapian::doccount>> expected;
    for (auto it = spy.top_values_begin(size); it != spy.top_values_end(size); ++it)
      expected.emplace_back(*it, it.get_termfreq());
    EXPECT_EQ(table.top(counts, size), expected) << "top " << size;
  }
}

TEST(ActorCodeTable, HoldsEachDocumentsCodesByDocid) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::vector<std::vector<std::string>> docs = {
      {"person:a", "org:b"}, {"place:c"}, {}, {"country:d", "person:a", "org:e"}};
  for (const auto& ids : docs) db.add_document(doc_with_actors(ids));
  db.delete_document(2);
  db.commit();
  dossier::ActorCodeTable table;
  ASSERT_TRUE(table.load(db, dossier::schema::kSlotActors, 1 << 20, nullptr));
  const auto codes_of = [&](Xapian::docid did) {
    std::vector<ActorCode> codes;
    for (const std::uint32_t entry : table.actors(did)) {
      const ActorCode code = table.code(dossier::ActorCodeTable::number_of(entry));
      // The entry carries the type of the actor it numbers.
      EXPECT_EQ(dossier::ActorCodeTable::type_of(entry), dossier::schema::actor_code_type(code));
      codes.push_back(code);
    }
    return codes;
  };
  const auto code = [](const char* id) { return dossier::schema::actor_code(id); };
  EXPECT_EQ(codes_of(1), (std::vector<ActorCode>{code("person:a"), code("org:b")}));
  EXPECT_TRUE(codes_of(2).empty());  // deleted
  EXPECT_TRUE(codes_of(3).empty());  // no actors
  EXPECT_EQ(codes_of(4),
            (std::vector<ActorCode>{code("country:d"), code("person:a"), code("org:e")}));
  EXPECT_TRUE(codes_of(5).empty());  // beyond the last docid
  EXPECT_TRUE(codes_of(0).empty());

  // The spy counts the same from the table as from the values.
  ActorCountSpy from_values(dossier::schema::kSlotActors), from_table(dossier::schema::kSlotActors);
  from_table.use_table(&table);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query::MatchAll);
  enquire.add_matchspy(&from_values);
  (void)enquire.get_mset(0, 10, db.get_doccount());
  enquire.clear_matchspies();
  enquire.add_matchspy(&from_table);
  (void)enquire.get_mset(0, 10, db.get_doccount());
  EXPECT_EQ(as_map(from_table), as_map(from_values));
  EXPECT_EQ(as_map(from_table).at(code("person:a")), 2u);
  // Both ways visit each actor with its own type.
  for (const ActorCountSpy* spy : {&from_values, &from_table}) {
    std::size_t visited = 0;
    spy->for_each_count([&](unsigned type, Xapian::doccount, const auto& code_of) {
      EXPECT_EQ(type, dossier::schema::actor_code_type(code_of()));
      ++visited;
    });
    EXPECT_EQ(visited, 4u);  // a, b, d, e: c went with its document
  }

  // Too big for the limit: refused, left empty.
  EXPECT_EQ(table.actor_count(), 4u);  // person:a once; place:c was deleted with its document
  EXPECT_FALSE(table.load(db, dossier::schema::kSlotActors, 64, nullptr));
  EXPECT_TRUE(table.empty());
}

TEST(FlatCodeMap, FindsWhatWasPutThroughGrowth) {
  dossier::FlatCodeMap<int> map;
  EXPECT_EQ(map.find(42), nullptr);
  std::mt19937_64 rng(3);
  std::map<std::uint64_t, int> expected;
  for (int i = 0; i < 20000; ++i) {
    const std::uint64_t code = (rng() % 5000) + 1;  // repeats, never 0
    map[code] += i;
    expected[code] += i;
  }
  EXPECT_EQ(map.size(), expected.size());
  for (const auto& [code, value] : expected) {
    ASSERT_NE(map.find(code), nullptr) << code;
    EXPECT_EQ(*map.find(code), value);
  }
  EXPECT_EQ(map.find(5001), nullptr);
  map.clear();
  EXPECT_EQ(map.size(), 0u);
  EXPECT_EQ(map.find(expected.begin()->first), nullptr);
}

}  // namespace

namespace date_buckets {

using dossier::Granularity;

// Every bucket between the first and the last date is listed: a span too long for the
// asked granularity is counted in the first coarser one that fits kMaxDateBuckets.
TEST(DateHistogram, CoarsensASpanOfTooManyBuckets) {
  struct Row {
    std::string first, last;
    Granularity asked;
    Granularity used;
  };
  const std::vector<Row> rows = {
      {"20190101", "20190301", Granularity::Day, Granularity::Day},
      {"19900101", "20170518", Granularity::Day, Granularity::Day},   // 10,000 days
      {"19900101", "20170519", Granularity::Day, Granularity::Week},  // 10,001 days
      {"10000101", "99991231", Granularity::Day, Granularity::Year},  // 9,000 years
      {"10000101", "99991231", Granularity::Month, Granularity::Year},
      {"10000101", "18330101", Granularity::Week, Granularity::Month},  // 9,997 months
      {"20190101", "20190301", Granularity::Year, Granularity::Year},
  };
  for (const auto& r : rows) {
    EXPECT_EQ(dossier::fitting_granularity(r.first, r.last, r.asked), r.used)
        << r.first << ".." << r.last;
    EXPECT_LE(dossier::bucket_labels(r.first, r.last, r.used).size(), dossier::kMaxDateBuckets);
  }
}

TEST(DateHistogram, SaysWhichGranularityItUsed) {
  const auto wide = dossier::date_histogram({{"10000101", 1}, {"99991231", 2}}, Granularity::Day);
  EXPECT_EQ(wide.granularity, Granularity::Year);
  ASSERT_EQ(wide.buckets.size(), 9000u);
  EXPECT_EQ(wide.buckets.front(), (dossier::BucketCount{"1000", 1, std::nullopt}));
  EXPECT_EQ(wide.buckets[1], (dossier::BucketCount{"1001", 0, std::nullopt}));
  EXPECT_EQ(wide.buckets.back(), (dossier::BucketCount{"9999", 2, std::nullopt}));
  const auto narrow = dossier::date_histogram({{"20190130", 1}, {"20190201", 3}}, Granularity::Day);
  EXPECT_EQ(narrow.granularity, Granularity::Day);
  EXPECT_EQ(narrow.buckets, (std::vector<dossier::BucketCount>{{"2019-01-30", 1, std::nullopt},
                                                               {"2019-01-31", 0, std::nullopt},
                                                               {"2019-02-01", 3, std::nullopt}}));
}

}  // namespace date_buckets
