#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dossier/extract/dates/date.h"
#include "dossier/extract/dates/date_extractor.h"
#include "dossier/extract/dates/date_scanner.h"

namespace {

using dossier::Date;
using dossier::DateOrder;

// Mentions rendered compactly: "2019-01-23@4" (iso at byte offset), "xxxx-02-26" when
// the text gave no year.
std::string describe(const std::vector<dossier::DateMention>& mentions) {
  std::string out;
  for (const auto& m : mentions) {
    if (!out.empty()) out += ' ';
    if (m.has_year()) {
      out += m.date.iso();
    } else {
      out += "xxxx";
      out += Date::of_day(2000, m.date.month, m.date.day).iso().substr(4);
    }
    out += '@';
    out += std::to_string(m.begin);
  }
  return out;
}

std::string describe(const std::vector<Date>& dates) {
  std::string out;
  for (const auto& d : dates) {
    if (!out.empty()) out += ' ';
    out += d.iso();
  }
  return out;
}

TEST(Date, ParseIsoAndFormat) {
  struct Case {
    const char* in;
    const char* iso;  // nullptr: rejected
    const char* yyyymmdd;
  };
  const Case cases[] = {
      {"2019", "2019", "20190000"},
      {"2019-01", "2019-01", "20190100"},
      {"2019-01-23", "2019-01-23", "20190123"},
      {"2020-02-29", "2020-02-29", "20200229"},  // leap year
      {"2000-02-29", "2000-02-29", "20000229"},  // divisible by 400
      {"1900-02-29", nullptr, nullptr},          // divisible by 100 only
      {"2019-02-29", nullptr, nullptr},
      {"2019-02-30", nullptr, nullptr},
      {"2019-04-31", nullptr, nullptr},
      {"2019-13", nullptr, nullptr},
      {"2019-00-10", nullptr, nullptr},
      {"2019-01-00", nullptr, nullptr},
      {"2019-1-5", nullptr, nullptr},
      {"19-01-05", nullptr, nullptr},
      {"2019/01/05", nullptr, nullptr},
      {"0999", nullptr, nullptr},
      {"", nullptr, nullptr},
      {"2019-01-23x", nullptr, nullptr},
      {"May", nullptr, nullptr},
  };
  for (const auto& c : cases) {
    std::string error;
    const auto date = Date::parse_iso(c.in, &error);
    if (c.iso == nullptr) {
      EXPECT_FALSE(date) << c.in;
      EXPECT_FALSE(error.empty()) << c.in;
      continue;
    }
    ASSERT_TRUE(date) << c.in << ": " << error;
    EXPECT_TRUE(date->valid());
    EXPECT_EQ(date->iso(), c.iso);
    EXPECT_EQ(date->yyyymmdd(), c.yyyymmdd);
  }
}

TEST(Date, ErrorMessagesSayWhy) {
  std::string error;
  EXPECT_FALSE(Date::parse_iso("2019-13", &error));
  EXPECT_NE(error.find("month 13"), std::string::npos) << error;
  EXPECT_FALSE(Date::parse_iso("2019-02-30", &error));
  EXPECT_NE(error.find("day 30"), std::string::npos) << error;
  EXPECT_FALSE(Date::parse_iso("Jan 2019", &error));
  EXPECT_NE(error.find("YYYY-MM-DD"), std::string::npos) << error;
}

TEST(Date, RangeBoundsAndOrdering) {
  EXPECT_EQ(Date::of_month(2019, 2).first_day().iso(), "2019-02-01");
  EXPECT_EQ(Date::of_month(2019, 2).last_day().iso(), "2019-02-28");
  EXPECT_EQ(Date::of_month(2020, 2).last_day().iso(), "2020-02-29");
  EXPECT_EQ(Date::of_year(2019).first_day().iso(), "2019-01-01");
  EXPECT_EQ(Date::of_year(2019).last_day().iso(), "2019-12-31");
  EXPECT_LT(Date::of_month(2019, 1), Date::of_day(2019, 1, 1));
  EXPECT_LT(Date::of_day(2018, 12, 31), Date::of_month(2019, 1));
  EXPECT_EQ(dossier::days_since_epoch(Date::of_day(1970, 1, 1)), 0);
  EXPECT_EQ(dossier::days_since_epoch(Date::of_day(2019, 3, 1)) -
                dossier::days_since_epoch(Date::of_day(2019, 2, 28)),
            1);
}

TEST(Date, SourceNames) {
  EXPECT_EQ(dossier::to_string(dossier::DateSource::Metadata), "metadata");
  EXPECT_EQ(dossier::to_string(dossier::DateSource::Dateline), "dateline");
  EXPECT_EQ(dossier::to_string(dossier::DateSource::MentionedLatest), "mentioned-latest");
  EXPECT_EQ(dossier::to_string(dossier::DateSource::FileMtime), "file-mtime");
}

struct MentionCase {
  const char* text;
  const char* expected;  // describe() of the mentions, DMY order
};

TEST(DateScanner, Forms) {
  const MentionCase cases[] = {
      {"Talks began on January 23, 2019 in Oslo.", "2019-01-23@15"},
      {"Talks began on 23 January 2019 in Oslo.", "2019-01-23@15"},
      {"Talks began on 28th January, 2019.", "2019-01-28@15"},
      {"Talks began on the 1st of March 2020.", "2020-03-01@19"},
      {"Signed Jan. 23, 2019 by both.", "2019-01-23@7"},
      {"Signed Jan 23 2019 by both.", "2019-01-23@7"},
      {"Signed JANUARY 23, 2019 by both.", "2019-01-23@7"},
      {"Due on Feb 26 at noon.", "xxxx-02-26@7"},
      {"Due on Sept. 3 at noon.", "xxxx-09-03@7"},
      {"Due on Sep 3rd at noon.", "xxxx-09-03@7"},
      {"Filed 2019-01-23 in court.", "2019-01-23@6"},
      {"Filed 2019/01/23 in court.", "2019-01-23@6"},
      {"Filed 23/01/2019 in court.", "2019-01-23@6"},
      {"Filed 23.01.2019 in court.", "2019-01-23@6"},
      {"Filed 3-1-2019 in court.", "2019-01-03@6"},
      {"Sales in January 2019 fell.", "2019-01@9"},
      {"Sales in Jan. 2019 fell.", "2019-01@9"},
      {"Sales in May, 2019 fell.", "2019-05@9"},
      {"Monday, January 28, 2019: a vote.", "2019-01-28@0"},
      {"On Tues. Sept. 3, 2019 it rained.", "2019-09-03@3"},
      {"On Friday 1 February 2019 it rained.", "2019-02-01@3"},
      {"LONDON 1996-08-30", "1996-08-30@7"},
      {"From 2 May to June 5, 2019.", "xxxx-05-02@5 2019-06-05@14"},
      {"Dated 2019-01-23T10:00:00Z.", "2019-01-23@6"},
      {"Held 10-12 January 2019 in Rome.", "2019-01-12@8"},
      {"See example.org/2019/01/23/story", "2019-01-23@16"},
      // Not dates.
      {"May I ask a question?", ""},
      {"They may march 3 miles.", ""},
      {"An august 3 percent rise; may 5 be enough?", ""},
      {"Caracas, feb 26 - prices rose; on april 1, 1987 too.", "xxxx-02-26@9 1987-04-01@34"},
      {"The Tues 5 meeting.", ""},  // weekday without a following date: nothing
      {"March on, May.", ""},
      {"The March 2 miles", "xxxx-03-02@4"},  // capitalised month + day: taken, by design
      {"February 30, 2019 never happened.", ""},
      {"Filed 2019-13-01 and 2019-02-29.", ""},
      {"Filed 31/02/2019.", ""},
      {"About 23,000 January visitors.", ""},
      {"Version 1.5 January build.", ""},
      {"At 10:30 May said.", ""},
      {"Rated 3/4/23/2019.", ""},
      {"Call 12019-01-23.", ""},
      {"A 2-1 win and a 3-0 loss.", ""},
      {"In 2019 there were 23 Januarys.", ""},
      {"", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(describe(dossier::find_date_mentions(c.text, DateOrder::DMY)), c.expected)
        << "text: " << c.text;
  }
}

TEST(DateScanner, NumericOrder) {
  struct Case {
    const char* text;
    const char* dmy;
    const char* mdy;
  };
  const Case cases[] = {
      {"on 03/04/2019", "2019-04-03@3", "2019-03-04@3"},  // ambiguous: the option decides
      {"on 23/01/2019", "2019-01-23@3", "2019-01-23@3"},  // only DMY possible
      {"on 01/23/2019", "2019-01-23@3", "2019-01-23@3"},  // only MDY possible
      {"on 13/13/2019", "", ""},                          // neither
  };
  for (const auto& c : cases) {
    EXPECT_EQ(describe(dossier::find_date_mentions(c.text, DateOrder::DMY)), c.dmy) << c.text;
    EXPECT_EQ(describe(dossier::find_date_mentions(c.text, DateOrder::MDY)), c.mdy) << c.text;
  }
}

TEST(DateScanner, NonAsciiTextKeepsByteOffsets) {
  const std::string text = "Guaid\xC3\xB3 spoke \xE2\x80\x94 23 January 2019.";
  EXPECT_EQ(describe(dossier::find_date_mentions(text, DateOrder::DMY)), "2019-01-23@18");
}

struct ExtractCase {
  const char* text;
  const char* article_date;  // "" for none
  const char* dateline;      // "" for none
  const char* mentioned;
};

TEST(DateExtractor, DatelinesYearsAndMentions) {
  const ExtractCase cases[] = {
      // Datelines of several shapes; the dateline is not among the mentioned dates.
      {"Title here\n\nLONDON 1996-08-30\n\nShares rose on 29 August 1996.", "", "1996-08-30",
       "1996-08-29"},
      {"Headline\n\nNICE , France 1996-08-30\n\nText.", "", "1996-08-30", ""},
      {"Headline\nAL-RAM , West Bank 1996-08-30\nText.", "", "1996-08-30", ""},
      {"Headline\nROCHESTER , N.H. 1996-08-30\nText.", "", "1996-08-30", ""},
      {"Headline\nDALLAS/FORT WORTH, Texas, Jan 3 - Text.", "1987-01-10", "1987-01-03", ""},
      {"Headline\nNEW YORK, Utica, N.Y., Jan 3 - Text.", "1987-01-10", "1987-01-03", ""},
      {"Headline\nToronto, Feb 26 - Text.", "1987-03-01", "1987-02-26", ""},
      {"Headline\nDETROIT June 18 - Text.", "1987-06-20", "1987-06-18", ""},
      // An upper-case headline with a date is no dateline.
      {"KAPOK CORP <KPK> YEAR SEPT 30 LOSS\n\nText.", "1987-03-01", "", "1986-09-30"},
      {"ESSO SAF <ESSF.PA> YEAR ENDED DEC 31 1986\n\nText.", "", "", "1986-12-31"},
      {"COMPANY YEAR SEPT 30 LOSS\n\nText.", "1987-03-01", "", "1986-09-30"},
      {"Headline\nOfficials, Feb 26 said.", "1987-03-01", "", "1987-02-26"},
      {"Headline\nSAN JOSE, Costa Rica, March 4, 2019 - Voters went out.", "", "2019-03-04", ""},
      {"Title\n\nOSLO (Nordic Wire / Agency - 3rd February, 2020) Ministers met on "
       "February 1, 2020.",
       "", "2020-02-03", "2020-02-01"},
      {"Title\nWASHINGTON, Jan 5 (Reuters) - Officials said.", "2019-01-07", "2019-01-05", ""},
      {"Title\nWASHINGTON, Jan 5 (Reuters) - Officials met on December 30, 2018.", "", "",
       "2018-12-30"},  // yearless dateline, no article date: unresolved, not borrowed
      {"Title\nMonday, January 28, 2019\nBody text of the story follows here.", "", "2019-01-28",
       ""},
      {"Title\nPublished: 12 March 2021 10:02 GMT\nBody.", "", "2021-03-12", ""},
      {"Title\nJan 28, 2019 (Wire) -- Officials said something happened in a long sentence "
       "that goes on and on.",
       "", "2019-01-28", ""},
      // Not datelines.
      {"5 May election date confirmed\nVoters go to the polls on 5 May 2005.", "", "",
       "2005-05-05"},
      {"Title\n23 January 2019 was the day it all began.", "", "", "2019-01-23"},
      {"Title\nNATO said on January 5, 2019 that it would meet.", "", "", "2019-01-05"},
      {"Title\nUS officials met on 5 January 2019.", "", "", "2019-01-05"},
      {"Title\nThe vote took place 2019-01-05 in LONDON 2019-01-06.", "", "",
       "2019-01-05 2019-01-06"},
      {"One\nTwo\nThree\nFour\nFive\nSix\nSeven\nLONDON 1996-08-30", "", "", "1996-08-30"},
      // Year inference: nearest full date by position, closest year to it.
      {"Title\nIt began in December 30, 2018. Then on January 5 talks resumed.", "", "",
       "2018-12-30 2019-01-05"},
      {"Title\nOn Feb 26 a vote; on March 3, 2019 another; on 1 June 2017 a third.", "", "",
       "2017-06-01 2019-02-26 2019-03-03"},
      {"Title\nOn Feb 26 a vote.", "2019-03-01", "", "2019-02-26"},
      {"Title\nOn Dec 28 a vote.", "2019-01-03", "", "2018-12-28"},
      {"Title\nOn Feb 26 a vote.", "", "", ""},  // no reference: unresolved
      {"Title\nSales in January 2019, then on 3 February more.", "", "", "2019-01 2019-02-03"},
      // Duplicates collapse; mentions sorted.
      {"Title\nOn 2 May 2019 and May 2, 2019 and 2019-05-02; earlier 1 April 2019.", "", "",
       "2019-04-01 2019-05-02"},
  };
  for (const auto& c : cases) {
    std::optional<Date> article_date;
    if (*c.article_date) article_date = Date::parse_iso(c.article_date);
    const auto got = dossier::extract_dates(c.text, article_date, DateOrder::DMY);
    EXPECT_EQ(got.dateline ? got.dateline->iso() : "", c.dateline) << "text: " << c.text;
    EXPECT_EQ(describe(got.mentioned), c.mentioned) << "text: " << c.text;
  }
}

TEST(DateExtractor, ScrapedPageDatelines) {
  const ExtractCase cases[] = {
      {"Title here\n2019-01-28T10:15:00Z\nThe story.", "", "2019-01-28", ""},
      {"Title here\n2019/01/28\nThe story.", "", "2019-01-28", ""},
      {"Title here\n28.01.2019\nThe story.", "", "2019-01-28", ""},
      {"Title here\n01/28/2019\nThe story.", "", "2019-01-28", ""},
      {"Title here\nBy John Smith | January 28, 2019\nThe story.", "", "2019-01-28", ""},
      {"Title here\nBy Jane Doe and Ann Lee - 28 Jan 2019\nThe story.", "", "2019-01-28", ""},
      {"Title here\nby J. Smith, 28 January 2019 10:15\nThe story.", "", "2019-01-28", ""},
      {"Title here\nPARIS (AFP) - 28 Jan 2019\nThe story.", "", "2019-01-28", ""},
      {"Title here\nPARIS (AFP) - 28 Jan - The story.", "2019-02-01", "2019-01-28", ""},
      // Not datelines: the date is part of a sentence.
      {"Title here\nBy January 28, 2019 the talks had failed.", "", "", "2019-01-28"},
      {"Title here\nBy John Smith | January 28, 2019 was the day.", "", "", "2019-01-28"},
      {"Title here\nBy the end of 28 January 2019 it was over.", "", "", "2019-01-28"},
      {"Title here\nPARIS (AFP) - Ministers met on 28 Jan 2019.", "", "", "2019-01-28"},
      {"Title here\nPARIS (AFP) 28 Jan 2019 talks ended.", "", "", "2019-01-28"},
      {"Title here\n2019-01-28T10 was a code.", "", "", "2019-01-28"},
      {"One\nTwo\nThree\nFour\nFive\nSix\nSeven\n28.01.2019", "", "", "2019-01-28"},
  };
  for (const auto& c : cases) {
    std::optional<Date> article_date;
    if (*c.article_date) article_date = Date::parse_iso(c.article_date);
    const auto got = dossier::extract_dates(c.text, article_date, DateOrder::DMY);
    EXPECT_EQ(got.dateline ? got.dateline->iso() : "", c.dateline) << "text: " << c.text;
    EXPECT_EQ(describe(got.mentioned), c.mentioned) << "text: " << c.text;
  }
  // Month first when told so; impossible either way round, the other order.
  const auto mdy = dossier::extract_dates("Title\n01/02/2019\nText.", {}, DateOrder::MDY);
  EXPECT_EQ(mdy.dateline ? mdy.dateline->iso() : "", "2019-01-02");
  const auto dmy = dossier::extract_dates("Title\n01/02/2019\nText.", {}, DateOrder::DMY);
  EXPECT_EQ(dmy.dateline ? dmy.dateline->iso() : "", "2019-02-01");
}

TEST(DateExtractor, UnresolvedMentionsAreReported) {
  const auto got = dossier::extract_dates("Title\nWASHINGTON, Jan 5 (Reuters) - On Feb 26 ...",
                                          std::nullopt, DateOrder::DMY);
  EXPECT_FALSE(got.dateline);
  ASSERT_TRUE(got.dateline_mention);
  EXPECT_EQ(describe({*got.dateline_mention}), "xxxx-01-05@18");
  EXPECT_TRUE(got.mentioned.empty());
  EXPECT_EQ(describe(got.unresolved), "xxxx-01-05@18 xxxx-02-26@39");
}

TEST(DateExtractor, LeapDayYearInference) {
  // Feb 29 near 2019-06-01: 2019 and 2018 have none, 2020 does.
  const auto got =
      dossier::extract_dates("On Feb 29 a vote.", Date::of_day(2019, 6, 1), DateOrder::DMY);
  EXPECT_EQ(describe(got.mentioned), "2020-02-29");
}

TEST(DateExtractor, ChooseArticleDate) {
  using dossier::DateFallback;
  dossier::DateExtraction extraction;
  extraction.mentioned = {Date::of_day(2019, 1, 2), Date::of_day(2019, 1, 9),
                          Date::of_month(2019, 3)};
  // Mentioned dates are not publication dates unless the user asks for the fallback.
  EXPECT_FALSE(
      dossier::choose_article_date(std::nullopt, extraction, DateFallback::None, std::nullopt));
  auto chosen = dossier::choose_article_date(std::nullopt, extraction,
                                             DateFallback::MentionedLatest, std::nullopt);
  ASSERT_TRUE(chosen);
  EXPECT_EQ(chosen->date.iso(), "2019-01-09");
  EXPECT_EQ(chosen->source, dossier::DateSource::MentionedLatest);
  extraction.dateline = Date::of_day(2019, 1, 10);
  chosen = dossier::choose_article_date(std::nullopt, extraction, DateFallback::FileMtime,
                                        Date::of_day(2020, 1, 1));
  EXPECT_EQ(chosen->source, dossier::DateSource::Dateline);
  chosen = dossier::choose_article_date(Date::of_month(2018, 5), extraction, DateFallback::None,
                                        std::nullopt);
  EXPECT_EQ(chosen->date.iso(), "2018-05");
  EXPECT_EQ(chosen->source, dossier::DateSource::Metadata);
  chosen = dossier::choose_article_date(std::nullopt, {}, DateFallback::FileMtime,
                                        Date::of_day(2020, 1, 1));
  EXPECT_EQ(chosen->source, dossier::DateSource::FileMtime);
  EXPECT_FALSE(
      dossier::choose_article_date(std::nullopt, {}, DateFallback::None, Date::of_day(2020, 1, 1)));
  EXPECT_FALSE(
      dossier::choose_article_date(std::nullopt, {}, DateFallback::FileMtime, std::nullopt));
  EXPECT_EQ(dossier::date_fallback_from_string("mentioned-latest"), DateFallback::MentionedLatest);
  EXPECT_FALSE(dossier::date_fallback_from_string("sometimes"));
}

// Random texts made of date-like pieces: whatever the scanner makes of them, mentions
// must be in order, inside the text, non-overlapping and calendar-valid.
TEST(DateScanner, RandomTextInvariants) {
  const char* pieces[] = {"January", "Jan", ".",  ",",    " ",    "\n",    "23",  "2019",
                          "-",       "/",   "28", "th",   "May",  "may",   "Feb", "29",
                          "Monday",  "of",  "31", "1996", "(",    ")",     "02",  "\xC3\xA9",
                          "LONDON",  ":",   "0",  "13",   "Sept", "12345", "2",   "\xE2\x80\x94"};
  std::mt19937 random(20190123);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (int i = 0; i < 40; ++i) text += pieces[pick(random)];
    for (const auto order : {DateOrder::DMY, DateOrder::MDY}) {
      const auto mentions = dossier::find_date_mentions(text, order);
      std::size_t previous_end = 0;
      for (const auto& m : mentions) {
        ASSERT_LE(previous_end, m.begin) << text;
        ASSERT_LT(m.begin, m.end) << text;
        ASSERT_LE(m.end, text.size()) << text;
        Date check = m.date;
        if (!m.has_year()) check.year = 2000;
        ASSERT_TRUE(check.valid()) << text;
        previous_end = m.end;
      }
      const auto extraction = dossier::extract_dates(text, std::nullopt, order);
      for (const auto& d : extraction.mentioned) {
        ASSERT_TRUE(d.valid()) << text;
      }
      if (extraction.dateline) {
        ASSERT_TRUE(extraction.dateline->valid()) << text;
      }
    }
  }
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(DateExtractor, BundledCorpus) {
  const std::string dir = DOSSIER_SOURCE_DIR "/corpus/";
  const std::string moscow = read_file(dir + "001_4132258e9ace6acd.txt");
  ASSERT_FALSE(moscow.empty());
  const auto first = dossier::extract_dates(moscow, std::nullopt, DateOrder::DMY);
  ASSERT_TRUE(first.dateline);
  EXPECT_EQ(first.dateline->iso(), "2019-01-28");

  const std::string sputnik = read_file(dir + "003_7aba643725984cd2.txt");
  ASSERT_FALSE(sputnik.empty());
  const auto third = dossier::extract_dates(sputnik, std::nullopt, DateOrder::DMY);
  EXPECT_FALSE(third.dateline);
  for (const char* expected : {"2019-01-23", "2018-11-28", "2019-02-03"}) {
    EXPECT_NE(std::find(third.mentioned.begin(), third.mentioned.end(), *Date::parse_iso(expected)),
              third.mentioned.end())
        << expected << " in " << describe(third.mentioned);
  }
}

}  // namespace
