// Snippets: the passage of an article that best shows why it matched, with the matched
// words marked. Built on our Analyzer rather than MSet::snippet, whose own tokenizer does
// not fold accents: with it, a search for "guaido" could not mark "Guaidó".
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "dossier/analyzer.h"

namespace dossier {

// The terms a hit matched, split into exact folded words and stems, each with a weight
// (how much showing it is worth: rarer terms say more about why the article matched).
struct MatchTerms {
  // Hashes string_views too: a snippet looks up every word of a text without copying it.
  struct Hash : std::hash<std::string_view> {
    using is_transparent = void;
  };
  using Weights = std::unordered_map<std::string, double, Hash, std::equal_to<>>;
  Weights exact;  // "guaido"
  Weights stems;  // "sanction" (from "Zsanction")

  // Adds a Xapian term as stored in the index ("S...", "Z...", "ZS...", plain word);
  // filter and id terms (other prefixes) are ignored.
  void add_index_term(std::string_view term, double weight = 1.0);
  bool empty() const { return exact.empty() && stems.empty(); }
};

struct SnippetOptions {
  std::size_t max_bytes = 240;
  std::string mark_start = "**";
  std::string mark_end = "**";
  std::string ellipsis = "\xE2\x80\xA6";  // "…"
};

// The window of `text` (about max_bytes long, cut at word boundaries) with the greatest
// weight of distinct matched terms (then the most matches), with each match wrapped in the marks.
// Whitespace runs become one space. Without matches, the start of the text.
std::string make_snippet(std::string_view text, const MatchTerms& terms, Analyzer& analyzer,
                         const SnippetOptions& options = {});

}  // namespace dossier
