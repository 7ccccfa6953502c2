#include "dossier/text/analyzer.h"

#include "dossier/text/ascii_words.h"

#include <stdexcept>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

namespace dossier {
namespace {

// Letters with no canonical decomposition that readers nonetheless treat as accented
// variants of ASCII letters (Łódź, Ørsted, Đoković): fold them explicitly.
const char* special_fold(UChar32 c) {
  switch (c) {
    case 0x0142:
      return "l";  // ł
    case 0x00F8:
      return "o";  // ø
    case 0x0111:
      return "d";  // đ
    case 0x00F0:
      return "d";  // ð
    case 0x00FE:
      return "th";  // þ
    case 0x00E6:
      return "ae";  // æ
    case 0x0153:
      return "oe";  // œ
    case 0x0131:
      return "i";  // dotless ı
    case 0x0127:
      return "h";  // ħ
    default:
      return nullptr;
  }
}

bool is_apostrophe(UChar32 c) {
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

// Accent stripping is right for Latin, Greek and Cyrillic, where marks are diacritics;
// in Indic or Arabic scripts combining marks are vowels and must stay.
bool strips_marks(UChar32 base) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(base, &status);
  return script == USCRIPT_LATIN || script == USCRIPT_GREEK || script == USCRIPT_CYRILLIC ||
         script == USCRIPT_COMMON || script == USCRIPT_INHERITED;
}

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU: ") + what + ": " + u_errorName(status));
}

}  // namespace

Analyzer::Analyzer() : stemmer_("english"), stems_(stemmer_) {
  UErrorCode status = U_ZERO_ERROR;
  words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  check(status, "word break iterator");
  nfkc_casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
  check(status, "NFKC_Casefold");
  nfd_ = icu::Normalizer2::getNFDInstance(status);
  check(status, "NFD");
  nfc_ = icu::Normalizer2::getNFCInstance(status);
  check(status, "NFC");
}

Analyzer::~Analyzer() = default;

namespace {

// Most words of English news are ASCII, and snippets fold many words of each hit's text:
// ASCII words skip ICU's conversions (ascii_words.h gives the same fold).
std::string fold_ascii(std::string_view word) {
  std::string out;
  fold_ascii_word(word, out);
  return out;
}

bool is_ascii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

std::string Analyzer::fold(std::string_view word) const {
  if (is_ascii(word)) return fold_ascii(word);
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString src = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  icu::UnicodeString folded = nfkc_casefold_->normalize(src, status);
  if (U_FAILURE(status)) return {};
  // Possessive: "Venezuela's" is about Venezuela.
  const int32_t len = folded.length();
  if (len > 2 && folded.charAt(len - 1) == u's' && is_apostrophe(folded.charAt(len - 2))) {
    folded.truncate(len - 2);
  }
  const icu::UnicodeString decomposed = nfd_->normalize(folded, status);
  if (U_FAILURE(status)) return {};

  icu::UnicodeString kept;
  UChar32 base = 0;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    const int32_t mask = U_MASK(u_charType(c));
    if (mask & (U_GC_MN_MASK | U_GC_ME_MASK)) {
      if (base != 0 && !strips_marks(base)) kept.append(c);
      continue;
    }
    if (!(mask & (U_GC_L_MASK | U_GC_N_MASK | U_GC_MC_MASK))) continue;  // punctuation, symbols
    base = c;
    if (const char* ascii = special_fold(c)) {
      kept.append(icu::UnicodeString(ascii));
    } else {
      kept.append(c);
    }
  }
  const icu::UnicodeString composed = nfc_->normalize(kept, status);
  if (U_FAILURE(status)) return {};
  std::string out;
  composed.toUTF8String(out);
  return out;
}

namespace {

// Keeps a word the way the index does: folded, unless it folds to nothing or too long.
void keep_word(std::size_t begin, std::size_t end, std::string term, std::vector<Token>& tokens) {
  if (term.empty() || term.size() > kMaxWordTermBytes) return;
  tokens.push_back({begin, end, std::move(term)});
}

}  // namespace

std::vector<Token> Analyzer::tokenize(std::string_view text) {
  std::vector<Token> tokens;
  // About one word per six bytes of news text: growing the vector moved every token so far.
  tokens.reserve(text.size() / 6 + 1);
  std::vector<std::pair<std::size_t, std::size_t>> words;
  // ASCII whitespace always separates words, so the text is segmented chunk by chunk:
  // plain ASCII chunks by ascii_words(), runs of other chunks by ICU. An ICU run starts at
  // the space before it, as a combining mark after a space belongs to the space (WB4).
  std::size_t icu_begin = 0, icu_end = 0;  // pending ICU run, empty when equal
  const auto flush_icu = [&] {
    if (icu_begin == icu_end) return;
    tokenize_with_icu(text.substr(icu_begin, icu_end - icu_begin), icu_begin, tokens);
    icu_begin = icu_end = 0;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_ascii_space(text[i])) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    while (i < text.size() && !is_ascii_space(text[i])) ++i;
    const std::string_view chunk = text.substr(begin, i - begin);
    words.clear();
    if (!ascii_words(chunk, words)) {
      if (icu_begin == icu_end) icu_begin = begin > 0 ? begin - 1 : 0;
      icu_end = i;
      continue;
    }
    flush_icu();
    for (const auto& [b, e] : words) {
      keep_word(begin + b, begin + e, fold_ascii(chunk.substr(b, e - b)), tokens);
    }
  }
  flush_icu();
  return tokens;
}

void Analyzer::tokenize_with_icu(std::string_view text, std::size_t offset,
                                 std::vector<Token>& tokens) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  check(status, "utext_openUTF8");
  words_->setText(ut, status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    check(status, "BreakIterator::setText");
  }
  // With a UTF-8 UText the iterator's indices are byte offsets into `text`.
  int32_t start = words_->first();
  for (int32_t end = words_->next(); end != icu::BreakIterator::DONE;
       start = end, end = words_->next()) {
    if (words_->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    const auto b = static_cast<std::size_t>(start), e = static_cast<std::size_t>(end);
    keep_word(offset + b, offset + e, fold(text.substr(b, e - b)), tokens);
  }
  // Detach the iterator from the UText before closing it.
  words_->setText(icu::UnicodeString());
  utext_close(ut);
}

bool Analyzer::should_stem(std::string_view term) {
  if (term.empty()) return false;
  UChar32 c;
  int32_t i = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(term.data()), i, static_cast<int32_t>(term.size()), c);
  const int8_t type = u_charType(c);
  return type == U_LOWERCASE_LETTER || type == U_TITLECASE_LETTER || type == U_MODIFIER_LETTER ||
         type == U_OTHER_LETTER;
}

std::string fold_phrase(std::string_view text, Analyzer& analyzer) {
  std::string folded;
  for (const Token& token : analyzer.tokenize(text)) {
    if (!folded.empty()) folded += ' ';
    folded += token.term;
  }
  return folded;
}

}  // namespace dossier
