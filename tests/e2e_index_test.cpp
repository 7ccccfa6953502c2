// End-to-end tests of dossier-index at scale: incremental runs, --prune, crashes and
// signals, hostile input, the writer lock, write errors, JSONL input, --jobs, and all of
// these again for sharded databases (--shards).
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <set>
#include <thread>

#include <gtest/gtest.h>
#include <xapian.h>
#include <nlohmann/json.hpp>

#include "dossier/base/hash.h"
#include "dossier/schema/document_data.h"
#include "dossier/schema/record_codec.h"
#include "dossier/schema/schema.h"
#include "e2e_support.h"

namespace {

namespace fs = std::filesystem;
using namespace dossier::e2e;

// A small article whose words are drawn from a fixed pool by `n`, plus a word only it has.
std::string article_text(int n) {
  static const char* const kWords[] = {"harbour", "minister", "election", "pipeline", "treaty",
                                       "budget",  "protest",  "summit",   "railway",  "drought",
                                       "tariff",  "court",    "senate",   "festival", "vaccine"};
  std::string text = "Report number " + std::to_string(n) + " on the " + kWords[n % 15] +
                     " and the " + kWords[(n / 15) % 15] + "\n\n";
  for (int i = 0; i < 30; ++i) text += std::string(kWords[(n * 7 + i * 3) % 15]) + " ";
  text += "marker" + std::string(1, static_cast<char>('a' + n % 26)) +
          std::string(1, static_cast<char>('a' + (n / 26) % 26)) + ".\n";
  return text;
}

RunResult index(const std::string& db, const std::string& args) {
  return run(kIndex + " --db " + quote(db) + " " + args);
}

nlohmann::json search_json(const std::string& db, const std::string& query) {
  const auto r = run(kSearch + " --db " + quote(db) + " --format json -n 50 " + quote(query));
  EXPECT_LE(r.exit_code, 1) << r.err;
  return nlohmann::json::parse(r.out);
}

std::set<std::string> id_terms(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::set<std::string> ids;
  for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) ids.insert(*t);
  return ids;
}

Xapian::doccount doc_count(const std::string& db_path) {
  return Xapian::Database(db_path).get_doccount();
}

// The "did you mean" dictionary: each word with its article count (over shards, summed),
// and the database's spelling state.
std::map<std::string, Xapian::doccount> spelling_data(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::map<std::string, Xapian::doccount> words;
  for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w) words[*w] = w.get_termfreq();
  return words;
}

std::string spelling_state(const std::string& db_path) {
  return Xapian::Database(db_path).get_metadata(dossier::schema::kSpellingKey);
}

// Same documents and same answers to a few searches (scores and order included).
void expect_same_database(const std::string& a, const std::string& b) {
  EXPECT_EQ(id_terms(a), id_terms(b));
  EXPECT_EQ(spelling_state(a), dossier::schema::kSpellingVersion);
  EXPECT_EQ(spelling_data(a), spelling_data(b));
  for (const char* q : {"harbour treaty", "minister", "\"the budget\"", "markeraa OR markerzb"})
    EXPECT_EQ(search_json(a, q), search_json(b, q)) << q;
}

// Same documents and same answers (scores and the order of equal scores included): a
// sharded database against a plain one.
void expect_same_answers(const std::string& sharded, const std::string& plain) {
  EXPECT_EQ(id_terms(sharded), id_terms(plain));
  EXPECT_EQ(spelling_data(sharded), spelling_data(plain));
  for (const char* q : {"harbour treaty", "minister", "\"the budget\"", "markeraa OR markerzb"})
    EXPECT_EQ(search_json(sharded, q), search_json(plain, q)) << q;
}

// Which shard (by folder) holds each id term of the sharded database at `db`.
std::map<std::string, unsigned> shard_of_ids(const std::string& db, unsigned shards) {
  std::map<std::string, unsigned> where;
  for (unsigned i = 0; i < shards; ++i) {
    for (const auto& id : id_terms(db + "/shard-" + std::to_string(i))) where[id] = i;
  }
  return where;
}

// Every document is in the shard its id routes to (fnv1a64 of the id term modulo N).
void expect_routed(const std::string& db, unsigned shards) {
  std::size_t total = 0;
  for (const auto& [id, shard] : shard_of_ids(db, shards)) {
    EXPECT_EQ(shard, dossier::fnv1a64(id) % shards) << id;
    ++total;
  }
  EXPECT_EQ(total, doc_count(db)) << "an id is in two shards";
}

