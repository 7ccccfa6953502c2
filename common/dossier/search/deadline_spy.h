// A deadline watched from inside Xapian's matcher, for the searches that hand the walk over
// all matches to it (ranking with exact facets, the actor-by-date table).
#pragma once

#include <xapian.h>

#include "dossier/base/deadline.h"

namespace dossier {

// The ticker as a match spy: Xapian's matcher calls it for each document it looks at.
class DeadlineSpy : public Xapian::MatchSpy {
 public:
  explicit DeadlineSpy(const Deadline& deadline) : ticker_(deadline) {}
  void operator()(const Xapian::Document&, double) override { ticker_.tick(); }

 private:
  DeadlineTicker ticker_;
};

// A deadline on one Xapian match, local or over remote shards. Locally the spy above runs
// inside the matcher. A spy reaches a shard server only if it is registered there, and
// one that throws would end the shard's connection, so a match over remote shards runs
// to its end and check() then fails it as the spy would have.
//
// Xapian's own time limit (Enquire::set_time_limit, which travels with the query) is not
// used: in xapian-core 1.4.22 (matcher/multimatch.cc, class TimeOut) the limit arms a
// POSIX timer whose SIGEV_THREAD notification writes into a flag on the matcher's stack,
// and timer_delete does not wait for a notification thread already started; a match that
// outlives its limit returns, and the late write lands in whatever frame or unmapped
// stack is there then (dossier-serve crashed at shutdown, SIGSEGV in timer_sigev_thread,
// or aborted on a smashed stack canary; a shard server's children run the same code).
class MatchDeadline {
 public:
  MatchDeadline(const Deadline& deadline, bool remote)
      : deadline_(deadline), remote_(remote), spy_(deadline) {}

  // The spy to add to a local match, or nothing.
  Xapian::MatchSpy* local_spy() { return deadline_.limited() && !remote_ ? &spy_ : nullptr; }

  // Before the match: the spy, for a local one.
  void arm(Xapian::Enquire& enquire) {
    if (Xapian::MatchSpy* spy = local_spy()) enquire.add_matchspy(spy);
  }

  // After a remote match that found `matches` (an upper bound): throws dossier::Error
  // (kTimeout) once the deadline has passed. A match of nothing is answered, as the local
  // spy, never called, lets it be.
  void check(Xapian::doccount matches) const {
    if (remote_ && matches > 0) deadline_.enforce();
  }

 private:
  const Deadline& deadline_;
  bool remote_;
  DeadlineSpy spy_;
};

}  // namespace dossier
