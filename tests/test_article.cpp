#include "dossier/extract/article.h"

#include <gtest/gtest.h>

namespace {

TEST(Article, BoilerplateLines) {
  struct Case {
    const char* line;
    bool boilerplate;
  };
  const Case cases[] = {
      {"READ MORE: Something Happened Somewhere", true},
      {"Read more: the full story", true},
      {"Subscribe to our newsletter", true},
      {"Download Adobe Flash Player", true},
      {"Discuss", true},
      {"World", true},
      {"  Newsfeed  ", true},
      {"0 2,736", true},
      {"  \xE2\x80\xA2 720p | 29.3MB", true},
      {"- Advertisement -", true},
      {"- Some Site International", true},
      {"", true},
      {"12,345", true},
      {"2019", true},
      // A date alone on its line may be the dateline: kept.
      {"28.01.2019", false},
      {"2019/01/28", false},
      {"2019-01-28T10:15:00Z", false},
      {"01/28/2019", false},
      {"The minister said the talks would resume on Friday.", false},
      {"Political Crisis in Ruritania", false},
      {"Several countries expressed support for the plan.", false},
  };
  for (const auto& c : cases)
    EXPECT_EQ(dossier::is_boilerplate_line(c.line), c.boilerplate) << c.line;
}

TEST(Article, HeadlineCandidates) {
  struct Case {
    const char* line;
    bool headline;
  };
  const Case cases[] = {
      {"Minister Denies Reports of Secret Talks", true},
      {"MAJOR: Parliament backs reform bill", true},
      {"Who will win the vote?", true},
      {"SOCCER - UNITED WIN AWAY .", true},    // wire headline in capitals
      {"Markets fall on rate fears .", true},  // tokenised wire headline
      {"OTTAWA 1996-08-30", false},            // a dateline
      {"WASHINGTON, Jan. 5", false},
      {"World", false},                         // section label
      {"- Example News International", false},  // site-name tail
      {"Get the latest news from around the world.", false},
      {"The minister said the talks would resume.", false},  // a sentence
      {"loader", false},
      {"\xC2\xA9 AGENCY / Photographer Name", false},  // photo credit
  };
  for (const auto& c : cases) EXPECT_EQ(dossier::looks_like_headline(c.line), c.headline) << c.line;
}

TEST(Article, TitleSkipsSectionLabelsAndBodyDropsBoilerplate) {
  const std::string raw =
      "- Example Site\nWorld\n\nHarbour Reopens After Storm Damage\n\n"
      "The harbour reopened on Tuesday after repairs.\nREAD MORE: Other Story Here\n"
      "Harbour Reopens After Storm Damage\nDiscuss\n";
  const auto a = dossier::parse_article("x/y.txt", raw);
  EXPECT_EQ(a.id, "x/y.txt");
  EXPECT_EQ(a.title, "Harbour Reopens After Storm Damage");
  // The title line is removed once; its repetition (common in scraped pages) stays.
  EXPECT_EQ(a.body,
            "The harbour reopened on Tuesday after repairs.\nHarbour Reopens After Storm Damage");
}

TEST(Article, InvalidUtf8IsRepaired) {
  const auto a = dossier::parse_article("a.txt",
                                        "Price Rise Hits Shoppers\n\nIt costs \xA3"
                                        "5 now.\n");
  EXPECT_EQ(a.body,
            "It costs \xC2\xA3"
            "5 now.");
}

TEST(Article, NoHeadlineGivesEmptyTitle) {
  const auto a = dossier::parse_article("a.txt", "just one lowercase sentence here.\n");
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.body, "just one lowercase sentence here.");
}

TEST(Article, BundledCorpusTitles) {
  const std::string dir = DOSSIER_SOURCE_DIR "/corpus/";
  auto title_of = [&](const std::string& name) {
    FILE* f = std::fopen((dir + name).c_str(), "rb");
    EXPECT_NE(f, nullptr) << name;
    std::string raw;
    char buf[4096];
    for (std::size_t n; f && (n = std::fread(buf, 1, sizeof buf, f)) > 0;) raw.append(buf, n);
    if (f) std::fclose(f);
    return dossier::parse_article(name, raw).title;
  };
  EXPECT_EQ(title_of("000_294354c3b5f7a554.txt"),
            "US Contact With Venezuelan Army to Change Its Stance Unacceptable - Moscow");
  EXPECT_EQ(title_of("003_7aba643725984cd2.txt"),
            "Guaido Not Ruling Out Intervention Amid Alleged US Contacts With Venezuelan Army");
  EXPECT_EQ(title_of("004_de6bcb39d1aac536.txt"),
            "MAJOR: Russia backs Maduro against US-backed coup attempt");
}

}  // namespace
