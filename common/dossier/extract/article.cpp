#include "dossier/extract/article.h"

#include <algorithm>
#include <array>
#include <limits>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "dossier/base/utf8.h"
#include "dossier/extract/dates/date_scanner.h"
#include "dossier/text/ascii_words.h"

namespace dossier {
namespace {

// Longest line that can still be a headline (bytes) and its word-count bounds.
constexpr std::size_t kMaxHeadlineBytes = 250;
constexpr std::size_t kMinHeadlineWords = 2;
constexpr std::size_t kMaxHeadlineWords = 30;

// Openings of lines that are page furniture rather than article text, lower-case ASCII.
// They are generic web-news widgets, not phrases of any one site.
constexpr std::array<std::string_view, 26> kBoilerplateOpenings = {
    "read more",
    "read also",
    "also read",
    "subscribe",
    "sign up",
    "download adobe flash",
    "follow us",
    "click here",
    "share this",
    "advertisement",
    "- advertisement",
    "get real time updates",
    "the code has been copied",
    "the url has been copied",
    "no media source currently available",
    "direct link",
    "log in or register",
    "to participate in the discussion",
    "get the latest news from",
    "all rights reserved",
    "newsfeed",
    "related:",
    "watch:",
    "click to share",
    "share on",
    "this video",
};

// A line without the spaces around it: ASCII spaces and no-break spaces (U+00A0), common
// padding in scraped pages.
std::string_view trim_line(std::string_view s) {
  constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
  s = trim(s, kAsciiSpaces);
  while (s.starts_with(kNoBreakSpace)) s = trim(s.substr(kNoBreakSpace.size()), kAsciiSpaces);
  while (s.ends_with(kNoBreakSpace))
    s = trim(s.substr(0, s.size() - kNoBreakSpace.size()), kAsciiSpaces);
  return s;
}

// Words separated by spaces or tabs, counted up to `limit` (a boilerplate check needs
// only to know whether there are more than four).
std::size_t count_words(std::string_view s,
                        std::size_t limit = std::numeric_limits<std::size_t>::max()) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word && ++words == limit) return words;
    in_word = !space;
  }
  return words;
}

// Whether `s` has a run of `n` letters (any script) in a row. Every line of every article
// is checked: ASCII letters are told without ICU, and the scan stops at the first run.
bool has_letter_run(std::string_view s, std::size_t n) {
  std::size_t run = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    bool letter;
    if (bytes[i] < 0x80) {
      letter = is_ascii_letter(static_cast<char>(bytes[i++]));
    } else {
      UChar32 c;
      U8_NEXT(bytes, i, length, c);
      letter = c >= 0 && u_isalpha(c);
    }
    run = letter ? run + 1 : 0;
    if (run == n) return true;
  }
  return false;
}

// True when the line has letters and none of them is lower-case.
bool is_all_caps(std::string_view s) {
  bool letters = false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || !u_isalpha(c)) continue;
    if (u_islower(c)) return false;
    letters = true;
  }
  return letters;
}

// A short line that ends with a date is a dateline ("LONDON 1996-08-30",
// "WASHINGTON, Jan. 5"), not a headline.
bool is_dateline(std::string_view line, std::size_t words) {
  constexpr std::size_t kMaxDatelineWords = 8;
  if (words > kMaxDatelineWords) return false;
  const auto mentions = find_date_mentions(line, DateOrder::DMY);
  if (mentions.empty()) return false;
  return trim_line(line.substr(mentions.back().end)).empty();
}

// A short line led by a date, such as a page's publication date on its own.
bool is_date_line(std::string_view line) {
  constexpr std::size_t kMaxDateLineBytes = 40;
  if (line.size() > kMaxDateLineBytes || !is_ascii_digit(line.front())) return false;
  const auto mentions = find_date_mentions(line, DateOrder::DMY);
  return !mentions.empty() && mentions.front().begin == 0;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t nl = text.find('\n', start);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    lines.push_back(text.substr(start, end - start));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

// Joins the lines worth indexing, skipping boilerplate and (once) the line used as title.
std::string clean_body(const std::vector<std::string_view>& lines, std::string_view title) {
  std::string body;
  bool title_skipped = title.empty();
  for (const auto raw : lines) {
    const auto line = trim_line(raw);
    if (is_boilerplate_line(line)) continue;
    if (!title_skipped && line == title) {
      title_skipped = true;
      continue;
    }
    if (!body.empty()) body += '\n';
    body += line;
  }
  return body;
}

}  // namespace

bool is_boilerplate_line(std::string_view line) {
  line = trim_line(line);
  if (line.empty()) return true;
  // A line with no word of three letters is a counter, a size or a bullet ("0 2,736",
  // "270p | 9.2MB").
  // A date on a line of its own ("28.01.2019", "2019-01-28T10:15:00Z") is kept: it may be
  // the dateline.
  if (!has_letter_run(line, 3)) return !is_date_line(line);
  // A lone word is a section label or a widget ("World", "Discuss", "Newsfeed").
  const std::size_t words = count_words(line, 5);
  if (words <= 1) return !is_date_line(line);
  // "- Site Name" lines are the tail of a page title split off by the scraper.
  if ((line.front() == '-' || line.front() == '|') && words <= 4) return true;
  for (const auto opening : kBoilerplateOpenings) {
    if (starts_with_ascii_ci(line, opening)) return true;
  }
  return false;
}

bool looks_like_headline(std::string_view line) {
  line = trim_line(line);
  if (is_boilerplate_line(line) || line.size() > kMaxHeadlineBytes) return false;
  const std::size_t words = count_words(line);
  if (words < kMinHeadlineWords || words > kMaxHeadlineWords) return false;
  const char first = line.front();
  if (first == '-' || first == '|' || first == '(' || is_ascii_lower(first)) return false;
  if (line.substr(0, 2) == "\xC2\xA9") return false;  // "©" photo credits
  // Headlines do not end like sentences or lead-ins; wire headlines in capitals, or
  // tokenised ones (" ."), may end with a full stop.
  const char last = line.back();
  if (last == ',' || last == ':' || last == ';') return false;
  if (last == '.' && !is_all_caps(line) && !line.ends_with(" .")) return false;
  return !is_dateline(line, words);
}

Article parse_article(std::string id, std::string_view raw_bytes) {
  const std::string text = repair_utf8(raw_bytes);
  const auto lines = split_lines(text);
  std::string_view title;
  for (const auto raw : lines) {
    if (looks_like_headline(raw)) {
      title = trim_line(raw);
      break;
    }
  }
  Article a;
  a.id = std::move(id);
  a.title = std::string(title);
  a.body = clean_body(lines, title);
  return a;
}

Article make_article(std::string id, std::string_view title, std::string_view body) {
  Article a;
  a.id = std::move(id);
  a.title = std::string(trim_line(repair_utf8(title)));
  a.body = clean_body(split_lines(repair_utf8(body)), {});
  return a;
}

}  // namespace dossier
