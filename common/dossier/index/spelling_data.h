// Xapian's spelling data (the "did you mean" dictionary, search/spelling.h), kept equal to
// the documents: each document adds its spelling words once, and takes them back when it
// is replaced or deleted, so a word's spelling frequency is the number of articles that
// hold it and a word no article holds is no longer suggested.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace dossier {

// The words a user may type for a document, sorted and distinct: its unprefixed terms
// (the folded, unstemmed title and body words of the analyser), and the words of its
// actors' keys and aliases (so that a misspelt actor name is corrected). Words with a
// digit are left out: "2031" is not a misspelling of "2021".
std::vector<std::string> spelling_words(const Xapian::Document& doc);

// Adds one article's words (add_spelling, frequency 1 each).
void add_spelling_words(Xapian::WritableDatabase& db, const std::vector<std::string>& words);
// Takes back the words of the document `did` before it is deleted.
void remove_spelling_words(Xapian::WritableDatabase& db, Xapian::docid did);
// Replaces the words of the document `did` by `words`: only the words that differ are
// touched (Xapian rewrites a word's trigram entries when it enters or leaves the table).
void replace_spelling_words(Xapian::WritableDatabase& db, Xapian::docid did,
                            const std::vector<std::string>& words);

// Gives a database its spelling data if it has none (schema::kSpellingKey unset): a new or
// empty one is marked, one written before spelling data existed gets its documents' words
// (one pass over them) and the mark, in its next commit.
void ensure_spelling_data(Xapian::WritableDatabase& db);

}  // namespace dossier
