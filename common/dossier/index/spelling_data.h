// Xapian's spelling data (the "did you mean" dictionary, search/spelling.h), kept equal to
// the documents: each document adds its spelling words once, and takes them back when it
// is replaced or deleted, so a word's spelling frequency is the number of articles that
// hold it and a word no article holds is no longer suggested.
//
// A run holds its documents' spelling changes and hands them to Xapian once, before its
// last commit: each commit rewrites every spelling entry changed since the one before (a
// word's frequency and its trigram lists, compressed), so handing them over at every
// commit cost more than the rest of the commit (docs/BENCHMARKS.md). Between the first and
// the last commit the database says kSpellingPending; a run that did not finish (killed,
// a full disk) leaves that mark, and the next run recounts every document's words.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace dossier {

// The words a user may type for a document, sorted and distinct: its unprefixed terms
// (the folded, unstemmed title and body words of the analyser), and the words of its
// actors' keys and aliases (so that a misspelt actor name is corrected). Words with a
// digit are left out: "2031" is not a misspelling of "2021".
std::vector<std::string> spelling_words(const Xapian::Document& doc);

// Takes back the words of the document `did` before it is deleted (at once: --prune).
void remove_spelling_words(Xapian::WritableDatabase& db, Xapian::docid did);

// Before a run writes to `db`: gives a database without spelling data (indexed before it
// existed) its documents' words, and recounts them where a run did not finish
// (kSpellingPending); both in the next commit. Nothing to do otherwise.
void settle_spelling_data(Xapian::WritableDatabase& db);

// The spelling changes of one writer's documents, held until apply_to().
class SpellingChanges {
 public:
  // A new document's words.
  void add(const std::vector<std::string>& words);
  // The document `did` of `db` is replaced by one holding `words`: only the words that
  // differ change.
  void replace(const Xapian::WritableDatabase& db, Xapian::docid did,
               const std::vector<std::string>& words);
  // `word` is in the table already, counted for `articles`: the changes are relative to it.
  void counted_already(const std::string& word, Xapian::termcount articles) {
    delta_[word] -= articles;
  }
  // Distinct words held.
  std::size_t size() const { return delta_.size(); }
  // Hands the changes to `db` (its next commit writes them) and forgets them.
  void apply_to(Xapian::WritableDatabase& db);

 private:
  std::unordered_map<std::string, std::int64_t> delta_;  // by word: articles added - removed
};

// At most this many distinct words are held: past it a writer hands them over before its
// next commit (a long run over a large vocabulary stays in bounded memory, some 100 bytes
// a word).
inline constexpr std::size_t kMaxHeldSpellingWords = 500000;

}  // namespace dossier
