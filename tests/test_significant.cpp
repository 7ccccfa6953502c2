// The log-likelihood ratio behind --facets significant, against values worked out by hand.
#include "dossier/search/significant_actors.h"

#include <gtest/gtest.h>

namespace {

TEST(LogLikelihoodRatio, MatchesTheTwoByTwoFormula) {
  const struct {
    double k1, n1, k2, n2, g2;
  } rows[] = {
      {1, 2, 0, 4, 2.6341457841558764},        // one of two matches, never elsewhere
      {10, 100, 10, 1000, 22.90780354461822},  // 10% of the matches, 1% elsewhere
      {5, 50, 50, 500, 0},                     // the same share: no evidence
      {0, 10, 0, 90, 0},                       // named nowhere
      {2, 2, 3, 4, 0.9080533494451899},        // all matches, most of the rest too
  };
  for (const auto& r : rows) {
    EXPECT_NEAR(dossier::log_likelihood_ratio(r.k1, r.n1, r.k2, r.n2), r.g2, 1e-9)
        << r.k1 << "/" << r.n1 << " vs " << r.k2 << "/" << r.n2;
  }
}

}  // namespace
