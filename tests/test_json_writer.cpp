#include "dossier/output/json_writer.h"

#include <cmath>
#include <random>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

std::string written_string(std::string_view s) {
  std::string out;
  dossier::append_json_string(out, s);
  return out;
}

std::string written_double(double d) {
  std::string out;
  dossier::append_json_double(out, d);
  return out;
}

TEST(JsonWriter, StringsAsNlohmannPrintsValidText) {
  const char* cases[] = {"",
                         "plain",
                         "quote \" and \\ backslash",
                         "tab\tnew\nline\r",
                         "\x01\x1f control",
                         "caf\xC3\xA9 \xE2\x80\xA6 \xF0\x9F\x98\x80",
                         "/\x7f"};
  for (const char* s : cases) EXPECT_EQ(written_string(s), nlohmann::json(s).dump()) << s;
}

// Plain runs are passed over eight bytes at a time: escapes and UTF-8 at every offset
// from a run's start must still come out as nlohmann prints them.
TEST(JsonWriter, EscapesAtEveryOffsetOfLongRuns) {
  const char* pieces[] = {"abcdefgh", "x",    "\"",       "\\",           "\n",
                          "\x01",     "\x7f", "\xC3\xA9", "\xE2\x80\xA6", " "};
  std::mt19937 rng(5);
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    for (int k = static_cast<int>(rng() % 24); k > 0; --k) s += pieces[rng() % std::size(pieces)];
    ASSERT_EQ(written_string(s), nlohmann::json(s).dump()) << s;
  }
}

TEST(JsonWriter, InvalidUtf8IsReplacedNeverKept) {
  const struct {
    std::string in, out;
  } cases[] = {
      {"caf\xE9", "\"caf\xEF\xBF\xBD\""},                            // Latin-1 byte
      {"\xC0\xAF", "\"\xEF\xBF\xBD\xEF\xBF\xBD\""},                  // overlong '/'
      {"\xED\xA0\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""},  // surrogate
      {"cut \xE2\x80", "\"cut \xEF\xBF\xBD\xEF\xBF\xBD\""},          // sequence cut short
  };
  for (const auto& c : cases) {
    const std::string out = written_string(c.in);
    EXPECT_EQ(out, c.out);
    EXPECT_TRUE(nlohmann::json::accept(out)) << out;
  }
}

TEST(JsonWriter, RandomBytesAlwaysGiveParsableJson) {
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> byte(0, 255), len(0, 40);
  for (int i = 0; i < 2000; ++i) {
    std::string s;
    for (int k = len(rng); k > 0; --k) s += static_cast<char>(byte(rng));
    const std::string out = written_string(s);
    ASSERT_TRUE(nlohmann::json::accept(out)) << out;
  }
}

TEST(JsonWriter, DoublesInShortestFormThatReadBackExactly) {
  EXPECT_EQ(written_double(1.0), "1.0");
  EXPECT_EQ(written_double(0.0), "0.0");
  EXPECT_EQ(written_double(13.114954), "13.114954");
  EXPECT_EQ(written_double(-2.5), "-2.5");
  EXPECT_EQ(written_double(0.000123), "0.000123");
  EXPECT_EQ(written_double(1e-5), "1e-05");
  EXPECT_EQ(written_double(1e20), "1e+20");
  EXPECT_EQ(written_double(123456789012345.0), "123456789012345.0");
  EXPECT_EQ(written_double(std::nan("")), "null");
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> score(0, 50);
  for (int i = 0; i < 5000; ++i) {
    const double d = std::round(score(rng) * 1e6) / 1e6;
    const std::string out = written_double(d);
    EXPECT_EQ(nlohmann::json::parse(out).get<double>(), d) << out;
    EXPECT_LE(out.size(), 10u) << "a score rounded to 6 decimals prints as one: " << out;
  }
}

TEST(JsonWriter, NestingAndCommas) {
  std::string out;
  dossier::JsonWriter w(out);
  w.begin_object().key("a").value(1).key("b").begin_array();
  w.value("x").null().value(true).begin_object().end_object().begin_array().end_array();
  w.end_array().key("c").string_or_null("").key("d").raw("[1,2]").end_object();
  EXPECT_EQ(out, R"({"a":1,"b":["x",null,true,{},[]],"c":null,"d":[1,2]})");
}

}  // namespace
