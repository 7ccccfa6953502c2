// The on-disk layout of sharded databases: the stub file, routing, and how
// open_writable_shards() treats new and existing databases.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>
#include <xapian.h>

#include "dossier/base/errors.h"
#include "dossier/base/hash.h"
#include "dossier/index/writable_index.h"
#include "dossier/schema/schema.h"
#include "dossier/schema/shard_layout.h"

namespace {

namespace fs = std::filesystem;
using dossier::parse_stub;
using dossier::stub_text;

class TempFolder {
 public:
  explicit TempFolder(const std::string& tag)
      : path_(fs::temp_directory_path() /
              ("dossier_shards_" + tag + "_" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempFolder() { fs::remove_all(path_); }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(ShardStub, TextListsTheShardFoldersInOrder) {
  EXPECT_EQ(stub_text(1), "glass shard-0\n");
  EXPECT_EQ(stub_text(3), "glass shard-0\nglass shard-1\nglass shard-2\n");
  EXPECT_EQ(dossier::shard_folder_name(12), "shard-12");
}

TEST(ShardStub, OnlyStubsDossierWritesAreAccepted) {
  const std::vector<std::pair<std::string, std::optional<unsigned>>> cases = {
      {"glass shard-0\n", 1u},
      {"glass shard-0\nglass shard-1\n", 2u},
      {stub_text(11), 11u},
      {"", std::nullopt},
      {"glass shard-0", std::nullopt},                   // no final newline
      {"glass shard-1\nglass shard-0\n", std::nullopt},  // another order routes differently
      {"glass shard-0\nglass shard-2\n", std::nullopt},
      {"auto shard-0\nauto shard-1\n", std::nullopt},
      {"glass /abs/shard-0\n", std::nullopt},
      {"remote localhost:3333\n", std::nullopt},
      {"glass shard-0\n\n", std::nullopt},
  };
  for (const auto& [text, expected] : cases) EXPECT_EQ(parse_stub(text), expected) << text;
}

TEST(ShardRouting, StableHashModuloCount) {
  // fnv1a64 is fixed: these must never change, or existing sharded databases would route
  // updates to the wrong shard.
  EXPECT_EQ(dossier::shard_of("Qa.txt", 1), 0u);
  std::set<unsigned> used;
  for (int i = 0; i < 200; ++i) {
    const std::string id = "Qdoc" + std::to_string(i);
    const unsigned shard = dossier::shard_of(id, 4);
    EXPECT_LT(shard, 4u);
    EXPECT_EQ(shard, dossier::fnv1a64(id) % 4);
    used.insert(shard);
  }
  EXPECT_EQ(used.size(), 4u);  // the hash spreads ids over every shard
}

TEST(ShardStub, WrittenAtomicallyAndReadBack) {
  TempFolder dir("stub");
  dossier::write_stub(dir / "", 2);
  EXPECT_EQ(slurp(dir / "XAPIANDB"), stub_text(2));
  EXPECT_FALSE(fs::exists(dir / "XAPIANDB.tmp"));
  EXPECT_TRUE(dossier::has_stub(dir / ""));
  EXPECT_EQ(dossier::read_stub(dir / ""), 2u);
  dossier::write_stub(dir / "", 3);  // replaced whole
  EXPECT_EQ(dossier::read_stub(dir / ""), 3u);
}

TEST(OpenWritableShards, NewDatabaseGetsTheRequestedLayout) {
  TempFolder dir("open_new");
  {
    auto plain = dossier::open_writable_shards(dir / "plain", 0);
    EXPECT_EQ(plain.shards.size(), 1u);
  }
  EXPECT_TRUE(fs::exists(dir / "plain/iamglass"));
  EXPECT_FALSE(fs::exists(dir / "plain/XAPIANDB"));
  {
    auto sharded = dossier::open_writable_shards(dir / "sharded", 3);
    EXPECT_EQ(sharded.shards.size(), 3u);
    // The stub exists before anything is written, and every shard has the schema
    // committed, whichever shard Xapian reads metadata from.
    EXPECT_EQ(slurp(dir / "sharded/XAPIANDB"), stub_text(3));
    for (int i = 0; i < 3; ++i) {
      const Xapian::Database shard(dir / ("sharded/shard-" + std::to_string(i)));
      EXPECT_EQ(shard.get_metadata(dossier::schema::kSchemaKey),
                std::to_string(dossier::schema::kSchemaVersion));
    }
    EXPECT_EQ(Xapian::Database(dir / "sharded").get_doccount(), 0u);  // opens as one
  }
  // Re-opened with its own count, whether or not --shards repeats it.
  EXPECT_EQ(dossier::open_writable_shards(dir / "sharded", 0).shards.size(), 3u);
  EXPECT_EQ(dossier::open_writable_shards(dir / "sharded", 3).shards.size(), 3u);
  EXPECT_EQ(dossier::open_writable_shards(dir / "plain", 1).shards.size(), 1u);
}

TEST(OpenWritableShards, CreationInterruptedBeforeTheStubIsCompletedByTheNextRun) {
  TempFolder dir("open_resume");
  dossier::open_writable_shards(dir / "db", 2);
  // As if killed after creating the shards, before the stub was renamed into place: the
  // folder is not a database yet, and nothing was written to its shards.
  fs::remove(dir / "db/XAPIANDB");
  std::ofstream(dir / "db/XAPIANDB.tmp") << "glass shard-0\n";
  EXPECT_THROW(Xapian::Database(dir / "db"), Xapian::Error);
  EXPECT_EQ(dossier::open_writable_shards(dir / "db", 2).shards.size(), 2u);
  EXPECT_EQ(slurp(dir / "db/XAPIANDB"), stub_text(2));
  EXPECT_FALSE(fs::exists(dir / "db/XAPIANDB.tmp"));
  EXPECT_EQ(Xapian::Database(dir / "db").get_doccount(), 0u);
}

TEST(OpenWritableShards, AnotherCountForAnExistingDatabaseIsAUsageError) {
  TempFolder dir("open_mismatch");
  dossier::open_writable_shards(dir / "sharded", 2);
  dossier::open_writable_shards(dir / "plain", 1);
  const std::vector<std::pair<std::string, unsigned>> cases = {
      {"sharded", 1}, {"sharded", 3}, {"plain", 2}};
  for (const auto& [name, requested] : cases) {
    try {
      dossier::open_writable_shards(dir / name, requested);
      ADD_FAILURE() << name << " opened with " << requested << " shards";
    } catch (const dossier::Error& e) {
      EXPECT_EQ(e.kind(), dossier::ErrorKind::kUsage);
      EXPECT_NE(std::string(e.what()).find("fixed when a database is created"), std::string::npos)
          << e.what();
    }
  }
}

TEST(OpenWritableShards, AForeignStubIsNotWrittenTo) {
  TempFolder dir("open_foreign");
  fs::create_directories(dir / "db");
  std::ofstream(dir / "db/XAPIANDB") << "remote localhost:3333\n";
  try {
    dossier::open_writable_shards(dir / "db", 0);
    ADD_FAILURE() << "a foreign stub was opened";
  } catch (const dossier::Error& e) {
    EXPECT_EQ(e.kind(), dossier::ErrorKind::kUsage);
    EXPECT_NE(std::string(e.what()).find("did not write"), std::string::npos) << e.what();
  }
}

// Every stub line form Xapian's stub format allows, as dossier-search opens it.
TEST(ParseStubShards, ReadsLocalAndRemoteShards) {
  const auto shards = dossier::parse_stub_shards(
      "# a cluster\n"
      "glass shard-0\n"
      "auto /srv/db/shard-1\r\n"
      "\n"
      "remote 10.0.0.7:5050\n"
      "remote [::1]:6060\n"
      "remote :ssh host xapian-progsrv /srv/db\n",
      "/data/cluster", "STUB");
  std::vector<std::string> described;
  for (const auto& s : shards) {
    described.push_back(std::to_string(static_cast<int>(s.kind)) + "|" + s.path + "|" + s.host +
                        "|" + std::to_string(s.port) + "|" + s.program + "|" + s.args + "|" +
                        s.line);
  }
  EXPECT_EQ(described,
            (std::vector<std::string>{
                "0|/data/cluster/shard-0||0|||glass shard-0",
                "0|/srv/db/shard-1||0|||auto /srv/db/shard-1",
                "1||10.0.0.7|5050|||remote 10.0.0.7:5050",
                "1||::1|6060|||remote [::1]:6060",
                "2|||0|ssh|host xapian-progsrv /srv/db|remote :ssh host xapian-progsrv /srv/db",
            }));
}

TEST(ParseStubShards, RefusesWhatItCannotOpenNamingTheLine) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"glass a\ninmemory\n", "STUB:2: not a database Dossier can search"},
      {"remote host\n", "STUB:1: not a database"},
      {"remote host:0\n", "STUB:1: not a database"},
      {"remote host:70000\n", "STUB:1: not a database"},
      {"remote host:12x\n", "STUB:1: not a database"},
      {"glass\n", "STUB:1: not a database"},
      {"# only a comment\n", "STUB lists no database"},
  };
  for (const auto& [text, message] : cases) {
    try {
      dossier::parse_stub_shards(text, "/d", "STUB");
      ADD_FAILURE() << text;
    } catch (const dossier::Error& e) {
      EXPECT_EQ(e.kind(), dossier::ErrorKind::kUsage);
      EXPECT_EQ(std::string(e.what()).rfind(message, 0), 0u) << e.what();
    }
  }
}

TEST(Partition, ParsesKOfNOnly) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"0/1", "0/1"}, {"2/3", "2/3"},  {"4095/4096", "4095/4096"},
      {"3/3", "-"},   {"0/0", "-"},    {"1", "-"},
      {"-1/3", "-"},  {"1/", "-"},     {"/3", "-"},
      {"a/3", "-"},   {"0/4097", "-"}, {"1/3/", "-"},
  };
  for (const auto& [text, expected] : cases) {
    const auto p = dossier::parse_partition(text);
    EXPECT_EQ(p ? dossier::partition_text(*p) : "-", expected) << text;
  }
}

// Inside a partition, shards split the partition's ids (not all into one shard, as the
// same remainder would when N and the shard count share a factor).
TEST(Partition, ShardsOfAPartitionShareItsArticles) {
  const dossier::Partition p{1, 2};
  std::vector<int> per_shard(2, 0);
  int in = 0;
  for (int i = 0; i < 1000; ++i) {
    const std::string term = "Qcorpus/" + std::to_string(i) + ".txt";
    if (!dossier::in_partition(term, p)) continue;
    ++in;
    ++per_shard[dossier::shard_of(term, 2, p.count)];
  }
  EXPECT_GT(in, 400);
  EXPECT_GT(per_shard[0], in / 3);
  EXPECT_GT(per_shard[1], in / 3);
  EXPECT_EQ(dossier::shard_of("Qx", 3, 1), dossier::shard_of("Qx", 3));
}

}  // namespace