// Starts dossier-index in the background (output discarded); returns its pid.
pid_t spawn_indexer(const std::vector<std::string>& args) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    std::vector<char*> argv{const_cast<char*>(kIndex.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(kIndex.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

// Waits until the database at `db` has at least `n` committed documents.
bool wait_for_commit(const std::string& db, Xapian::doccount n) {
  for (int i = 0; i < 2000; ++i) {
    try {
      if (Xapian::Database(db).get_doccount() >= n) return true;
    } catch (const Xapian::Error&) {
      // not created yet
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

int wait_exit(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Indexes one generated corpus with one and with four analysis threads (`options` given
// to both, four threads committing often): the databases must be identical, docids
// included, so search results agree down to the order of ties.
void expect_same_database_whatever_the_jobs(const std::string& name, const std::string& options,
                                            int files) {
  TempDir dir(name);
  const auto corpus = dir / "corpus";
  for (int i = 0; i < files; ++i)
    write_file(corpus + "/d" + std::to_string(i % 7) + "/f" + std::to_string(i) + ".txt",
               article_text(i));
  ASSERT_EQ(index(dir / "one", options + "--jobs 1 " + quote(corpus)).exit_code, 0);
  ASSERT_EQ(index(dir / "four", options + "--jobs 4 --commit-every 7 " + quote(corpus)).exit_code,
            0);
  expect_same_database(dir / "one", dir / "four");
}

TEST(IndexIncremental, OnlyChangedFilesAreReanalysedAndPruneRemovesGoneOnes) {
  TempDir dir("idx_incr");
  const auto corpus = dir / "corpus", db = dir / "db";
  for (int i = 0; i < 4; ++i)
    write_file(corpus + "/a" + std::to_string(i) + ".txt", article_text(i));
  auto r = index(db, quote(corpus));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("4 added, 0 updated, 0 unchanged, 0 removed, 0 skipped"), std::string::npos)
      << r.out;

  write_file(corpus + "/a0.txt", article_text(0) + "Zanzibar appended.\n");  // changed
  write_file(corpus + "/new.txt", article_text(10));                         // new
  fs::remove(corpus + "/a1.txt");                                            // gone
  // Same bytes, new mtime: read and hashed, but not re-analysed.
  fs::last_write_time(corpus + "/a2.txt", fs::file_time_type::clock::now());
  r = index(db, quote(corpus));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("1 added, 1 updated, 2 unchanged, 0 removed, 0 skipped"), std::string::npos)
      << r.out;
  EXPECT_EQ(doc_count(db), 5u);  // a1 is kept without --prune
  EXPECT_EQ(search_json(db, "zanzibar")["total"], 1);

  r = index(db, "--prune " + quote(corpus));
  EXPECT_NE(r.out.find("0 added, 0 updated, 4 unchanged, 1 removed, 0 skipped"), std::string::npos)
      << r.out;
  EXPECT_EQ(doc_count(db), 4u);
  EXPECT_FALSE(id_terms(db).contains("Qcorpus/a1.txt"));

  // The result equals a clean build of the folder as it is now.
  const auto clean = dir / "clean";
  ASSERT_EQ(index(clean, quote(corpus)).exit_code, 0);
  EXPECT_EQ(id_terms(db), id_terms(clean));
  EXPECT_EQ(search_json(db, "zanzibar")["hits"][0]["id"], "corpus/a0.txt");
}

// Rewrites a database as schema 3 laid it out: each record in the document data, as it is
// (not compressed in kSlotCompressedRecord), and a name term for every actor of an article (schemas
// 3 and 4 wrote the names that schema 5 leaves implied).
void downgrade_to_schema_3(const std::string& db_path) {
  namespace schema = dossier::schema;
  Xapian::WritableDatabase db(db_path);
  schema::RecordCodec records;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    Xapian::Document doc = db.get_document(*it);
    doc.set_data(records.read(doc));
    doc.remove_value(schema::kSlotCompressedRecord);
    std::set<std::string> ids, named;
    const std::string id_prefix = schema::kActorPrefix, name_prefix = schema::kActorNamePrefix;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      const std::string term = *t;
      if (term.rfind(name_prefix, 0) == 0) {
        named.insert(term.substr(name_prefix.size(), term.find('\t') - name_prefix.size()));
      } else if (term.rfind(id_prefix, 0) == 0 && term.size() > id_prefix.size() &&
                 std::islower(static_cast<unsigned char>(term[id_prefix.size()]))) {
        ids.insert(term.substr(id_prefix.size()));
      }
    }
    for (const auto& id : ids) {
      if (named.contains(id)) continue;
      const std::string key = id.substr(id.find(':') + 1);
      doc.add_boolean_term(name_prefix + id + "\t" + schema::implied_actor_name(key));
    }
    db.replace_document(*it, doc);
  }
  db.set_metadata(schema::kSchemaKey, "3");
  db.commit();
}

std::string actors_json(const std::string& db) {
  const auto r = run(kSearch + " --db " + quote(db) + " actors --format json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

// Equal scores rank by article id, not by docid: the answers of a database do not depend
// on the order its articles were indexed in, on a run that skipped one, or on --prune.
TEST(IndexHistory, EqualScoresRankByIdWhateverTheOrderOfIndexing) {
  TempDir dir("idx_tie_history");
  const auto corpus = dir / "corpus", aside = dir / "aside";
  const std::string same = article_text(3);  // six articles, one text: one score
  for (const char* name : {"t0", "t1", "t2", "t3", "t4", "t5"})
    write_file(corpus + "/" + name + ".txt", same);
  ASSERT_EQ(index(dir / "clean", quote(corpus)).exit_code, 0);
  // t0 and t3 come last (later docids), after a run without them; t4 is pruned and
  // comes back (a later docid still).
  fs::create_directories(aside);
  for (const char* name : {"t0.txt", "t3.txt", "t4.txt"})
    fs::rename(corpus + "/" + name, aside + "/" + name);
  ASSERT_EQ(index(dir / "history", quote(corpus)).exit_code, 0);
  fs::rename(aside + "/t4.txt", corpus + "/t4.txt");
  ASSERT_EQ(index(dir / "history", "--prune " + quote(corpus)).exit_code, 0);
  for (const char* name : {"t0.txt", "t3.txt"}) fs::rename(aside + "/" + name, corpus + "/" + name);
  ASSERT_EQ(index(dir / "history", "--prune " + quote(corpus)).exit_code, 0);

  const auto answer = search_json(dir / "history", "harbour");
  std::vector<std::string> ids;
  for (const auto& hit : answer["hits"]) ids.push_back(hit["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"corpus/t0.txt", "corpus/t1.txt", "corpus/t2.txt",
                                           "corpus/t3.txt", "corpus/t4.txt", "corpus/t5.txt"}));
  EXPECT_EQ(answer, search_json(dir / "clean", "harbour"));
  // A page cut through the tie keeps the same members, by Xapian's matcher (a phrase) as by
  // the walk over plain words.
  for (const std::string q : {"-n 2 --offset 3 harbour", "-n 2 --offset 3 '\"the harbour\"'"}) {
    const auto page = [&](const std::string& db) {
      const auto r = run(kSearch + " --db " + quote(db) + " --format json " + q);
      EXPECT_EQ(r.exit_code, 0) << r.err;
      std::vector<std::string> page_ids;
      const auto page_answer = nlohmann::json::parse(r.out);
      for (const auto& hit : page_answer["hits"]) page_ids.push_back(hit["id"]);
      return page_ids;
    };
    EXPECT_EQ(page(dir / "history"), (std::vector<std::string>{"corpus/t3.txt", "corpus/t4.txt"}))
        << q;
    EXPECT_EQ(page(dir / "clean"), page(dir / "history")) << q;
  }
}

TEST(IndexSchema, ASchema3DatabaseIsReadAndUpdatedWithoutARebuild) {
  TempDir dir("idx_schema3");
  const auto corpus = dir / "corpus", db = dir / "db";
  // Names as their keys imply them and otherwise, with votes split between both.
  const char* const kActors[] = {"Tony Blair met BBC chiefs in Paris.\n",
                                 "Officials said Juan Guaid\xC3\xB3 would visit Paris.\n",
                                 "Juan Guaido met Tony Blair.\n"};
  for (int i = 0; i < 6; ++i)
    write_file(corpus + "/a" + std::to_string(i) + ".txt", article_text(i) + kActors[i % 3]);
  ASSERT_EQ(index(db, quote(corpus)).exit_code, 0);
  const auto before = search_json(db, "harbour treaty");
  ASSERT_EQ(before["total"], 2);
  const auto actors_before = actors_json(db);
  ASSERT_NE(actors_before.find("Tony Blair"), std::string::npos) << actors_before;
  downgrade_to_schema_3(db);
  EXPECT_EQ(Xapian::Database(db).get_metadata(dossier::schema::kSchemaKey), "3");
  EXPECT_EQ(search_json(db, "harbour treaty"), before);  // ids, titles, snippets, actors
  EXPECT_EQ(actors_json(db), actors_before);

  // An update writes records where schema 11 keeps them, restamps, and reads both.
  write_file(corpus + "/a0.txt", article_text(0) + "Zanzibar appended.\n");
  auto r = index(db, quote(corpus));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("0 added, 1 updated, 5 unchanged"), std::string::npos) << r.out;
  EXPECT_EQ(Xapian::Database(db).get_metadata(dossier::schema::kSchemaKey),
            std::to_string(dossier::schema::kSchemaVersion));
  std::size_t compressed = 0, in_data = 0;
  const Xapian::Database updated(db);
  for (auto it = updated.postlist_begin(""); it != updated.postlist_end(""); ++it) {
    const Xapian::Document doc = updated.get_document(*it);
    compressed += !doc.get_value(dossier::schema::kSlotCompressedRecord).empty();
    in_data += !doc.get_data().empty();
  }
  EXPECT_EQ(compressed, 1u);  // the article indexed again
  EXPECT_EQ(in_data, 5u);
  const auto clean = dir / "clean";
  ASSERT_EQ(index(clean, quote(corpus)).exit_code, 0);
  expect_same_database(db, clean);
  EXPECT_EQ(search_json(db, "zanzibar"), search_json(clean, "zanzibar"));
  EXPECT_EQ(actors_json(db), actors_json(clean));
}

TEST(IndexSharded, IncrementalRunsPruneAndRestampReachTheRightShard) {
  TempDir dir("idx_sharded");
  const auto corpus = dir / "corpus", db = dir / "db";
  for (int i = 0; i < 40; ++i)
    write_file(corpus + "/a" + std::to_string(i) + ".txt", article_text(i));
  write_file(corpus + "/empty.txt", "");
  const auto report = dir / "report.jsonl";
  auto r = index(db, "--shards 2 --report " + quote(report) + " " + quote(corpus));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("40 added, 0 updated, 0 unchanged, 0 removed, 1 skipped"), std::string::npos)
      << r.out;
  EXPECT_NE(slurp(report).find("empty.txt"), std::string::npos);
  EXPECT_EQ(slurp(db + "/XAPIANDB"), "glass shard-0\nglass shard-1\n");
  expect_routed(db, 2);
  const auto before = shard_of_ids(db, 2);
  EXPECT_EQ(doc_count(db + "/shard-0"), 20u);  // the id hash splits these 40 evenly
  EXPECT_EQ(doc_count(db + "/shard-1"), 20u);

  // One change of each kind, in both shards.
  for (const int i : {0, 1, 2, 3})
    write_file(corpus + "/a" + std::to_string(i) + ".txt",
               article_text(i) + "Zanzibar appended.\n");
  for (const int i : {4, 5, 6, 7}) fs::remove(corpus + "/a" + std::to_string(i) + ".txt");
  for (const int i : {8, 9, 10, 11})
    fs::last_write_time(corpus + "/a" + std::to_string(i) + ".txt",
                        fs::file_time_type::clock::now());
  for (const int i : {100, 101})
    write_file(corpus + "/n" + std::to_string(i) + ".txt", article_text(i));
  r = index(db, quote(corpus));  // the stub decides: 2 shards
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2 added, 4 updated, 32 unchanged, 0 removed, 1 skipped"), std::string::npos)
      << r.out;
  EXPECT_EQ(doc_count(db), 42u);  // updates replaced in place: no duplicate in another shard
  EXPECT_EQ(search_json(db, "zanzibar")["total"], 4);
  // Restamped articles are settled by a stat now.
  r = index(db, quote(corpus));
  EXPECT_NE(r.out.find("0 added, 0 updated, 38 unchanged, 0 removed, 1 skipped"), std::string::npos)
      << r.out;

  r = index(db, "--shards 2 --prune " + quote(corpus));
  EXPECT_NE(r.out.find("0 added, 0 updated, 38 unchanged, 4 removed"), std::string::npos) << r.out;
  EXPECT_EQ(doc_count(db), 38u);
  expect_routed(db, 2);
  for (const auto& [id, shard] : shard_of_ids(db, 2)) {
    if (!before.contains(id)) continue;
    EXPECT_EQ(before.at(id), shard) << id;
  }

  // The result equals a clean plain build of the folder as it is now.
  const auto clean = dir / "clean";
  ASSERT_EQ(index(clean, quote(corpus)).exit_code, 0);
  expect_same_answers(db, clean);
}

TEST(IndexSharded, TheShardCountIsFixedWhenTheDatabaseIsCreated) {
  TempDir dir("idx_shard_count");
  write_file(dir / "c/a.txt", article_text(1));
  ASSERT_EQ(index(dir / "sharded", "--shards 2 " + quote(dir / "c")).exit_code, 0);
  ASSERT_EQ(index(dir / "plain", quote(dir / "c")).exit_code, 0);
  auto r = index(dir / "sharded", "--shards 3 " + quote(dir / "c"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("has 2 shards, not 3"), std::string::npos) << r.err;
  r = index(dir / "plain", "--shards 2 " + quote(dir / "c"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("has 1 shard, not 2"), std::string::npos) << r.err;
  EXPECT_EQ(index(dir / "x", "--shards 0 " + quote(dir / "c")).exit_code, 2);
  EXPECT_FALSE(fs::exists(dir / "x"));
}

TEST(IndexSharded, AnInterruptedCreationIsFinishedNotBuriedUnderAPlainDatabase) {
  TempDir dir("idx_shard_unfinished");
  write_file(dir / "c/a.txt", article_text(1));
  // What a creation killed before its stub leaves: committed, empty shards.
  ASSERT_EQ(index(dir / "db", "--shards 2 " + quote(dir / "c")).exit_code, 0);
  fs::remove(dir / "db/XAPIANDB");
  auto r = index(dir / "db", quote(dir / "c"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unfinished sharded database"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir / "db/iamglass"));
  r = index(dir / "db", "--shards 2 " + quote(dir / "c"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir / "db/XAPIANDB"));
  EXPECT_EQ(doc_count(dir / "db"), 1u);
}

// What Xapian leaves when a creation is killed before its revision file is renamed into
// place (v.tmp -> iamglass): a lock and empty tables, never a committed revision.
void write_killed_creation(const std::string& folder) {
  for (const char* name : {"flintlock", "postlist.glass", "termlist.glass", "v.tmp"})
    write_file(folder + "/" + name, "");
}

TEST(IndexUnfinishedCreation, KilledBeforeTheFirstRevisionFileIsCreatedAfresh) {
  TempDir dir("idx_unborn");
  write_file(dir / "c/a.txt", article_text(1));
  write_killed_creation(dir / "db");
  auto r = index(dir / "db", quote(dir / "c"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(doc_count(dir / "db"), 1u);
  // The same in a shard of a --shards creation killed that early.
  write_killed_creation(dir / "sharded/shard-1");
  r = index(dir / "sharded", "--shards 2 " + quote(dir / "c"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(doc_count(dir / "sharded"), 1u);
}

TEST(IndexUnfinishedCreation, AFolderWithOtherFilesIsNeverTakenForOne) {
  TempDir dir("idx_not_unborn");
  write_file(dir / "c/a.txt", article_text(1));
  write_killed_creation(dir / "db");
  write_file(dir / "db/notes.txt", "mine");
  const auto r = index(dir / "db", quote(dir / "c"));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(slurp(dir / "db/notes.txt"), "mine");
}

TEST(IndexSharded, OutputDoesNotDependOnTheNumberOfThreads) {
  expect_same_database_whatever_the_jobs("idx_shard_jobs", "--shards 2 ", 200);
}

TEST(IndexIncremental, PruneOnlyTouchesTheInputsGiven) {
  TempDir dir("idx_prune_scope");
  const auto one = dir / "one", two = dir / "two", db = dir / "db";
  write_file(one + "/x.txt", article_text(1));
  write_file(two + "/y.txt", article_text(2));
  ASSERT_EQ(index(db, quote(one) + " " + quote(two)).exit_code, 0);
  fs::remove(one + "/x.txt");
  write_file(one + "/z.txt", article_text(3));
  const auto r = index(db, "--prune " + quote(one));
  EXPECT_NE(r.out.find("1 added, 0 updated, 0 unchanged, 1 removed"), std::string::npos) << r.out;
  EXPECT_EQ(id_terms(db), (std::set<std::string>{"Qone/z.txt", "Qtwo/y.txt"}));
}

TEST(IndexIncremental, ChangedSidecarOrOptionsReanalyse) {
  TempDir dir("idx_context");
  const auto corpus = dir / "corpus", db = dir / "db";
  write_file(corpus + "/a.txt", article_text(1));
  write_file(corpus + "/b.txt", article_text(2));
  ASSERT_EQ(index(db, quote(corpus)).exit_code, 0);
  // The sidecar gives a.txt a source: a.txt must be re-analysed although its file is as it was.
  write_file(corpus + "/metadata.jsonl", R"({"id": "a.txt", "source": "Wire"})"
                                         "\n");
  auto r = index(db, quote(corpus));
  EXPECT_NE(r.out.find("0 added, 1 updated, 1 unchanged"), std::string::npos) << r.out;
  // Another date order may read dates differently: everything is re-analysed.
  r = index(db, "--date-order mdy " + quote(corpus));
  EXPECT_NE(r.out.find("0 added, 2 updated, 0 unchanged"), std::string::npos) << r.out;
  r = index(db, "--date-order mdy " + quote(corpus));
  EXPECT_NE(r.out.find("0 added, 0 updated, 2 unchanged"), std::string::npos) << r.out;
}

TEST(IndexIncremental, ChangedOptionsReanalyseJsonlRecords) {
  TempDir dir("idx_context_jsonl");
  const auto input = dir / "a.jsonl", db = dir / "db";
  write_file(input, R"({"id": "a", "title": "Talks", "body": "PARIS 03/04/2019 - Talks went on."})"
                    "\n");
  ASSERT_EQ(index(db, quote(input)).exit_code, 0);
  EXPECT_EQ(search_json(db, "talks")["hits"][0]["date"], "2019-04-03");
  // The record's bytes are as they were, but the options read its dateline differently.
  auto r = index(db, "--date-order mdy " + quote(input));
  EXPECT_NE(r.out.find("0 added, 1 updated, 0 unchanged"), std::string::npos) << r.out;
  EXPECT_EQ(search_json(db, "talks")["hits"][0]["date"], "2019-03-04");
  r = index(db, "--date-order mdy " + quote(input));
  EXPECT_NE(r.out.find("0 added, 0 updated, 1 unchanged"), std::string::npos) << r.out;
}

TEST(IndexJobs, OutputDoesNotDependOnTheNumberOfThreads) {
  expect_same_database_whatever_the_jobs("idx_jobs", "", 300);
}

class IndexCrash : public ::testing::Test {
 protected:
  static constexpr int kFiles = 3000;
  static void SetUpTestSuite() {
    dir_ = new TempDir("idx_crash");
    corpus_ = *dir_ / "corpus";
    for (int i = 0; i < kFiles; ++i)
      write_file(corpus_ + "/" + std::to_string(i % 10) + "/n" + std::to_string(i) + ".txt",
                 article_text(i));
    clean_ = *dir_ / "clean";
    ASSERT_EQ(index(clean_, quote(corpus_)).exit_code, 0);
  }
  static void TearDownTestSuite() { delete dir_; }

  // Re-runs the indexer on a database that holds `committed` articles of the corpus (the
  // last commit of a stopped run): it must add exactly the rest.
  static void expect_rerun_adds_the_rest(const std::string& db, Xapian::doccount committed) {
    const auto r = index(db, quote(corpus_));  // no --shards: the database's own layout
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find(std::to_string(kFiles - committed) + " added, 0 updated, " +
                         std::to_string(committed) + " unchanged"),
              std::string::npos)
        << r.out;
  }

  // Searches `db` while the indexer `pid` is in the middle of writing it, then stops the
  // indexer with SIGTERM and returns its exit code. The indexer is paused first: a search
  // started while it ran on could take longer than the rest of the run on a loaded
  // machine (it did), and the SIGTERM must find it mid-run. Searching works meanwhile:
  // the writer holds the database open and locked, readers see its last commit.
  static int search_then_terminate(pid_t pid, const std::string& db) {
    ::kill(pid, SIGSTOP);
    for (int i = 0; i < 3; ++i) EXPECT_TRUE(search_json(db, "minister").contains("hits"));
    ::kill(pid, SIGTERM);
    ::kill(pid, SIGCONT);
    return wait_exit(pid);
  }

  static TempDir* dir_;
  static std::string corpus_, clean_;
};
TempDir* IndexCrash::dir_ = nullptr;
std::string IndexCrash::corpus_, IndexCrash::clean_;

TEST_F(IndexCrash, KilledMidRunThenRerunGivesTheCleanDatabase) {
  const auto db = *dir_ / "killed";
  const pid_t pid = spawn_indexer({"--db", db, "--commit-every", "20", corpus_});
  ASSERT_TRUE(wait_for_commit(db, 1));
  ::kill(pid, SIGKILL);
  wait_exit(pid);
  const auto committed = doc_count(db);  // opens at its last commit
  EXPECT_GT(committed, 0u);
  EXPECT_LT(committed, static_cast<Xapian::doccount>(kFiles)) << "killed too late to test";
  // The run's spelling changes were held for its last commit: the re-run recounts them.
  EXPECT_EQ(spelling_state(db), dossier::schema::kSpellingPending);
  expect_rerun_adds_the_rest(db, committed);
  expect_same_database(db, clean_);
}

TEST_F(IndexCrash, SigtermCommitsAndExits143) {
  const auto db = *dir_ / "terminated";
  const pid_t pid = spawn_indexer({"--db", db, "--commit-every", "20", corpus_});
  ASSERT_TRUE(wait_for_commit(db, 1));
  EXPECT_EQ(search_then_terminate(pid, db), 143);
  const auto committed = doc_count(db);
  EXPECT_GT(committed, 0u);
  EXPECT_EQ(spelling_state(db), dossier::schema::kSpellingVersion);  // handed over at the end
  // What was read before the signal is committed: the re-run analyses only the rest.
  expect_rerun_adds_the_rest(db, committed);
  expect_same_database(db, clean_);
}

TEST_F(IndexCrash, ShardedKilledMidRunThenRerunGivesTheCleanDatabase) {
  const auto db = *dir_ / "killed_sharded";
  const pid_t pid = spawn_indexer({"--db", db, "--shards", "2", "--commit-every", "20", corpus_});
  ASSERT_TRUE(wait_for_commit(db, 1));
  ::kill(pid, SIGKILL);
  wait_exit(pid);
  const auto committed = doc_count(db);  // every shard opens at its own last commit
  EXPECT_GT(committed, 0u);
  EXPECT_LT(committed, static_cast<Xapian::doccount>(kFiles)) << "killed too late to test";
  expect_rerun_adds_the_rest(db, committed);
  expect_routed(db, 2);
  expect_same_answers(db, clean_);
}

TEST_F(IndexCrash, ShardedSigtermCommitsEveryShardAndExits143) {
  const auto db = *dir_ / "terminated_sharded";
  const pid_t pid = spawn_indexer({"--db", db, "--shards", "3", "--commit-every", "20", corpus_});
  ASSERT_TRUE(wait_for_commit(db, 1));
  EXPECT_EQ(search_then_terminate(pid, db), 143);
  const auto committed = doc_count(db);
  EXPECT_GT(committed, 0u);
  expect_rerun_adds_the_rest(db, committed);
  expect_routed(db, 3);
  expect_same_answers(db, clean_);
}

TEST(IndexHostile, BadInputIsReportedOnceAndNeverStopsTheRun) {
  TempDir dir("idx_hostile");
  const auto c = dir / "corpus";
  write_file(c + "/good.txt", article_text(1));
  write_file(c + "/latin1.txt", "Caf\xE9 owners protest\n\nThe caf\xE9 tax rose by 5 \xA3.\n");
  write_file(c + "/binary.txt", std::string("GIF89a\0\0\x01\x02 binary", 18));
  write_file(c + "/empty.txt", "");
  write_file(c + "/blank.txt", "  \n\n \t\n");
  write_file(c + "/huge.txt", std::string(5000, 'x'));
  fs::create_symlink("/proc/self/mem", c + "/unreadable.txt");  // EIO even for root
  fs::create_symlink("loop.txt", c + "/loop.txt");              // ELOOP
  fs::create_directories(c + "/sub");
  fs::create_directory_symlink("..", c + "/sub/up");  // a folder loop, not followed
  std::string deep = c;
  for (int i = 0; i < 60; ++i) deep += "/level" + std::to_string(i);
  write_file(deep + "/deep.txt", article_text(2));
  write_file(c + "/caf\xE9-name.txt", article_text(3));
  const auto report = dir / "report.jsonl";

  const auto r =
      index(dir / "db", "--max-file-size 4000 --report " + quote(report) + " " + quote(c));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("4 added, 0 updated, 0 unchanged, 0 removed, 6 skipped"), std::string::npos)
      << r.out << r.err;
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"binary.txt", "binary file"}, {"empty.txt", "empty file"},
      {"blank.txt", "empty file"},   {"huge.txt", "larger than --max-file-size"},
      {"unreadable.txt", "error"},   {"loop.txt", "symbolic links"},
      {"up", "not followed"},        {"-name.txt", "not valid UTF-8"}};
  std::vector<std::string> err_lines;
  std::istringstream err(r.err);
  for (std::string line; std::getline(err, line);) err_lines.push_back(line);
  for (const auto& [name, reason] : expected) {
    std::size_t mentions = 0;
    for (const auto& line : err_lines) {
      if (line.find(name) == std::string::npos) continue;
      ++mentions;
      EXPECT_NE(line.find(reason), std::string::npos) << line;
    }
    EXPECT_EQ(mentions, 1u) << name << "\n" << r.err;
  }
  // The report holds the same problems as JSON lines with valid UTF-8.
  std::istringstream lines(dossier::e2e::slurp(report));
  std::size_t n = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    const auto j = nlohmann::json::parse(line);
    EXPECT_TRUE(j.contains("path") && j.contains("reason")) << line;
  }
  EXPECT_EQ(n, expected.size());

  // Repaired text and escaped ids come back as valid UTF-8 JSON.
  EXPECT_EQ(search_json(dir / "db", "café")["hits"][0]["id"], "corpus/latin1.txt");
  const auto escaped = search_json(dir / "db", "markerda");
  ASSERT_EQ(escaped["total"], 1);
  EXPECT_EQ(escaped["hits"][0]["id"], "corpus/caf%E9-name.txt");
  EXPECT_EQ(search_json(dir / "db", "markerca")["total"], 1);  // the deep file
}

// Notes say what is true of the input, and only skipped articles count as skipped.
TEST(IndexMessages, NotesAreAccurateAndRatesCountOnlyWhatWasRead) {
  TempDir dir("idx_messages");
  const auto c = dir / "corpus";
  write_file(c + "/100%.txt", article_text(1));
  write_file(c + "/metadata.jsonl", R"({"id":"100%.txt","date":"2019-02-03"})"
                                    "\n");
  write_file(c + "/metadata.csv", "id,date\n100%.txt,2019-02-04\n");
  const auto r = index(dir / "db", quote(c));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("1 added, 0 updated, 0 unchanged, 0 removed, 0 skipped"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.err, "dossier-index: warning: " + c +
                       "/100%.txt: '%' in the file name is written %25 in its id "
                       "\"100%25.txt\"\n"
                       "dossier-index: warning: " +
                       fs::canonical(c).string() +
                       "/metadata.jsonl: used; metadata.csv beside it is ignored\n");
  // Nothing was read on the second run: no rate to speak of.
  const auto unchanged = index(dir / "db", quote(c));
  EXPECT_NE(unchanged.out.find("0 added, 0 updated, 1 unchanged, 0 removed, 0 skipped"),
            std::string::npos)
      << unchanged.out;
  EXPECT_NE(unchanged.out.find("(0 articles/s, 0.0 MB/s)"), std::string::npos) << unchanged.out;
}

TEST(IndexLock, SecondWriterFailsAtOnce) {
  TempDir dir("idx_lock");
  write_file(dir / "c/a.txt", article_text(1));
  Xapian::WritableDatabase holder(dir / "db", Xapian::DB_CREATE_OR_OPEN);
  const auto r = index(dir / "db", quote(dir / "c"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "dossier-index: database " + (dir / "db") + " is locked by another indexer\n");
}

TEST(IndexOpen, AMissingFolderIsExit2WithTheSystemsReason) {
  TempDir dir("idx_missing_folder");
  write_file(dir / "c/a.txt", article_text(1));
  const std::string db = dir / "no/such/folder/db";
  const auto r = index(db, quote(dir / "c"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "dossier-index: cannot open database " + db + " for writing: " + db +
                       ": mkdir failed (No such file or directory)\n");
}

TEST(IndexLock, SecondWriterOfAShardedDatabaseFailsAtOnce) {
  TempDir dir("idx_lock_sharded");
  write_file(dir / "c/a.txt", article_text(1));
  ASSERT_EQ(index(dir / "db", "--shards 2 " + quote(dir / "c")).exit_code, 0);
  for (const char* shard : {"/shard-0", "/shard-1"}) {
    Xapian::WritableDatabase holder(dir / "db" + shard, Xapian::DB_OPEN);
    const auto r = index(dir / "db", quote(dir / "c"));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "dossier-index: database " + (dir / "db") + " is locked by another indexer\n");
  }
  // And against a running indexer, which holds every shard.
  for (int i = 0; i < 3000; ++i)
    write_file(dir / "c/m/m" + std::to_string(i) + ".txt", article_text(i));
  const pid_t pid = spawn_indexer({"--db", dir / "db", "--commit-every", "20", dir / "c"});
  ASSERT_TRUE(wait_for_commit(dir / "db", 2));
  ::kill(pid, SIGSTOP);  // paused, it cannot finish and unlock before the second one starts
  const auto r = index(dir / "db", quote(dir / "c"));
  ::kill(pid, SIGCONT);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("is locked by another indexer"), std::string::npos) << r.err;
  EXPECT_EQ(wait_exit(pid), 0);
}

// Indexes `corpus` into `db` in one batch with writes past 64 KB failing with EFBIG, as on
// a full disk (SIGXFSZ ignored, so write() returns the error). Xapian's own leak on a
// failed commit is suppressed for sanitizer builds (tests/xapian_commit_leak.supp).
RunResult run_out_of_space(const std::string& db, const std::string& corpus) {
  const std::string suppressions = DOSSIER_SOURCE_DIR "/tests/xapian_commit_leak.supp";
  return run("bash -c " + quote("trap '' XFSZ; ulimit -f 64; LSAN_OPTIONS=suppressions=" +
                                quote(suppressions) + " exec " + kIndex + " --db " + quote(db) +
                                " --commit-every 100000 " + quote(corpus)));
}

// Adds 400 articles to the corpus `c` and indexes them with no room to write: an I/O
// error (exit 3) whose message says the last commit is intact.
void add_articles_and_run_out_of_space(const std::string& db, const std::string& c) {
  for (int i = 0; i < 400; ++i)
    write_file(c + "/more/m" + std::to_string(i) + ".txt", article_text(i));
  const auto r = run_out_of_space(db, c);
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.err.find("dossier-index: cannot"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("last committed state is intact"), std::string::npos) << r.err;
}

TEST(IndexWriteError, FileSizeLimitIsAnIoErrorAndKeepsTheLastCommit) {
  TempDir dir("idx_efbig");
  const auto c = dir / "c", db = dir / "db";
  write_file(c + "/first.txt", article_text(1));
  ASSERT_EQ(index(db, quote(c)).exit_code, 0);
  add_articles_and_run_out_of_space(db, c);
  EXPECT_EQ(id_terms(db), std::set<std::string>{"Qc/first.txt"});
}

TEST(IndexWriteError, ShardedWriteErrorKeepsEveryShardAtItsLastCommit) {
  TempDir dir("idx_efbig_sharded");
  const auto c = dir / "c", db = dir / "db";
  for (int i = 0; i < 4; ++i)
    write_file(c + "/first" + std::to_string(i) + ".txt", article_text(i));
  ASSERT_EQ(index(db, "--shards 2 " + quote(c)).exit_code, 0);
  const auto committed = id_terms(db);
  add_articles_and_run_out_of_space(db, c);
  EXPECT_EQ(id_terms(db), committed);
  // Once there is room again, a re-run completes it.
  const auto rerun = index(db, quote(c));
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_NE(rerun.out.find("400 added, 0 updated, 4 unchanged"), std::string::npos) << rerun.out;
}

// The bytes of a glass folder's tables.
std::uintmax_t table_bytes(const std::string& folder) {
  std::uintmax_t bytes = 0;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.path().extension() == ".glass") bytes += entry.file_size();
  return bytes;
}

Xapian::rev revision_of(const std::string& folder) {
  return Xapian::Database(folder).get_revision();
}

// Whether the last run compacted the database: a compaction's last commit carries the
// revision on (index/compaction.h) and names the revision before it.
bool compacted_by_last_run(const std::string& folder) {
  const Xapian::Database db(folder);
  return db.get_metadata(dossier::schema::kCompactionKey) == std::to_string(db.get_revision() - 1);
}

// Writes `count` articles, each with `extra` appended, into `corpus`.
void write_articles(const std::string& corpus, int count, const std::string& extra = "") {
  for (int i = 0; i < count; ++i)
    write_file(corpus + "/a" + std::to_string(i) + ".txt", article_text(i) + extra);
}

// A build ends compacted, one revision after the same build left as written: smaller,
// with the same documents, spelling data and answers.
TEST(IndexCompaction, ABuildEndsCompactedWithTheSameAnswers) {
  TempDir dir("idx_compact");
  write_articles(dir / "c", 300);
  ASSERT_EQ(index(dir / "plain", "--compact never " + quote(dir / "c")).exit_code, 0);
  const auto r = index(dir / "db", quote(dir / "c"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(revision_of(dir / "db"), revision_of(dir / "plain") + 1);
  EXPECT_TRUE(compacted_by_last_run(dir / "db"));
  EXPECT_FALSE(compacted_by_last_run(dir / "plain"));
  EXPECT_LT(table_bytes(dir / "db"), table_bytes(dir / "plain") * 3 / 4);
  expect_same_database(dir / "db", dir / "plain");
  EXPECT_EQ(search_json(dir / "db", "markeraa")["hits"][0]["id"], "c/a0.txt");
  EXPECT_FALSE(fs::exists(dir / "db.dossier-compacting"));
}

// Only a run that wrote at least half the documents compacts (or any with --compact
// always); a small update adds revisions to the compacted database.
TEST(IndexCompaction, OnlyARunThatRewroteHalfTheDatabaseCompacts) {
  TempDir dir("idx_compact_when");
  const auto c = dir / "c", db = dir / "db";
  write_articles(c, 10);
  ASSERT_EQ(index(db, quote(c)).exit_code, 0);
  EXPECT_TRUE(compacted_by_last_run(db));
  write_file(c + "/a0.txt", article_text(0) + "Zanzibar appended here.\n");
  ASSERT_EQ(index(db, quote(c)).exit_code, 0);  // 1 of 10 written
  EXPECT_FALSE(compacted_by_last_run(db));
  const auto after_update = revision_of(db);
  ASSERT_EQ(index(db, "--compact always " + quote(c)).exit_code, 0);  // nothing written
  EXPECT_EQ(revision_of(db), after_update);
  write_file(c + "/a1.txt", article_text(1) + "Zanzibar appended here.\n");
  ASSERT_EQ(index(db, "--compact always " + quote(c)).exit_code, 0);
  EXPECT_TRUE(compacted_by_last_run(db));
  write_articles(c, 10, "Okavango appended here.\n");  // all 10 updated
  ASSERT_EQ(index(db, "--compact never " + quote(c)).exit_code, 0);
  EXPECT_FALSE(compacted_by_last_run(db));
  write_articles(c, 5, "Limpopo appended here.\n");  // 5 of 10: half
  ASSERT_EQ(index(db, quote(c)).exit_code, 0);
  EXPECT_TRUE(compacted_by_last_run(db));
  EXPECT_EQ(search_json(db, "limpopo")["total"], 5);
  EXPECT_EQ(search_json(db, "okavango")["total"], 5);  // a0-a4 lost it
  const auto bad = index(db, "--compact sometimes " + quote(c));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--compact: sometimes not in {auto,always,never}"), std::string::npos)
      << bad.err;
}

// A reader that has the database open while it is compacted keeps its snapshot; it sees
// the compacted database once it reopens.
TEST(IndexCompaction, AnOpenReaderKeepsItsSnapshotUntilItReopens) {
  TempDir dir("idx_compact_reader");
  const auto c = dir / "c", db = dir / "db";
  write_articles(c, 50);
  ASSERT_EQ(index(db, quote(c)).exit_code, 0);
  Xapian::Database reader(db);
  const auto uuid = reader.get_uuid();
  write_articles(c, 50, "Zanzibar appended here.\n");
  ASSERT_EQ(index(db, quote(c)).exit_code, 0);
  EXPECT_EQ(reader.get_termfreq("zanzibar"), 0u);
  EXPECT_EQ(reader.get_termfreq("markeraa"), 1u);
  Xapian::Enquire old_snapshot(reader);
  old_snapshot.set_query(Xapian::Query("harbour"));
  EXPECT_GT(old_snapshot.get_mset(0, 100).size(), 0u);
  ASSERT_TRUE(reader.reopen());
  EXPECT_NE(reader.get_uuid(), uuid);
  EXPECT_EQ(reader.get_termfreq("zanzibar"), 50u);
  EXPECT_EQ(reader.get_doccount(), 50u);
}

// Every shard is compacted; the answers are those of a plain database.
// Shards are compacted --jobs at a time: three shards with two jobs take two rounds.
TEST(IndexCompaction, EveryShardIsCompacted) {
  TempDir dir("idx_compact_shards");
  write_articles(dir / "c", 60);
  ASSERT_EQ(index(dir / "db", "--shards 3 --jobs 2 " + quote(dir / "c")).exit_code, 0);
  ASSERT_EQ(index(dir / "plain", quote(dir / "c")).exit_code, 0);
  for (const char* shard : {"/shard-0", "/shard-1", "/shard-2"}) {
    EXPECT_TRUE(compacted_by_last_run(dir / "db" + shard)) << shard;
    EXPECT_FALSE(fs::exists(dir / "db" + shard + ".dossier-compacting")) << shard;
  }
  expect_same_answers(dir / "db", dir / "plain");
}

// What a compaction killed before or after its swap leaves beside the database (a copy
// or the old database: Xapian's files only) is removed by the next run; a folder of the
// user's at that name is never touched, and the database is then left uncompacted.
TEST(IndexCompaction, LeftoversAreRemovedAndAFolderOfTheUsersIsNot) {
  TempDir dir("idx_compact_leftover");
  const auto c = dir / "c", db = dir / "db";
  write_articles(c, 10);
  ASSERT_EQ(index(db, quote(c)).exit_code, 0);
  fs::copy(db, db + ".dossier-compacting");
  auto r = index(db, quote(c));  // nothing to write
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_FALSE(fs::exists(db + ".dossier-compacting"));

  write_file(db + ".dossier-compacting/notes.txt", "mine");
  write_articles(c, 10, "Zanzibar appended here.\n");
  r = index(db, quote(c));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "dossier-index: warning: " + db +
                       ".dossier-compacting: not removed: it holds files that are not a "
                       "database's; compaction of " +
                       db +
                       " needs that name\n"
                       "dossier-index: warning: " +
                       db +
                       ": not compacted (the database is "
                       "complete): " +
                       db + ".dossier-compacting is in the way\n");
  EXPECT_EQ(slurp(db + ".dossier-compacting/notes.txt"), "mine");
  EXPECT_FALSE(compacted_by_last_run(db));
  EXPECT_EQ(search_json(db, "zanzibar")["total"], 10);
}

TEST(IndexJsonl, RecordsAreIndexedIncrementallyAndPruned) {
  TempDir dir("idx_jsonl");
  const auto file = dir / "articles.jsonl", db = dir / "db";
  const auto record = [](const std::string& id, const std::string& title, const std::string& body) {
    return nlohmann::json{{"id", id}, {"title", title}, {"body", body}}.dump() + "\n";
  };
  write_file(file, record("r1", "Harbour strike ends", "Dockers return to work.") +
                       record("r2", "Budget vote delayed", "The senate adjourned.") + "not json\n" +
                       record("r3", "Drought worsens", "Farmers wait for rain."));
  auto r = index(db, quote(file));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("3 added, 0 updated, 0 unchanged, 0 removed, 1 skipped"), std::string::npos)
      << r.out;
  EXPECT_NE(r.err.find("articles.jsonl:3"), std::string::npos) << r.err;
  EXPECT_EQ(search_json(db, "dockers")["hits"][0]["id"], "r1");

  write_file(file, record("r1", "Harbour strike ends", "Dockers return to work.") +
                       record("r2", "Budget vote delayed", "The senate adjourned again."));
  r = index(db, "--prune " + quote(file));
  EXPECT_NE(r.out.find("0 added, 1 updated, 1 unchanged, 1 removed, 0 skipped"), std::string::npos)
      << r.out;
  EXPECT_EQ(id_terms(db), (std::set<std::string>{"Qr1", "Qr2"}));
}

}  // namespace

namespace {

// Rewrites a database as schema 5 left it: ids relative to their input folder (the
// leading "<folder>/" dropped), no origin slot, no id scheme in the metadata, records as
// they are in kSlotRecord.
void downgrade_to_schema_5(const std::string& db_path) {
  namespace schema = dossier::schema;
  Xapian::WritableDatabase db(db_path);
  schema::RecordCodec records;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    Xapian::Document doc = db.get_document(*it);
    auto data = dossier::DocumentData::unserialise(records.read(doc));
    doc.remove_term(schema::id_term(data.id));
    data.id = data.id.substr(data.id.find('/') + 1);
    doc.add_boolean_term(schema::id_term(data.id));
    doc.remove_value(schema::kSlotCompressedRecord);
    doc.add_value(schema::kSlotRecord, data.serialise());
    doc.remove_value(schema::kSlotOrigin);
    db.replace_document(*it, doc);
  }
  db.set_metadata(schema::kSchemaKey, "5");
  db.set_metadata(schema::kIdSchemeKey, "");
  db.commit();
}

// Lines of `text` holding `needle`.
std::size_t lines_with(const std::string& text, const std::string& needle) {
  std::istringstream lines(text);
  std::size_t n = 0;
  for (std::string line; std::getline(lines, line);) n += line.find(needle) != std::string::npos;
  return n;
}

TEST(IndexIds, FoldersWithTheSameFileNamesKeepEveryArticle) {
  TempDir dir("idx_ids");
  const auto bbc = dir / "bbc", db = dir / "db";
  for (int i = 0; i < 3; ++i) {
    write_file(bbc + "/business/00" + std::to_string(i) + ".txt", article_text(i));
    write_file(bbc + "/sport/00" + std::to_string(i) + ".txt", article_text(i + 10));
  }
  auto r = index(db, quote(bbc + "/business") + " " + quote(bbc + "/sport"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("6 added, 0 updated, 0 unchanged, 0 removed, 0 skipped"), std::string::npos)
      << r.out;
  EXPECT_EQ(id_terms(db),
            (std::set<std::string>{"Qbusiness/000.txt", "Qbusiness/001.txt", "Qbusiness/002.txt",
                                   "Qsport/000.txt", "Qsport/001.txt", "Qsport/002.txt"}));
  EXPECT_EQ(Xapian::Database(db).get_metadata(dossier::schema::kIdSchemeKey), "folder");
  // Stable across runs, and whatever the path that names the folder.
  r = index(db, quote(bbc + "/business/") + " " + quote(bbc + "/./sport"));
  EXPECT_NE(r.out.find("0 added, 0 updated, 6 unchanged, 0 removed, 0 skipped"), std::string::npos)
      << r.out << r.err;
}

TEST(IndexIds, TwoFoldersOfOneNameNeverReplaceEachOther) {
  TempDir dir("idx_ids_clash");
  const auto db = dir / "db", report = dir / "report.jsonl";
  write_file(dir / "x/news/a.txt", article_text(1));
  write_file(dir / "x/news/b.txt", article_text(2));
  write_file(dir / "y/news/a.txt", article_text(3));
  // In one run: the first input keeps the id, the second file is reported.
  auto r = index(
      db, "--report " + quote(report) + " " + quote(dir / "x/news") + " " + quote(dir / "y/news"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2 added, 0 updated, 0 unchanged, 0 removed, 1 skipped"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.err, "dossier-index: skipped " + (dir / "y/news/a.txt") +
                       ": id \"news/a.txt\" already given by " + (dir / "x/news") + "\n");
  EXPECT_EQ(lines_with(dossier::e2e::slurp(report), "already given by"), 1u);
  EXPECT_EQ(search_json(db, "markerba")["total"], 1);  // x's a.txt
  EXPECT_EQ(search_json(db, "markerda")["total"], 0);  // y's a.txt
  // In a later run: the stored article names its file, which is not replaced.
  r = index(db, quote(dir / "y/news"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("0 added, 0 updated, 0 unchanged, 0 removed, 1 skipped"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.err, "dossier-index: skipped " + (dir / "y/news/a.txt") +
                       ": id \"news/a.txt\" is already the id of " +
                       fs::canonical(dir / "x/news/a.txt").string() + ", which is not replaced\n");
  EXPECT_EQ(search_json(db, "markerba")["total"], 1);
}

TEST(IndexIds, ASchema5DatabaseKeepsItsIdsAndNeverLetsAnotherFolderReplaceThem) {
  TempDir dir("idx_ids_schema5");
  const auto db = dir / "db";
  for (int i = 0; i < 3; ++i) {
    write_file(dir / ("business/00" + std::to_string(i) + ".txt"), article_text(i));
    write_file(dir / ("sport/00" + std::to_string(i) + ".txt"), article_text(i + 10));
  }
  ASSERT_EQ(index(db, quote(dir / "business")).exit_code, 0);
  downgrade_to_schema_5(db);
  write_file(dir / "business/000.txt", article_text(0) + "Zanzibar appended.\n");
  auto r = index(db, quote(dir / "business"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("0 added, 1 updated, 2 unchanged"), std::string::npos) << r.out;
  EXPECT_EQ(id_terms(db), (std::set<std::string>{"Q000.txt", "Q001.txt", "Q002.txt"}));
  const Xapian::Database upgraded(db);
  EXPECT_EQ(upgraded.get_metadata(dossier::schema::kSchemaKey),
            std::to_string(dossier::schema::kSchemaVersion));
  EXPECT_EQ(upgraded.get_metadata(dossier::schema::kIdSchemeKey), "relative");
  // sport's files would take business's ids: reported, business's articles kept.
  r = index(db, quote(dir / "sport"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("0 added, 0 updated, 0 unchanged, 0 removed, 3 skipped"), std::string::npos)
      << r.out;
  EXPECT_EQ(lines_with(r.err, "is already the id of"), 3u) << r.err;
  EXPECT_EQ(search_json(db, "zanzibar")["hits"][0]["id"], "000.txt");
}

TEST(IndexJsonl, DuplicateIdsAreReportedWithTheirLinesAndSkipped) {
  TempDir dir("idx_jsonl_dup");
  const auto file = dir / "articles.jsonl", db = dir / "db", report = dir / "report.jsonl";
  write_file(file, R"({"id": "r1", "text": "Harbour strike ends"})"
                   "\n"
                   R"({"id": "r2", "text": "Budget vote delayed"})"
                   "\n"
                   R"({"id": "r1", "text": "Drought worsens"})"
                   "\n");
  const auto r = index(db, "--report " + quote(report) + " " + quote(file));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2 added, 0 updated, 0 unchanged, 0 removed, 1 skipped"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.err,
            "dossier-index: skipped " + file + ":3: id \"r1\" already given by " + file + ":1\n");
  EXPECT_EQ(lines_with(dossier::e2e::slurp(report), "already given by"), 1u);
  EXPECT_EQ(search_json(db, "harbour")["total"], 1);
  EXPECT_EQ(search_json(db, "drought")["total"], 0);
}

TEST(IndexIds, OneFileOfAFolderHasTheIdAndSidecarItHasThroughItsFolder) {
  TempDir dir("idx_one_file");
  const auto c2 = dir / "c2";
  write_file(c2 + "/a.txt", "Harbour strike ends\n\nDockers return to work.\n");
  write_file(c2 + "/metadata.jsonl",
             R"({"id": "a.txt", "date": "2019-01-05", "title": "Sidecar title", "source": "Wire"})"
             "\n");
  ASSERT_EQ(index(dir / "folder", quote(c2)).exit_code, 0);
  auto r = index(dir / "file", quote(c2 + "/a.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto through_file = search_json(dir / "file", "dockers");
  EXPECT_EQ(through_file["hits"][0]["id"], "c2/a.txt");
  EXPECT_EQ(through_file["hits"][0]["title"], "Sidecar title");
  EXPECT_EQ(through_file["hits"][0]["date"], "2019-01-05");
  EXPECT_EQ(through_file["hits"][0]["date_source"], "metadata");
  EXPECT_EQ(search_json(dir / "folder", "dockers"), through_file);
  // The file updates the article its folder gave.
  r = index(dir / "folder", quote(c2 + "/a.txt"));
  EXPECT_NE(r.out.find("0 added, 0 updated, 1 unchanged, 0 removed, 0 skipped"), std::string::npos)
      << r.out << r.err;
}

TEST(IndexUsage, ADatabaseInsideAnInputFolderIsRefused) {
  TempDir dir("idx_db_inside");
  write_file(dir / "c/a.txt", article_text(1));
  for (const std::string& db : {dir / "c/db", dir / "c", dir / "c/sub/../db"}) {
    const auto r = index(db, quote(dir / "c"));
    EXPECT_EQ(r.exit_code, 2) << db;
    EXPECT_EQ(r.err, "dossier-index: database " + db + " is inside the input folder " +
                         (dir / "c") + "; put it outside the corpus\n");
  }
  EXPECT_FALSE(fs::exists(dir / "c/db"));
  EXPECT_EQ(index(dir / "db", quote(dir / "c")).exit_code, 0);  // beside it is fine
}

TEST(IndexInputs, ArticlesAsPeopleWriteThem) {
  TempDir dir("idx_inputs");
  const auto c = dir / "c";
  write_file(c + "/bom.txt",
             "\xEF\xBB\xBF"
             "BOM headline of a caf&#233;\n\n"
             "PARIS (AFP) - 28 Jan 2019\n\nThe S&#227;o Paulo caf&eacute; shut.\n");
  write_file(c + "/page.html",
             "<html><head><title>Site | Harbour strike</title><script>var hidden = 1;</script>"
             "</head><body><nav>Home World</nav><h1>Harbour strike ends</h1>"
             "<p>By John Smith | January 28, 2019</p><p>Dockers return to <b>work</b>.</p>"
             "</body></html>");
  const auto csv = dir / "news.csv";
  write_file(csv, "id,title,text,date\nn1,Budget vote,\"Senators voted, late.\",2019-02-01\n");
  auto r = index(dir / "db", quote(c) + " " + quote(csv));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const auto cafe = search_json(dir / "db", "café");
  ASSERT_EQ(cafe["total"], 1);
  EXPECT_EQ(cafe["hits"][0]["title"], "BOM headline of a caf\xC3\xA9");
  EXPECT_EQ(cafe["hits"][0]["date"], "2019-01-28");
  EXPECT_EQ(cafe["hits"][0]["date_source"], "dateline");
  const auto dockers = search_json(dir / "db", "dockers");
  ASSERT_EQ(dockers["total"], 1);
  EXPECT_EQ(dockers["hits"][0]["id"], "c/page.html");
  EXPECT_EQ(dockers["hits"][0]["title"], "Harbour strike ends");
  EXPECT_EQ(dockers["hits"][0]["date"], "2019-01-28");
  for (const char* tag : {"hidden", "html", "nav", "body", "script"})
    EXPECT_EQ(search_json(dir / "db", tag)["total"], 0) << tag;
  const auto senators = search_json(dir / "db", "senators");
  ASSERT_EQ(senators["total"], 1);
  EXPECT_EQ(senators["hits"][0]["id"], "n1");
  EXPECT_EQ(senators["hits"][0]["date_source"], "metadata");

  // A CSV file without a header naming its columns is refused, not read as one article.
  const auto ag = dir / "ag.csv";
  write_file(ag, "\"3\",\"Oil prices rise\",\"Crude rose on Monday.\"\n");
  r = index(dir / "db2", quote(ag));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "dossier-index: ag.csv: not read as articles: its first line is no header naming "
            "the columns (no \"text\" (or \"body\") column); add a header line such as "
            "id,title,text,date,source,url or "
            "name the columns with --csv-columns (AG News: --csv-columns class,title,text)\n");
  r = index(dir / "db2", "--csv-columns class,title,text " + quote(ag));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(search_json(dir / "db2", "crude")["hits"][0]["title"], "Oil prices rise");

  // A folder without any article says so; --strict makes it exit 1.
  fs::create_directories(dir / "empty");
  write_file(dir / "empty/notes.md", "Not an article.\n");
  r = index(dir / "db3", quote(dir / "empty"));
  EXPECT_EQ(r.exit_code, 0);
  const std::string note = "dossier-index: skipped " + (dir / "empty") +
                           ": no article in this folder (articles are .txt, .html and .htm "
                           "files; .jsonl and .csv files are read when named as inputs "
                           "themselves)\n";
  EXPECT_EQ(r.err, note);
  r = index(dir / "db3", "--strict " + quote(dir / "empty"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, note);
}

}  // namespace
