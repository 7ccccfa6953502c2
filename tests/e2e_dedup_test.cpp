// Near-duplicates end to end: clusters found at index time, kept right by incremental
// runs, --prune and shards, and shown by `duplicates` and `--collapse`.
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>
#include <nlohmann/json.hpp>

#include "dossier/input/source_stamp.h"
#include "dossier/schema/schema.h"
#include "e2e_support.h"

namespace dossier::e2e {
namespace {

// A story of `paragraphs` paragraphs of plain English-like sentences, different for
// each seed (a linear congruential generator picks the words).
std::vector<std::string> story(std::uint64_t seed, int paragraphs) {
  static const std::vector<std::string> kWords = {
      "minister", "council",   "river",  "harbour", "farmers",  "budget",  "railway", "court",
      "village",  "engineers", "storm",  "pension", "school",   "bridge",  "miners",  "festival",
      "election", "factory",   "museum", "drought", "hospital", "airport", "treaty",  "senate",
      "union",    "market",    "forest", "coast",   "teachers", "police",  "harvest", "tunnel"};
  static const std::vector<std::string> kVerbs = {"said",    "warned", "agreed", "rejected",
                                                  "visited", "closed", "opened", "promised"};
  std::vector<std::string> out;
  std::uint64_t x = seed;
  const auto pick = [&](const std::vector<std::string>& from) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return from[(x >> 33) % from.size()];
  };
  // A word of its own, so a query can find the story.
  static const std::vector<std::string> kNames = {"Alder", "Zelda",  "Brisk",
                                                  "Quill", "Tamsin", "Orrin"};
  for (int p = 0; p < paragraphs; ++p) {
    std::string paragraph = p == 0 ? "Codename " + kNames[seed % kNames.size()] + ". " : "";
    if (p == 0 && seed == 1) paragraph += "Prime Minister Boris Johnson visited the coast. ";
    for (int s = 0; s < 3; ++s) {
      paragraph += "The " + pick(kWords) + " " + pick(kVerbs) + " the " + pick(kWords) +
                   " of the " + pick(kWords) + " and the " + pick(kWords) + " near the " +
                   pick(kWords) + ". ";
    }
    out.push_back(paragraph);
  }
  return out;
}

std::string join(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const auto& p : paragraphs) out += (out.empty() ? "" : "\\n") + p;
  return out;
}

// A market report or a results page: one template, other names and figures.
std::string market_report(const std::string& company, int a, int b) {
  return "Shares of " + company + " rose " + std::to_string(a) + " percent to " +
         std::to_string(b) + " dollars on Monday. " + company + " reported revenue of " +
         std::to_string(a * 3) + " million dollars, against " + std::to_string(b * 2) +
         " million a year earlier. Analysts at " + company + " expected " + std::to_string(a + b) +
         " million. The index closed " + std::to_string(b - a) + " points higher at " +
         std::to_string(a * 100 + b) + ". Trading volume was " + std::to_string(a * b) +
         " million shares, against " + std::to_string(a + 7) + " million on Friday. Bond yields " +
         "fell to " + std::to_string(b / 10) + " percent, and the dollar rose " +
         std::to_string(a + 1) + " cents against the yen in late trading.";
}

std::string results(const std::string& home, const std::string& away, int h, int a) {
  return home + " beat " + away + " " + std::to_string(h) + "-" + std::to_string(a) +
         " at home on Saturday. " + home + " scored " + std::to_string(h) + " times and " + away +
         " " + std::to_string(a) + ". " + home + " now lead the table by " + std::to_string(h + a) +
         " points, and " + away + " drop to " + std::to_string(h * 3) + "th place. A crowd of " +
         std::to_string(h * 9000 + a) + " saw " + home + " take the lead after " +
         std::to_string(h * 11) + " minutes. " + away + " replied after " + std::to_string(a * 17) +
         " minutes, but " + home + " scored again after " + std::to_string(h * 23) + " minutes. " +
         home + " play " + away + " again in " + std::to_string(a + 5) + " weeks.";
}

