// The ASCII fast path of Analyzer::fold must give exactly what the ICU path gives.
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "dossier/text/analyzer.h"

namespace {

// A zero-width space is dropped by NFKC case folding, so ZWSP + word takes the ICU path
// and must fold like the word alone, which takes the ASCII path.
constexpr const char* kZeroWidthSpace = "\xE2\x80\x8B";

TEST(AnalyzerAscii, FastPathEqualsIcuPath) {
  dossier::Analyzer a;
  const char* words[] = {"Guaido",   "GUAIDO",   "Venezuela's", "VENEZUELA'S", "a's", "'s",
                         "U.S.",     "1,080",    "state-owned", "don't",       "x_y", "C++",
                         "e-mail's", "ABC123xy", "it's'",       "''s",         "s's", "O'Neil"};
  for (const char* w : words) {
    EXPECT_EQ(a.fold(w), a.fold(std::string(kZeroWidthSpace) + w)) << w;
  }
  // Random printable ASCII, seeded: every character class, possessives included.
  std::mt19937 random(7);
  std::uniform_int_distribution<int> length(1, 8), printable(0x20, 0x7E);
  for (int i = 0; i < 2000; ++i) {
    std::string w;
    for (int n = length(random); n > 0; --n) w += static_cast<char>(printable(random));
    if (i % 5 == 0) w += "'s";
    EXPECT_EQ(a.fold(w), a.fold(std::string(kZeroWidthSpace) + w)) << w;
  }
}

}  // namespace
