// The one text analyser: index-time and query-time text both go through it, so a word
// written "Guaidó", "GUAIDO" or "guaido" is always the same term.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "dossier/text/stem_cache.h"

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
class Normalizer2;
U_NAMESPACE_END

namespace dossier {

// One word of a text: where it is (byte offsets into the analysed UTF-8) and its term.
struct Token {
  std::size_t begin = 0;  // byte offset of the first byte of the word
  std::size_t end = 0;    // byte offset one past the word
  std::string term;       // folded form: NFKC, case- and accent-folded, no punctuation

  std::string_view surface(std::string_view text) const { return text.substr(begin, end - begin); }
};

// Words longer than this (in bytes, once folded) are not indexed: they are URLs, hashes or
// base64 blobs. (Not the longest term Xapian stores: that is schema::kMaxTermBytes.)
inline constexpr std::size_t kMaxWordTermBytes = 64;

// ICU word segmentation + folding + Snowball stemming. Holds ICU iterators, so an
// Analyzer is NOT thread-safe: make one per thread (construction is cheap).
class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Splits valid UTF-8 `text` into words (ICU word boundaries, letters/numbers/ideographs
  // only) and folds each. Words that fold to nothing are dropped. Runs of plain ASCII
  // words take a fast path (ascii_words.h) with the same result as ICU.
  std::vector<Token> tokenize(std::string_view text);

  // The same with ICU's word segmentation everywhere: the reference the fast path is
  // tested against. Appends to `tokens`, offsets counted from `offset` bytes before `text`.
  void tokenize_with_icu(std::string_view text, std::size_t offset, std::vector<Token>& tokens);

  // Folds one word: NFKC, full case folding, accents removed from Latin/Greek/Cyrillic
  // letters, a trailing possessive "'s" dropped, and everything that is not a letter, a
  // number or a spacing mark dropped ("U.S." -> "us", "1,080" -> "1080").
  std::string fold(std::string_view word) const;

  // Stem of a folded term ("Z"-prefixed stemmed terms live beside the exact ones), valid
  // until the next call.
  std::string_view stem(std::string_view term) { return stems_(term); }
  const Xapian::Stem& stemmer() const { return stemmer_; }

  // Whether Xapian's QueryParser (STEM_SOME) would stem this term: only terms that start
  // with a letter. The indexer uses the same rule so both sides agree.
  static bool should_stem(std::string_view term);

 private:
  std::unique_ptr<icu::BreakIterator> words_;
  const icu::Normalizer2* nfkc_casefold_;
  const icu::Normalizer2* nfd_;
  const icu::Normalizer2* nfc_;
  Xapian::Stem stemmer_;
  StemCache stems_;
};

// The folded terms of `text` joined by single spaces ("Nicolás  MADURO!" -> "nicolas
// maduro"): the one key under which index terms, query words, lexicon entries, actor
// names and sources are compared, so both sides of every lookup fold alike.
std::string fold_phrase(std::string_view text, Analyzer& analyzer);

// English stop words, used at query time only (the Xapian way: a stop word is dropped
// unless the query needs it, e.g. inside a phrase). Documents index every word.
const Xapian::Stopper& english_stopper();

}  // namespace dossier
