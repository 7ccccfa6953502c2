// End-to-end: dossier-search --batch on the bundled corpus.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dossier/output/printers_batch.h"
#include "dossier/schema/schema.h"
#include "e2e_support.h"

namespace {

using namespace dossier::e2e;

// Good and bad lines mixed: every kind of input line and every kind of failure.
const std::string kMixedBatch =
    "{\"id\":\"guaido\",\"q\":\"Guaidó\"}\n"
    "{\"id\":\"broken\",\"q\":\"\\\"unbalanced\"}\n"
    "\n"
    "t1\tPompeo OR Shchetinin\n"
    "{\"id\":\"neg\",\"q\":\"Venezuela\",\"limit\":-3}\n"
    "{\"q\":\"x\",\"nosuchkey\":1}\n"
    "{this is not json\n"
    "Venezuela army\n"
    "{\"id\":9,\"q\":\"Maduro\",\"limit\":2,\"offset\":1}\n"
    "nosuchwordanywhere\n";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

class BatchE2E : public dossier::e2e::CorpusDatabase {
 protected:
  static RunResult batch(const std::string& args, const std::string& input) {
    return run(kSearch + " --db " + quote(db_) + " --batch - " + args, input);
  }
  static nlohmann::json single(const std::string& query) {
    const auto r = run(kSearch + " --db " + quote(db_) + " --format json -n 100 " + quote(query));
    return nlohmann::json::parse(r.out);
  }
};

TEST_F(BatchE2E, MixedLinesInOrderWithErrorRecords) {
  const auto r = batch("", kMixedBatch);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err, "");  // JSONL carries the errors itself
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 10u) << r.out;  // header + 9 queries (the blank line is skipped)
  std::vector<nlohmann::json> got;
  for (std::size_t i = 1; i < lines.size(); ++i) got.push_back(nlohmann::json::parse(lines[i]));

  const std::vector<nlohmann::json> ids = {"guaido", "broken", "t1", "neg", 6, 7, 8, 9, 10};
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(got[i]["id"], ids[i]) << lines[i + 1];
    EXPECT_EQ(lines[i + 1].rfind("{\"id\":", 0), 0u) << "id comes first: " << lines[i + 1];
  }
  for (const std::size_t failed : {1, 3, 4, 5}) {
    EXPECT_TRUE(got[failed].contains("error")) << lines[failed + 1];
    EXPECT_FALSE(got[failed].contains("hits")) << lines[failed + 1];
  }
  EXPECT_NE(got[1]["error"].get<std::string>().find("unbalanced quote"), std::string::npos);
  EXPECT_NE(got[3]["error"].get<std::string>().find("\"limit\""), std::string::npos);
  EXPECT_NE(got[4]["error"].get<std::string>().find("unknown key \"nosuchkey\""),
            std::string::npos);
  EXPECT_EQ(got[5]["error"], "not a valid JSON object");

  // Answers equal the single-query JSON, plus the id.
  auto guaido = got[0];
  guaido.erase("id");
  auto expected = single("Guaidó");
  expected["limit"] = 10;
  expected["hits"] = nlohmann::json(expected["hits"].begin(), expected["hits"].begin() + 5);
  EXPECT_EQ(guaido, expected);
  EXPECT_EQ(got[2]["total"], 2);
  EXPECT_EQ(got[7]["offset"], 1);
  EXPECT_EQ(got[7]["hits"].size(), 2u);
  EXPECT_EQ(got[7]["hits"][0]["rank"], 2);
  EXPECT_EQ(got[8]["total"], 0);  // no hits is an answer, not a failure
  for (const auto& g : got) {
    if (!g.contains("error")) {
      EXPECT_EQ(g["total_exact"], true) << g.dump();
    }
  }
}

TEST_F(BatchE2E, FilterFacetAndSortKeysMatchTheCommandLine) {
  const auto r =
      batch("--no-header",
            "{\"id\":\"bad\",\"q\":\"Venezuela\",\"from\":\"2019-13\"}\n"
            "{\"id\":\"f\",\"q\":\"Venezuela\",\"actor\":\"Maduro\",\"to\":\"2019-12\","
            "\"facets\":[\"actor\",\"date\"],\"granularity\":\"year\",\"sort\":\"-date\"}\n");
  EXPECT_EQ(r.exit_code, 2);
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  const auto bad = nlohmann::json::parse(lines[0]);
  EXPECT_NE(bad["error"].get<std::string>().find("2019-13"), std::string::npos) << lines[0];
  auto got = nlohmann::json::parse(lines[1]);
  got.erase("id");
  const auto single_line = run(kSearch + " --db " + quote(db_) +
                               " --format json --actor Maduro --to 2019-12 --facets actor,date "
                               "--granularity year --sort -date Venezuela");
  EXPECT_EQ(got, nlohmann::json::parse(single_line.out));
  EXPECT_TRUE(got.contains("facets"));
}

