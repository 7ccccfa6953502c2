// A problem with one line of an input file, reported instead of thrown so the rest loads.
#pragma once

#include <cstddef>
#include <string>

namespace dossier {

struct LineIssue {
  std::size_t line = 0;  // 1-based line number in the file (0: the file as a whole)
  std::string reason;    // a sentence for the user: "line is not JSON: ..."
};

}  // namespace dossier
