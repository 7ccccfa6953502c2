// Snippets: the passage of an article that best shows why it matched, with the matched
// words marked. Built on our Analyzer rather than MSet::snippet, whose own tokenizer does
// not fold accents: with it, a search for "guaido" could not mark "Guaidó".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dossier/snippets/match_finder.h"
#include "dossier/text/analyzer.h"

namespace dossier {

struct SnippetOptions {
  std::size_t max_bytes = 240;  // of the article's text shown (marks and ellipses aside)
  std::string mark_start = "**";
  std::string mark_end = "**";
  std::string ellipsis = "\xE2\x80\xA6";  // "…"
};

// Makes the snippets of one query's hits. Built once per query: the words it folds and
// looks up (stems included) are remembered across hits. Not thread-safe (it uses the
// Analyzer): one per query and thread.
class SnippetMaker {
 public:
  SnippetMaker(const MatchTerms& terms, Analyzer& analyzer, SnippetOptions options = {});

  // The passage of `text` (valid UTF-8) holding the greatest weight of distinct matched
  // terms within max_bytes (then the most matches, then the earliest), with a little
  // context before its first match, starting at a sentence when one starts there. Cut at
  // whitespace (inside a chunk longer than what is left, at a word boundary), whitespace
  // runs shown as one space, every match in it wrapped in the marks, an ellipsis where
  // text was left out. Without matches, the start of the text. Empty for blank text.
  std::string make(std::string_view text);
  // All of `text` (a title) with every match in it wrapped in the marks.
  std::string mark_all(std::string_view text);

 private:
  // The matches [first, last) of the best window.
  std::pair<std::size_t, std::size_t> best_window();
  // Where a passage starting at `from` ends: at most at `limit`, at least at `at_least`.
  std::size_t cut_end(std::string_view text, std::size_t from, std::size_t limit,
                      std::size_t at_least);
  std::string render(std::string_view text, std::size_t begin, std::size_t end) const;

  Analyzer& analyzer_;
  SnippetOptions options_;
  MatchFinder finder_;
  std::vector<TermMatch> matches_;  // of the current text, reused across hits
  std::vector<std::size_t> key_counts_;
};

// One snippet: a SnippetMaker used once.
std::string make_snippet(std::string_view text, const MatchTerms& terms, Analyzer& analyzer,
                         const SnippetOptions& options = {});

}  // namespace dossier