std::string record(const std::string& id, const std::string& title, const std::string& body,
                   const std::string& date, const std::string& source) {
  std::string line = R"({"id":")" + id + R"(","title":")" + title + R"(","body":")" + body + "\"";
  if (!date.empty()) line += R"(,"date":")" + date + "\"";
  return line + R"(,"source":")" + source + "\"}\n";
}

struct Corpus {
  bool with_original = true;     // s1-orig, the representative of story 1
  bool s2_copy_changed = false;  // s2-copy rewritten into another story
};

std::string corpus(const Corpus& c) {
  const auto s1 = story(1, 8);
  auto dropped = s1;
  dropped.erase(dropped.begin() + 2);
  std::string out;
  if (c.with_original) out += record("s1-orig", "Storm hits coast", join(s1), "2020-03-02", "wire");
  out += record("s1-reheaded", "Coast counts the cost", join(s1), "2020-03-03", "site-a");
  out += record("s1-trimmed", "Storm hits coast",
                join(std::vector<std::string>(s1.begin(), s1.begin() + 6)), "2020-03-03", "site-b");
  out += record("s1-boilerplate", "Storm hits coast",
                join(s1) + "\\nREAD MORE: Ten things to know\\nSubscribe to our newsletter",
                "2020-03-04", "site-c");
  out += record("s1-dropped", "Storm hits coast", join(dropped), "", "site-d");
  out += record("s2-orig", "Budget talks", join(story(2, 6)), "2020-03-01", "wire");
  out += record("s2-copy", "Budget talks", join(story(c.s2_copy_changed ? 5 : 2, 6)), "2020-03-01",
                "site-a");
  out += record("s3", "Museum opens", join(story(3, 6)), "2020-03-05", "wire");
  out += record("m1", "Markets", market_report("Acme", 3, 45), "2020-03-02", "wire");
  out += record("m2", "Markets", market_report("Globex", 5, 71), "2020-03-02", "wire");
  out += record("m3", "Markets", market_report("Initech", 2, 19), "2020-03-03", "site-a");
  out += record("f1", "Results", results("Rovers", "United", 3, 1), "2020-03-07", "wire");
  out += record("f2", "Results", results("City", "Albion", 2, 0), "2020-03-07", "wire");
  return out;
}

RunResult index(const std::string& db, const std::string& file, const std::string& extra = "") {
  return run(kIndex + " --quiet --db " + quote(db) + " " + extra + " " + quote(file));
}

std::string duplicates(const std::string& db, const std::string& args = "--format json") {
  const auto r = run(kSearch + " --db " + quote(db) + " duplicates " + args);
  EXPECT_LE(r.exit_code, 1) << r.err;
  return r.out;
}

const std::string kStory1 =
    R"({"size":5,"members":[{"id":"s1-orig","source":"wire","date":"2020-03-02"},)"
    R"({"id":"s1-reheaded","source":"site-a","date":"2020-03-03"},)"
    R"({"id":"s1-trimmed","source":"site-b","date":"2020-03-03"},)"
    R"({"id":"s1-boilerplate","source":"site-c","date":"2020-03-04"},)"
    R"({"id":"s1-dropped","source":"site-d","date":null}]})"
    "\n";
// Equal dates: the smaller id represents.
const std::string kStory2 =
    R"({"size":2,"members":[{"id":"s2-copy","source":"site-a","date":"2020-03-01"},)"
    R"({"id":"s2-orig","source":"wire","date":"2020-03-01"}]})"
    "\n";

TEST(Dedup, ClustersCopiesAndNotTemplates) {
  TempDir dir("dedup_clusters");
  const auto file = dir / "news.jsonl", db = dir / "db";
  std::ofstream(file) << corpus({});
  ASSERT_EQ(index(db, file).exit_code, 0);
  EXPECT_EQ(duplicates(db), kStory1 + kStory2);
  EXPECT_EQ(duplicates(db, "--format json zelda"), kStory1);
  EXPECT_EQ(duplicates(db, "zelda"),
            "5 copies\n  s1-orig  2020-03-02  wire\n  s1-reheaded  2020-03-03  site-a\n"
            "  s1-trimmed  2020-03-03  site-b\n  s1-boilerplate  2020-03-04  site-c\n"
            "  s1-dropped  undated  site-d\n");
  const auto none = run(kSearch + " --db " + quote(db) + " duplicates analysts");
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_EQ(none.out, "");
}

