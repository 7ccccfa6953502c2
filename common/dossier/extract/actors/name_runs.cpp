// The rules that find and type names in running text: capitalised runs, peeled of titles,
// leading countries and sentence-initial words, then typed by their cues.
#include <algorithm>
#include <optional>

#include "dossier/extract/acronym_definitions.h"
#include "dossier/extract/actors/article_scan.h"
#include "dossier/extract/actors/cue_words.h"
#include "dossier/text/ascii_words.h"

namespace dossier::detail {
namespace {

bool is_roman_numeral(std::string_view term) {
  return !term.empty() && term.size() <= 4 && std::all_of(term.begin(), term.end(), [](char c) {
    return c == 'i' || c == 'v' || c == 'x';
  });
}

bool is_plural_title(std::string_view term) {
  return term.size() > 2 && term.ends_with('s') &&
         cues::is_person_title(term.substr(0, term.size() - 1));
}

// A name straight after a person's title: "Prince Charles", "Lord Archer", "President
// Clinton" (not the river, the town, the county). Not a title's place: "Archbishop of
// Canterbury", "Senator Gramm of Texas".
bool titled_name(const std::vector<TextWord>& words, std::size_t first) {
  return first > 0 && words[first].joins_previous &&
         (cues::is_person_title(words[first - 1].term) || is_plural_title(words[first - 1].term));
}

// "The Dukes of Hazzard", "The Simpsons": no person is named with a capitalised "The"
// inside a sentence; a run the rules would make one names a work or a band.
bool titled_work(const Mention& m, const RunContext& context) {
  return m.type == ActorType::Person && context.named_with_the && !context.after_title;
}

bool starts_name(const TextWord& w) {
  // "A" is an article unless it is an initial ("A. Hollioake").
  return w.capitalised && !w.numeric && !cues::is_never_actor(w.term) &&
         (!cues::is_function_word(w.term) || w.initial);
}

// "AT&T": capitals that "&" joins to the next capitalised word are a firm's initials, even
// when they spell a function word.
bool ampersand_initials(const std::vector<TextWord>& words, std::size_t i) {
  const TextWord& w = words[i];
  return w.all_caps && w.term.size() <= kMaxAmpersandInitials && i + 1 < words.size() &&
         words[i + 1].ampersand_before && words[i + 1].capitalised;
}

// "MP3", "JUL7", "A380": codes, formats and models, never an actor on their own.
bool has_digit(std::string_view term) {
  return std::any_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "AAA", "AA", "BBB" (S&P's scale, one letter of A to C repeated) or "Aa", "Baa", "Caa"
// (Moody's: A to C, then one or two a's), as written in capitals or not.
bool is_rating_grade(std::string_view term) {
  if (term.size() < 2 || term.size() > 3 || term[0] < 'a' || term[0] > 'c') return false;
  const char rest = term[0] == 'a' ? 'a' : term[1];
  return (rest == term[0] || rest == 'a') &&
         std::all_of(term.begin() + 1, term.end(), [&](char c) { return c == rest; });
}

// Words that say an article speaks of credit ratings ("S and P lowered the debt to AA").
bool speaks_of_ratings(const std::vector<TextWord>& words) {
  return std::any_of(words.begin(), words.end(), [](const TextWord& w) {
    return !w.capitalised && (w.term == "rating" || w.term == "ratings" || w.term == "rated");
  });
}

// "PVRs", "SUVs", "NGOs": two capitals or more and a plural "s" (a possessive "BBC's" is
// not one: the surface has lost its "'s"). The singular's folded term, or nothing.
std::optional<std::string> plural_acronym(const TextWord& w) {
  const std::string_view s = w.surface;
  if (s.size() < 3 || s.back() != 's' || w.term.size() != s.size()) return std::nullopt;
  if (!std::all_of(s.begin(), s.end() - 1, is_ascii_upper)) return std::nullopt;
  return std::string(w.term.substr(0, w.term.size() - 1));
}

// "Ata-ur-Rehman", "Stratford-upon-Avon": a lower-case word hyphenated on both sides.
bool hyphenated_inside(const std::vector<TextWord>& words, std::size_t i) {
  return i + 1 < words.size() && words[i].hyphen_before && words[i + 1].hyphen_before &&
         words[i].term.size() <= 4 && starts_name(words[i + 1]);
}

// Whether the run words[first..last] continues a list of works that ended at
// words[previous_work] ("the films The Aviator and Million Dollar Baby").
bool continues_works(const std::vector<TextWord>& words, std::size_t first, std::size_t last,
                     std::optional<std::size_t> previous_work) {
  // Joined by "and" or "or"; not a comma, which also opens an apposition ("star of the TV
  // programme The OC, Micha Barton").
  if (!previous_work || first != *previous_work + 2 ||
      words[first].line != words[*previous_work].line)
    return false;
  // "..., and Ray Charles biopic Ray": a name before a noun for a work is its subject, and
  // one in the possessive its author ("... and Mike Leigh's abortion drama Vera Drake").
  if (words[last].possessive ||
      (last + 1 < words.size() && cues::is_work_noun(words[last + 1].term)))
    return false;
  const TextWord& joint = words[*previous_work + 1];
  return (joint.term == "and" || joint.term == "or") && !joint.capitalised;
}

// Where money is named in words[first..last]: a currency's name ending the run, or the
// word "currency" anywhere ("European Currency Unit"); nullopt for none.
std::optional<std::size_t> currency_at(const std::vector<TextWord>& words, std::size_t first,
                                       std::size_t last) {
  for (std::size_t i = first; i <= last; ++i)
    if (cues::is_currency_word(words[i].term) &&
        (i == last || words[i].term == "currency" || words[i].term == "currencies"))
      return i;
  return std::nullopt;
}

// Whether words[noun] ends a person title's complement ("chairman of both companies").
bool titled_complement(const std::vector<TextWord>& words, std::size_t noun) {
  for (std::size_t i = noun; i > 0 && noun - i < kTitleComplementWords; --i)
    if (words[i - 1].term == "of") return i >= 2 && cues::is_person_title(words[i - 2].term);
  return false;
}

// Whether words[opener], "including", "like" or "such as" before a list, follows a plural
// noun for firms, maybe after a comma ("carmakers, including Hyundai and Toyota", "firms
// such as Siemens"). Not "film-makers like ...", nor a title's complement.
bool announced_by_firms_noun(const std::vector<TextWord>& words, std::size_t opener) {
  if (!words[opener + 1].joins_previous) return false;
  if (words[opener].term == "as") {
    if (opener == 0 || words[opener - 1].term != "such" || !words[opener].joins_previous)
      return false;
    --opener;
  }
  if (opener == 0 || words[opener].line != words[opener - 1].line) return false;
  const TextWord& noun = words[opener - 1];
  return (!noun.capitalised || noun.sentence_start) && cues::is_firms_noun(noun.term) &&
         !noun.hyphen_before && !titled_complement(words, opener - 1);
}

// Whether the run at words[first] is one of the names listed after a plural noun for
// firms ("chip makers AMD and Intel", "the banks Barclays, HSBC and Lloyds", "carmakers,
// including Hyundai and Toyota").
bool listed_after_firms(const std::vector<TextWord>& words, std::size_t first) {
  std::size_t k = first;  // the first word of a listed name
  for (std::size_t items = 0; items < kMaxListedFirms && k > 0; ++items) {
    const TextWord& before = words[k - 1];
    if (before.line != words[k].line) return false;
    if (!before.capitalised) {
      // Not "film-makers", "policy-makers": people; nor the complement of a person's title
      // ("chairman of both companies Li Ka-shing").
      if (cues::is_firms_noun(before.term))
        return words[k].joins_previous && !before.hyphen_before && !titled_complement(words, k - 1);
      if (cues::is_list_opener(before.term)) return announced_by_firms_noun(words, k - 1);
      if ((before.term != "and" && before.term != "or") || k < 2 || !words[k - 2].capitalised ||
          words[k - 1].comma_before)
        return false;
      k -= 2;  // the last word of the name before "and"
    } else {
      if (!words[k].comma_before) return false;  // one longer name, not a list
      k -= 1;
    }
    while (k > 0 && words[k - 1].capitalised && words[k].joins_previous && !words[k].comma_before)
      --k;
  }
  return false;
}

// "Enron's shareholders", "Sony Ericsson's profits", "shares in Yukos", "a stake in Gazprom":
// what only a firm has, or what is held in one, around words[first..last].
bool in_firm_context(const std::vector<TextWord>& words, std::size_t first, std::size_t last) {
  if (words[last].possessive) {
    if (last + 1 >= words.size()) return false;
    const TextWord& next = words[last + 1];
    if (next.capitalised || next.line != words[last].line || next.comma_before) return false;
    return cues::is_firm_possession(next.term) ||
           (next.term == "chief" && last + 2 < words.size() && words[last + 2].term == "executive");
  }
  // Not an owner before a name of its own: "shares in Murdoch's News Corp" ends above. Nor
  // a run cut short ("shares of Class A stock", "a stake in Pay 'N Pak").
  const bool cut_short = last + 1 < words.size() && words[last + 1].capitalised &&
                         !words[last + 1].sentence_start &&
                         words[last + 1].line == words[last].line;
  return !cut_short && first >= 2 &&
         (words[first - 1].term == "in" || words[first - 1].term == "of") &&
         !words[first - 1].capitalised && words[first - 1].joins_previous &&
         words[first].joins_previous && !words[first - 2].capitalised &&
         cues::is_firm_holding(words[first - 2].term);
}

// "Siemens, the world's fourth-largest maker of mobile phones", "Kidde, the fire protection
// group,", "Orion Multisystems, a new company founded by": the run ending at words[last] in
// apposition to a noun for a firm. Not "Smith, the company's chairman" (a possessive) nor
// "Jones, a bank clerk" (the noun before another: a modifier).
bool followed_by_firm_apposition(const std::vector<TextWord>& words, std::size_t last) {
  const std::size_t det = last + 1;
  if (det >= words.size() || !words[det].comma_before || words[det].line != words[last].line ||
      words[last].possessive)
    return false;
  const std::string_view article = words[det].term;
  if (article != "the" && article != "a" && article != "an") return false;
  for (std::size_t k = det + 1; k <= det + kApposedFirmWords && k < words.size(); ++k) {
    const TextWord& w = words[k];
    // The "'s" of a possessive stands between it and the next word ("world's largest").
    if ((!w.joins_previous && !words[k - 1].possessive) || w.line != words[det].line) return false;
    if (w.possessive || w.capitalised || !cues::is_apposed_firm_noun(w.term)) continue;
    const bool phrase_ends = k + 1 >= words.size() || !words[k + 1].joins_previous ||
                             cues::ends_apposed_head(words[k + 1].term);
    if (phrase_ends) return true;
  }
  return false;
}

// "Exxon Corp <XON>", "Apple Computer (NASDAQ: AAPL)": where the stock symbol after
// words[last] is, when there is one (after its exchange's name, if any).
std::optional<std::size_t> symbol_after(const std::vector<TextWord>& words, std::size_t last) {
  const std::size_t symbol =
      last + 2 < words.size() && words[last + 1].exchange ? last + 2 : last + 1;
  if (symbol < words.size() && words[symbol].ticker) return symbol;
  return std::nullopt;
}

// "Wasps coach Warren Gatland", "Reds boss Rafael Benitez": words[first..last] is the team
// or firm whose role a person, opening with a given name, holds.
bool heads_a_holder(const std::vector<TextWord>& words, std::size_t last,
                    const ActorLexicon& lexicon) {
  if (last + 3 >= words.size()) return false;
  const TextWord& role = words[last + 1];
  const TextWord& given = words[last + 2];
  return !role.capitalised && role.joins_previous && cues::is_team_role(role.term) &&
         given.capitalised && given.joins_previous && lexicon.is_given_name(given.term) &&
         words[last + 3].capitalised && words[last + 3].joins_previous;
}

// Whether words[first] ends a longer name joined by "and" or "of" ("Ways and Means"); not
// a list ("Liverpool, and Reds").
bool ends_joined_name(const std::vector<TextWord>& words, std::size_t first) {
  if (first < 2) return false;
  const TextWord& joint = words[first - 1];
  return (joint.term == "and" || joint.term == "of") && !joint.capitalised && !joint.comma_before &&
         words[first - 2].capitalised;
}

// "BBC1", "ITV2", "RTE1": capitals and a number after them.
bool numbered_channel(const TextWord& w) {
  const std::string_view surface = w.surface;
  const std::size_t letters = surface.find_first_of("0123456789");
  if (letters < 2 || letters > 4 || surface.size() - letters > 2) return false;
  return std::all_of(surface.begin(), surface.begin() + static_cast<std::ptrdiff_t>(letters),
                     [](char c) { return c >= 'A' && c <= 'Z'; }) &&
         std::all_of(surface.begin() + static_cast<std::ptrdiff_t>(letters), surface.end(),
                     is_ascii_digit);
}

// "Channel 4", "Radio 1", "TV 2": a number straight after a noun a broadcaster numbers its
// channels or stations by ends the name of one. Not a figure that goes on (a table's
// "Radio 4 12 7"), nor one of more than two digits ("Channel 2004").
bool numbered_station(const std::vector<TextWord>& words, std::size_t noun) {
  if (noun + 1 >= words.size() || !words[noun].capitalised ||
      !cues::is_station_noun(words[noun].term))
    return false;
  const TextWord& number = words[noun + 1];
  if (!number.joins_previous || number.hyphen_before || number.line != words[noun].line ||
      number.surface.empty() || number.surface.size() > 2 ||
      !std::all_of(number.surface.begin(), number.surface.end(), is_ascii_digit))
    return false;
  if (noun + 2 >= words.size() || number.possessive) return true;
  const TextWord& after = words[noun + 2];
  return !(after.joins_previous && after.numeric);
}

}  // namespace

bool ArticleScan::written_as_alias(const LexiconHit& hit, const std::vector<TextWord>& words,
                                   std::size_t first, std::size_t last) const {
  if (!hit.capitals_only) return true;
  return std::all_of(words.begin() + static_cast<std::ptrdiff_t>(first),
                     words.begin() + static_cast<std::ptrdiff_t>(last) + 1,
                     [](const TextWord& w) { return w.all_caps; });
}

// "the" alone between two names joins an epithet to its name ("Alfred the Great", "America
// the Beautiful"), not a name to a known one ("in Argentina the London Interbank Offered
// Rate", "Reuters the Canadian"), nor to the words after a dotted abbreviation, where a
// sentence may have ended unseen ("in the U.S. the Clearplan ...").
bool ArticleScan::splits_at_the(const std::vector<TextWord>& words, std::size_t last) const {
  if (words[last + 1].term != "the") return false;
  return words[last].surface.find('.') != std::string_view::npos ||
         lexicon_.find(words[last + 2].term) != nullptr;
}

// "Qtly", "Shr", "Mths" (no vowel) or "Oper", "Avg" (an English word cut short).
bool ArticleScan::is_table_abbreviation(std::string_view term) const {
  if (term.size() < 3 || term.size() > 5) return false;
  const bool vowel = term.find_first_of("aeiou") != std::string_view::npos;
  return !vowel || lexicon_.is_english_prefix(term);
}

bool ArticleScan::is_demonym(const TextWord& word) const {
  const LexiconHit* hit = lexicon_.find(word.term);
  return hit != nullptr && hit->adjective;
}

bool ArticleScan::plain_name_word(std::string_view term) const {
  return !lexicon_.is_english_word(term) && lexicon_.find(term) == nullptr &&
         !cues::is_person_title(term) && !cues::is_org_head(term) && !cues::is_place_head(term);
}

bool ArticleScan::is_common_word(const TextWord& word) const {
  return lexicon_.is_english_word(word.term) && !lexicon_.is_given_name(word.term);
}

bool ArticleScan::ends_with_org_head(const std::vector<TextWord>& words, std::size_t first,
                                     std::size_t last) const {
  if (cues::is_org_head(words[last].term)) return true;
  // "Bank of England", "National Bank of Romania", "News Agency of Nigeria": head, then "of";
  // "Institute for Fiscal Studies": head, then "for" what it is for.
  for (std::size_t k = first; k + 2 <= last; ++k)
    if (cues::is_org_head(words[k].term) &&
        (words[k + 1].term == "of" || words[k + 1].term == "for"))
      return true;
  return false;
}

// "Real Madrid", "Dynamo Moscow", "Air France": a name ending in a known place or country
// that is not a region of it ("East Jerusalem") names a club or a company.
bool ArticleScan::ends_with_known_place(const std::vector<TextWord>& words, std::size_t first,
                                        std::size_t last) const {
  // Besides the points of the compass, words that make a region of a place ("Greater
  // London", "Upper Austria", "New England").
  static constexpr std::string_view kRegionWords[] = {"great", "greater", "lower",
                                                      "new",   "old",     "upper"};
  const auto region_word = [](std::string_view term) {
    return cues::is_compass_word(term) ||
           std::find(std::begin(kRegionWords), std::end(kRegionWords), term) !=
               std::end(kRegionWords);
  };
  for (std::size_t start = last; start > first && start + 3 > last; --start) {
    const LexiconHit* hit = lexicon_.find(join_terms(words, start, last));
    if (hit == nullptr || hit->adjective) continue;
    return std::none_of(words.begin() + static_cast<std::ptrdiff_t>(first),
                        words.begin() + static_cast<std::ptrdiff_t>(start),
                        [&](const TextWord& w) { return region_word(w.term); });
  }
  return false;
}
// "PARIS 1996-08-31", "LA CORUNA, Spain", "WASHINGTON (Reuters)": ALL-CAPS words opening one
// of the first lines, then a year ending the line, a comma and a known region, or (for a
// known place, unless `strict`) a comma or a parenthesis and a capitalised word, name the
// place the story was filed from. Not "NOTE: Per shr ...", "MAY7 1,234", "LONDON GOLD".
bool ArticleScan::is_dateline(const std::vector<TextWord>& words, std::size_t first,
                              std::size_t last, bool strict) const {
  if (words[first].line >= kDatelineLines ||
      (first > 0 && words[first - 1].line == words[first].line) || last + 1 >= words.size() ||
      words[last + 1].line != words[first].line)
    return false;
  for (std::size_t i = first; i <= last; ++i)
    if ((!words[i].all_caps && !cues::is_name_particle(words[i].term)) || has_digit(words[i].term))
      return false;
  const TextWord& next = words[last + 1];
  const std::size_t line_end = last + 1 + kDatelineDateWords;
  const bool year = next.numeric && next.term.size() == 4 &&
                    (next.term.starts_with("19") || next.term.starts_with("20")) &&
                    (line_end >= words.size() || words[line_end].line != next.line);
  const bool two_words = last + 2 < words.size() && words[last + 2].joins_previous;
  const bool region =
      next.comma_before && (lexicon_.find(next.term) != nullptr ||
                            (two_words && lexicon_.find(join_terms(words, last + 1, last + 2))));
  if (year || region) return true;
  return !strict && (next.comma_before || next.paren_before) && next.capitalised;
}

namespace {

// Whether the bytes between two words close a parenthesis and then open a story with a
// dash or a colon: ") -", ")--", ") —", "):".
bool closes_credit(std::string_view gap) {
  std::size_t at = gap.find_first_not_of(" \t");
  if (at == std::string_view::npos || gap[at] != ')') return false;
  at = gap.find_first_not_of(" \t", at + 1);
  if (at == std::string_view::npos) return false;
  const std::string_view rest = gap.substr(at);
  return rest.starts_with('-') || rest.starts_with(':') || rest.starts_with("\u2014") ||
         rest.starts_with("\u2013");
}

}  // namespace

// "CHICAGO (Reuters) -", "NAJAF, Iraq (Reuters) -", "Nashville, TN (Sports Network) -",
// "OCTOBER 18, 2004 (COMPUTERWORLD) -": a name in parentheses, then a dash, after a
// dateline's capitalised words and figures at the top of the story credits the agency
// that filed it, whatever else its words could be.
bool ArticleScan::credits_agency(const std::vector<TextWord>& words, std::size_t first,
                                 std::size_t last) const {
  if (!words[first].paren_before || words[first].line >= kDatelineLines ||
      last + 1 >= words.size() || words[last + 1].line != words[last].line)
    return false;
  const char* end = words[last].surface.data() + words[last].surface.size();
  if (!closes_credit({end, static_cast<std::size_t>(words[last + 1].surface.data() - end)}))
    return false;
  std::size_t start = first;
  while (start > 0 && words[start - 1].line == words[first].line) {
    --start;
    if (first - start > kMaxDatelineWords * 2) return false;
    if (!words[start].capitalised && !words[start].numeric) return false;
  }
  return true;
}

// The most words of an agency's name in a credit ("Sports Network", "Dow Jones").
constexpr std::size_t kMaxAgencyWords = 3;

// "Nashville, TN (Sports Network) -": capitalised words opening a line at the top, then
// a region or nothing, then an agency's credit, are a dateline's place even when not
// written in capitals.
bool ArticleScan::opens_credited_dateline(const std::vector<TextWord>& words, std::size_t first,
                                          std::size_t last) const {
  if (words[first].line >= kDatelineLines ||
      (first > 0 && words[first - 1].line == words[first].line) ||
      ends_with_org_head(words, first, last) || cues::is_legal_form(words[last].term))
    return false;
  for (std::size_t p = last + 1; p < words.size() && p <= last + 1 + kMaxDatelineWords; ++p) {
    if (words[p].line != words[first].line) return false;
    if (!words[p].paren_before) {
      if (!words[p].capitalised || (p == last + 1 && !words[p].comma_before)) return false;
      continue;
    }
    for (std::size_t q = p; q < p + kMaxAgencyWords && q + 1 < words.size(); ++q)
      if (credits_agency(words, p, q)) return true;
    return false;
  }
  return false;
}

bool ArticleScan::names_a_post(const std::vector<TextWord>& words, std::size_t first,
                               std::size_t last) const {
  if (first == last || !cues::is_person_title(words[first].term) ||
      !cues::is_person_title(words[last].term))
    return false;
  for (std::size_t i = first + 1; i < last; ++i) {
    const std::string_view term = words[i].term;
    if (!cues::is_person_title(term) && !cues::is_name_particle(term) &&
        (!lexicon_.is_english_word(term) || lexicon_.is_given_name(term)))
      return false;
  }
  return true;
}

// Whether words[first..last] name a known place or country ("California", "Australia").
bool ArticleScan::names_a_place(const std::vector<TextWord>& words, std::size_t first,
                                std::size_t last) const {
  const std::string key = join_terms(words, first, last);
  if (const LexiconHit* hit = lexicon_.find(key)) {
    const ActorType type = lexicon_.entry(hit->entry).type;
    return type == ActorType::Place || type == ActorType::Country;
  }
  return lexicon_.gazetteer_type(key) == ActorType::Place;
}

// Splits off a known name at the start of a run when it is an actor of its own:
// "Venezuelan | Foreign Minister Jorge Arreaza", "Moscow | Mayor Yuri Luzhkov", "Russian |
// Foreign Ministry". It stays part of a longer name otherwise: "British Airways", "Paris St
// Germain", "China Daily", "Pakistan Point News", "German Villa" (a footballer), "British
// Retail Consortium".
bool ArticleScan::take_leading_lexicon(const std::vector<TextWord>& words, std::size_t& first,
                                       std::size_t last, bool& leading_known) {
  const std::size_t longest = std::min(lexicon_.longest_alias_words(), last - first);
  for (std::size_t n = longest; n >= 1; --n) {
    const LexiconHit* hit = lexicon_.find(join_terms(words, first, first + n - 1));
    if (hit == nullptr || !written_as_alias(*hit, words, first, first + n - 1)) continue;
    const std::size_t rest = first + n;
    if (hit->ordinary_word && words[first].sentence_start) return false;
    const bool person_follows =
        title_end(words, rest, last).has_value() ||
        (rest < last && (lexicon_.is_given_name(words[rest].term) || words[rest].initial) &&
         !ends_with_org_head(words, rest, last));
    bool split = person_follows;
    if (!person_follows) {
      const bool place = lexicon_.entry(hit->entry).type == ActorType::Place;
      // A demonym opening an organisation's name stays in it ("British Medical
      // Association"), unless the organisation is a body of that state.
      const bool named_by_demonym =
          ends_with_org_head(words, rest, last) && !cues::is_state_body_head(words[last].term);
      split = hit->adjective && rest < last && !place && !cues::is_org_head(words[rest].term) &&
              !named_by_demonym;
      // A second known name after the first: "Chile Peru" in a list is two actors.
      if (rest == last && lexicon_.find(words[last].term) != nullptr) split = true;
    }
    if (!split) {
      leading_known = true;
      return false;
    }
    add_lexicon_mention(words, first, first + n - 1, *hit);
    first = rest;
    return true;
  }
  return false;
}

// End of a title opening words[first..last] ("Deputy Foreign Minister", "Secretary of
// State"): a title word, possibly after ordinary words, with its "of" complement.
std::optional<std::size_t> ArticleScan::title_end(const std::vector<TextWord>& words,
                                                  std::size_t first, std::size_t last) const {
  if (first >= last || ends_with_org_head(words, first, last)) return std::nullopt;
  std::optional<std::size_t> end;
  for (std::size_t i = first; i < last && i < first + kMaxTitleWords; ++i) {
    // "Presidents George W Bush, Bill Clinton...": a plural title before a list of people,
    // when a given name follows (not "Doctors Without Borders").
    if (cues::is_person_title(words[i].term) ||
        (is_plural_title(words[i].term) && lexicon_.is_given_name(words[i + 1].term))) {
      end = i;
    } else if (!cues::is_name_particle(words[i].term) && !lexicon_.is_english_word(words[i].term) &&
               !(i == first && words[i].all_caps)) {
      break;
    }
  }
  if (!end) return std::nullopt;
  // "Secretary of State Mike Pompeo": the complement runs up to the first unusual word.
  const std::size_t next = *end + 1;
  if (next < last && words[next].term == "of") {
    std::size_t complement = next + 1;
    while (complement < last && is_common_word(words[complement]) &&
           !lexicon_.find(join_terms(words, complement, last)) &&
           !lexicon_.gazetteer_type(join_terms(words, complement, last)))
      ++complement;
    if (complement > next + 1) end = complement - 1;
  }
  return end;
}

// Strips a title before a name: "Deputy Foreign Minister Jorge Arreaza" -> "Jorge Arreaza".
bool ArticleScan::strip_title(const std::vector<TextWord>& words, std::size_t& first,
                              std::size_t last) {
  const auto end = title_end(words, first, last);
  if (!end) return false;
  first = *end + 1;
  while (first < last && cues::is_name_particle(words[first].term)) ++first;
  return true;
}

// "Bundesbank President Karl Otto Poehl", "BankAmerica Corp Chairman A.W. Clausen": a
// title inside a run, after a name and before a person's given name or initial. The title
// (words[first..last] of the result) splits the run into the body and its holder.
std::optional<ArticleScan::Span> ArticleScan::inner_title(const std::vector<TextWord>& words,
                                                          std::size_t first,
                                                          std::size_t last) const {
  for (std::size_t k = first + 1; k < last; ++k) {
    if (!cues::is_person_title(words[k].term)) continue;
    const auto end = title_end(words, k, last);
    if (!end || *end >= last) return std::nullopt;
    const TextWord& holder = words[*end + 1];
    if (!lexicon_.is_given_name(holder.term) && !holder.initial) return std::nullopt;
    // The title takes the ordinary words before it ("U.S. | Defence Secretary", "Iowa |
    // Banking Superintendent"), up to a name or an organisation's head.
    std::size_t start = k;
    while (start - 1 > first && words[start - 1].capitalised &&
           !cues::is_org_head(words[start - 1].term) &&
           (cues::is_person_title(words[start - 1].term) ||
            lexicon_.is_english_word(words[start - 1].term)))
      --start;
    return Span{start, *end};
  }
  return std::nullopt;
}

// "Brian Taylor", "Yonca Brunini": two or three capitalised words that read as a person's
// name: none an English word, a title, a head or a known name other than a person's (many
// surnames are WordNet's people: Taylor, Williams, Graham). The given-name list, from
// WordNet, lacks most given names.
bool ArticleScan::names_a_person(const std::vector<TextWord>& words, std::size_t first,
                                 std::size_t last) const {
  constexpr std::size_t kMinWords = 2, kMaxWords = 3;
  const std::size_t count = last - first + 1;
  // A space between given name and surname: "Saab-Scania" is one word.
  if (count < kMinWords || count > kMaxWords || words[first + 1].hyphen_before) return false;
  return std::all_of(
      words.begin() + static_cast<std::ptrdiff_t>(first),
      words.begin() + static_cast<std::ptrdiff_t>(last) + 1, [this](const TextWord& w) {
        const auto known = lexicon_.gazetteer_type(w.term);
        return w.capitalised && !w.all_caps && !w.numeric && plain_name_word(w.term) &&
               (!known || *known == ActorType::Person) && !cues::is_legal_form(w.term);
      });
}

// "Joel Naroff of First Union", "Karlsruhe of Germany", "Daniels Pharmaceuticals Inc of St.
// Petersburg": two actors joined by "of" (a legal form ends a company's name). Not "Bank of
// England" or "University of Texas", where the head needs its complement.
std::optional<std::size_t> ArticleScan::of_split(const std::vector<TextWord>& words,
                                                 std::size_t first, std::size_t last) const {
  for (std::size_t k = first + 1; k < last; ++k) {
    if (words[k].term != "of" || words[k].capitalised) continue;
    if (k - 1 > first && cues::is_legal_form(words[k - 1].term)) return k;
    if (ends_with_org_head(words, first, k - 1) || cues::is_org_head(words[first].term))
      return std::nullopt;
    const bool person_left = k - 1 > first && (lexicon_.is_given_name(words[first].term) ||
                                               names_a_person(words, first, k - 1));
    const LexiconHit* right = lexicon_.find(join_terms(words, k + 1, last));
    const bool country_right =
        right != nullptr && lexicon_.entry(right->entry).type == ActorType::Country;
    // "Gulf of Mexico", "Straits of Hormuz", "Sea of Japan": a sea, gulf or strait named
    // after a country is one place, not the country.
    if (country_right && k - 1 == first && cues::is_place_head(words[first].term))
      return std::nullopt;
    if (person_left || country_right) return k;
  }
  return std::nullopt;
}

// The words of the longest person's name after_title_complement() takes ("Karl Otto Poehl").
constexpr std::size_t kMaxPersonNameWords = 4;

// Words between a title and the "for" of its complement ("Secretary of State for").
constexpr std::size_t kTitleBeforeForWords = 3;

// "Chancellor of the | Exchequer Nigel Lawson", "Minister for | Sport Richard Caborn",
// "Secretary of State for | Trade Patricia Hewitt": a run that opens right after a title
// and "of the" or "for" starts with the title's complement, its capitalised ordinary words,
// when a person's full name follows them (below). Where the holder's name starts, or
// `first`.
std::size_t ArticleScan::after_title_complement(const std::vector<TextWord>& words,
                                                std::size_t first, std::size_t last) const {
  const bool after_of_the = first >= 3 && words[first - 1].term == "the" &&
                            words[first - 2].term == "of" && !words[first - 1].capitalised &&
                            cues::is_person_title(words[first - 3].term);
  bool after_for = false;
  if (first >= 2 && words[first - 1].term == "for" && !words[first - 1].capitalised) {
    for (std::size_t k = first - 1; k > 0 && first - 1 - k < kTitleBeforeForWords; --k) {
      const TextWord& before = words[k - 1];
      if (cues::is_person_title(before.term) && before.capitalised) {
        after_for = true;
        break;
      }
      if (!before.capitalised && before.term != "of") break;
    }
  }
  if (!after_of_the && !after_for) return first;
  // Not a known name opening the run ("the United Arab Emirates", "Great Britain ...").
  for (std::size_t k = first; k <= last; ++k) {
    const std::string opening = join_terms(words, first, k);
    if (lexicon_.find(opening) != nullptr || lexicon_.gazetteer_type(opening)) return first;
  }
  std::size_t holder = first;
  while (holder < last && words[holder].capitalised && is_common_word(words[holder])) ++holder;
  // The rest is a person's full name: two to four words, no organisation's head, opened by
  // a given name, an initial or an unusual word ("Nigel Lawson"; not "Sugar Organization").
  const std::size_t name_words = last - holder + 1;
  if (holder == first || name_words < 2 || name_words > kMaxPersonNameWords) return first;
  for (std::size_t k = holder; k <= last; ++k) {
    if (cues::is_org_head(words[k].term) || !words[k].capitalised) return first;
  }
  const TextWord& opening = words[holder];
  const bool named = lexicon_.is_given_name(opening.term) || opening.initial ||
                     !lexicon_.is_english_word(opening.term);
  return named ? holder : first;
}

void ArticleScan::scan_run(const std::vector<TextWord>& words, std::size_t first, std::size_t last,
                           bool after_title) {
  // "European Convention on | Human Rights", "Conference on | Disarmament": what a treaty
  // or a meeting is on is part of its name, no actor.
  if (first >= 2 && words[first - 1].term == "on" && !words[first - 1].capitalised &&
      words[first - 2].capitalised && cues::is_event_head(words[first - 2].term))
    return;
  // "Chief Data Officer", "Chief Technology Officer": a post, titles around ordinary words;
  // no actor ("President Bush" ends with no title; "Treasury Secretary" opens with none).
  if (names_a_post(words, first, last)) return;
  // "Hurricane Ivan": a storm; its name alone ("Ivan hit Jamaica") is no person either.
  if (first < last && cues::is_storm_word(words[first].term)) {
    add_work(words, first + 1, last);
    return;
  }
  // "Nightmare On Elm Street", "Gone With The Wind": a capitalised preposition or article
  // inside a sentence, between capitalised words, makes a Title-Case phrase, a work's title
  // (a name writes them in lower case: "Bank of England").
  if ((first >= 2 && title_case_joint(words, first - 1)) ||
      (first >= 1 && title_case_joint(words, first)))
    return;
  RunContext context;
  context.after_title = after_title || (first > 0 && !words[first - 1].capitalised &&
                                        cues::is_person_title(words[first - 1].term));
  if (const std::size_t holder = after_title_complement(words, first, last); holder != first) {
    first = holder;
    context.after_title = true;
  }
  for (;;) {
    while (first <= last && cues::is_name_particle(words[first].term)) {
      const TextWord& particle = words[first++];
      if (particle.term == "the" && particle.capitalised && !particle.sentence_start)
        context.named_with_the = true;
    }
    while (last > first && cues::is_name_particle(words[last].term)) --last;
    if (first > last) return;
    const bool dateline = is_dateline(words, first, last, false);
    const LexiconHit* hit = lexicon_.find(join_terms(words, first, last));
    if (hit != nullptr && written_as_alias(*hit, words, first, last)) {
      // A known name that is also an ordinary word opening a sentence ("Chad", "Phoenix")
      // is probably the ordinary word; not in a dateline ("PARIS 1996-08-31").
      if (!(hit->ordinary_word && words[first].sentence_start && first == last && !dateline &&
            lexicon_.entry(hit->entry).type == ActorType::Place))
        add_lexicon_mention(words, first, last, *hit);
      return;
    }
    if (dateline && is_dateline(words, first, last, true)) {
      add_span(words, first, last, ActorType::Place, Evidence::Strong);
      return;
    }
    // "U.S. Open", "World Cup", "Gulf War": an event, not an actor.
    if (first < last && cues::is_event_head(words[last].term)) return;
    // "U.S. Dollar", "European Currency Unit", "Ecus": money; what names its country stays.
    if (const auto money = currency_at(words, first, last)) {
      if (*money > first) {
        last = *money - 1;
        continue;
      }
      // "Comptroller of the Currency Robert Bench": a person may follow.
      if (first == last ||
          !(lexicon_.is_given_name(words[first + 1].term) || words[first + 1].initial))
        return;
      ++first;
      continue;
    }
    // "Six Nations", "Tri Nations": a tournament of so many sides; not "Seven Network". So is
    // a sponsor's name before it ("RBS Six Nations") when the sides are counted in a plural.
    if (first < last && cues::is_number_word(words[last - 1].term) &&
        !cues::is_org_head(words[last].term) &&
        (first + 1 == last || (words[last].term.size() > 3 && words[last].term.back() == 's')))
      return;
    if (const auto of = of_split(words, first, last)) {
      scan_run(words, first, *of - 1, context.after_title);
      scan_run(words, *of + 1, last, false);
      return;
    }
    if (first < last && !context.leading_known &&
        take_leading_lexicon(words, first, last, context.leading_known))
      continue;
    // "Former Southampton (manager)", "Acting President Jim Bell": the modifier goes first.
    if (first < last && cues::is_role_modifier(words[first].term)) {
      ++first;
      continue;
    }
    if (first < last && strip_title(words, first, last)) {
      context.after_title = true;
      continue;
    }
    if (const auto title = first + 1 < last ? inner_title(words, first, last) : std::nullopt) {
      scan_run(words, first, title->first - 1, context.after_title);
      scan_run(words, title->last + 1, last, true);
      return;
    }
    // "Margaret Moran MP", "Labour MP", "Industry Secretary": a role after the name.
    if (first < last && cues::is_person_title(words[last].term) &&
        !cues::is_prenominal_title(words[last].term) && !ends_with_org_head(words, first, last)) {
      --last;
      context.role_after = true;
      continue;
    }
    // "Crown Prince", "Roman Catholic Archbishop": a title before no name, with ordinary
    // words for its rank or church, names nobody ("Mervyn King" stays: a given name).
    if (first < last && cues::is_prenominal_title(words[last].term) &&
        qualifies_a_title(words, first, last))
      return;
    // "Labour MPs", "Tory ministers": a known party's (or country's) members.
    if (first < last && is_plural_title(words[last].term) &&
        lexicon_.find(join_terms(words, first, last - 1)) != nullptr) {
      --last;
      continue;
    }
    // "However", "Officials": an ordinary word capitalised only because a sentence starts.
    // Not before an unusual word ("Frank Busemann"; but "Later Guaido"), nor opening a known
    // name ("New York") or an organisation's ("Sputnik International"), nor a pair the
    // article writes together inside sentences too ("Morgan Stanley"), nor one hyphenated.
    // A famous first name after it opens a name ("However John Smith"); a census one may be
    // a surname ("Serena Williams").
    const bool name_follows = first < last && !lexicon_.is_english_word(words[first + 1].term) &&
                              !cues::is_name_particle(words[first + 1].term) &&
                              !lexicon_.opens_known_person(words[first + 1].term) &&
                              !lexicon_.find(words[first + 1].term) &&
                              !lexicon_.is_sentence_opener(words[first].term);
    const bool opens_org =
        first < last &&
        (cues::is_org_head(words[last].term) || cues::is_legal_form(words[last].term)) &&
        !lexicon_.is_sentence_opener(words[first].term) &&
        !lexicon_.opens_known_person(words[first + 1].term) &&
        std::all_of(words.begin() + static_cast<std::ptrdiff_t>(first),
                    words.begin() + static_cast<std::ptrdiff_t>(last) + 1,
                    [](const TextWord& w) { return w.capitalised; });
    const bool row_label = first == last && is_row_label(words, first);  // "Bury 4 3 1 0"
    const bool written_inside =
        first < last && inner_pairs_.contains(join_terms(words, first, first + 1));
    // "Spider-Man 2 is out", "Allied-Signal Inc": a hyphen binds the words of one name;
    // not a prefix ("Non-OPEC"), a letter ("T-Bonds", "Supply-X") or a known name after it
    // ("Anglo-Dutch").
    const bool hyphenated = first < last && words[first + 1].hyphen_before &&
                            words[first].term.size() > 2 && words[first + 1].term.size() > 1 &&
                            !cues::is_compound_prefix(words[first].term) &&
                            !lexicon_.find(words[first + 1].term);
    // "S&P said", "M&S", "Marks & Spencer": "&" binds a firm's name too.
    const bool ampersand = first < last && words[first + 1].ampersand_before;
    // "Siemens, the world's largest maker of ...", "Apple Computer (NASDAQ: AAPL)": a firm
    // of ordinary words. Not "However, the company said", nor "Shares of Harbow Inc (HRB)"
    // (a name after the ordinary words).
    const auto ordinary = [&](const TextWord& w) {
      return is_common_word(w) && !cues::is_function_word(w.term) &&
             !cues::is_name_particle(w.term);
    };
    // Asked last, only of a common word opening a sentence.
    const auto firm_follows = [&] {
      return !lexicon_.is_sentence_opener(words[first].term) &&
             !cues::is_function_word(words[first].term) &&
             ((first == last && followed_by_firm_apposition(words, last)) ||
              (symbol_after(words, last) &&
               std::all_of(words.begin() + static_cast<std::ptrdiff_t>(first) + 1,
                           words.begin() + static_cast<std::ptrdiff_t>(last) + 1, ordinary)));
    };
    if (words[first].sentence_start && !words[first].initial && !context.leading_known &&
        !name_follows && !opens_org && !row_label && !written_inside && !hyphenated && !ampersand &&
        is_common_word(words[first]) &&
        (first == last || !lexicon_.gazetteer_type(join_terms(words, first, last))) &&
        !firm_follows()) {
      if (first == last) {
        add_doubtful(words, first);  // "Maduro's men left." after "Nicolas Maduro"
        return;
      }
      ++first;
      continue;
    }
    break;
  }
  classify(words, first, last, context);
}

bool ArticleScan::title_case_joint(const std::vector<TextWord>& words, std::size_t i) const {
  const TextWord& joint = words[i];
  const TextWord& before = words[i - 1];
  // Not inside a hyphenated name ("Rent-A-Car Inc"), nor a title's own word ("Agriculture
  // Under Secretary").
  if (i + 1 >= words.size() || !joint.capitalised || joint.sentence_start || joint.initial ||
      joint.headline_line || !joint.joins_previous || joint.hyphen_before ||
      !words[i + 1].joins_previous || words[i + 1].hyphen_before ||
      !cues::is_title_joint(joint.term) || cues::is_person_title(words[i + 1].term))
    return false;
  // The word before is a capitalised word of the phrase: not a function word that opened
  // the sentence ("An All England club", "In The Times"), nor an abbreviation's dot where a
  // sentence may have ended unseen ("... with the U.S. If Washington imposes").
  return before.capitalised && !cues::is_function_word(before.term) &&
         !cues::is_name_particle(before.term) && before.surface.find('.') == std::string_view::npos;
}

bool ArticleScan::tail_is_described_common_noun(const std::vector<TextWord>& words,
                                                std::size_t first, std::size_t last) const {
  const TextWord& tail = words[last];
  if (first == last || !tail.all_caps || !lexicon_.is_capitalised_common_word(tail.term))
    return false;
  return std::all_of(words.begin() + static_cast<std::ptrdiff_t>(first),
                     words.begin() + static_cast<std::ptrdiff_t>(last),
                     [&](const TextWord& w) { return is_demonym(w); });
}

bool ArticleScan::qualifies_a_title(const std::vector<TextWord>& words, std::size_t first,
                                    std::size_t last) const {
  if (lexicon_.gazetteer_type(join_terms(words, first, last))) return false;
  return std::all_of(words.begin() + static_cast<std::ptrdiff_t>(first),
                     words.begin() + static_cast<std::ptrdiff_t>(last), [&](const TextWord& w) {
                       const LexiconHit* hit = lexicon_.find(w.term);
                       return hit != nullptr ? hit->adjective
                                             : lexicon_.is_english_word(w.term) &&
                                                   !lexicon_.is_given_name(w.term);
                     });
}

bool ArticleScan::names_an_era(const std::vector<TextWord>& words, std::size_t i) const {
  if (words[i].sentence_start || i + 1 >= words.size()) return false;
  const TextWord& suffix = words[i + 1];
  return suffix.hyphen_before && !suffix.capitalised &&
         (suffix.term == "era" || suffix.term == "led" || suffix.term == "run");
}

bool ArticleScan::joins_common_words(const std::vector<TextWord>& words, std::size_t first,
                                     std::size_t last) const {
  std::size_t part = first;
  for (std::size_t i = first + 1; i <= last + 1; ++i) {
    if (i <= last && !words[i].ampersand_before) continue;
    // Single letters are a firm's initials ("S&P", "M&S"), though WordNet has them all.
    if (i - 1 == part && words[part].term.size() == 1) return false;
    if (!lexicon_.is_capitalised_common_word(join_terms(words, part, i - 1))) return false;
    part = i;
  }
  return true;
}

void ArticleScan::classify(const std::vector<TextWord>& words, std::size_t first, std::size_t last,
                           const RunContext& context) {
  Mention m = span_mention(words, first, last);
  const TextWord& head = words[first];
  const bool said_after =
      context.role_after || (last + 1 < words.size() && !words[last + 1].capitalised &&
                             cues::is_speech_verb(words[last + 1].term));
  const bool locative_before = first > 0 && !words[first - 1].capitalised &&
                               cues::is_locative_preposition(words[first - 1].term);
  // "the club Kirovsk", "the company Quill Holdings", "research firm Gartner": an
  // organisation in apposition to a noun for one, after an article or another noun.
  const bool organisation_before =
      first > 1 && !words[first - 1].capitalised &&
      cues::is_organisation_noun(words[first - 1].term) &&
      (!words[first - 2].capitalised ||
       (words[first - 2].sentence_start && is_common_word(words[first - 2]))) &&
      !words[first - 2].numeric && words[first - 1].joins_previous && words[first].joins_previous;
  const auto gazetteer = lexicon_.gazetteer_type(m.key);
  // Not "shares in Paris slipped": a known place after "in" is where they trade.
  const bool firm_context = in_firm_context(words, first, last) &&
                            (words[last].possessive || gazetteer != ActorType::Place);
  // What is said of the name after it, whatever the name's words are; said of the whole
  // run, not of a part after "and" or a title ("Smith and Wesson, a manufacturer").
  const bool whole_run =
      first == 0 || !words[first].joins_previous || words[first - 1].line != words[first].line ||
      (!words[first - 1].capitalised && !cues::is_name_particle(words[first - 1].term) &&
       words[first - 1].term != "and" && words[first - 1].term != "or");
  const bool firm_follows =
      whole_run && (followed_by_firm_apposition(words, last) || symbol_after(words, last)) &&
      gazetteer != ActorType::Place && gazetteer != ActorType::Country;
  // "chip makers AMD and Intel": firms listed after a noun for them, whatever else their
  // names are ("AMD" is an illness in WordNet, "Intel" a word). Not a person's name ("the
  // chairman of both companies Li Ka-shing said").
  if (listed_after_firms(words, first) && !lexicon_.is_given_name(head.term)) {
    m.type = ActorType::Org;
    m.evidence = Evidence::Strong;
    add(std::move(m), words, first, last);
    return;
  }

  if (credits_agency(words, first, last)) {
    m.type = ActorType::Org;  // "NAJAF, Iraq (Reuters) -": the agency that filed the story
    m.evidence = Evidence::Strong;
    add(std::move(m), words, first, last);
    return;
  }
  if (opens_credited_dateline(words, first, last)) {
    m.type = ActorType::Place;  // "Nashville, TN (Sports Network) -"
    m.evidence = Evidence::Strong;
    add(std::move(m), words, first, last);
    return;
  }
  if (m.words == 1) {
    if (has_digit(head.term)) {
      if (numbered_channel(head)) numbered_channels_.push_back(first);  // judged at the end
      return;
    }
    // "TV", "GDP", "PCs", "Christian": WordNet's capitalised common nouns and adjectives.
    const bool era = names_an_era(words, first);
    if (!gazetteer && !era && lexicon_.is_capitalised_common_word(m.key)) return;
    // "PVR" in an article that also writes "PVRs": a common noun in capitals. An
    // organisation is not counted in the plural.
    if (head.all_caps && plural_acronyms_.contains(std::string(head.term))) return;
    // "ISPs", "ADRs", "SMEs": the plural itself, a common noun in capitals too.
    if (plural_acronym(head)) return;
    // "ID", "MO": postal codes of US states in WordNet, and common abbreviations besides.
    if (gazetteer == ActorType::Place && head.all_caps && head.term.size() == 2) return;
    const bool dotted = head.surface.find('.') != std::string_view::npos;  // "U.N."
    // "AA-minus from AA": in an article about credit ratings, a grade.
    if (ratings_article_ && is_rating_grade(head.term)) return;
    if (head.all_caps && head.term.size() >= 2 && head.term.size() <= 6 &&
        (dotted || !lexicon_.is_english_word(head.term)) && !is_roman_numeral(head.term)) {
      m.type = ActorType::Org;  // acronym: "NATO", "PDVSA", "AFP"
      m.evidence = Evidence::Strong;
    } else if (cues::is_org_head(head.term) || cues::is_person_title(head.term) ||
               is_plural_title(head.term) || head.term.size() < 2) {
      return;  // a bare "Ministry", "International", "President" or "MEPs"
    } else if (era) {
      m.type = ActorType::Person;  // "Bush-era", "Brown-led": who leads or gives an era
      m.evidence = Evidence::Strong;
    } else if ((firm_context && !cues::is_organisation_noun(head.term) &&
                !(head.sentence_start && lexicon_.is_english_word(head.term))) ||
               firm_follows) {
      m.type = ActorType::Org;  // "Enron's shareholders", even a word: "Apple's profits"
      m.evidence = Evidence::Strong;
      m.firm_context = true;
    } else if (organisation_before) {
      m.type = ActorType::Org;
      m.evidence = Evidence::Strong;
    } else if (!gazetteer && !head.sentence_start && !ends_joined_name(words, first) &&
               heads_a_holder(words, last, lexicon_)) {
      m.type = ActorType::Org;  // "Wasps coach Warren Gatland", even a word
      m.evidence = Evidence::Strong;
    } else if (gazetteer && !(*gazetteer == ActorType::Place && titled_name(words, first))) {
      m.type = gazetteer;
      m.evidence = Evidence::Context;
    } else if (is_row_label(words, first)) {
      m.type = ActorType::Org;  // "Bury 4 3 1 0 8 2 10": a side; the model judges the row
      m.evidence = Evidence::None;
    } else if (lexicon_.is_english_word(head.term) && !context.after_title) {
      add_doubtful(words, first);  // "Bush": a name after "George Bush", a shrub otherwise
      return;
    } else if (context.after_title) {
      m.type = ActorType::Person;
      m.evidence = Evidence::Strong;
    } else if (said_after || lexicon_.opens_known_person(head.term)) {
      m.type = ActorType::Person;
      m.evidence = Evidence::Context;
    } else if (locative_before) {
      m.type = ActorType::Place;
      m.evidence = Evidence::Context;
    } else if (head.sentence_start && is_table_abbreviation(head.term)) {
      // "Qtly div 12 cts", "Oper shr loss": a line of figures opens with an abbreviation.
      add_doubtful(words, first);
      return;
    } else {
      m.type = ActorType::Org;  // unresolved single names: clubs, firms, agencies
      m.evidence = Evidence::None;
    }
    if (!titled_work(m, context)) add(std::move(m), words, first, last);
    return;
  }
  const bool ampersand = std::any_of(words.begin() + static_cast<std::ptrdiff_t>(first) + 1,
                                     words.begin() + static_cast<std::ptrdiff_t>(last) + 1,
                                     [](const TextWord& w) { return w.ampersand_before; });
  if (!gazetteer && lexicon_.is_capitalised_common_word(m.key)) return;  // "South American"
  // "L-CATTLE APR7", "MP3 Player": a code of letters and digits makes no name.
  if (std::any_of(words.begin() + static_cast<std::ptrdiff_t>(first),
                  words.begin() + static_cast<std::ptrdiff_t>(last) + 1,
                  [](const TextWord& w) { return !w.numeric && has_digit(w.term); }))
    return;
  if (ampersand && joins_common_words(words, first, last)) return;  // "Christmas & New Year"
  // "Channel 4", "BBC Radio 4": a broadcaster's numbered channel or station.
  if (words[last].numeric && numbered_station(words, last - 1)) {
    m.type = ActorType::Org;
    m.evidence = Evidence::Strong;
    add(std::move(m), words, first, last);
    return;
  }
  // "British TV", "West German GNP": demonyms before a common noun in capitals (WordNet's
  // "TV", "GNP", "DVD"), a description, not a name. Only demonyms: "Court TV", "Fox TV" and
  // "Valley Cable TV" are channels.
  if (tail_is_described_common_noun(words, first, last)) return;
  // "Windows XP", "Nintendo DS": a short capital suffix after a word marks a product model.
  const TextWord& tail = words[last];
  if (m.words == 2 && tail.all_caps && tail.term.size() <= 3 && !head.all_caps &&
      !lexicon_.is_given_name(head.term) && !cues::is_org_head(tail.term) &&
      lexicon_.find(tail.term) == nullptr)
    return;
  // "Class B", "Group C", "Plan A": an ordinary word and a letter label a kind or a part,
  // no actor ("Malcolm X" opens with no ordinary word).
  // Not initials joined by "&" or a hyphen ("S&P", "R-N").
  if (m.words == 2 && tail.term.size() == 1 && !tail.initial && !has_digit(tail.term) &&
      !tail.ampersand_before && !tail.hyphen_before && head.term.size() > 2 &&
      lexicon_.is_english_word(head.term) && !lexicon_.is_given_name(head.term))
    return;
  // "Co Inc", "Group Ltd": a legal form after heads, with no name to head.
  if (cues::is_legal_form(words[last].term) &&
      std::all_of(words.begin() + static_cast<std::ptrdiff_t>(first),
                  words.begin() + static_cast<std::ptrdiff_t>(last) + 1,
                  [](const TextWord& w) { return cues::is_org_head(w.term); }))
    return;
  if (ends_with_org_head(words, first, last) || ampersand || organisation_before) {
    m.type = ActorType::Org;  // "Bank of England", "Marsh & McLennan"
    m.evidence = Evidence::Strong;
  } else if ((firm_context || firm_follows) && !context.after_title &&
             !lexicon_.is_given_name(head.term)) {
    m.type = ActorType::Org;  // "Sony Ericsson's profits", "Kidde, the fire protection group"
    m.evidence = Evidence::Strong;
    m.firm_context = true;
  } else if (cues::is_compass_word(head.term) && names_a_place(words, first + 1, last)) {
    m.type = ActorType::Place;  // "Southern California", "Western Australia": a region
    m.evidence = Evidence::Strong;
  } else if (cues::is_place_head(words[last].term) || cues::is_place_opener(head.term) ||
             (words[first + 1].term == "of" && cues::is_place_head(head.term))) {
    m.type = ActorType::Place;  // "Downing Street", "Mount Kenya", "Straits of Hormuz"
    m.evidence = Evidence::Strong;
  } else if (context.after_title) {
    m.type = ActorType::Person;
    m.evidence = Evidence::Strong;
  } else if (m.words == 2 && head.term.size() == 1 && !is_common_word(tail) && !tail.all_caps &&
             !lexicon_.find(tail.term) && !gazetteer) {
    m.type = ActorType::Person;  // "S Parisse", "M Davies": a line-up's initial and surname
    m.evidence = Evidence::Strong;
  } else if (head.all_caps && !lexicon_.is_english_word(head.term)) {
    m.type = ActorType::Org;  // "BBC Sport", "AOL UK", "AC Milan"
    m.evidence = Evidence::Context;
  } else if (!gazetteer && !lexicon_.is_given_name(head.term) &&
             ends_with_known_place(words, first, last)) {
    m.type = ActorType::Org;
    m.evidence = Evidence::Weak;
  } else if (context.leading_known) {
    // "Paris St Germain", "China Daily"; but a demonym before an unknown word is a given
    // name ("German Villa").
    const LexiconHit* hit = lexicon_.find(head.term);
    const bool name_follows = hit != nullptr && hit->adjective && m.words == 2 &&
                              !lexicon_.is_english_word(words[last].term);
    m.type = name_follows ? ActorType::Person : ActorType::Org;
    m.evidence = Evidence::Weak;
  } else if (gazetteer) {
    m.type = gazetteer;
    m.evidence = Evidence::Context;
  } else if (m.words >= 3 && !tail.capitalised) {
    m.type = ActorType::Person;  // "Ban Ki-moon": only a given name's syllable ends so
    m.evidence = Evidence::Strong;
  } else if (lexicon_.is_given_name(head.term) || head.initial) {
    m.type = ActorType::Person;
    m.evidence = Evidence::Context;
  } else if (said_after) {
    m.type = ActorType::Person;
    m.evidence = Evidence::Context;
  } else {
    const bool all_ordinary =
        std::all_of(words.begin() + static_cast<std::ptrdiff_t>(first),
                    words.begin() + static_cast<std::ptrdiff_t>(last) + 1, [&](const TextWord& w) {
                      return lexicon_.is_english_word(w.term) || cues::is_name_particle(w.term);
                    });
    if (all_ordinary) {
      m.type = ActorType::Org;  // "Human Rights Watch", "Supreme Court"
      m.evidence = Evidence::Weak;
    } else if (locative_before) {
      m.type = ActorType::Place;
      m.evidence = Evidence::Weak;
    } else {
      m.type = ActorType::Person;  // news names two or three capitalised unknown words
      m.evidence = Evidence::Weak;
    }
  }
  if (!titled_work(m, context)) add(std::move(m), words, first, last);
}

// "Securities and Exchange Commission", "Food and Agriculture Organization": one or two
// ordinary capitalised words, "and", then capitalised words ending in an organisation head
// make one name, after a known name or a sentence's opening words in the run ("U.S. |
// Securities and Exchange Commission", "Later the | Food and ..."). Not "Texaco and
// Chevron Corp" nor "Merrill Lynch and Co Inc", whose left part is a name of its own.
// Returns where the name starts and its head.
std::optional<ArticleScan::Span> ArticleScan::organisation_after_and(
    const std::vector<TextWord>& words, std::size_t first, std::size_t and_index) const {
  if (and_index + 1 >= words.size() || and_index == first || words[and_index].term != "and" ||
      words[and_index].capitalised)
    return std::nullopt;
  const auto ordinary = [&](std::size_t i) {
    return words[i].capitalised && lexicon_.is_english_word(words[i].term) &&
           lexicon_.find(words[i].term) == nullptr;
  };
  // Not a firm's whole name before "and": "General Motors Corp | and Ford Motor Co" are two
  // firms ("Toyo Trust and Banking Co" is one).
  if (cues::is_legal_form(words[and_index - 1].term)) return std::nullopt;
  std::size_t start = and_index;
  while (start > first && and_index - start < 2 && ordinary(start - 1)) --start;
  if (start == and_index) return std::nullopt;
  // What comes before is a known name, a particle or a sentence's opening word; not a
  // name of its own whose company goes on ("Merrill | Lynch and Co Inc").
  for (std::size_t i = first; i < start; ++i)
    if (!lexicon_.find(words[i].term) && !cues::is_name_particle(words[i].term) &&
        !(words[i].sentence_start && is_common_word(words[i])))
      return std::nullopt;
  std::size_t last = and_index + 1;
  if (!words[last].joins_previous || !name_word(words, last)) return std::nullopt;
  while (last + 1 < words.size() && last < and_index + 4 && !words[last].possessive &&
         words[last + 1].joins_previous && name_word(words, last + 1))
    ++last;
  if (!cues::is_org_head(words[last].term)) return std::nullopt;
  // A company's name keeps the demonyms it opens with ("American Telephone and Telegraph
  // Co"); a country's body does not ("U.S. | Securities and Exchange Commission").
  if (cues::is_legal_form(words[last].term)) {
    while (start > first && words[start - 1].capitalised && words[start].joins_previous &&
           is_demonym(words[start - 1]))
      --start;
  }
  return Span{start, last};
}

// "Merrill Lynch and Co Inc", "Goldman Sachs and Co": a firm's name, "and", then only
// legal forms (capitalised, at most two) that end the run. Returns the last legal form.
std::optional<std::size_t> ArticleScan::legal_forms_after_and(const std::vector<TextWord>& words,
                                                              std::size_t and_index) const {
  if (and_index + 1 >= words.size() || words[and_index].term != "and" ||
      words[and_index].capitalised)
    return std::nullopt;
  std::size_t last = and_index;
  while (last + 1 < words.size() && last < and_index + 2 && words[last + 1].joins_previous &&
         words[last + 1].capitalised && cues::is_legal_form(words[last + 1].term))
    ++last;
  if (last == and_index) return std::nullopt;
  if (last + 1 < words.size() && words[last + 1].joins_previous && name_word(words, last + 1))
    return std::nullopt;  // "Smith and Co Chairman ...": the run goes on, not a firm's end
  return last;
}

// "Goldman, Sachs and Co", "Kidder, Peabody and Co Inc": the founders' names of a firm
// written with a comma, words[run_last] the last word before it. Returns the firm's last
// legal form when the comma is followed by one or two capitalised words, "and" and legal
// forms.
std::optional<std::size_t> ArticleScan::firm_after_comma(const std::vector<TextWord>& words,
                                                         std::size_t run_last) const {
  std::size_t last = run_last + 1;
  if (last >= words.size() || !words[last].comma_before || !words[last].capitalised ||
      !name_word(words, last))
    return std::nullopt;
  if (last + 1 < words.size() && words[last + 1].joins_previous && name_word(words, last + 1))
    ++last;
  return legal_forms_after_and(words, last + 1);
}

// "Organisation for Economic Cooperation and Development", "Institute for Fiscal Studies",
// "Organisation for Security and Cooperation in Europe": an organisation head, then "for"
// and what it is for, capitalised, joined by "and" or "in" once "for" was met. True when
// words[last + 1] is such a joint and words[last + 2] goes on with the name.
bool ArticleScan::joins_purpose(const std::vector<TextWord>& words, std::size_t last,
                                bool purpose) const {
  if (last + 2 >= words.size() || words[last + 1].capitalised || !words[last + 1].joins_previous ||
      !words[last + 2].joins_previous || !name_word(words, last + 2))
    return false;
  const std::string_view joint = words[last + 1].term;
  if (joint == "for") return !purpose && cues::is_org_head(words[last].term);
  return purpose && (joint == "and" || joint == "in");
}

// "Moody's Investors Service Inc", "McDonald's Corp": a company named after one owner, its
// name ending in a legal form within four words of the possessive. Not "Britain's BP Plc"
// (a known name owns it) nor "Tony Blair's ..." (a longer owner). Returns the legal form.
std::optional<std::size_t> ArticleScan::company_after_possessive(const std::vector<TextWord>& words,
                                                                 std::size_t first,
                                                                 std::size_t owner) const {
  if (owner != first || lexicon_.find(words[owner].term) ||
      lexicon_.is_given_name(words[owner].term))
    return std::nullopt;
  for (std::size_t k = owner + 1; k < words.size() && k <= owner + 4; ++k) {
    const TextWord& w = words[k];
    if (w.line != words[owner].line || w.sentence_start || w.comma_before || w.paren_before ||
        !name_word(words, k) || (k > owner + 1 && !w.joins_previous))
      return std::nullopt;
    if (k > owner + 1 && cues::is_legal_form(w.term)) return k;
    if (w.possessive) return std::nullopt;
  }
  return std::nullopt;
}

// "Bury 4 3 1 0 8 2 10", "Crewe 4 1 1 2": a word opening a line of nothing but figures
// labels a row of a table, whatever else it may be ("bury", "crewel"). Not "Qtly div 12
// cts" or "Sales 10 Mths 4 Dlrs", whose rows go on in words.
bool ArticleScan::is_row_label(const std::vector<TextWord>& words, std::size_t i) const {
  const TextWord& w = words[i];
  if (!w.figures_line || (i > 0 && words[i - 1].line == w.line)) return false;
  std::size_t k = i + 1;
  while (k < words.size() && words[k].line == w.line && words[k].numeric) ++k;
  return k >= i + 3 && (k == words.size() || words[k].line != w.line);
}

// A word that may start or continue a name in this article.
bool ArticleScan::name_word(const std::vector<TextWord>& words, std::size_t i) const {
  const TextWord& w = words[i];
  return (starts_name(w) || ampersand_initials(words, i)) && !w.ticker && !w.exchange &&
         !is_caption_glue(words, i) && (w.latin || !latin_article_) &&
         !is_vowelless_abbreviation(w) && !is_unit_after_figure(words, i) &&
         !is_zone_after_clock(words, i);
}

// "at 1530 EDT", "by 0900 hrs EST": two to four capitals straight after a clock time are
// its time zone. A clock time is a figure of three or four digits that reads as hours and
// minutes, followed by "hrs" or after a preposition of time ("the 2005 FA Cup" is a year).
// Not a known name ("at 1200 US").
bool ArticleScan::is_zone_after_clock(const std::vector<TextWord>& words, std::size_t i) const {
  const TextWord& w = words[i];
  if (!w.all_caps || w.term.size() < 2 || w.term.size() > 4 || lexicon_.find(w.term)) return false;
  std::size_t k = i;
  const bool hours_word = k >= 1 && (words[k - 1].term == "hrs" || words[k - 1].term == "hours");
  if (hours_word) --k;
  if (k == 0 || words[k - 1].line != w.line) return false;
  // "at midnight EDT", "by noon EST".
  if (words[k - 1].term == "midnight" || words[k - 1].term == "noon") return true;
  // As written: "1,022" and "2.725" are amounts.
  const std::string_view clock = words[k - 1].surface;
  if (clock.size() < 3 || clock.size() > 4 ||
      !std::all_of(clock.begin(), clock.end(), is_ascii_digit))
    return false;
  const int minutes = (clock[clock.size() - 2] - '0') * 10 + (clock.back() - '0');
  const int hours = clock.size() == 4 ? (clock[0] - '0') * 10 + (clock[1] - '0') : clock[0] - '0';
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes > 0)) return false;  // "2400 EDT"
  // "(1200 EDT)": a clock time given in parentheses after the event it times.
  return hours_word || words[k - 1].paren_before ||
         (k >= 2 && cues::is_time_preposition(words[k - 2].term));
}

// "SHR 1.78 DLRS VS 1.64 DLRS", "20 MLN DLRS", "88 CTS": in a line of figures, an ALL-CAPS
// abbreviation (no vowel, or cut from an English word) one or two words after a figure is
// its unit. Not a side in a results line ("Cincinnati 18 COLORADO 7").
bool ArticleScan::is_unit_after_figure(const std::vector<TextWord>& words, std::size_t i) const {
  const TextWord& w = words[i];
  if (!w.all_caps || !w.figures_line || !is_table_abbreviation(w.term) || lexicon_.find(w.term))
    return false;
  const auto figure = [&](std::size_t k) { return words[k].line == w.line && words[k].numeric; };
  return (i >= 1 && figure(i - 1)) ||
         (i >= 2 && words[i - 1].all_caps && words[i - 1].line == w.line && figure(i - 2));
}

// "Dlrs", "Mths", "Pct": a capitalised word of three letters or more without a vowel (y
// counts, as in "Flynn") abbreviates a common word; names and acronyms ("NBC") do not.
bool ArticleScan::is_vowelless_abbreviation(const TextWord& w) const {
  return w.term.size() >= 3 && !w.all_caps &&
         w.term.find_first_of("aeiouy") == std::string_view::npos &&
         std::all_of(w.term.begin(), w.term.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
         !cues::is_person_title(w.term);
}

// "Carlos Garcia RawlinsJuan Guaido": a photo credit glued to a caption, the capital of a
// given name straight after lower-case letters, and a surname after it. Not "MacArthur",
// "WikiLeaks", "YouTube", "DaimlerChrysler AG".
bool ArticleScan::is_caption_glue(const std::vector<TextWord>& words, std::size_t i) const {
  const TextWord& w = words[i];
  if (w.inner_capital < 4) return false;
  // The caption's name goes on: "RawlinsJuan Guaido", not "DaimlerChrysler said".
  if (i + 1 >= words.size() || !words[i + 1].joins_previous || !words[i + 1].capitalised ||
      cues::is_org_head(words[i + 1].term))
    return false;
  std::string right;
  for (char c : w.surface.substr(w.inner_capital))
    right += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return right.size() >= 3 && lexicon_.is_given_name(right);
}

// "Cheng Chung-tai", "Kim Jong-un", "Tsai Ing-wen": a short lower-case syllable hyphenated
// to a capitalised word that is not English. Not "Obama-led", "Bush-era", "UN-backed".
// Any ("Chen Wei-ling", "Ban Ki-moon", whose "Ki" is an English word too) when a surname
// precedes and both halves are romanised syllables: English compounds ("Kremlin-backed",
// "Bush-era") are not.
bool ArticleScan::is_name_syllable(const std::vector<TextWord>& words, std::size_t i) const {
  const TextWord& w = words[i];
  const TextWord& left = words[i - 1];
  if (w.capitalised || w.numeric || !w.hyphen_before || left.all_caps ||
      cues::is_compound_suffix(w.term))
    return false;
  if (i + 1 < words.size() && words[i + 1].hyphen_before) return false;  // "Ata-ur-Rehman"
  if (w.term.size() <= kShortNameSyllable && !is_common_word(left)) return true;
  return i >= 2 && left.joins_previous && words[i - 2].capitalised &&
         cues::is_romanised_syllable(left.term) && cues::is_romanised_syllable(w.term);
}

// "World Bank", "Home Office", "World Health Organization": a word that is never an actor
// alone (a site's section: "World", "Home", "Video") opens an organisation's name. So does
// a given name among them that is no English word (a month's abbreviation: "Jan"; not
// "Sun Microsystems") before a surname ("Jan Hernych"): a capitalised word, no English
// word, number or known name.
bool ArticleScan::opens_name(const std::vector<TextWord>& words, std::size_t i) const {
  const TextWord& w = words[i];
  if (!w.capitalised || w.numeric || w.headline_line || !cues::is_never_actor(w.term) ||
      i + 1 >= words.size() || !words[i + 1].joins_previous || !name_word(words, i + 1))
    return false;
  const TextWord& next = words[i + 1];
  if (lexicon_.is_given_name(w.term) && !lexicon_.is_english_word(w.term) && !next.all_caps &&
      !is_common_word(next) && !lexicon_.find(next.term) && !lexicon_.gazetteer_type(next.term))
    return true;
  std::size_t last = i;
  while (last + 1 < words.size() && last < i + kMaxNameWords && !words[last].possessive &&
         words[last + 1].joins_previous && name_word(words, last + 1))
    ++last;
  return cues::is_org_head(words[last].term);
}

// "the film Vera Drake", "hit US cartoon The Simpsons", "BBC drama Casualty": a title
// right after a noun for a work names the work, no actor.
bool ArticleScan::is_work_title(const std::vector<TextWord>& words, std::size_t first) const {
  std::size_t before = first;
  // A capitalised "The" is the title's ("cartoon The Simpsons"); "programmes the BBC makes" is
  // none.
  if (before >= 2 && words[before - 1].term == "the" && words[before - 1].capitalised &&
      words[before - 1].joins_previous)
    --before;
  if (before == 0) return false;
  const TextWord& noun = words[before - 1];
  return !noun.capitalised && noun.line == words[first].line && words[before].joins_previous &&
         cues::is_work_noun(noun.term);
}

void ArticleScan::add_work(const std::vector<TextWord>& words, std::size_t first,
                           std::size_t last) {
  while (first < last && cues::is_name_particle(words[first].term)) ++first;
  works_.insert(join_terms(words, first, last));
}

// "REUTERS / Carlos Garcia Rawlins", "Carlos Garcia/AFP": a photographer credited by a
// caption, a slash away from the agency, is no actor of the story. Only a person's name
// of two words or more, none known, English or an initial: not "Israel/Gaza", "Europe/Africa
// Zone", a line-up's "W Johnson/B Deacon" or "Land Rover LR3/Discovery".
bool ArticleScan::is_photo_credit(const std::vector<TextWord>& words, std::size_t first,
                                  std::size_t last) const {
  const bool agency_before = first > 0 && words[first].slash_before && words[first - 1].capitalised;
  const bool agency_after =
      last + 1 < words.size() && words[last + 1].slash_before && words[last + 1].capitalised;
  if (first == last || !(agency_before || agency_after)) return false;
  for (std::size_t i = first; i <= last; ++i)
    if (words[i].term.size() < 2 || words[i].all_caps || has_digit(words[i].term) ||
        is_common_word(words[i]) || lexicon_.find(words[i].term) != nullptr)
      return false;
  return true;
}

// "the European Union (EU)": an acronym in parentheses after the name its initials spell
// names the same actor in this article (acronym_expansion, the index's rule too).
// words[first..last] is the run before it.
void ArticleScan::define_acronym(const std::vector<TextWord>& words, std::size_t first,
                                 std::size_t last, std::size_t acronym) {
  const std::string name = join_surface(words, first, last);
  const std::size_t at = acronym_expansion(name, words[acronym].surface);
  if (at == std::string::npos) return;
  std::size_t start = first;
  while (start < last && words[start].surface.data() - words[first].surface.data() <
                             static_cast<std::ptrdiff_t>(at))
    ++start;
  acronyms_.emplace_back(std::string(words[acronym].term), join_terms(words, start, last));
}

void ArticleScan::scan_body(const std::vector<TextWord>& words) {
  const auto foreign =
      std::count_if(words.begin(), words.end(), [](const TextWord& w) { return !w.latin; });
  latin_article_ = static_cast<std::size_t>(foreign) * 10 < words.size();
  ratings_article_ = speaks_of_ratings(words);
  for (const TextWord& w : words) {
    if (auto singular = plural_acronym(w)) plural_acronyms_.insert(std::move(*singular));
  }
  for (std::size_t i = 1; i + 1 < words.size(); ++i) {
    if (words[i].capitalised && !words[i].sentence_start && !words[i].headline_line &&
        words[i + 1].capitalised && words[i + 1].joins_previous)
      inner_pairs_.insert(join_terms(words, i, i + 1));
  }
  std::optional<std::size_t> previous_work;  // where the last work's title ended
  for (std::size_t i = 0; i < words.size();) {
    if (words[i].headline_line || !(name_word(words, i) || opens_name(words, i))) {
      ++i;
      continue;
    }
    std::size_t last = i;
    bool purpose = false;  // "Organisation for ...": its name goes on across "and", "in"
    while (last + 1 < words.size()) {
      if (words[last].possessive) {
        if (const auto company = company_after_possessive(words, i, last)) last = *company;
        break;
      }
      if (numbered_station(words, last)) {
        ++last;  // "Channel 4", "BBC Radio 4": the number ends the name
        break;
      }
      const TextWord& next = words[last + 1];
      if (!next.joins_previous) {
        if (const auto firm = last - i < 2 ? firm_after_comma(words, last) : std::nullopt)
          last = *firm;  // "Goldman, Sachs and Co"
        break;
      }
      // "Trans World Airlines Inc": a section word ("World") that opens an organisation's
      // name inside a run continues it.
      if (name_word(words, last + 1) || (next.capitalised && opens_name(words, last + 1))) {
        ++last;
      } else if (!next.capitalised && hyphenated_inside(words, last + 1)) {
        last += 2;
      } else if (is_name_syllable(words, last + 1)) {
        ++last;
      } else if (const auto forms = legal_forms_after_and(words, last + 1)) {
        last = *forms;  // "Merrill Lynch and Co Inc": the firm's name ends here
        break;
      } else if (const auto org = organisation_after_and(words, i, last + 1)) {
        if (org->first > i) {  // "U.S. | Securities and Exchange Commission"
          scan_run(words, i, org->first - 1);
          i = org->first;
        }
        last = org->last;  // "Securities and Exchange Commission"
      } else if (cues::is_name_particle(next.term) && !next.capitalised &&
                 last + 2 < words.size() && words[last + 2].joins_previous &&
                 name_word(words, last + 2) && !splits_at_the(words, last)) {
        last += 2;
      } else if (joins_purpose(words, last, purpose)) {
        purpose = true;
        last += 2;
      } else {
        break;
      }
    }
    if (last - i + 1 > kMaxNameWords) {
      deferred_runs_.emplace_back(i, last);  // a Title-Case phrase inside a sentence
    } else if (is_work_title(words, i) || continues_works(words, i, last, previous_work)) {
      add_work(words, i, last);
      previous_work = last;
    } else if (!is_photo_credit(words, i, last)) {
      scan_run(words, i, last);
      // "Exxon Corp <XON>", "Intuit Inc (INTU.O)", "Oracle Corp (Nasdaq: ORCL)".
      if (const auto symbol = symbol_after(words, last)) add_ticker(words, i, last, *symbol);
    }
    if (last + 1 < words.size() && words[last + 1].paren_before)
      define_acronym(words, i, last, last + 1);
    i = last + 1;
  }
  keep_names_written_like_words(words);
  add_numbered_channels(words);
}

// "Exxon Corp <XON>": the symbol words[symbol] is one more form of the firm, so that the
// corpus knows it as an alias (a filter by "XON" finds Exxon), though it names no actor
// alone.
void ArticleScan::add_ticker(const std::vector<TextWord>& words, std::size_t first,
                             std::size_t last, std::size_t symbol) {
  const auto firm = known_group(join_terms(words, first, last));
  if (!firm || rule_type(groups_[*firm]) != ActorType::Org) return;
  ++groups_[*firm].forms[std::string(words[symbol].surface)];
}

// "BBC1" and "BBC2" in an article that names the BBC: the organisation's numbered
// channels, organisations too. Not "MP3" nor "JUL7": no actor of the article is "MP".
void ArticleScan::add_numbered_channels(const std::vector<TextWord>& words) {
  for (const std::size_t i : numbered_channels_) {
    const std::string_view term = words[i].term;
    const auto owner = known_group(std::string(term.substr(0, term.find_first_of("0123456789"))));
    if (!owner) continue;
    if (rule_type(groups_[*owner]) != ActorType::Org) continue;
    Mention m = span_mention(words, i, i);
    m.type = ActorType::Org;
    m.evidence = Evidence::Strong;
    add(std::move(m), words, i, i);
  }
}

}  // namespace dossier::detail
