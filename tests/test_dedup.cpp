// Near-duplicate signatures and the clustering rule (dedup/).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dossier/dedup/clusters.h"
#include "dossier/dedup/signature.h"

namespace dossier::dedup {
namespace {

// A deterministic text of `words` words drawn from a vocabulary of 2,000 (a linear
// congruential generator: the same words on every machine).
std::vector<Token> text(std::uint64_t seed, std::size_t words) {
  std::vector<Token> out;
  std::uint64_t x = seed;
  for (std::size_t i = 0; i < words; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    Token t;
    t.term = std::to_string((x >> 33) % 2000);
    t.term.insert(0, 1, 'w');  // not "w" + ...: GCC 12 warns wrongly (-Wrestrict) at -O3
    out.push_back(t);
  }
  return out;
}

std::vector<Token> slice(const std::vector<Token>& t, std::size_t from, std::size_t to) {
  return {t.begin() + static_cast<std::ptrdiff_t>(from),
          t.begin() + static_cast<std::ptrdiff_t>(to)};
}

std::vector<Token> concat(std::vector<Token> a, const std::vector<Token>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Every fourth word replaced, as a report from the same template with other figures.
std::vector<Token> other_figures(std::vector<Token> t) {
  for (std::size_t i = 0; i < t.size(); i += 4) t[i].term = std::to_string(i * 7 + 3);
  return t;
}

TEST(Signature, CopiesAndNotCopies) {
  const auto story = text(1, 300);
  struct Case {
    const char* name;
    std::vector<Token> other;
    bool same;
  };
  const std::vector<Case> cases = {
      {"exact copy", story, true},
      {"trimmed to 70%", slice(story, 0, 210), true},
      {"a paragraph (20%) dropped", concat(slice(story, 0, 100), slice(story, 160, 300)), true},
      {"boilerplate (10%) added", concat(story, text(7, 30)), true},
      {"trimmed to 40%", slice(story, 0, 120), false},
      {"same template, other figures", other_figures(story), false},
      {"another story", text(2, 300), false},
  };
  const auto a = signature_of(story);
  ASSERT_TRUE(a);
  for (const auto& c : cases) {
    const auto b = signature_of(c.other);
    ASSERT_TRUE(b) << c.name;
    EXPECT_EQ(same_story(*a, *b), c.same) << c.name << ": " << resemblance(*a, *b);
  }
  EXPECT_EQ(resemblance(*a, *signature_of(story)), 1.0);
}

TEST(Signature, ContainmentOfTheShorterText) {
  const auto story = shingles_of(text(1, 300));
  ASSERT_EQ(story.size(), 297u);  // 300 words, 4-word shingles, none repeated
  struct Case {
    const char* name;
    std::vector<Token> other;
    double expected;
  };
  const std::vector<Case> cases = {
      {"exact copy", text(1, 300), 1.0},
      {"trimmed to 40%", slice(text(1, 300), 0, 120), 1.0},
      {"boilerplate added", concat(text(1, 300), text(7, 30)), 1.0},
      // 1 word in 4 replaced: no shingle survives.
      {"same template, other figures", other_figures(text(1, 300)), 0.0},
      // The first 150 words and 150 others: 147 of the shorter's 297 shingles shared.
      {"half rewritten", concat(slice(text(1, 300), 0, 150), text(9, 150)), 147.0 / 297},
      {"nothing", {}, 0.0},
  };
  for (const auto& c : cases) {
    EXPECT_DOUBLE_EQ(containment(story, shingles_of(c.other)), c.expected) << c.name;
    EXPECT_DOUBLE_EQ(containment(shingles_of(c.other), story), c.expected) << c.name;
  }
}

TEST(Signature, TooShortHasNone) {
  EXPECT_FALSE(signature_of(text(1, kMinWords - 1)));
  EXPECT_TRUE(signature_of(text(1, kMinWords)));
}

// Stored signatures must not change without kSignatureVersion: a changed hash would leave
// old and new articles unable to match.
TEST(Signature, StableHashing) {
  const auto s = *signature_of(text(1, 50));
  EXPECT_EQ(s[0], 0xa3d9u);  // signature version 2 stored 0x1f43a3d9
  EXPECT_EQ(s[1], 0xb1a4u);
  EXPECT_EQ(band_keys(s)[0], 0xa3d9b1a4u);
  EXPECT_EQ(encode(s).substr(0, 4), "\xa3\xd9\xb1\xa4");
  EXPECT_EQ(decode(encode(s)), s);
}

// A signature whose first two bins are 0x1234 and 0xabcd, the others `rest`.
Signature two_bins(std::uint16_t rest = 0) {
  Signature s;
  s.fill(rest);
  s[0] = 0x1234;
  s[1] = 0xabcd;
  return s;
}

TEST(Signature, Encoding) {
  const std::string v3 = std::string("\x12\x34\xab\xcd", 4) + std::string(2 * (kHashes - 2), '\0');
  EXPECT_EQ(encode(two_bins()), v3);
  // Signature version 2: 32 bits a bin, whose low 16 are version 3's.
  std::string v2 = std::string("\xff\xee\x12\x34\x00\x01\xab\xcd", 8);
  for (std::size_t i = 2; i < kHashes; ++i) v2 += std::string("\x00\x07\x00\x00", 4);
  struct Case {
    const char* name;
    std::string value;
    std::optional<Signature> expected;
  };
  const std::vector<Case> cases = {
      {"16 bits a bin", v3, two_bins()},
      {"32 bits a bin (version 2)", v2, two_bins()},
      {"a byte short", v3.substr(1), std::nullopt},
      {"8 bits a bin", std::string(kHashes, '\0'), std::nullopt},
      {"empty", "", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(decode(c.value), c.expected) << c.name;
}

TEST(Signature, BandKeysAreTheBinsOfEachBand) {
  Signature s;
  for (std::size_t i = 0; i < kHashes; ++i) s[i] = static_cast<std::uint16_t>(0x0100 + i);
  const auto keys = band_keys(s);
  EXPECT_EQ(keys[0], 0x01000101u);
  EXPECT_EQ(keys[1], 0x01020103u);
  EXPECT_EQ(keys[kBands - 1], 0x01260127u);  // bins 38 and 39: the first 40 bins band
  EXPECT_EQ(band_keys(two_bins(9))[0], 0x1234abcdu);
  EXPECT_EQ(band_keys(two_bins(9))[1], 0x00090009u);
}

// A signature equal to `base` on positions [from, to), and distinct elsewhere (`tag`
// makes its other values its own).
Signature sig(unsigned tag, std::size_t from = 0, std::size_t to = 0) {
  Signature s;
  for (std::size_t i = 0; i < kHashes; ++i)
    s[i] = static_cast<std::uint16_t>((i >= from && i < to) ? i : tag << 8 | i);
  return s;
}

TEST(Clusters, RepresentativeOrderAndJoining) {
  struct Case {
    const char* name;
    std::vector<Candidate> candidates;  // all in one bucket
    std::vector<std::size_t> leaders;
  };
  const std::vector<Case> cases = {
      {"the earliest dated represents",
       {{"20200102", "a", sig(1, 0, 100), {}}, {"20200101", "b", sig(2, 0, 100), {}}},
       {1, 1}},
      {"dated before undated",
       {{"", "a", sig(1, 0, 128), {}}, {"20200101", "b", sig(2, 0, 128), {}}},
       {1, 1}},
      {"same date: the smaller id",
       {{"20200101", "b", sig(1, 0, 128), {}}, {"20200101", "a", sig(2, 0, 128), {}}},
       {1, 1}},
      {"below the threshold: apart",
       {{"20200101", "a", sig(1, 0, 63), {}}, {"20200102", "b", sig(2, 0, 63), {}}},
       {0, 1}},
      {"at the threshold: together",
       {{"20200101", "a", sig(1, 0, 64), {}}, {"20200102", "b", sig(2, 0, 64), {}}},
       {0, 0}},
      // b resembles a (0.62), c resembles b (0.69) but not a (0.31): no chaining.
      {"no chains through members",
       {{"20200101", "a", sig(1, 0, 80), {}},
        {"20200102",
         "b",
         [] {
           Signature s = sig(2, 0, 80);
           for (std::size_t i = 80; i < kHashes; ++i)
             s[i] = static_cast<std::uint16_t>(9u << 8 | i);
           return s;
         }(),
         {}},
        {"20200103",
         "c",
         [] {
           Signature s = sig(3, 40, 80);
           for (std::size_t i = 80; i < kHashes; ++i)
             s[i] = static_cast<std::uint16_t>(9u << 8 | i);
           return s;
         }(),
         {}}},
       {0, 0, 2}},
      // c resembles both representatives; it joins the one it resembles most.
      {"the most resembling representative",
       {{"20200101", "a", sig(1, 0, 70), {}},
        {"20200102", "b", sig(2, 50, 128), {}},
        {"20200103", "c", sig(3, 0, 128), {}}},
       {0, 1, 1}},
  };
  for (auto c : cases) {
    std::vector<std::vector<std::uint32_t>> buckets(1);
    for (std::uint32_t i = 0; i < c.candidates.size(); ++i) {
      c.candidates[i].buckets = {0};
      buckets[0].push_back(i);
    }
    EXPECT_EQ(assign_clusters(c.candidates, buckets), c.leaders) << c.name;
  }
}

// The texts have the last word: c resembles a (0.6875) more than b (0.5625), but only b's
// text holds c's, so c joins b; d resembles a and b (0.75), and neither text holds it;
// b resembles a (0.5) but its text is not a's.
TEST(Clusters, TheTextCheckDecidesAmongResemblingRepresentatives) {
  std::vector<Candidate> candidates = {{"20200101", "a", sig(1, 0, 96), {0}},
                                       {"20200102", "b", sig(2, 32, 128), {0}},
                                       {"20200103", "c", sig(3, 8, 104), {0}},
                                       {"20200104", "d", sig(4, 0, 128), {0}}};
  std::vector<std::pair<std::size_t, std::size_t>> checked;
  const auto leaders =
      assign_clusters(candidates, {{0, 1, 2, 3}}, [&](std::size_t i, std::size_t j) {
        checked.emplace_back(i, j);
        return i == 2 && j == 1;
      });
  EXPECT_EQ(leaders, (std::vector<std::size_t>{0, 1, 1, 3}));
  // Most resembling first; equal resemblance (d) in representative order.
  EXPECT_EQ(checked, (std::vector<std::pair<std::size_t, std::size_t>>{
                         {1, 0}, {2, 0}, {2, 1}, {3, 0}, {3, 1}}));
}

// Candidates that share no bucket are never compared.
TEST(Clusters, OnlyBucketsAreCompared) {
  std::vector<Candidate> candidates = {{"20200101", "a", sig(1, 0, 128), {0}},
                                       {"20200102", "b", sig(2, 0, 128), {1}}};
  EXPECT_EQ(assign_clusters(candidates, {{0}, {1}}), (std::vector<std::size_t>{0, 1}));
}

// The candidates clustered anew: those linked to a seed through shared buckets, directly
// or through others; the rest keep their clusters.
TEST(Clusters, LinkedCandidatesFollowSharedBuckets) {
  struct Case {
    std::size_t candidates;
    std::vector<std::vector<std::uint32_t>> buckets;
    std::vector<std::uint32_t> seeds;
    std::vector<bool> linked;
  };
  const std::vector<Case> cases = {
      // Two groups, {0, 1, 2} (0-1 and 1-2 in two buckets) and {3, 4}; 5 alone.
      {6, {{0, 1}, {1, 2}, {3, 4}}, {2}, {true, true, true, false, false, false}},
      {6, {{0, 1}, {1, 2}, {3, 4}}, {4}, {false, false, false, true, true, false}},
      {6, {{0, 1}, {1, 2}, {3, 4}}, {0, 3}, {true, true, true, true, true, false}},
      {6, {{0, 1}, {1, 2}, {3, 4}}, {5}, {false, false, false, false, false, true}},
      {6, {{0, 1}, {1, 2}, {3, 4}}, {}, {false, false, false, false, false, false}},
      // A bucket of three joins what two buckets held apart.
      {5, {{0, 1}, {3, 4}, {1, 2, 3}}, {4}, {true, true, true, true, true}},
      // A seed given twice.
      {3, {{1, 2}}, {2, 2}, {false, true, true}},
  };
  for (std::size_t k = 0; k < cases.size(); ++k) {
    const Case& c = cases[k];
    EXPECT_EQ(linked_candidates(c.candidates, c.buckets, c.seeds), c.linked) << "case " << k;
  }
}

}  // namespace
}  // namespace dossier::dedup
