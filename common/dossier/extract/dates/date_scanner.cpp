#include "dossier/extract/dates/date_scanner.h"

#include <cstdint>
#include <optional>

#include "dossier/extract/dates/calendar_words.h"
#include "dossier/text/ascii_words.h"

namespace dossier {

namespace {

enum class TokenKind : std::uint8_t { Word, Number, Punct };

// A run of ASCII letters, a run of ASCII digits, or one other character (a whole UTF-8
// sequence counts as one). Whitespace only shows as the flags of the following token.
struct ScanToken {
  TokenKind kind = TokenKind::Punct;
  char punct = 0;               // the character of an ASCII Punct token, else 0
  bool gap_before = false;      // whitespace between this token and the previous one
  bool newline_before = false;  // ...and that whitespace holds a line break
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  int value = 0;  // a Number's value (numbers over 6 digits are never parts of dates: -1)

  std::uint32_t size() const { return end - begin; }
};

std::size_t utf8_sequence_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

std::vector<ScanToken> tokenize(std::string_view text) {
  std::vector<ScanToken> tokens;
  tokens.reserve(text.size() / 4);
  bool gap = false;
  bool newline = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (is_ascii_space(c)) {
      gap = true;
      newline = newline || c == '\n';
      ++i;
      continue;
    }
    ScanToken token;
    token.begin = static_cast<std::uint32_t>(i);
    token.gap_before = gap;
    token.newline_before = newline;
    if (is_ascii_letter(c)) {
      token.kind = TokenKind::Word;
      while (i < text.size() && is_ascii_letter(text[i])) ++i;
    } else if (is_ascii_digit(c)) {
      token.kind = TokenKind::Number;
      long value = 0;
      while (i < text.size() && is_ascii_digit(text[i])) {
        if (value <= 999999) value = value * 10 + (text[i] - '0');
        ++i;
      }
      token.value = (i - token.begin) > 6 ? -1 : static_cast<int>(value);
    } else {
      const auto lead = static_cast<unsigned char>(c);
      token.punct = lead < 0x80 ? c : 0;
      i += utf8_sequence_length(lead);
      if (i > text.size()) i = text.size();
    }
    token.end = static_cast<std::uint32_t>(i);
    tokens.push_back(token);
    gap = false;
    newline = false;
  }
  return tokens;
}

// Where a partial match ends (index of the next token) and what it read.
struct Part {
  int value = 0;
  std::size_t next = 0;
};

class Matcher {
 public:
  Matcher(std::string_view text, const std::vector<ScanToken>& tokens, DateOrder order)
      : text_(text), tokens_(tokens), order_(order) {}

  // The date starting at token `i`, if any; `next` receives the index after it.
  std::optional<DateMention> match_at(std::size_t i, std::size_t& next) const {
    const ScanToken& token = tokens_[i];
    if (token.kind == TokenKind::Word) {
      if (auto m = weekday_prefixed(i, next)) return m;
      return month_first(i, next);
    }
    if (token.kind == TokenKind::Number && starts_clean(i)) {
      if (auto m = year_first_numeric(i, next)) return m;
      if (auto m = day_first_numeric(i, next)) return m;
      return day_first(i, next);
    }
    return std::nullopt;
  }

 private:
  std::string_view word(std::size_t i) const {
    return text_.substr(tokens_[i].begin, tokens_[i].size());
  }
  bool is_kind(std::size_t i, TokenKind kind) const {
    return i < tokens_.size() && tokens_[i].kind == kind;
  }
  bool is_punct(std::size_t i, char c) const {
    return is_kind(i, TokenKind::Punct) && tokens_[i].punct == c;
  }
  // Token `i` exists and touches the previous one (no whitespace between).
  bool attached(std::size_t i) const { return i < tokens_.size() && !tokens_[i].gap_before; }
  // Token `i` exists and is on the same line as the previous one.
  bool same_line(std::size_t i) const { return i < tokens_.size() && !tokens_[i].newline_before; }
  bool capitalised(std::size_t i) const { return is_ascii_upper(text_[tokens_[i].begin]); }