TEST(Dedup, CollapseCountsClusters) {
  TempDir dir("dedup_collapse");
  const auto file = dir / "news.jsonl", db = dir / "db";
  std::ofstream(file) << corpus({});
  ASSERT_EQ(index(db, file).exit_code, 0);
  const std::string search = kSearch + " --db " + quote(db) + " --format json --limit 1 ";
  // 13 articles, 8 stories.
  const auto all = run(search + "--collapse --facets source,date --granularity month --sort date");
  ASSERT_EQ(all.exit_code, 0) << all.err;
  // The best-ranked article of a cluster stands for it (equal dates and scores: the first
  // indexed); the others are its duplicates.
  EXPECT_EQ(all.out.substr(0, all.out.find("\"snippet\"")),
            R"({"query":"","total":8,"total_raw":13,"total_exact":true,"offset":0,"limit":1,)"
            R"("hits":[{"rank":1,"id":"s2-orig","title":"Budget talks","score":0.0,)");
  EXPECT_EQ(
      all.out.substr(all.out.find("\"date\":\"2020-03-01\"")),
      R"("date":"2020-03-01","date_source":"metadata","source":"wire","url":null,"actors":[],)"
      R"("copies":2,)"
      R"("duplicates":[{"id":"s2-copy","source":"site-a","date":"2020-03-01"}]}],)"
      R"("facets":{"date":[{"bucket":"2020-03","count":8,"count_raw":12}],"granularity":"month",)"
      R"("undated":1,)"
      R"("undated_raw":1,"source":[{"source":"wire","count":7,"count_raw":7},)"
      R"({"source":"site-a","count":3,"count_raw":3},{"source":"site-b","count":1,)"
      R"("count_raw":1},{"source":"site-c","count":1,"count_raw":1},{"source":"site-d",)"
      R"("count":1,"count_raw":1}],"exact":true}})"
      "\n");
  // Story 1's five articles are one hit; without --collapse, five.
  const auto storm = run(search + "--collapse zelda");
  EXPECT_NE(storm.out.find(R"("total":1,"total_raw":5,)"), std::string::npos) << storm.out;
  EXPECT_NE(storm.out.find(R"("copies":5,"duplicates":[{"id":"s1-orig")"), std::string::npos)
      << storm.out;
  const auto actors =
      run(kSearch + " --db " + quote(db) + " --format json --collapse --facets actor zelda");
  EXPECT_NE(actors.out.find(R"({"name":"Boris Johnson","type":"person","count":1,"count_raw":5})"),
            std::string::npos)
      << actors.out;
  // With a filter too: Xapian's own uncollapsed total undercounted filtered matches.
  const auto filtered = run(search + "--collapse --actor 'Boris Johnson' zelda");
  EXPECT_NE(filtered.out.find(R"("total":1,"total_raw":5,"total_exact":true,)"), std::string::npos)
      << filtered.out;
  const auto raw = run(search + "zelda");
  EXPECT_NE(raw.out.find(R"("total":5,"total_exact":true)"), std::string::npos) << raw.out;
  EXPECT_EQ(raw.out.find("copies"), std::string::npos) << raw.out;
  // A batch line asks with "collapse".
  const auto batch = run(kSearch + " --db " + quote(db) + " --batch - --no-header --limit 0",
                         "{\"id\":1,\"q\":\"zelda\",\"collapse\":true}\n");
  EXPECT_EQ(batch.out,
            R"({"id":1,"query":"zelda","total":1,"total_raw":5,"total_exact":true,"offset":0,)"
            R"("limit":0,"hits":[]})"
            "\n");
  // The significant facet compares clusters with clusters: story 1's five articles are one
  // cluster among the database's 8 (13 articles), so Boris Johnson, named by all five and
  // nowhere else, is 1 of 1 matching cluster and 1 of 8 clusters (G2 = 2 (8 ln 8 - 7 ln 7)
  // = 6.03), where by articles he was 5 of 5 and 5 of 13 (G2 = 17.32).
  const std::string significant = kSearch + " --db " + quote(db) +
                                  " --format json -n 0 --facets significant --facet-size 1 zelda";
  const auto collapsed = run(significant + " --collapse");
  ASSERT_EQ(collapsed.exit_code, 0) << collapsed.err;
  EXPECT_EQ(collapsed.out,
            R"({"query":"zelda","total":1,"total_raw":5,"total_exact":true,"offset":0,"limit":0,)"
            R"("hits":[],"facets":{"significant":[{"name":"Boris Johnson","type":"person",)"
            R"("count":1,"count_raw":5,"corpus_count":1,"corpus_count_raw":5,"score":6.03}],)"
            R"("exact":true}})"
            "\n");
  const auto text = run(kSearch + " --db " + quote(db) +
                        " -n 0 --collapse --facets significant --facet-size 1 zelda");
  EXPECT_EQ(text.out,
            "1 match, copies collapsed (5 articles)\n\n"
            "Significant actors (matching clusters / all clusters, G2):\n"
            "       1 /      1  Boris Johnson (person)  6.0\n");
  const auto articles = run(significant);
  EXPECT_EQ(articles.out,
            R"({"query":"zelda","total":5,"total_exact":true,"offset":0,"limit":0,"hits":[],)"
            R"("facets":{"significant":[{"name":"Boris Johnson","type":"person","count":5,)"
            R"("corpus_count":5,"score":17.32}],"exact":true}})"
            "\n");
}

