#include "dossier/input/input_article.h"

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dossier/base/utf8.h"
#include "dossier/input/csv_articles.h"
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

// Found by the `web` fuzz harness (its input is kept in tests/fuzz/regressions/web/): a
// page that starts with UTF-8's byte-order mark and holds NULs and other bytes after it
// came back from libxml2 with a lone byte ("&\x94"). Title and text are valid UTF-8
// whatever the bytes.
TEST(HtmlPage, ABrokenPageAfterAByteOrderMarkComesOutAsValidUtf8) {
  std::ifstream in(
      std::string(DOSSIER_SOURCE_DIR) + "/tests/fuzz/regressions/web/bom_then_invalid_bytes.html",
      std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), {}};
  ASSERT_EQ(bytes.size(), 303u);
  const auto page = dossier::read_html_page(bytes);
  EXPECT_EQ(page.title, "");
  EXPECT_TRUE(dossier::is_valid_utf8(page.text));
  EXPECT_EQ(page.text.substr(0, 65),
            "class,title,desack (Reu `p &\xE2\x80\x9DReuters - Short-sellers, Wall Stre");
}

}  // namespace

namespace {

// Every record of a CSV file of articles, rendered like "L2 id=a title=T date=... text=X"
// or "L3 !reason", joined with '\n'; or "throws: message".
std::string read_csv_articles(const std::string& bytes, std::vector<std::string> columns = {}) {
  std::istringstream in(bytes);
  try {
    dossier::CsvArticleReader reader(in, "news.csv", std::move(columns));
    std::string out;
    while (auto record = reader.next()) {
      if (!out.empty()) out += '\n';
      if (const auto* issue = std::get_if<dossier::LineIssue>(&*record)) {
        out.append("L").append(std::to_string(issue->line)).append(" !").append(issue->reason);
        continue;
      }
      const auto& a = std::get<dossier::JsonlArticle>(*record);
      out.append("L").append(std::to_string(a.line)).append(" id=").append(a.id);
      if (!a.title.empty()) out.append(" title=").append(a.title);
      if (a.date) out.append(" date=").append(a.date->iso());
      if (!a.source.empty()) out.append(" source=").append(a.source);
      if (!a.url.empty()) out.append(" url=").append(a.url);
      out.append(" text=").append(a.text);
    }
    return out;
  } catch (const std::exception& e) {
    return std::string("throws: ") + e.what();
  }
}

TEST(CsvArticles, HeaderNamesTheColumns) {
  EXPECT_EQ(read_csv_articles("\xEF\xBB\xBFID,Title,Text,Date,Source,URL,extra\n"
                              "a1,\"Talks, again\",Ministers met.,2019-01-23,Wire,http://x,z\n"
                              "\n"
                              "a2,,\"Two\nlines\",,,,\n"
                              "a3,T,x,2019-02-30,,,\n"
                              "a4,T,x\n"
                              ",T,x,,,,\n"
                              "a6,,,,,,\n"
                              "a7,\"bad\"quote,x,,,,\n"),
            "L2 id=a1 title=Talks, again date=2019-01-23 source=Wire url=http://x "
            "text=Ministers met.\n"
            "L4 id=a2 text=Two\nlines\n"
            "L6 !bad \"date\": day 30 does not exist in 2019-02 (\"2019-02-30\")\n"
            "L7 !expected 7 fields, found 3\n"
            "L8 !empty \"id\"\n"
            "L9 !empty text and title\n"
            "L10 !malformed CSV: unexpected text after a closing quote");
  // No id column: the file's name and the record's line.
  EXPECT_EQ(read_csv_articles("title,body\nOne,First text.\nTwo,Second text.\n"),
            "L2 id=news.csv:2 title=One text=First text.\nL3 id=news.csv:3 title=Two "
            "text=Second text.");
}

TEST(CsvArticles, ColumnsGivenForFilesWithoutHeader) {
  // AG News: class,title,description; the class is ignored.
  EXPECT_EQ(read_csv_articles("\"3\",\"Oil prices rise\",\"Crude rose &#36;2.\"\n"
                              "\"4\",\"Chips sell\",\"Sales grew.\"\n",
                              {"class", "title", "text"}),
            "L1 id=news.csv:1 title=Oil prices rise text=Crude rose &#36;2.\n"
            "L2 id=news.csv:2 title=Chips sell text=Sales grew.");
}

TEST(CsvArticles, RefusedWithTheReason) {
  EXPECT_EQ(read_csv_articles("\"3\",\"Oil prices rise\",\"Crude rose.\"\n"),
            "throws: news.csv: not read as articles: its first line is no header naming the "
            "columns (no \"text\" (or \"body\") column); add a header line such as "
            "id,title,text,date,source,url or name the "
            "columns with --csv-columns (AG News: --csv-columns class,title,text)");
  EXPECT_EQ(read_csv_articles(""), "throws: news.csv: empty CSV file");
  EXPECT_EQ(read_csv_articles("a\n", {"title", "text", "body"}),
            "throws: --csv-columns: both a \"text\" and a \"body\" column: name one");
  EXPECT_EQ(read_csv_articles("a\n", {"text", "title", "text"}),
            "throws: --csv-columns: the column \"text\" is named twice");
  EXPECT_EQ(dossier::check_csv_columns({"id", "title", "text", "date", "source", "url", "x"}),
            std::nullopt);
}

}  // namespace

namespace {

TEST(ArticleLimit, LongArticlesAreCutAtALineEnd) {
  constexpr std::size_t kLimit = dossier::kMaxArticleBytes;
  const std::string short_text = "Short article.\n";
  EXPECT_EQ(dossier::within_article_limit(short_text), short_text);
  EXPECT_EQ(dossier::article_limit_warning(kLimit), std::nullopt);
  // Lines of 100 bytes: cut after the last whole line within the limit.
  std::string lines;
  while (lines.size() <= kLimit) lines += std::string(99, 'a') + "\n";
  EXPECT_EQ(dossier::within_article_limit(lines).size(), kLimit / 100 * 100);
  // One long line: cut before the character that crosses the limit ("é" is 2 bytes).
  std::string one_line(kLimit - 1, 'a');
  one_line += "\xC3\xA9 and more";
  EXPECT_EQ(dossier::within_article_limit(one_line), std::string(kLimit - 1, 'a'));
  EXPECT_EQ(dossier::article_limit_warning(kLimit + 1),
            "article of 4194305 bytes: only its first 4194304 bytes are indexed (see "
            "docs/INPUT.md)");
}

}  // namespace
