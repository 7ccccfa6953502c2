#include <gtest/gtest.h>

#include "dossier/base/errors.h"
#include "dossier/output/printers_batch.h"
#include "dossier/output/printers_trec.h"
#include "dossier/output/printers_tsv.h"

namespace {

using dossier::BatchAnswer;
using dossier::TableFormat;

BatchAnswer answer_with_hits(const std::vector<std::pair<std::string, double>>& hits) {
  BatchAnswer a;
  a.query.id = "q 1";
  dossier::SearchResult r;
  r.query = "x";
  r.total = hits.size();
  r.total_exact = true;
  r.limit = 10;
  Xapian::doccount rank = 0;
  for (const auto& [id, score] : hits) {
    dossier::Hit h;
    h.rank = ++rank;
    h.id = id;
    h.title = "T, \"" + id + "\"";
    h.score = score;
    if (id == "d2") h.date = "2019-03-01";
    r.hits.push_back(h);
  }
  a.result = r;
  return a;
}

TEST(TablePrinters, FieldsAreQuotedOrCleaned) {
  struct Case {
    const char* value;
    const char* csv;
    const char* tsv;
  };
  const Case cases[] = {
      {"plain", "plain", "plain"},
      {"a,b", "\"a,b\"", "a,b"},
      {"say \"hi\"", "\"say \"\"hi\"\"\"", "say \"hi\""},
      {"two\nlines", "\"two\nlines\"", "two lines"},
      {"tab\there", "tab\there", "tab here"},
      {"", "", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(dossier::table_field(c.value, TableFormat::kCsv), c.csv) << c.value;
    EXPECT_EQ(dossier::table_field(c.value, TableFormat::kTsv), c.tsv) << c.value;
  }
}

TEST(TablePrinters, HitRows) {
  const auto a = answer_with_hits({{"d1", 2.5}, {"d2", 1.25}});
  const auto& fields = dossier::default_hit_table_fields();
  EXPECT_EQ(dossier::hits_table_header(fields, TableFormat::kCsv),
            "id,rank,docid,score,date,title\n");
  EXPECT_EQ(dossier::hits_table_rows(a, fields, TableFormat::kCsv),
            "q 1,1,d1,2.5,,\"T, \"\"d1\"\"\"\n"
            "q 1,2,d2,1.25,2019-03-01,\"T, \"\"d2\"\"\"\n");
  EXPECT_EQ(dossier::counts_table_row(a, TableFormat::kTsv), "q 1\tx\t2\ttrue\n");
  BatchAnswer failed;
  failed.error = "bad";
  EXPECT_EQ(dossier::hits_table_rows(failed, fields, TableFormat::kTsv), "");
}

TEST(TablePrinters, ChosenFieldsInTheirOrder) {
  auto a = answer_with_hits({{"d1", 2.5}});
  auto& hit = a.result->hits.front();
  hit.snippet = "the **oil**, again";
  hit.actors = {{"Iraq", "country"}, {"Opec", "org"}};
  hit.source = "Reuters";
  hit.url = "https://example.com/a?b=1,2";
  const auto fields =
      dossier::hit_table_fields({"docid", "url", "source", "actors", "snippet", "date_source"});
  EXPECT_EQ(dossier::hits_table_header(fields, TableFormat::kTsv),
            "docid\turl\tsource\tactors\tsnippet\tdate_source\n");
  EXPECT_EQ(dossier::hits_table_rows(a, fields, TableFormat::kCsv),
            "d1,\"https://example.com/a?b=1,2\",Reuters,Iraq (country); Opec (org),"
            "\"the **oil**, again\",\n");
  EXPECT_EQ(dossier::hit_table_fields(dossier::enum_name_list(dossier::kHitFieldNames)).size(),
            dossier::kHitFieldNames.size());
  try {
    dossier::hit_table_fields({"docid", "body"});
    ADD_FAILURE() << "body is no field";
  } catch (const dossier::Error& e) {
    EXPECT_STREQ(e.what(),
                 "unknown field 'body' (id, rank, docid, score, date, date_source, title, "
                 "snippet, actors, source, url)");
  }
  EXPECT_THROW(dossier::hit_table_fields({}), dossier::Error);
}

TEST(TrecPrinter, TiesByDocidDescendingWhitespaceReplaced) {
  const auto a = answer_with_hits({{"b", 3.0}, {"a", 2.0}, {"c", 2.0}, {"x y", 2.0000001}});
  EXPECT_EQ(dossier::trec_run_lines(a, "my run"),
            "q_1 Q0 b 1 3.000000 my_run\n"
            "q_1 Q0 x_y 2 2.000000 my_run\n"
            "q_1 Q0 c 3 2.000000 my_run\n"
            "q_1 Q0 a 4 2.000000 my_run\n");
}

TEST(JsonlPrinters, IdFirstThenResultKeys) {
  const auto a = answer_with_hits({{"d1", 1.0}});
  const auto line = dossier::jsonl_answer_line(a);
  EXPECT_EQ(line.rfind("{\"id\":\"q 1\",\"query\":\"x\",\"total\":1,\"total_exact\":true,", 0), 0u)
      << line;
  EXPECT_EQ(line.back(), '\n');
  EXPECT_EQ(dossier::jsonl_count_line(a),
            "{\"id\":\"q 1\",\"query\":\"x\",\"total\":1,\"total_exact\":true}\n");
  BatchAnswer failed;
  failed.query.id = 3;
  failed.error = "unknown key \"z\"";
  EXPECT_EQ(dossier::jsonl_answer_line(failed), "{\"id\":3,\"error\":\"unknown key \\\"z\\\"\"}\n");
  // Invalid UTF-8 in a query is replaced, never an exception.
  auto bad = a;
  bad.result->query = "caf\xE9";
  EXPECT_NE(dossier::jsonl_count_line(bad).find("caf\xEF\xBF\xBD"), std::string::npos);
}

}  // namespace
