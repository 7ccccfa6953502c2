// A deadline watched from inside Xapian's matcher, for the searches that hand the walk over
// all matches to it (ranking with exact facets, the actor-by-date table).
#pragma once

#include <algorithm>

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
// one that throws would end the shard's connection; Xapian's own time limit travels with
// the query instead (Enquire::set_time_limit; net/remoteserver.cc runs the shard's match
// with it): once it passes, a shard stops counting every match and keeps what the page
// needs, so its counts are no longer exact. Such a match ends past the deadline, and
// check() then fails it as the spy would have.
class MatchDeadline {
 public:
  MatchDeadline(const Deadline& deadline, bool remote)
      : deadline_(deadline), remote_(remote), spy_(deadline) {}

  // The spy to add to a local match, or nothing.
  Xapian::MatchSpy* local_spy() { return deadline_.limited() && !remote_ ? &spy_ : nullptr; }

  // Before the match: the spy, or the time left as Xapian's time limit (0 would mean none).
  void arm(Xapian::Enquire& enquire) {
    if (Xapian::MatchSpy* spy = local_spy()) enquire.add_matchspy(spy);
    if (deadline_.limited() && remote_)
      enquire.set_time_limit(std::max(deadline_.remaining_seconds(), 1e-9));
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
