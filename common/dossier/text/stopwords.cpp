// The English stop list used at query time (Snowball's English list, the one Xapian's
// documentation recommends). Kept in code, not a data file, so the binaries are
// self-contained.
#include <iterator>

#include <xapian.h>

#include "dossier/text/analyzer.h"

namespace dossier {

const Xapian::Stopper& english_stopper() {
  // Immutable after construction (C++11 guarantees thread-safe initialisation).
  static const char* const kWords[] = {
      "a",       "about",  "above",  "after",  "again",    "against",    "all",     "am",
      "an",      "and",    "any",    "are",    "as",       "at",         "be",      "because",
      "been",    "before", "being",  "below",  "between",  "both",       "but",     "by",
      "can",     "cannot", "could",  "did",    "do",       "does",       "doing",   "down",
      "during",  "each",   "few",    "for",    "from",     "further",    "had",     "has",
      "have",    "having", "he",     "her",    "here",     "hers",       "herself", "him",
      "himself", "his",    "how",    "i",      "if",       "in",         "into",    "is",
      "it",      "its",    "itself", "me",     "more",     "most",       "my",      "myself",
      "no",      "nor",    "not",    "of",     "off",      "on",         "once",    "only",
      "or",      "other",  "ought",  "our",    "ours",     "ourselves",  "out",     "over",
      "own",     "same",   "she",    "should", "so",       "some",       "such",    "than",
      "that",    "the",    "their",  "theirs", "them",     "themselves", "then",    "there",
      "these",   "they",   "this",   "those",  "through",  "to",         "too",     "under",
      "until",   "up",     "very",   "was",    "we",       "were",       "what",    "when",
      "where",   "which",  "while",  "who",    "whom",     "why",        "will",    "with",
      "would",   "you",    "your",   "yours",  "yourself", "yourselves"};
  static const Xapian::SimpleStopper stopper(std::begin(kWords), std::end(kWords));
  return stopper;
}

}  // namespace dossier