// A batch's later collapsed answers come from the ranking walk (term_union.h), which
// keeps each cluster's best match itself, and from tables by docid (clusters, actors,
// dates, sources, folders); a single search from Xapian's collapse key and a pass over the
// clustered matches. Both must agree, for words the walk ranks and words it does not.
TEST(Dedup, CollapsedBatchEqualsSingleSearches) {
  TempDir dir("dedup_batch");
  const auto file = dir / "news.jsonl", db = dir / "db";
  std::ofstream(file) << corpus({});
  ASSERT_EQ(index(db, file).exit_code, 0);
  const std::vector<std::string> queries = {"zelda",       "coast OR budget", "minister",
                                            "storm coast", "shares OR zelda", "codename"};
  std::string input;
  for (int round = 0; round < 4; ++round)
    for (const auto& q : queries) input += q + "\n";
  const std::string options =
      " --db " + quote(db) +
      " --collapse --facets actor,date,source,significant --facet-size 50 -n 3 ";
  const auto batch = run(kSearch + options + "--batch - --no-header", input);
  ASSERT_EQ(batch.exit_code, 0) << batch.err;
  std::istringstream lines(batch.out);
  std::size_t i = 0;
  for (std::string line; std::getline(lines, line); ++i) {
    const auto single =
        run(kSearch + options + "--format json " + quote(queries[i % queries.size()]));
    auto answer = nlohmann::json::parse(line);
    answer.erase("id");
    EXPECT_EQ(answer, nlohmann::json::parse(single.out)) << "line " << i;
  }
  EXPECT_EQ(i, 4 * queries.size());
}

// Folders count clusters too: story 1 in wire/ and twice in sites/ (a copy and a trimmed
// copy), story 2 once in sites/: wire 1, sites 2 clusters (3 articles).
TEST(Dedup, CollapsedFolderFacet) {
  TempDir dir("dedup_folders");
  const std::string corpus = dir / "corpus", db = dir / "db";
  std::filesystem::create_directories(corpus + "/wire");
  std::filesystem::create_directories(corpus + "/sites");
  const auto text = [](const std::vector<std::string>& paragraphs) {
    std::string out = "Storm hits coast\n\n";
    for (const auto& p : paragraphs) out += p + "\n\n";
    return out;
  };
  const auto s1 = story(1, 8);
  std::ofstream(corpus + "/wire/s1.txt") << text(s1);
  std::ofstream(corpus + "/sites/s1-copy.txt") << text(s1);
  std::ofstream(corpus + "/sites/s1-trimmed.txt")
      << text(std::vector<std::string>(s1.begin(), s1.begin() + 6));
  std::ofstream(corpus + "/sites/s2.txt") << text(story(2, 6));
  ASSERT_EQ(index(db, corpus).exit_code, 0);
  const auto r =
      run(kSearch + " --db " + quote(db) + " --format json -n 0 --collapse --facets folder");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, R"({"query":"","total":2,"total_raw":4,"total_exact":true,"offset":0,"limit":0,)"
                   R"("hits":[],"facets":{"folder":[{"folder":"sites","count":2,"count_raw":3},)"
                   R"({"folder":"wire","count":1,"count_raw":1}],"exact":true}})"
                   "\n");
}

