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

}  // namespace dossier
