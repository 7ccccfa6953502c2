#include "dossier/input/input_article.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dossier/input/csv_reader.h"

namespace {

// An article file's bytes read as indexing reads them: "title|body".
std::string read_file_bytes(const std::string& bytes) {
  dossier::InputItem item;
  item.id = "c/a.txt";
  const dossier::Article a = dossier::article_from_file(item, bytes);
  return a.title + "|" + a.body;
}

TEST(ArticleFromFile, ByteOrderMarkIsNotText) {
  struct Case {
    const char* bytes;
    const char* expected;
  };
  const Case cases[] = {
      {"\xEF\xBB\xBF"
       "BOM headline here\n\nThe story goes on.\n",
       "BOM headline here|The story goes on."},
      {"\xEF\xBB\xBF\xEF\xBB\xBF"
       "Two marks here\n\nText of it.\n",
       "\xEF\xBB\xBF"
       "Two marks here|Text of it."},
      {"No mark headline\n\n\xEF\xBB\xBF"
       "Later mark stays.\n",
       "No mark headline|\xEF\xBB\xBF"
       "Later mark stays."},
  };
  for (const auto& c : cases) EXPECT_EQ(read_file_bytes(c.bytes), c.expected) << c.bytes;
}

// Every record of a CSV input, fields joined with '|', records with ';'.
std::string read_csv(const std::string& bytes) {
  std::istringstream in(bytes);
  dossier::CsvReader reader(in);
  std::vector<std::string> fields;
  std::size_t line = 0;
  std::string error;
  std::string out;
  while (reader.next(fields, line, error)) {
    if (!out.empty()) out += ';';
    for (std::size_t i = 0; i < fields.size(); ++i) out.append(i ? "|" : "").append(fields[i]);
  }
  return out;
}

TEST(CsvReader, ByteOrderMarkAtTheStartOnly) {
  EXPECT_EQ(read_csv("\xEF\xBB\xBFid,title\na,b\n"), "id|title;a|b");
  EXPECT_EQ(read_csv("\xEF\xBB\xBF\"id\",title\n"), "id|title");
  EXPECT_EQ(read_csv("\xEF\xBB\xBF"), "");
  // The start of a mark and then something else: the bytes are the field's.
  EXPECT_EQ(read_csv("\xEF\xBBx,y\n"), "\xEF\xBBx|y");
  EXPECT_EQ(read_csv("a,b\n\xEF\xBB\xBF"
                     "c,d\n"),
            "a|b;\xEF\xBB\xBF"
            "c|d");
}

}  // namespace