// A report and its update with other figures throughout resemble each other (estimated
// resemblance about 0.7) but are not copies: 15% of the update's shingles are new, where
// a trimmed copy's are all in the original.
TEST(Dedup, AnUpdateWithOtherFiguresIsNotACopy) {
  TempDir dir("dedup_update");
  const auto file = dir / "news.jsonl", db = dir / "db";
  const auto report = [](int shift) {
    std::vector<std::string> paragraphs = story(6, 8);
    for (std::size_t p = 0; p < paragraphs.size(); ++p) {
      paragraphs[p] += "Prices rose " + std::to_string(p + shift) + " percent to " +
                       std::to_string(10 * p + shift) + " dollars.";
    }
    return paragraphs;
  };
  const auto morning = report(2);
  std::ofstream(file) << record("r-morning", "Markets at noon", join(morning), "2020-03-02", "wire")
                      << record("r-closing", "Markets at the close", join(report(5)), "2020-03-02",
                                "wire")
                      << record(
                             "r-trimmed", "Markets at noon",
                             join(std::vector<std::string>(morning.begin(), morning.begin() + 6)),
                             "2020-03-02", "site-a");
  ASSERT_EQ(index(db, file).exit_code, 0);
  EXPECT_EQ(duplicates(db),
            R"({"size":2,"members":[{"id":"r-morning","source":"wire","date":"2020-03-02"},)"
            R"({"id":"r-trimmed","source":"site-a","date":"2020-03-02"}]})"
            "\n");
}

// Incremental runs, --prune and shards give a clean build's clusters.
TEST(Dedup, IncrementalPruneAndShards) {
  TempDir dir("dedup_incremental");
  const auto file = dir / "news.jsonl", db = dir / "db", clean = dir / "clean",
             sharded = dir / "sharded";
  std::ofstream(file) << corpus({});
  ASSERT_EQ(index(db, file).exit_code, 0);
  ASSERT_EQ(index(sharded, file, "--shards 3").exit_code, 0);
  EXPECT_EQ(duplicates(sharded), kStory1 + kStory2);

  // The representative goes: the next member represents.
  std::ofstream(file) << corpus({.with_original = false});
  ASSERT_EQ(index(db, file, "--prune").exit_code, 0);
  ASSERT_EQ(index(sharded, file, "--prune").exit_code, 0);
  const std::string story1_without_original =
      R"({"size":4,"members":[{"id":"s1-reheaded","source":"site-a","date":"2020-03-03"},)"
      R"({"id":"s1-trimmed","source":"site-b","date":"2020-03-03"},)"
      R"({"id":"s1-boilerplate","source":"site-c","date":"2020-03-04"},)"
      R"({"id":"s1-dropped","source":"site-d","date":null}]})"
      "\n";
  EXPECT_EQ(duplicates(db), story1_without_original + kStory2);
  EXPECT_EQ(duplicates(sharded), story1_without_original + kStory2);

  // A changed article is clustered anew; the original comes back.
  std::ofstream(file) << corpus({.s2_copy_changed = true});
  ASSERT_EQ(index(db, file, "--prune").exit_code, 0);
  ASSERT_EQ(index(sharded, file, "--prune").exit_code, 0);
  ASSERT_EQ(index(clean, file).exit_code, 0);
  EXPECT_EQ(duplicates(clean), kStory1);
  EXPECT_EQ(duplicates(db), kStory1);
  EXPECT_EQ(duplicates(sharded), kStory1);
  // An unchanged run writes nothing.
  const auto again = index(db, file);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(duplicates(db), kStory1);
}

