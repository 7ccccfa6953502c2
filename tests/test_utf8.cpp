#include "dossier/base/utf8.h"

#include <gtest/gtest.h>

namespace {

struct RepairCase {
  std::string in;
  std::string out;
  std::size_t repaired;
};

TEST(Utf8, RepairTable) {
  const RepairCase cases[] = {
      {"plain ascii", "plain ascii", 0},
      {"Guaid\xC3\xB3", "Guaid\xC3\xB3", 0},  // valid 2-byte
      {"\xE2\x80\x9Cquoted\xE2\x80\x9D", "\xE2\x80\x9Cquoted\xE2\x80\x9D", 0},
      {"price \xA3"
       "5",
       "price \xC2\xA3"
       "5",
       1},                                                                // raw Latin-1 pound sign
      {"M\xFCller", "M\xC3\xBCller", 1},                                  // raw Latin-1 u-umlaut
      {"smart \x93quote\x94", "smart \xE2\x80\x9Cquote\xE2\x80\x9D", 2},  // cp1252 quotes
      {"trunc \xC3", "trunc \xC3\x83", 1},                                // truncated sequence
      {"\xC0\xAF", "\xC3\x80\xC2\xAF", 2},                                // overlong '/'
      {"\xED\xA0\x80", "\xC3\xAD\xC2\xA0\xE2\x82\xAC", 3},                // UTF-16 surrogate
      {std::string("nul\0byte", 8), "nul byte", 0},
      {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", 0},  // emoji, 4 bytes
  };
  for (const auto& c : cases) {
    std::size_t repaired = 99;
    const std::string got = dossier::repair_utf8(c.in, &repaired);
    EXPECT_EQ(got, c.out) << "input: " << c.in;
    EXPECT_EQ(repaired, c.repaired) << "input: " << c.in;
    EXPECT_TRUE(dossier::is_valid_utf8(got)) << "input: " << c.in;
  }
}

// The repair copies runs of plain ASCII eight bytes at a time: a NUL, a raw Latin-1 byte or a
// valid sequence at every offset of a long run, and at its ends, is still seen.
TEST(Utf8, RepairFindsEachSpecialByteAtEveryOffsetOfALongRun) {
  const std::string run(37, 'a');
  const RepairCase specials[] = {{std::string(1, '\0'), " ", 0},
                                 {"\xFC", "\xC3\xBC", 1},
                                 {"\xC3\xB3", "\xC3\xB3", 0},
                                 {"\xC3", "\xC3\x83", 1}};
  for (const auto& special : specials) {
    for (std::size_t at = 0; at <= run.size(); ++at) {
      const std::string in = run.substr(0, at) + special.in + run.substr(at);
      const std::string want = run.substr(0, at) + special.out + run.substr(at);
      std::size_t repaired = 99;
      EXPECT_EQ(dossier::repair_utf8(in, &repaired), want) << "offset " << at;
      EXPECT_EQ(repaired, special.repaired) << "offset " << at;
    }
  }
}

TEST(Utf8, EveryByteValueYieldsValidUtf8) {
  std::string all;
  for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
  EXPECT_FALSE(dossier::is_valid_utf8(all));
  EXPECT_TRUE(dossier::is_valid_utf8(dossier::repair_utf8(all)));
}

}  // namespace