  // A number token `i` continues past itself as in "23,000", "1.5" or "10:30".
  bool number_continues(std::size_t i) const {
    const std::size_t after = i + 1;
    if (!attached(after) || !is_kind(after, TokenKind::Punct)) return false;
    const char c = tokens_[after].punct;
    return (c == ',' || c == '.' || c == ':') && attached(after + 1) &&
           is_kind(after + 1, TokenKind::Number);
  }
  // Number token `i` is not the tail of a larger number ("1.5", "3/4/23/2019", "10:30").
  // A hyphen does not join: "10-12 January 2019" is a range ending in a date.
  bool starts_clean(std::size_t i) const {
    if (i < 2 || !attached(i) || !is_kind(i - 1, TokenKind::Punct)) return true;
    const char joiner = tokens_[i - 1].punct;
    if (joiner != '.' && joiner != ',' && joiner != ':' && joiner != '/') return true;
    return !(attached(i - 1) && is_kind(i - 2, TokenKind::Number));
  }

  std::optional<Part> month_word(std::size_t i) const {
    if (!is_kind(i, TokenKind::Word)) return std::nullopt;
    bool abbreviated = false;
    const int month = month_from_word(word(i), &abbreviated);
    if (month == 0) return std::nullopt;
    // Lower-case month names occur in sloppy copy ("Caracas, feb 26 -"), but "march",
    // "may" and "august" are also a verb, a modal and an adjective: those need a capital.
    const bool common_word = !abbreviated && (month == 3 || month == 5 || month == 8);
    if (!capitalised(i) && common_word) return std::nullopt;
    std::size_t next = i + 1;
    if (abbreviated && attached(next) && is_punct(next, '.')) ++next;  // "Jan."
    return Part{month, next};
  }

  std::optional<Part> day_number(std::size_t i) const {
    if (!is_kind(i, TokenKind::Number) || tokens_[i].size() > 2) return std::nullopt;
    const int day = tokens_[i].value;
    if (day < 1 || day > 31 || number_continues(i)) return std::nullopt;
    std::size_t next = i + 1;
    if (attached(next) && is_kind(next, TokenKind::Word)) {
      const std::string_view suffix = word(next);
      if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return std::nullopt;
      ++next;  // "28th"
    }
    return Part{day, next};
  }

  std::optional<Part> year_number(std::size_t i) const {
    if (!is_kind(i, TokenKind::Number) || tokens_[i].size() != 4) return std::nullopt;
    const int year = tokens_[i].value;
    if (year < 1000 || year > 2999 || number_continues(i)) return std::nullopt;
    if (attached(i + 1) && is_kind(i + 1, TokenKind::Word)) return std::nullopt;  // "2019th"
    return Part{year, i + 1};
  }

  // An optional comma then a year, all on the line of token `i - 1`.
  std::optional<Part> trailing_year(std::size_t i) const {
    if (!same_line(i)) return std::nullopt;
    if (is_punct(i, ',')) ++i;
    if (!same_line(i)) return std::nullopt;
    return year_number(i);
  }

  std::optional<DateMention> make(Date date, std::size_t first, std::size_t last_plus_one,
                                  std::size_t& next) const {
    // A date without a year is checked against a leap year, so "February 29" survives
    // until a year is known.
    const Date check = date.year == 0 ? Date{2000, date.month, date.day, date.precision} : date;
    if (!check.valid()) return std::nullopt;
    next = last_plus_one;
    return DateMention{date, tokens_[first].begin, tokens_[last_plus_one - 1].end, false};
  }

  // Month[.] Day[th][,] [Year]  |  Month[,] Year
  std::optional<DateMention> month_first(std::size_t i, std::size_t& next) const {
    const auto month = month_word(i);
    if (!month || !same_line(month->next)) return std::nullopt;
    if (const auto day = day_number(month->next)) {
      if (const auto year = trailing_year(day->next)) {
        return make(Date::of_day(year->value, month->value, day->value), i, year->next, next);
      }
      return make(Date::of_day(0, month->value, day->value), i, day->next, next);
    }
    if (const auto year = trailing_year(month->next)) {
      return make(Date::of_month(year->value, month->value), i, year->next, next);
    }
    return std::nullopt;
  }