// Rewrites a database as signature version 2 left it: 32-bit bins whose low halves are
// version 3's (the high halves made up here), a band term per band (hex, 20 bytes), and
// stamps made in another context (the signature version is part of the context hash).
void sign_as_version_2(const std::string& db_path) {
  Xapian::WritableDatabase db(db_path);
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    Xapian::Document doc = db.get_document(*it);
    const std::string bins = doc.get_value(schema::kSlotSignature);
    std::string wide;
    for (std::size_t i = 0; i + 2 <= bins.size(); i += 2)
      wide += std::string{'\x5a', static_cast<char>(i / 2)} + bins.substr(i, 2);
    for (std::size_t band = 0; 8 * band + 8 <= wide.size() && band < 20; ++band) {
      std::string term = "XD";
      char hex[3];
      std::snprintf(hex, sizeof hex, "%02zx", band);
      term += hex;
      for (std::size_t k = 0; k < 8; ++k) {
        std::snprintf(hex, sizeof hex, "%02x", static_cast<unsigned char>(wide[8 * band + k]));
        term += hex;
      }
      doc.add_boolean_term(term);
    }
    if (!wide.empty()) doc.add_value(schema::kSlotSignature, wide);
    auto stamp = *SourceStamp::decode(doc.get_value(schema::kSlotSourceStamp));
    stamp.context_hash ^= 1;
    doc.add_value(schema::kSlotSourceStamp, stamp.encode());
    db.replace_document(*it, doc);
  }
  db.commit();
}

// How many articles have a signature of each size (bytes), and how many XD terms there are.
std::map<std::string, std::size_t> signature_layout(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::map<std::string, std::size_t> layout;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
    ++layout[std::to_string(db.get_document(*it).get_value(schema::kSlotSignature).size()) +
             " bytes"];
  for (auto t = db.allterms_begin("XD"); t != db.allterms_end("XD"); ++t) ++layout["XD terms"];
  return layout;
}

// Every article's stored signature, by id term.
std::map<std::string, std::string> signatures(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::map<std::string, std::string> out;
  for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t)
    out[*t] = db.get_document(*db.postlist_begin(*t)).get_value(schema::kSlotSignature);
  return out;
}

// A database signed by version 2 clusters as it is: a run over one of its inputs
// re-analyses that input's articles, and the others, not yet re-analysed, cluster with
// them through their old signatures; a run over the other input makes it a clean build's.
TEST(Dedup, Version2SignaturesClusterUntilReanalysed) {
  TempDir dir("dedup_upgrade");
  const auto a = dir / "a.jsonl", b = dir / "b.jsonl", db = dir / "db", clean = dir / "clean";
  {
    // Records alternate between the files: both stories have members in each.
    std::istringstream records(corpus({}));
    std::ofstream to_a(a), to_b(b);
    int n = 0;
    for (std::string line; std::getline(records, line); ++n) (n % 2 ? to_b : to_a) << line << "\n";
  }
  ASSERT_EQ(index(db, a, quote(b)).exit_code, 0);
  ASSERT_EQ(index(clean, a, quote(b)).exit_code, 0);
  sign_as_version_2(db);
  EXPECT_EQ(signature_layout(db),
            (std::map<std::string, std::size_t>{{"512 bytes", 13}, {"XD terms", 167}}));

  const auto first = run(kIndex + " --db " + quote(db) + " " + quote(a));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("0 added, 7 updated, 0 unchanged"), std::string::npos) << first.out;
  EXPECT_EQ(signature_layout(db), (std::map<std::string, std::size_t>{
                                      {"256 bytes", 7}, {"512 bytes", 6}, {"XD terms", 99}}));
  EXPECT_EQ(duplicates(db), kStory1 + kStory2);

  ASSERT_EQ(index(db, b).exit_code, 0);
  EXPECT_EQ(signature_layout(db), (std::map<std::string, std::size_t>{{"256 bytes", 13}}));
  EXPECT_EQ(signatures(db), signatures(clean));
  EXPECT_EQ(duplicates(db), kStory1 + kStory2);
}

}  // namespace
}  // namespace dossier::e2e
