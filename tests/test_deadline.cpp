// Deadline and DeadlineTicker: when a time limit counts as passed, and how often it is read.
#include "dossier/base/deadline.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dossier/base/errors.h"

namespace {

using dossier::Deadline;
using dossier::DeadlineTicker;

// The message enforce() throws, or "" when it does not throw.
std::string enforced(const Deadline& deadline) {
  try {
    deadline.enforce();
  } catch (const dossier::Error& e) {
    EXPECT_EQ(e.kind(), dossier::ErrorKind::kTimeout);
    EXPECT_EQ(e.exit_code(), dossier::ExitCode::kInternal);
    return e.what();
  }
  return "";
}

TEST(Deadline, NoLimitNeverPasses) {
  for (const double seconds : {0.0, -1.0}) {
    const auto deadline = Deadline::after_seconds(seconds);
    EXPECT_FALSE(deadline.limited());
    EXPECT_EQ(enforced(deadline), "");
  }
  EXPECT_FALSE(Deadline().limited());
}

TEST(Deadline, SaysItsLimitOncePassed) {
  const struct {
    double seconds;
    std::string message;
  } rows[] = {
      {1e-9, "the search took longer than its time limit of 1e-09 s"},
      {3600, ""},
  };
  for (const auto& row : rows) {
    const auto deadline = Deadline::after_seconds(row.seconds);
    EXPECT_TRUE(deadline.limited());
    EXPECT_EQ(enforced(deadline), row.message) << row.seconds;
  }
}

// Reads the clock on the first call and then on every 1024th: counts the calls that throw.
TEST(DeadlineTicker, ChecksTheFirstCallAndEvery1024th) {
  const auto passed = Deadline::after_seconds(1e-9);
  DeadlineTicker ticker(passed);
  std::vector<int> threw;
  for (int call = 0; call < 3000; ++call) {
    try {
      ticker.tick();
    } catch (const dossier::Error&) {
      threw.push_back(call);
    }
  }
  EXPECT_EQ(threw, (std::vector<int>{0, 1024, 2048}));
  const Deadline none;
  DeadlineTicker unlimited(none);
  for (int call = 0; call < 3000; ++call) unlimited.tick();
}

}  // namespace
