// Where the words a query matched occur in a text, found in one pass without segmenting
// or folding most of it: the first step of a snippet.
#pragma once

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dossier/snippets/word_start_scan.h"
#include "dossier/text/analyzer.h"

namespace dossier {

// The terms a hit matched, split into exact folded words and stems, each with a weight
// (how much showing it is worth: rarer terms say more about why the article matched).
struct MatchTerms {
  // Hashes string_views too: a snippet looks up words of a text without copying them.
  struct Hash : std::hash<std::string_view> {
    using is_transparent = void;
  };
  using Weights = std::unordered_map<std::string, double, Hash, std::equal_to<>>;
  Weights exact;     // "guaido"
  Weights stems;     // "sanction" (from "Zsanction")
  Weights prefixes;  // "elect" (from a wildcard "elect*"): any word starting so

  // Adds a Xapian term as stored in the index ("S...", "Z...", "ZS...", plain word);
  // filter and id terms (other prefixes) are ignored.
  void add_index_term(std::string_view term, double weight = 1.0);
  // Adds a wildcard's prefix as an index term ("elect", "Select" for title:elect*).
  void add_index_prefix(std::string_view prefix, double weight = 1.0);
  bool empty() const { return exact.empty() && stems.empty() && prefixes.empty(); }
};

// One word of a text that matches: its bytes and which distinct term it is.
struct TermMatch {
  std::size_t begin = 0;  // byte offset of the word in the text
  std::size_t end = 0;    // one past it
  std::size_t key = 0;    // index into MatchFinder::key_weights()
};

// Finds the words of texts that fold to a matched word or stem to a matched stem, exactly
// as Analyzer::tokenize would segment and fold the whole text. Remembers each word it
// folded and looked up, so the hits of one query share that work. Not thread-safe (holds
// the Analyzer and its cache): one per query and thread.
class MatchFinder {
 public:
  MatchFinder(const MatchTerms& terms, Analyzer& analyzer);

  // Replaces `matches` with the matching words of `text` (valid UTF-8), in text order.
  void find(std::string_view text, std::vector<TermMatch>& matches);

  // The weight of each distinct term: an exact word and a stem are distinct terms.
  const std::vector<double>& key_weights() const { return key_weights_; }

 private:
  // The key of a folded word, or kNoKey when it matches nothing.
  static constexpr std::size_t kNoKey = static_cast<std::size_t>(-1);
  std::size_t key_of(std::string_view folded);

  using KeyMap = std::unordered_map<std::string, std::size_t, MatchTerms::Hash, std::equal_to<>>;

  // Looks for matches in text[begin, end), a whitespace-free chunk that may hold one.
  void find_in_chunk(std::string_view text, std::size_t begin, std::size_t end,
                     std::vector<TermMatch>& matches);
  void find_in_ascii_chunk(std::string_view chunk, std::size_t offset,
                           std::vector<TermMatch>& matches);
  void find_with_analyzer(std::string_view text, std::size_t begin, std::size_t end,
                          std::vector<TermMatch>& matches);
  // `stem`: a word's fold may end differently from the term's last byte; `prefix`: the
  // fold may go on after the term.
  void allow_start(std::string_view term, bool stem, bool prefix = false);
  // Whether a folded word starting with these two bytes ('\0' for a one-byte word) may match.
  bool may_start(char first, char second) const;
  // Whether one starting with these three (that passed may_start) may.
  bool may_continue(char first, char second, char third) const;

  Analyzer& analyzer_;
  KeyMap exact_keys_;
  KeyMap stem_keys_;
  std::vector<std::pair<std::string, std::size_t>> prefix_keys_;  // a query has a few
  std::vector<double> key_weights_;
  // The English Snowball stemmer never changes a word's first letter, so only words whose
  // fold starts like a matched word or stem can match: the scan passes over the others.
  WordStartScan scan_;
  // The first two bytes of the folded words that can match, as 65,536 bits: words that
  // start like a term ("th..." for a query "thistle" in a text full of "the") are passed
  // over without a lookup. English stems keep a word's first two bytes except stems of
  // one byte ("oed" -> "o") and Snowball's exceptions "dying", "lying", "tying".
  std::bitset<65536> start_pairs_;
  // The third bytes that can follow each allowed pair: Snowball keeps all of an English
  // word's stem but its last byte ("sanction" <- "sanctions", "happi" <- "happy"; checked
  // against the 285,000 words of wamerican-huge, where only "dying", "lying" and "tying"
  // differ, in their second byte), so a word can only match a term of three bytes or
  // more, or a stem of four or more, if it starts with the same three. Words that start
  // like "the" for a query "thistle" are passed over without a lookup.
  struct ThirdBytes {
    std::size_t pair = 0;
    bool any = false;  // a shorter term or stem starts with the pair: every third byte
    std::bitset<256> allowed{};
  };
  std::vector<ThirdBytes> third_bytes_;
  std::bitset<256> any_after_;  // first bytes of one-byte stems: anything goes
  KeyMap cache_;                // folded word -> key or kNoKey, for words passing the tests above
  std::string folded_;
  std::vector<std::pair<std::size_t, std::size_t>> words_;
};

}  // namespace dossier