  // Day[th] [of] Month[.][,] [Year]
  std::optional<DateMention> day_first(std::size_t i, std::size_t& next) const {
    const auto day = day_number(i);
    if (!day || !same_line(day->next)) return std::nullopt;
    std::size_t at = day->next;
    if (is_kind(at, TokenKind::Word) && word(at) == "of" && same_line(at + 1)) ++at;
    const auto month = month_word(at);
    if (!month) return std::nullopt;
    if (const auto year = trailing_year(month->next)) {
      return make(Date::of_day(year->value, month->value, day->value), i, year->next, next);
    }
    return make(Date::of_day(0, month->value, day->value), i, month->next, next);
  }

  // Weekday[.][,] followed by a month-first or day-first date; the weekday joins the span.
  std::optional<DateMention> weekday_prefixed(std::size_t i, std::size_t& next) const {
    if (!capitalised(i) || !is_weekday_word(word(i))) return std::nullopt;
    std::size_t at = i + 1;
    if (attached(at) && is_punct(at, '.')) ++at;
    if (same_line(at) && is_punct(at, ',')) ++at;
    if (!same_line(at)) return std::nullopt;
    auto mention = is_kind(at, TokenKind::Word) ? month_first(at, next) : day_first(at, next);
    if (mention) mention->begin = tokens_[i].begin;
    return mention;
  }

  // Numbers a<sep>b<sep>c touching each other, with one separator from `separators`.
  bool numeric_triple(std::size_t i, std::string_view separators) const {
    if (!attached(i + 1) || !attached(i + 2) || !attached(i + 3) || !attached(i + 4)) return false;
    if (!is_kind(i + 1, TokenKind::Punct) || !is_kind(i + 2, TokenKind::Number) ||
        !is_kind(i + 4, TokenKind::Number)) {
      return false;
    }
    const char sep = tokens_[i + 1].punct;
    return sep != 0 && separators.find(sep) != std::string_view::npos && is_punct(i + 3, sep);
  }

  // YYYY-MM-DD, YYYY/MM/DD
  std::optional<DateMention> year_first_numeric(std::size_t i, std::size_t& next) const {
    if (tokens_[i].size() != 4 || !numeric_triple(i, "-/")) return std::nullopt;
    if (tokens_[i + 2].size() > 2 || tokens_[i + 4].size() > 2 || number_continues(i + 4)) {
      return std::nullopt;
    }
    const int year = tokens_[i].value;
    if (year < 1000 || year > 2999) return std::nullopt;
    return make(Date::of_day(year, tokens_[i + 2].value, tokens_[i + 4].value), i, i + 5, next);
  }

  // D/M/YYYY (or M/D/YYYY), separators '/', '.' or '-'
  std::optional<DateMention> day_first_numeric(std::size_t i, std::size_t& next) const {
    if (tokens_[i].size() > 2 || !numeric_triple(i, "/.-")) return std::nullopt;
    if (tokens_[i + 2].size() > 2 || tokens_[i + 4].size() != 4 || number_continues(i + 4)) {
      return std::nullopt;
    }
    const int year = tokens_[i + 4].value;
    if (year < 1000 || year > 2999) return std::nullopt;
    const int first = tokens_[i].value;
    const int second = tokens_[i + 2].value;
    const Date dmy = Date::of_day(year, second, first);
    const Date mdy = Date::of_day(year, first, second);
    const Date& preferred = order_ == DateOrder::DMY ? dmy : mdy;
    const Date& fallback = order_ == DateOrder::DMY ? mdy : dmy;
    return make(preferred.valid() ? preferred : fallback, i, i + 5, next);
  }

  std::string_view text_;
  const std::vector<ScanToken>& tokens_;
  DateOrder order_;
};

}  // namespace

std::vector<DateMention> find_date_mentions(std::string_view text, DateOrder order) {
  const std::vector<ScanToken> tokens = tokenize(text);
  const Matcher matcher(text, tokens, order);
  std::vector<DateMention> mentions;
  std::size_t i = 0;
  while (i < tokens.size()) {
    std::size_t next = i + 1;
    if (auto mention = matcher.match_at(i, next)) {
      mentions.push_back(*mention);
      i = next;
    } else {
      ++i;
    }
  }
  return mentions;
}

}  // namespace dossier