// Early queries of a batch count actors from each match's value; once the batch has read
// as many as the database holds, from a table of all documents' codes. Both must agree
// with a single search, query after query.
// A batch's later answers come from tables loaded once they pay for themselves (actors,
// dates and sources by docid, document lengths) and from Dossier's own ranking of plain words
// (term_union.h); a single search from Xapian's matcher and spies. Both must agree.
TEST_F(BatchE2E, AnswersStayExactThroughoutABatch) {
  const std::vector<std::string> queries = {"Venezuela", "Maduro", "army OR Russia", "Guaidó",
                                            "oil exports sanctions"};
  std::string input;
  for (int round = 0; round < 4; ++round)
    for (const auto& q : queries) input += q + "\n";
  const std::string options = "--facets actor,date,source --facet-size 50 -n 3";
  const auto r = batch("--no-header " + options, input);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 4 * queries.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto single_line = run(kSearch + " --db " + quote(db_) + " --format json " + options +
                                 " " + quote(queries[i % queries.size()]));
    auto answer = nlohmann::json::parse(lines[i]);
    answer.erase("id");
    EXPECT_EQ(answer, nlohmann::json::parse(single_line.out)) << "line " << i;
  }
}

TEST_F(BatchE2E, AllGoodExitsZero) {
  const auto r = batch("", "Venezuela\nnosuchwordanywhere\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// 8-4-4-4-12 lower-case hex digits. (Written out: std::regex trips a GCC 12 false
// "maybe-uninitialized" warning in the sanitizer build.)
bool looks_like_uuid(const std::string& s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    const char c = s[i];
    if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

TEST_F(BatchE2E, HeaderLineNamesTheDatabase) {
  const auto r = batch("", "Venezuela\n");
  // The format version first, so a script can check it before reading on.
  EXPECT_EQ(lines_of(r.out).at(0).rfind(R"({"format":1,"database":{"uuid":")", 0), 0u) << r.out;
  const auto header = nlohmann::json::parse(lines_of(r.out).at(0));
  EXPECT_EQ(header["format"], dossier::kBatchFormatVersion);
  ASSERT_TRUE(header.contains("database")) << r.out;
  const auto& db = header["database"];
  EXPECT_TRUE(looks_like_uuid(db["uuid"].get<std::string>())) << db;
  EXPECT_EQ(db["revision"].get<int>(), 3);  // the articles, their clusters, the compaction
  EXPECT_EQ(db["documents"], 5);
  EXPECT_EQ(db["schema"], dossier::schema::kSchemaVersion);
  EXPECT_EQ(lines_of(batch("--no-header", "Venezuela\n").out).size(), 1u);
}

TEST_F(BatchE2E, ParallelOutputIsByteIdentical) {
  std::string input = kMixedBatch;
  // Enough queries that threads overtake each other, with a small reorder window.
  for (int i = 0; i < 40; ++i) input += kMixedBatch;
  for (const char* format : {"jsonl", "trec", "tsv"}) {
    const auto one = batch(std::string("--jobs 1 --format ") + format, input);
    const auto four = batch(std::string("--jobs 4 --format ") + format, input);
    EXPECT_EQ(one.exit_code, 2);
    EXPECT_EQ(four.exit_code, 2);
    EXPECT_EQ(one.out, four.out) << format;
    EXPECT_EQ(one.err, four.err) << format;
    EXPECT_FALSE(one.out.empty());
  }
}

// A script that writes a query and waits for its answer before writing the next one: each
// answer must come out before the batch reads on, with one searcher or several (where the
// threads that answer also write, and the input was once tied to the output).
TEST_F(BatchE2E, AnswersEachLineBeforeReadingTheNext) {
  for (const char* jobs : {"1", "2"}) {
    InteractiveBatch batch(kSearch + " --db " + quote(db_) +
                           " --batch - --no-header --format trec -n 1 --jobs " + jobs);
    std::vector<std::string> answers;
    for (const std::string query : {"Venezuela", "Maduro", "army"}) {
      answers.push_back(batch.ask(query));
      if (answers.back().empty()) break;  // no answer: the batch waits for input
    }
    const int status = batch.finish();
    ASSERT_EQ(answers.size(), 3u) << "--jobs " << jobs << ": no answer to query " << answers.size()
                                  << " before the next was written";
    for (std::size_t i = 0; i < answers.size(); ++i) {
      EXPECT_EQ(answers[i].rfind(std::to_string(i + 1) + " Q0 ", 0), 0u) << answers[i];
    }
    EXPECT_EQ(status, 0) << "--jobs " << jobs;
  }
}

// Queries for every article, many at once: each thread builds its own match-all query.
// Copies of Xapian's static Query::MatchAll share one reference count that is not atomic;
// batches like this one crashed about every other run with --jobs 4 before.
TEST_F(BatchE2E, EveryArticleQueriesInParallel) {
  std::string input;
  for (int i = 0; i < 40000; ++i) input += i % 2 ? "{\"q\":\"\",\"limit\":1}\n" : "{\"q\":\"\"}\n";
  const auto one = batch("--jobs 1 --no-header --format trec", input);
  ASSERT_EQ(one.exit_code, 0) << one.err;
  for (int run = 0; run < 3; ++run) {
    const auto four = batch("--jobs 4 --no-header --format trec", input);
    ASSERT_EQ(four.exit_code, 0) << "run " << run << ": " << four.err;
    EXPECT_EQ(four.out, one.out);
  }
}

TEST_F(BatchE2E, TrecRunIsWellFormed) {
  const auto r = batch("--format trec --match any --run-tag mytag -n 1000",
                       "a\tVenezuela\nb\tGuaido Maduro army\nc\tnosuchwordanywhere\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::vector<std::pair<int, double>>> per_query;
  for (const auto& line : lines_of(r.out)) {
    std::istringstream fields(line);
    std::vector<std::string> f;
    for (std::string x; fields >> x;) f.push_back(x);
    ASSERT_EQ(f.size(), 6u) << line;
    EXPECT_EQ(f[1], "Q0");
    EXPECT_EQ(f[5], "mytag");
    per_query[f[0]].emplace_back(std::stoi(f[3]), std::stod(f[4]));
  }
  EXPECT_EQ(per_query.size(), 2u);  // "c" has no hits, so no lines
  for (const auto& [qid, rows] : per_query) {
    EXPECT_EQ(rows.size(), 5u) << qid;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      EXPECT_EQ(rows[i].first, static_cast<int>(i + 1)) << qid;
      if (i > 0) {
        EXPECT_LE(rows[i].second, rows[i - 1].second) << qid;
      }
    }
  }
  // Failures go to stderr, one line each, and the run goes on.
  const auto bad = batch("--format trec", "x\t\"unbalanced\ny\tVenezuela\n");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err,
            "dossier-search: line 1, id x: malformed query '\"unbalanced': unbalanced quote\n");
  EXPECT_EQ(lines_of(bad.out).size(), 5u);
}

// A TREC run prints ids without reading records, from the id order slot, which holds a
// long id cut and hashed: such an id still comes whole, from its record.
TEST(BatchTrec, LongAndShortIdsComeWhole) {
  TempDir dir("e2e_trec_ids");
  const std::string long_id = "feed/" + std::string(240, 'n') + ".html";
  write_file(
      dir / "a.jsonl",
      nlohmann::json{{"id", "short-1"}, {"title", "Harbour"}, {"text", "Harbour talks."}}.dump() +
          "\n" +
          nlohmann::json{{"id", long_id}, {"title", "Harbour"}, {"text", "Harbour talks."}}.dump() +
          "\n");
  ASSERT_EQ(
      run(kIndex + " --quiet --db " + quote(dir / "db") + " " + quote(dir / "a.jsonl")).exit_code,
      0);
  const auto r =
      run(kSearch + " --db " + quote(dir / "db") + " --batch - --format trec", "q\tharbour\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Equal scores: TREC's order, ids in descending byte order.
  const std::string score = r.out.substr(r.out.find(" 1 ") + 3, 8);
  EXPECT_EQ(r.out,
            "q Q0 short-1 1 " + score + " dossier\nq Q0 " + long_id + " 2 " + score + " dossier\n");
}

TEST_F(BatchE2E, CountsEqualSingleQueryTotals) {
  const std::vector<std::string> queries = {"Venezuela",           "Pompeo OR Shchetinin",
                                            "Guaido -Shchetinin",  "\"constant contact\"",
                                            "title:confrontation", "nosuchwordanywhere"};
  std::string input;
  for (const auto& q : queries) input += q + "\n";
  const auto r = batch("--count --no-header", input);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), queries.size());
  for (std::size_t i = 0; i < queries.size(); ++i) {
    const auto j = nlohmann::json::parse(lines[i]);
    EXPECT_EQ(j["total"], single(queries[i])["total"]) << queries[i];
    EXPECT_EQ(j["total_exact"], true);
    EXPECT_FALSE(j.contains("hits"));
  }
  EXPECT_EQ(batch("--count --format trec", "x\n").exit_code, 2);
}

TEST_F(BatchE2E, TablesHaveOneHeaderAndQuoting) {
  const auto csv = batch("--format csv -n 2", "q,1\tVenezuela\n");
  EXPECT_EQ(csv.exit_code, 0) << csv.err;
  const auto lines = lines_of(csv.out);
  ASSERT_EQ(lines.size(), 3u) << csv.out;
  EXPECT_EQ(lines[0], "id,rank,docid,score,date,title");
  EXPECT_EQ(lines[1].rfind("\"q,1\",1,", 0), 0u) << lines[1];
  const auto tsv = batch("--format tsv -n 1", "Venezuela\nGuaido\n");
  const auto rows = lines_of(tsv.out);
  ASSERT_EQ(rows.size(), 3u) << tsv.out;
  EXPECT_EQ(rows[0], "id\trank\tdocid\tscore\tdate\ttitle");
  for (const auto& row : rows) EXPECT_EQ(std::count(row.begin(), row.end(), '\t'), 5) << row;
  const auto counts = batch("--format tsv --count", "Venezuela\n");
  EXPECT_EQ(counts.out, "id\tquery\ttotal\ttotal_exact\n1\tVenezuela\t5\ttrue\n");
}

TEST_F(BatchE2E, TrecTopicFile) {
  TempDir dir("e2e_topics");
  std::ofstream(dir / "topics.txt") << "<top>\n<num> Number: 301\n<title> Shchetinin\n\n"
                                       "<desc> Description:\nSomething long.\n</top>\n"
                                       "<top>\n<num> Number: 302\n<title> Pompeo\n</top>\n";
  const auto r = run(kSearch + " --db " + quote(db_) + " --batch " + quote(dir / "topics.txt") +
                     " --format trec --plain");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  EXPECT_EQ(lines[0].rfind("301 Q0 corpus/000_294354c3b5f7a554.txt 1 ", 0), 0u) << lines[0];
  EXPECT_EQ(lines[1].rfind("302 Q0 ", 0), 0u) << lines[1];
}

// The table counts per (actor, bucket) must add up to the actor facet's counts, over the
// date facet's buckets.
TEST_F(BatchE2E, ActorByDateTableAgreesWithFacets) {
  const auto table = run(kSearch + " --db " + quote(db_) +
                         " --table actor-by-date --facet-size 4 --granularity month Venezuela");
  ASSERT_EQ(table.exit_code, 0) << table.err;
  const auto rows = lines_of(table.out);
  ASSERT_EQ(rows.size(), 9u);
  EXPECT_EQ(rows[0], "actor\ttype\tbucket\tcount");
  const auto facets = run(kSearch + " --db " + quote(db_) +
                          " --format json -n 0 --facets actor,date --facet-size 1000 "
                          "--granularity month Venezuela");
  const auto j = nlohmann::json::parse(facets.out);
  std::map<std::string, int> facet_count, table_count;
  for (const auto& a : j["facets"]["actor"])
    facet_count[a["name"].get<std::string>() + "/" + a["type"].get<std::string>()] = a["count"];
  std::set<std::string> buckets = {"undated"};
  for (const auto& b : j["facets"]["date"]) buckets.insert(b["bucket"].get<std::string>());
  for (std::size_t i = 1; i < rows.size(); ++i) {
    std::istringstream fields(rows[i]);
    std::string actor, type, bucket, count;
    std::getline(fields, actor, '\t');
    std::getline(fields, type, '\t');
    std::getline(fields, bucket, '\t');
    std::getline(fields, count, '\t');
    EXPECT_TRUE(buckets.count(bucket)) << rows[i];
    table_count[actor + "/" + type] += std::stoi(count);
  }
  EXPECT_EQ(table_count.size(), 4u) << table.out;
  for (const auto& [actor, n] : table_count) EXPECT_EQ(n, facet_count[actor]) << actor;
  EXPECT_EQ(
      run(kSearch + " --db " + quote(db_) + " --table actor-by-date nosuchwordanywhere").exit_code,
      1);
}

// In a batch, each query's table counts equal the totals of the equivalent single queries
// (--actor NAME --from BUCKET --to BUCKET QUERY).
TEST_F(BatchE2E, BatchTablesEqualSingleQueryCounts) {
  const auto r =
      batch("--table actor-by-date --facet-size 3 --format csv --granularity month",
            "q1\tVenezuela\n{\"id\":\"q2\",\"q\":\"Maduro\",\"granularity\":\"year\"}\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = lines_of(r.out);
  ASSERT_EQ(rows.size(), 13u);
  EXPECT_EQ(rows[0], "id,actor,type,bucket,count");
  std::set<std::string> ids;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    std::vector<std::string> f;
    std::stringstream fields(rows[i]);
    for (std::string x; std::getline(fields, x, ',');) f.push_back(x);
    ASSERT_EQ(f.size(), 5u) << rows[i];
    ids.insert(f[0]);
    const std::string query = f[0] == "q1" ? "Venezuela" : "Maduro";
    const std::string dates =
        f[3] == "undated" ? quote("date:undated") : "--from " + f[3] + " --to " + f[3];
    const auto single =
        nlohmann::json::parse(run(kSearch + " --db " + quote(db_) + " --format json -n 0 --actor " +
                                  quote(f[1]) + " " + dates + " " + quote(query))
                                  .out);
    EXPECT_EQ(single["total"].get<int>(), std::stoi(f[4])) << rows[i];
  }
  EXPECT_EQ(ids, (std::set<std::string>{"q1", "q2"}));
  // JSONL: one object per query, with the same cells.
  const auto jsonl =
      lines_of(batch("--table actor-by-date --facet-size 3 --no-header", "Venezuela\n").out);
  ASSERT_EQ(jsonl.size(), 1u);
  const auto j = nlohmann::json::parse(jsonl[0]);
  EXPECT_EQ(j["id"], 1);
  EXPECT_TRUE(j["exact"].get<bool>());
  const auto q1_rows = std::count_if(
      rows.begin(), rows.end(), [](const std::string& row) { return row.rfind("q1,", 0) == 0; });
  EXPECT_EQ(j["table"].size(), static_cast<std::size_t>(q1_rows));
}

TEST_F(BatchE2E, RankingOptions) {
  const auto base = single("Venezuela army");
  const auto tuned = nlohmann::json::parse(
      run(kSearch + " --db " + quote(db_) + " --format json --k1 2 --b 0.2 'Venezuela army'").out);
  EXPECT_EQ(tuned["total"], base["total"]);
  EXPECT_NE(tuned["hits"][0]["score"], base["hits"][0]["score"]);
  // Expansion adds words (ORed): never fewer matches, and the filters still hold.
  const auto expanded = nlohmann::json::parse(
      run(kSearch + " --db " + quote(db_) + " --format json --expand 2 Shchetinin").out);
  EXPECT_GE(expanded["total"].get<int>(), single("Shchetinin")["total"].get<int>());
  EXPECT_EQ(expanded["total"].get<int>(), 1);
  EXPECT_EQ(expanded["hits"][0]["id"], "corpus/000_294354c3b5f7a554.txt");
  const auto filtered = nlohmann::json::parse(
      run(kSearch + " --db " + quote(db_) + " --format json --expand 2 --to 2019-01 Venezuela")
          .out);
  EXPECT_EQ(filtered["total"], nlohmann::json::parse(run(kSearch + " --db " + quote(db_) +
                                                         " --format json --to 2019-01 Venezuela")
                                                         .out)["total"]);
}

TEST_F(BatchE2E, UsageErrors) {
  EXPECT_EQ(batch("--format text", "x\n").exit_code, 2);
  EXPECT_EQ(run(kSearch + " --db " + quote(db_) + " --batch - word").exit_code, 2);
  EXPECT_EQ(run(kSearch + " --db " + quote(db_) + " --batch /nonexistent/file").exit_code, 2);
  EXPECT_EQ(run(kSearch + " --db " + quote(db_) + " --format trec x").exit_code, 2);
  EXPECT_EQ(run(kSearch + " --db /nonexistent/db --batch -").exit_code, 2);
  EXPECT_EQ(batch("--table actor-by-date --format trec", "x\n").exit_code, 2);
  EXPECT_EQ(
      run(kSearch + " --db " + quote(db_) + " --table actor-by-date --format json x").exit_code, 2);
}

}  // namespace
