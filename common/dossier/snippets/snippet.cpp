#include "dossier/snippets/snippet.h"

#include <algorithm>

#include "dossier/base/swar.h"
#include "dossier/text/ascii_words.h"

namespace dossier {
namespace {

// The length of the whitespace at text[i]: an ASCII space or a no-break space; else 0.
std::size_t space_length(std::string_view text, std::size_t i, std::size_t to) {
  if (is_ascii_space(text[i])) return 1;
  return text[i] == '\xC2' && i + 1 < to && text[i + 1] == '\xA0' ? 2 : 0;
}

// Whether text[from, to) needs no collapsing: no byte below ' ' (tabs, line breaks), no
// 0xC2 (a no-break space may start there), no two spaces in a row. Most of a snippet's
// passages are such, and are tested eight bytes at a time.
bool spaced_plainly(std::string_view text, std::size_t from, std::size_t to) {
  std::size_t i = from;
  for (; i + 9 <= to; i += 8) {
    const std::uint64_t w = swar::load8(text.data() + i);
    const std::uint64_t next = swar::load8(text.data() + i + 1);  // each byte's successor
    const std::uint64_t spaces = swar::zero_bytes(w ^ swar::kOnes * ' ');
    if (swar::any_byte_below(w, ' ') || swar::any_byte_is(w, 0xC2) ||
        (spaces & swar::zero_bytes(next ^ swar::kOnes * ' ')) != 0)
      return false;
  }
  for (; i < to; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < ' ' || c == 0xC2 || (c == ' ' && i + 1 < to && text[i + 1] == ' ')) return false;
  }
  return true;
}

// Copies text[from, to) collapsing whitespace runs (including newlines and no-break
// spaces) to one space, a run of other bytes at a time; a space never follows a space
// or starts the output.
void append_collapsed(std::string& out, std::string_view text, std::size_t from, std::size_t to) {
  if (from < to && spaced_plainly(text, from, to) &&
      (text[from] != ' ' || (!out.empty() && out.back() != ' '))) {
    out.append(text, from, to - from);
    return;
  }
  while (from < to) {
    std::size_t run = from;
    while (run < to && space_length(text, run, to) == 0) ++run;
    out.append(text, from, run - from);
    if (run == to) return;
    if (!out.empty() && out.back() != ' ') out += ' ';
    for (std::size_t n; run < to && (n = space_length(text, run, to)) > 0;) run += n;
    from = run;
  }
}

// The length of the punctuation at the end of out[0, size) that reads badly before "…" or
// at the start of a passage (", …", "- …", "— …"), or 0.
std::size_t dangling_length(std::string_view out) {
  if (out.empty()) return 0;
  constexpr std::string_view kDashes[] = {"\xE2\x80\x93", "\xE2\x80\x94"};  // – —
  for (const std::string_view dash : kDashes) {
    if (out.size() >= dash.size() && out.substr(out.size() - dash.size()) == dash)
      return dash.size();
  }
  constexpr std::string_view kDangling = " ,;:-([/&";
  return kDangling.find(out.back()) != std::string_view::npos ? 1 : 0;
}

// Whether the chunk at text[i] is nothing but dangling punctuation (a lone dash).
bool dangling_chunk(std::string_view text, std::size_t i) {
  std::size_t end = i;
  while (end < text.size() && !is_ascii_space(text[end])) ++end;
  std::string_view chunk = text.substr(i, end - i);
  while (const std::size_t n = dangling_length(chunk)) chunk.remove_suffix(n);
  return chunk.empty();
}

// Whether a whitespace-separated chunk starts at text[i].
bool chunk_starts_at(std::string_view text, std::size_t i) {
  return i < text.size() && !is_ascii_space(text[i]) && (i == 0 || is_ascii_space(text[i - 1]));
}

// True when text[i] opens a sentence: nothing but spaces and quotes (straight or curly)
// since the last '.', '!', '?' or line break, or the start of the text.
bool starts_sentence(std::string_view text, std::size_t i) {
  constexpr std::string_view kClosingQuotes[] = {"\xE2\x80\x9D", "\xE2\x80\x99"};  // ” ’
  while (i > 0) {
    const char c = text[i - 1];
    if (c == '.' || c == '!' || c == '?' || c == '\n') return true;
    if (c == ' ' || c == '\t' || c == '\r' || c == '"' || c == '\'') {
      --i;
      continue;
    }
    const auto quote =
        std::find_if(std::begin(kClosingQuotes), std::end(kClosingQuotes), [&](std::string_view q) {
          return i >= q.size() && text.substr(i - q.size(), q.size()) == q;
        });
    if (quote == std::end(kClosingQuotes)) return false;
    i -= quote->size();
  }
  return true;
}

// Where a passage that must show text[first_begin, last_end) starts: about a quarter of
// max_bytes before first_begin (the context that says what the match is about), at the
// start of a chunk, or at the first sentence start in that context.
std::size_t place_start(std::string_view text, std::size_t first_begin, std::size_t last_end,
                        std::size_t max_bytes) {
  const std::size_t context = max_bytes / 4;
  std::size_t earliest = first_begin > context ? first_begin - context : 0;
  if (last_end > max_bytes) earliest = std::max(earliest, last_end - max_bytes);
  std::size_t start = first_begin;
  for (std::size_t i = earliest; i < first_begin; ++i) {
    if (chunk_starts_at(text, i) && !dangling_chunk(text, i)) {
      start = i;
      break;
    }
  }
  for (std::size_t i = start; i <= first_begin; ++i) {
    if ((i == first_begin || (chunk_starts_at(text, i) && !dangling_chunk(text, i))) &&
        starts_sentence(text, i))
      return i;
  }
  return start;
}

bool text_before(std::string_view text, std::size_t begin) {
  for (std::size_t i = begin; i > 0; --i) {
    if (!is_ascii_space(text[i - 1])) return true;
  }
  return false;
}

// Whether a word (a letter or digit, or anything not ASCII) follows text[end].
bool words_after(std::string_view text, std::size_t end) {
  for (std::size_t i = end; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80 || is_ascii_alnum(text[i])) return true;
  }
  return false;
}

