#include "dossier/input/input_article.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dossier/input/csv_reader.h"
#include "dossier/input/html_text.h"

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

namespace {

TEST(CharacterReferences, Decoded) {
  struct Case {
    const char* text;
    const char* expected;
  };
  const Case cases[] = {
      {"caf&#233; in S&#227;o Paulo", "caf\xC3\xA9 in S\xC3\xA3o Paulo"},
      {"caf&#xE9; caf&#XE9;", "caf\xC3\xA9 caf\xC3\xA9"},
      {"Tom &amp; Jerry &lt;b&gt; &quot;x&quot;", "Tom & Jerry <b> \"x\""},
      {"&eacute;t&eacute;&nbsp;2019 &pound;5 &euro;3 &mdash; ok",
       "\xC3\xA9t\xC3\xA9\xC2\xA0"
       "2019 \xC2\xA3"
       "5 \xE2\x82\xAC"
       "3 \xE2\x80\x94 ok"},
      {"&#128512;", "\xF0\x9F\x98\x80"},
      // Not references, or references to no character: as written.
      {"AT&T and R&D; &amp", "AT&T and R&D; &amp"},
      {"&nosuchname; &#; &#x; &#0; &#xD800; &#x110000; &#7; &#150;",
       "&nosuchname; &#; &#x; &#0; &#xD800; &#x110000; &#7; &#150;"},
      {"&#99999999999; &Eacute &AMP;", "&#99999999999; &Eacute &AMP;"},
      {"&&amp;;", "&&;"},
      {"", ""},
  };
  for (const auto& c : cases)
    EXPECT_EQ(dossier::decode_character_references(c.text), c.expected) << c.text;
}

TEST(ArticleFromFile, CharacterReferencesInTitleAndText) {
  EXPECT_EQ(read_file_bytes("Caf&#233; owners in S&#227;o Paulo\n\nProfits &amp; losses.\n"),
            "Caf\xC3\xA9 owners in S\xC3\xA3o Paulo|Profits & losses.");
}

// An .html page read as indexing reads it: "title|body".
std::string read_page(const std::string& html) {
  dossier::InputItem item;
  item.id = "c/a.html";
  item.file = "c/a.html";
  const dossier::Article a = dossier::article_from_file(item, html);
  return a.title + "|" + a.body;
}

TEST(ArticleFromFile, HtmlPages) {
  struct Case {
    const char* html;
    const char* expected;
  };
  const Case cases[] = {
      {"<html><head><title>Site - Talks resume</title><style>p{color:red}</style>"
       "<script>var x = 'words';</script></head><body><nav><a href=/>Home</a> "
       "<a href=/w>World news</a></nav><header><h1>Talks resume in Oslo</h1></header>"
       "<p>Ministers met on <b>Monday</b> in the caf&eacute;.</p><!-- a comment here -->"
       "<p>They   agreed\n to meet again.</p><footer>Copyright the site itself</footer>"
       "</body></html>",
       "Talks resume in Oslo|Ministers met on Monday in the caf\xC3\xA9.\nThey agreed to meet "
       "again."},
      {"<title>Only a title here</title><p>First paragraph of text.<br>Second line of it.",
       "Only a title here|First paragraph of text.\nSecond line of it."},
      {"<body><div><p>No title at all, just text.</p><ul><li>One item of the list</li>"
       "<li>Another item of it</li></ul></div></body>",
       // Without <h1> or <title>, the headline is found as in a .txt article.
       "One item of the list|No title at all, just text.\nAnother item of it"},
      {"<p>Broken <i>markup <p>still read fine</b> here", "Broken markup|still read fine here"},
      {"<h1>S\xC3\xA3o Paulo votes</h1><p>LONDON 2019-01-28 - Voters went out.</p>",
       "S\xC3\xA3o Paulo votes|LONDON 2019-01-28 - Voters went out."},
      // Not UTF-8: the page's charset, here Latin-1.
      {"<meta charset=\"iso-8859-1\"><h1>Caf\xE9 news today</h1><p>Text of the story.</p>",
       "Caf\xC3\xA9 news today|Text of the story."},
  };
  for (const auto& c : cases) EXPECT_EQ(read_page(c.html), c.expected) << c.html;
}

}  // namespace