bool closes_sentence(char c) {
  return c == '.' || c == '"' || c == '?' || c == '!';
}

}  // namespace

SnippetMaker::SnippetMaker(const MatchTerms& terms, Analyzer& analyzer, SnippetOptions options)
    : analyzer_(analyzer), options_(std::move(options)), finder_(terms, analyzer) {}

std::string SnippetMaker::make(std::string_view text) {
  finder_.find(text, matches_);
  const std::size_t max_bytes = options_.max_bytes;
  if (matches_.empty()) {
    std::size_t start = 0;
    while (start < text.size() && is_ascii_space(text[start])) ++start;
    if (start == text.size()) return {};
    return render(text, start, cut_end(text, start, start + max_bytes, start));
  }
  const auto [first, last] = best_window();
  const std::size_t first_begin = matches_[first].begin, last_end = matches_[last - 1].end;
  const std::size_t start = place_start(text, first_begin, last_end, max_bytes);
  return render(text, start, cut_end(text, start, start + max_bytes, last_end));
}

std::string SnippetMaker::mark_all(std::string_view text) {
  finder_.find(text, matches_);
  std::string out;
  std::size_t copied = 0;
  for (const TermMatch& m : matches_) {
    out.append(text.substr(copied, m.begin - copied)).append(options_.mark_start);
    out.append(text.substr(m.begin, m.end - m.begin)).append(options_.mark_end);
    copied = m.end;
  }
  return out.append(text.substr(copied));
}

// A sliding window over the matches, not over all words: a text has far fewer.
std::pair<std::size_t, std::size_t> SnippetMaker::best_window() {
  const std::vector<double>& weights = finder_.key_weights();
  key_counts_.assign(weights.size(), 0);
  std::size_t best_first = 0, best_last = 1, best_count = 0;
  double best_weight = -1;
  for (std::size_t i = 0, j = 0; i < matches_.size(); ++i) {
    if (j <= i) ++key_counts_[matches_[j++].key];  // a match longer than the window
    while (j < matches_.size() && matches_[j].end - matches_[i].begin <= options_.max_bytes)
      ++key_counts_[matches_[j++].key];
    double weight = 0;  // summed in key order: equal sets weigh exactly the same
    for (std::size_t k = 0; k < weights.size(); ++k) {
      if (key_counts_[k] > 0) weight += weights[k];
    }
    const std::size_t count = j - i;
    if (weight > best_weight || (weight == best_weight && count > best_count)) {
      best_weight = weight;
      best_count = count;
      best_first = i;
      best_last = j;
    }
    --key_counts_[matches_[i].key];
  }
  return {best_first, best_last};
}

std::size_t SnippetMaker::cut_end(std::string_view text, std::size_t from, std::size_t limit,
                                  std::size_t at_least) {
  if (limit >= text.size()) return text.size();
  if (limit <= at_least) return at_least;
  // After the last whole chunk that fits.
  std::size_t end = limit;
  while (end > at_least && !is_ascii_space(text[end])) --end;
  if (is_ascii_space(text[end]) && end > from) return end;
  // One chunk runs from at_least past the limit (a long compound, a text without spaces):
  // after its last word that fits, segmented as in the whole text (analyzer.h).
  std::size_t chunk = at_least, chunk_end = limit;
  while (chunk > 0 && !is_ascii_space(text[chunk - 1])) --chunk;
  while (chunk_end < text.size() && !is_ascii_space(text[chunk_end])) ++chunk_end;
  const std::size_t segment = chunk > 0 ? chunk - 1 : 0;
  end = at_least;
  for (const Token& t : analyzer_.tokenize(text.substr(segment, chunk_end - segment))) {
    if (segment + t.end > limit) break;
    end = std::max(end, segment + t.end);
  }
  if (end > from) return end;
  // Not even one word fits: between two characters.
  end = limit;
  while (end > from && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}

std::string SnippetMaker::render(std::string_view text, std::size_t begin, std::size_t end) const {
  std::string out;
  out.reserve(end - begin + 64);
  if (text_before(text, begin)) out.append(options_.ellipsis).append(" ");
  std::size_t copied = begin;
  std::size_t marked = 0;  // the output up to here holds marks: never trimmed
  auto match = std::lower_bound(matches_.begin(), matches_.end(), begin,
                                [](const TermMatch& m, std::size_t at) { return m.begin < at; });
  for (; match != matches_.end() && match->end <= end; ++match) {
    append_collapsed(out, text, copied, match->begin);
    out.append(options_.mark_start).append(text.substr(match->begin, match->end - match->begin));
    out.append(options_.mark_end);
    marked = out.size();
    copied = match->end;
  }
  append_collapsed(out, text, copied, end);
  // Cut inside a chunk: keep a mark that closes the last word's sentence, if it fits.
  if (end < text.size() && end - begin < options_.max_bytes && closes_sentence(text[end]))
    out += text[end++];
  if (words_after(text, end)) {
    // The passage goes on after "…": no comma or dash before it (nor inside a mark).
    std::string_view kept = std::string_view(out).substr(marked);
    while (const std::size_t n = dangling_length(kept)) kept.remove_suffix(n);
    out.resize(marked + kept.size());
    out += ' ';
    out += options_.ellipsis;
  } else {
    while (!out.empty() && out.back() == ' ') out.pop_back();
  }
  return out;
}

std::string make_snippet(std::string_view text, const MatchTerms& terms, Analyzer& analyzer,
                         const SnippetOptions& options) {
  return SnippetMaker(terms, analyzer, options).make(text);
}

}  // namespace dossier
