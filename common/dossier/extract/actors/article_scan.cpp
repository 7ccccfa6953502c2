// Turns an article's mentions into actors: groups by key, short references resolved to full
// names, headline phrases confirmed against both, display names and forms chosen.
#include "dossier/extract/actors/article_scan.h"

#include <algorithm>

#include "dossier/extract/actors/cue_words.h"
#include "dossier/text/ascii_words.h"

namespace dossier::detail {
namespace {

bool has_all_caps_word(std::string_view s) {
  bool letters = false;
  for (char c : s) {
    if (is_ascii_lower(c)) return false;
    letters = letters || is_ascii_upper(c);
  }
  return letters;
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The words of a folded key ("nicolas maduro"), split at its single spaces.
std::vector<std::string_view> key_words(std::string_view key) {
  std::vector<std::string_view> words;
  for (std::size_t at = 0; at <= key.size();) {
    const std::size_t space = std::min(key.find(' ', at), key.size());
    words.push_back(key.substr(at, space - at));
    at = space + 1;
  }
  return words;
}

bool has_non_ascii(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// Display form of a name: mixed case over SHOUTING ("Washington", not "WASHINGTON"), then
// diacritics over their ASCII spelling ("Guaidó" over "Guaido"), then the most frequent.
bool better_display_form(const std::pair<const std::string, int>& a,
                         const std::pair<const std::string, int>& b) {
  const bool a_caps = has_all_caps_word(a.first), b_caps = has_all_caps_word(b.first);
  if (a_caps != b_caps) return b_caps;
  const bool a_accent = has_non_ascii(a.first), b_accent = has_non_ascii(b.first);
  if (a_accent != b_accent) return a_accent;
  return a.second > b.second;
}

// "Moody's Investors Service Inc": the company's name opens with its owner's possessive.
bool possessive_owner(const Group& group) {
  return std::any_of(group.forms.begin(), group.forms.end(), [](const auto& form) {
    const std::string_view first = std::string_view(form.first).substr(0, form.first.find(' '));
    return first.ends_with("'s") || first.ends_with("\u2019s");
  });
}

// The initials of a name, lower-case and sorted: a capitalised word's first letter, all the
// letters of a dotted abbreviation ("U.S." gives u and s); lower-case words give none.
std::string initials(std::string_view name) {
  std::string letters;
  for (std::size_t at = 0; at < name.size();) {
    const std::size_t end = std::min(name.find_first_of(" -", at), name.size());
    const std::string_view word = name.substr(at, end - at);
    if (!word.empty() && is_ascii_upper(word.front())) {
      const bool dotted = word.find('.') != std::string_view::npos;
      for (const char c : word) {
        if (is_ascii_upper(c) || (dotted && is_ascii_lower(c))) letters += to_ascii_lower(c);
        if (!dotted) break;
      }
    }
    at = end + 1;
  }
  std::sort(letters.begin(), letters.end());
  return letters;
}

}  // namespace

ActorType rule_type(const Group& group) {
  return static_cast<ActorType>(std::max_element(group.votes.begin(), group.votes.end()) -
                                group.votes.begin());
}

bool rules_sure(const Group& group) {
  return group.entry.has_value() || group.strongest == Evidence::Strong;
}

std::string join_terms(const std::vector<TextWord>& words, std::size_t first, std::size_t last) {
  std::string key;
  for (std::size_t i = first; i <= last; ++i) {
    if (i > first) key += ' ';
    key += words[i].term;
  }
  return key;
}

std::string join_surface(const std::vector<TextWord>& words, std::size_t first, std::size_t last) {
  // From the first word's start to the last word's end, as written: keeps "Jean-Pierre";
  // but a run of spaces, tabs or line breaks between words is one space ("Benjamin
  // Netanyahu" wrapped or padded in the text), so that one name has one display form.
  const char* begin = words[first].surface.data();
  const char* end = words[last].surface.data() + words[last].surface.size();
  std::string surface;
  surface.reserve(static_cast<std::size_t>(end - begin));
  for (const char* at = begin; at != end; ++at) {
    const bool space = *at == ' ' || *at == '\t' || *at == '\n' || *at == '\r';
    if (!space) {
      surface += *at;
    } else if (surface.back() != ' ') {
      surface += ' ';
    }
  }
  return surface;
}

Mention span_mention(const std::vector<TextWord>& words, std::size_t first, std::size_t last) {
  Mention m;
  m.key = join_terms(words, first, last);
  m.surface = join_surface(words, first, last);
  m.words = last - first + 1;
  return m;
}

void ArticleScan::add_span(const std::vector<TextWord>& words, std::size_t first, std::size_t last,
                           ActorType type, Evidence evidence) {
  Mention m = span_mention(words, first, last);
  m.type = type;
  m.evidence = evidence;
  add(std::move(m), words, first, last);
}

Group& ArticleScan::group_for(const Mention& mention) {
  auto [it, inserted] = group_by_key_.try_emplace(mention.key, groups_.size());
  if (inserted) {
    Group group;
    group.key = mention.key;
    group.entry = mention.entry;
    group.words = mention.words;
    groups_.push_back(std::move(group));
  }
  return groups_[it->second];
}

void ArticleScan::add(Mention mention, const std::vector<TextWord>& words, std::size_t first,
                      std::size_t last) {
  Group& group = group_for(mention);
  note_listing(words, first, last, static_cast<std::size_t>(&group - groups_.data()));
  note_context(group, words, first, last);
  ++group.mentions;
  group.inside_sentence =
      group.inside_sentence || (!words[first].sentence_start && !words[first].headline_line);
  group.only_as_short_reference = group.only_as_short_reference && mention.only_as_short_reference;
  if (mention.type)
    group.votes[static_cast<std::size_t>(*mention.type)] +=
        mention.firm_context ? kSureTypeVotes : static_cast<int>(mention.evidence) + 1;
  group.strongest = std::max(group.strongest, mention.evidence);
  ++group.forms[mention.surface];
  ++group.full_forms[mention.surface];
}

void ArticleScan::add_doubtful(const std::vector<TextWord>& words, std::size_t index) {
  Mention m;
  m.key = words[index].term;
  m.surface = std::string(words[index].surface);
  m.words = 1;
  m.only_as_short_reference = true;
  Group& group = group_for(m);
  if (!words[index].sentence_start && !words[index].headline_line) ++group.capitalised_inside;
  add(std::move(m), words, index, index);
}

// "Yukos", "Bush": an English word capitalised inside sentences again and again (twice for a
// rare word: "Google", "Arsenal"), and never written in lower case in the article, is a
// name there even with no full name to shorten;
// not "the Budget", "the Cup" (event heads) or "Today" (an adverb).
void ArticleScan::keep_names_written_like_words(const std::vector<TextWord>& words) {
  for (Group& group : groups_) {
    const int repeats = lexicon_.is_everyday_word(group.key) ? kNameRepeats : kRareNameRepeats;
    if (!group.only_as_short_reference || group.capitalised_inside < repeats ||
        cues::is_event_head(group.key) || lexicon_.is_sentence_opener(group.key))
      continue;
    const bool lower_case_too = std::any_of(words.begin(), words.end(), [&](const TextWord& w) {
      return !w.capitalised && w.term == group.key;
    });
    if (lower_case_too) continue;
    group.only_as_short_reference = false;
    group.votes[static_cast<std::size_t>(ActorType::Org)] += 1;  // the model types it
  }
}

void ArticleScan::add_lexicon_mention(const std::vector<TextWord>& words, std::size_t first,
                                      std::size_t last, const LexiconHit& hit) {
  const LexiconEntry& entry = lexicon_.entry(hit.entry);
  if (entry.ignore) return;
  Mention m;
  m.key = entry.key;
  m.surface = join_surface(words, first, last);
  m.entry = hit.entry;
  m.type = entry.type;
  m.evidence = Evidence::Strong;
  m.words = last - first + 1;
  Group& group = group_for(m);
  note_context(group, words, first, last);
  ++group.mentions;
  group.only_as_short_reference = false;
  group.votes[static_cast<std::size_t>(entry.type)] += kSureTypeVotes;
  ++group.forms[m.surface];
}

// Merges short references into the full names they abbreviate and settles each type.
void ArticleScan::resolve() {
  constexpr std::size_t kAmbiguous = static_cast<std::size_t>(-1);
  std::unordered_map<std::string, std::size_t> first_names;
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    const Group& group = groups_[g];
    const bool person = rule_type(group) == ActorType::Person;
    if (!person || group.words < 2 || group.entry) continue;
    const std::size_t space = group.key.rfind(' ');
    const std::string surname = group.key.substr(space + 1);
    auto [it, inserted] = short_refs_.try_emplace(surname, g);
    if (!inserted && groups_[it->second].mentions < group.mentions) it->second = g;
    if (group.words >= 3) {
      const std::size_t second = group.key.rfind(' ', space - 1);
      short_refs_.try_emplace(group.key.substr(second + 1), g);
    }
    // A first name alone ("Andy" after "Andy Roddick") refers to the one person so named.
    const std::string given = group.key.substr(0, group.key.find(' '));
    if (!lexicon_.is_given_name(given)) continue;
    auto [first_ref, fresh] = first_names.try_emplace(given, g);
    if (!fresh && first_ref->second != g) first_ref->second = kAmbiguous;
  }
  for (const auto& [given, g] : first_names)
    if (g != kAmbiguous) short_refs_.try_emplace(given, g);
  add_company_short_names();
  add_clipped_names();
  add_initialisms();
  add_initialled_names();
  add_station_short_names();
  for (const auto& [acronym, expansion] : acronyms_)
    if (const auto full = expansion_group(expansion)) short_refs_.insert_or_assign(acronym, *full);
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    Group& group = groups_[g];
    const auto ref = short_refs_.find(group.key);
    if (ref == short_refs_.end() || ref->second == g) continue;
    // A known country's demonym is never a surname; a single known place may be ("Jordan").
    if (group.entry && (group.words > 1 || lexicon_.entry(*group.entry).type == ActorType::Country))
      continue;
    Group& full = groups_[ref->second];
    full.mentions += group.mentions;
    full.context.insert(full.context.end(), group.context.begin(), group.context.end());
    for (const auto& [form, count] : group.forms) full.forms[form] += count;
    group.merged_away = true;
  }
  // "Vera Drake" after "the film Vera Drake": the work's title wherever it stands.
  for (Group& group : groups_)
    if (group.only_as_short_reference || works_.contains(group.key)) group.merged_away = true;
}

// "Chrysler Corp" is "Chrysler", "General Motors Corp" "General Motors": a company's name
// less its legal form; and its first word ("Salomon Brothers Inc" is "Salomon", "Moody's
// Investors Service Inc" "Moody", "Goldman Sachs and Co" "Goldman"), if that word is no
// English word ("First Union Corp" is not "First") or a known name ("Ford Motor Co"), nor
// a given name unless only heads follow it. People's names were taken first.
void ArticleScan::add_company_short_names() {
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    const Group& group = groups_[g];
    if (group.entry || group.words < 2 || rule_type(group) != ActorType::Org) continue;
    const std::vector<std::string_view> words = key_words(group.key);
    std::size_t name_words = words.size();
    // "Merrill Lynch and Co Inc": the legal forms and their "and".
    while (name_words > 1 &&
           (cues::is_legal_form(words[name_words - 1]) || words[name_words - 1] == "and"))
      --name_words;
    if (name_words == words.size()) continue;
    const std::string_view key = group.key;
    short_refs_.try_emplace(std::string(key.substr(0, words[name_words - 1].end() - key.begin())),
                            g);
    const bool heads_follow = std::all_of(words.begin() + 1, words.end(), [](std::string_view w) {
      return cues::is_org_head(w) || cues::is_legal_form(w);
    });
    const std::string_view first = words.front();
    const bool owner = possessive_owner(group);
    // A firm named after its founders goes by the first ("Goldman" of "Goldman Sachs and
    // Co", "Merrill" of "Merrill Lynch and Co Inc"), unless that is a given name ("Walt").
    const bool founder = !lexicon_.is_given_name(first);
    if ((heads_follow || owner || founder) && first.size() >= 3 &&
        lexicon_.find(first) == nullptr &&
        (!lexicon_.is_english_word(first) || lexicon_.gazetteer_type(first)))
      short_refs_.try_emplace(std::string(first), g);
  }
}

// "N. Maduro" beside "Nicolas Maduro", "G. W. Bush" beside "George W Bush": initials and a
// surname name the one person of the article with that surname whose names start with
// those initials (captions and bylines shorten given names so).
void ArticleScan::add_initialled_names() {
  for (const Group& initialled : groups_) {
    const auto words = key_words(initialled.key);
    if (initialled.entry || words.size() < 2 || short_refs_.contains(initialled.key) ||
        !std::all_of(words.begin(), words.end() - 1,
                     [](std::string_view w) { return w.size() == 1; }) ||
        words.back().size() < 2)
      continue;
    std::optional<std::size_t> person;
    bool ambiguous = false;
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      const Group& full = groups_[g];
      if (&full == &initialled || rule_type(full) != ActorType::Person) continue;
      const auto names = key_words(full.key);
      if (names.size() < words.size() || names.back() != words.back()) continue;
      // The full name writes its given name out; a middle initial may stay one.
      bool initials_match = names.front().size() > 1;
      for (std::size_t k = 0; k + 1 < words.size(); ++k)
        initials_match = initials_match && names[k].front() == words[k].front();
      if (!initials_match) continue;
      ambiguous = ambiguous || person.has_value();
      person = g;
    }
    if (person && !ambiguous) short_refs_.try_emplace(initialled.key, *person);
  }
}

// "Radio 4" beside "BBC Radio 4": a numbered station goes by its name without its
// broadcaster's.
void ArticleScan::add_station_short_names() {
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    const Group& group = groups_[g];
    const auto words = key_words(group.key);
    if (words.size() < 3 || rule_type(group) != ActorType::Org ||
        !cues::is_station_noun(words[words.size() - 2]) || !has_digit(words.back()))
      continue;
    // The station noun and the number end the key.
    const auto station =
        static_cast<std::size_t>(words[words.size() - 2].data() - group.key.data());
    short_refs_.try_emplace(group.key.substr(station), g);
  }
}

// "the Fed" after "the Federal Reserve": a capitalised word written inside sentences that
// clips the first word of an organisation's name in the article names it. Not a word that
// only opens sentences ("Man" is no clipped "Manchester United").
void ArticleScan::add_clipped_names() {
  for (const Group& clipped : groups_) {
    // Not an acronym ("SEC": the acronym rule's) nor a place ("Europe" is no "European ...").
    if (clipped.words != 1 || clipped.entry || clipped.key.size() < kMinClippedLetters ||
        !clipped.inside_sentence || short_refs_.contains(clipped.key) ||
        has_all_caps_word(clipped.forms.begin()->first) ||
        lexicon_.gazetteer_type(clipped.key) == ActorType::Place)
      continue;
    std::optional<std::size_t> best;
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      const Group& full = groups_[g];
      if (full.words < 2 || full.entry || rule_type(full) != ActorType::Org) continue;
      const std::string_view first = std::string_view(full.key).substr(0, full.key.find(' '));
      if (first.size() <= clipped.key.size() || !first.starts_with(clipped.key)) continue;
      if (!best || groups_[*best].mentions < full.mentions) best = g;
    }
    if (best) short_refs_.try_emplace(clipped.key, *best);
  }
}

// "USDA" beside "the U.S. Agriculture Department", "IMF" beside "the International Monetary
// Fund": an ALL-CAPS word of three letters or more whose letters are, in any order, the
// initials of an organisation's name in the same article (a dotted abbreviation gives all its
// letters: "U.S."; small words give none) names it.
void ArticleScan::add_initialisms() {
  for (const Group& acronym : groups_) {
    if (acronym.words != 1 || acronym.entry || acronym.key.size() < kMinInitialisms ||
        !has_all_caps_word(acronym.forms.begin()->first) || short_refs_.contains(acronym.key))
      continue;
    std::string letters = acronym.key;
    std::sort(letters.begin(), letters.end());
    std::optional<std::size_t> best;
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      const Group& full = groups_[g];
      if (full.words < 2 || rule_type(full) != ActorType::Org ||
          initials(full.forms.begin()->first) != letters)
        continue;
      if (!best || groups_[*best].mentions < full.mentions) best = g;
    }
    if (best) short_refs_.try_emplace(acronym.key, *best);
  }
}

// The group an acronym's expansion went to: the expansion itself or a name ending with it
// ("US Securities and Exchange Commission" for "Securities and Exchange Commission (SEC)").
std::optional<std::size_t> ArticleScan::expansion_group(const std::string& expansion) const {
  if (const auto it = group_by_key_.find(expansion); it != group_by_key_.end()) return it->second;
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    const std::string& key = groups_[g].key;
    if (key.size() > expansion.size() && key.ends_with(expansion) &&
        key[key.size() - expansion.size() - 1] == ' ')
      return g;
  }
  return std::nullopt;
}

std::optional<std::size_t> ArticleScan::known_group(const std::string& key) const {
  if (const auto ref = short_refs_.find(key); ref != short_refs_.end()) return ref->second;
  if (const auto it = group_by_key_.find(key);
      it != group_by_key_.end() && !groups_[it->second].merged_away)
    return it->second;
  return std::nullopt;
}

// A person's name in a headline or byline needs no confirmation when it has the clear shape
// of one: a given name, then one or two words that are not English ("Glenn Somerville"), or
// a line of its own (below). Returns the number of words taken.
std::size_t ArticleScan::headline_person(const std::vector<TextWord>& words, std::size_t i,
                                         std::size_t span_last) {
  if (words[i].all_caps) return 0;
  if (words[i].initial) return initial_and_surname(words, i, span_last);
  std::size_t last = name_line_end(words, i, span_last);
  if (last == i) {
    if (!lexicon_.is_given_name(words[i].term)) return 0;
    while (last + 1 <= span_last && last < i + 2 && words[last + 1].joins_previous &&
           words[last + 1].capitalised && !words[last + 1].all_caps &&
           !lexicon_.is_english_word(words[last + 1].term) &&
           !lexicon_.find(words[last + 1].term) && !lexicon_.gazetteer_type(words[last + 1].term))
      ++last;
    if (last == i) return 0;
  }
  add_span(words, i, last, ActorType::Person, Evidence::Context);
  return last - i + 1;
}

// "Larisa Sayenko", "David Jones" on a line of their own (a byline): two or three
// capitalised words, each no known name, function word, title, head or code, the first a
// given name or none of them English. Returns the line's last word, or `i` if it is none.
std::size_t ArticleScan::name_line_end(const std::vector<TextWord>& words, std::size_t i,
                                       std::size_t span_last) const {
  if (i > 0 && words[i - 1].line == words[i].line) return i;
  std::size_t last = i;
  while (last + 1 <= span_last && words[last + 1].line == words[i].line) ++last;
  if (last + 1 < words.size() && words[last + 1].line == words[i].line) return i;
  if (last == i || last > i + 2) return i;
  bool english = false;
  for (std::size_t k = i; k <= last; ++k) {
    const TextWord& w = words[k];
    if (!w.capitalised || w.all_caps || (k > i && !w.joins_previous) || has_digit(w.term) ||
        cues::is_function_word(w.term) || cues::is_person_title(w.term) ||
        cues::is_org_head(w.term) || cues::is_place_head(w.term) || cues::is_never_actor(w.term) ||
        cues::is_event_head(w.term) || lexicon_.find(w.term) ||
        lexicon_.is_capitalised_common_word(w.term))
      return i;
    english = english || lexicon_.is_english_word(w.term);
  }
  return lexicon_.is_given_name(words[i].term) || !english ? last : i;
}

// "M. Slater run out 9", "I. Austin 4-37": an initial and a capitalised word, in a line of a
// scorecard or a list, is a person, unless the word opens a known name or is a function word
// or a title. Returns the number of words taken.
std::size_t ArticleScan::initial_and_surname(const std::vector<TextWord>& words, std::size_t i,
                                             std::size_t span_last) {
  const std::size_t last = i + 1;
  if (last > span_last || !words[last].joins_previous || !words[last].capitalised ||
      words[last].all_caps || words[last].initial || words[last].term.size() < 2 ||
      cues::is_function_word(words[last].term) || cues::is_person_title(words[last].term) ||
      lexicon_.find(words[last].term) || lexicon_.is_capitalised_common_word(words[last].term))
    return 0;
  add_span(words, i, last, ActorType::Person, Evidence::Context);
  return 2;
}

// One more mention of an actor already found, at words[first..last].
void ArticleScan::count_mention(Group& group, const std::vector<TextWord>& words, std::size_t first,
                                std::size_t last) const {
  note_context(group, words, first, last);
  ++group.mentions;
  ++group.forms[join_surface(words, first, last)];
}

// Title-Case and ALL-CAPS text: capitals prove nothing, so only phrases already known (from
// the article's running text or the lexicon) count, longest first.
void ArticleScan::scan_headline_spans(const std::vector<TextWord>& words) {
  for (std::size_t i = 0; i < words.size();) {
    if (!words[i].headline_line) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end + 1 < words.size() && words[end + 1].headline_line) ++end;
    match_known(words, i, end);
    i = end + 1;
  }
}

void ArticleScan::scan_deferred_runs(const std::vector<TextWord>& words) {
  for (const auto& [first, last] : deferred_runs_) match_known(words, first, last);
  deferred_runs_.clear();
}

// Phrases of words[span_first..span_last] that name a known actor, longest first.
void ArticleScan::match_known(const std::vector<TextWord>& words, std::size_t span_first,
                              std::size_t span_last) {
  for (std::size_t i = span_first; i <= span_last;) {
    if (!words[i].capitalised) {
      ++i;
      continue;
    }
    // "MONTE CARLO 1996-08-30": a dateline names a place, known or not.
    if (span_last < i + kMaxDatelineWords && is_dateline(words, i, span_last, true)) {
      const std::string key = join_terms(words, i, span_last);
      if (const auto known = known_group(key)) {
        count_mention(groups_[*known], words, i, span_last);
      } else if (const LexiconHit* hit = lexicon_.find(key)) {
        add_lexicon_mention(words, i, span_last, *hit);
      } else {
        add_span(words, i, span_last, ActorType::Place, Evidence::Strong);  // a dateline's place
      }
      i = span_last + 1;
      continue;
    }
    std::size_t matched = 0;
    const std::size_t longest = std::min(span_last - i + 1, kMaxHeadlineWords);
    for (std::size_t n = longest; n >= 1 && matched == 0; --n) {
      const std::size_t last = i + n - 1;
      if (!words[last].capitalised) continue;
      const std::string key = join_terms(words, i, last);
      if (const auto known = known_group(key)) {
        count_mention(groups_[*known], words, i, last);
        matched = n;
        continue;
      }
      const LexiconHit* hit = lexicon_.find(key);
      if (hit == nullptr) continue;
      const LexiconEntry& entry = lexicon_.entry(hit->entry);
      // "US" must be written in capitals ("Tell Us" is not the United States); a place that
      // is also an ordinary word must have been seen in the body.
      if (key.size() <= 3 && !words[i].all_caps) continue;
      // An alias that is also an English word counts in capitals only if the body named it
      // ("CAR SALES" is no Central African Republic); "US" in capitals is the country.
      if (hit->ordinary_word &&
          (entry.type != ActorType::Country || (words[i].all_caps && key.size() > 2)))
        continue;
      // "American League", "U.S. Open": the country names part of a longer name.
      if (last + 1 < words.size() && words[last + 1].joins_previous &&
          words[last + 1].capitalised &&
          (cues::is_org_head(words[last + 1].term) || cues::is_event_head(words[last + 1].term)))
        continue;
      add_lexicon_mention(words, i, last, *hit);
      matched = n;
    }
    if (matched == 0) matched = headline_person(words, i, span_last);
    i += matched > 0 ? matched : 1;
  }
}

Actor ArticleScan::to_actor(const Group& group) const {
  Actor actor;
  actor.key = group.key;
  actor.mentions = group.mentions;
  actor.type = rule_type(group);
  if (group.entry) {
    actor.name = lexicon_.entry(*group.entry).name;
  } else {
    // Most common full form; a form with diacritics wins ties and beats ASCII spellings
    // of the same name ("Guaidó" over "Guaido").
    const std::pair<const std::string, int>* chosen = nullptr;
    for (const auto& form : group.full_forms)
      if (chosen == nullptr || better_display_form(form, *chosen)) chosen = &form;
    actor.name = chosen != nullptr ? chosen->first : group.key;
  }
  std::vector<std::pair<std::string, int>> forms(group.forms.begin(), group.forms.end());
  std::stable_sort(forms.begin(), forms.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  for (auto& [form, count] : forms) actor.forms.push_back(form);
  return actor;
}

std::vector<ActorCandidate> ArticleScan::candidates() const {
  std::vector<ActorCandidate> out;
  for (const Group& group : groups_) {
    if (group.merged_away) continue;
    ActorCandidate candidate{to_actor(group), {}};
    candidate.features = features(group, candidate.actor.type);
    out.push_back(std::move(candidate));
  }
  return out;
}

void ArticleScan::note_listing(const std::vector<TextWord>& words, std::size_t first,
                               std::size_t last, std::size_t group) {
  const AddedSpan before = last_added_;
  last_added_ = {&words, last, group};
  if (before.words != &words || before.group == group || first == 0 ||
      words[first].line != words[before.last].line)
    return;
  const bool after_comma = first == before.last + 1 && words[first].comma_before;
  const TextWord& between = words[first - 1];
  const bool after_and = first == before.last + 2 && !between.capitalised &&
                         (between.term == "and" || between.term == "or");
  if (after_comma || after_and) listed_pairs_.emplace_back(before.group, group);
}

std::size_t ArticleScan::final_group(std::size_t group) const {
  if (!groups_[group].merged_away) return group;
  const auto full = short_refs_.find(groups_[group].key);
  return full == short_refs_.end() ? group : full->second;
}

std::vector<std::vector<std::size_t>> ArticleScan::name_lists(
    const std::vector<std::optional<ActorType>>& types) const {
  std::vector<std::vector<std::size_t>> listed_with(groups_.size());
  for (const auto& [a, b] : listed_pairs_) {
    const std::size_t first = final_group(a), second = final_group(b);
    if (first == second || !types[first] || !types[second]) continue;
    listed_with[first].push_back(second);
    listed_with[second].push_back(first);
  }
  // Each list: the groups connected through listed_with.
  const std::size_t unlisted = groups_.size();
  std::vector<std::size_t> list_of(groups_.size(), unlisted);
  std::vector<std::vector<std::size_t>> lists;
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    if (listed_with[g].empty() || list_of[g] != unlisted) continue;
    lists.emplace_back();
    std::vector<std::size_t> pending{g};
    list_of[g] = lists.size() - 1;
    while (!pending.empty()) {
      const std::size_t member = pending.back();
      pending.pop_back();
      lists.back().push_back(member);
      for (const std::size_t next : listed_with[member]) {
        if (list_of[next] != unlisted) continue;
        list_of[next] = lists.size() - 1;
        pending.push_back(next);
      }
    }
  }
  return lists;
}

// Only a person's name that does not read as one (no given name first, not two or three
// name words: WordNet's "Siemens" and "Yahoo" are people, "Smith Barney" has a common
// word) or a place WordNet does not know ("Amazon" is a river; "Chicago" stays a city),
// and only when the model did not rule out an organisation ("Kanye West" and "Damien
// Duff" listed with firms or clubs stay people).
bool ArticleScan::may_be_listed_organisation(std::size_t g, ActorType type,
                                             float organisation_gap) const {
  const Group& group = groups_[g];
  if (rules_sure(group) || organisation_gap > kListedOrganisationGap) return false;
  if (type == ActorType::Place) return !lexicon_.gazetteer_type(group.key).has_value();
  const std::string_view given = std::string_view(group.key).substr(0, group.key.find(' '));
  return type == ActorType::Person && !person_shape(group) &&
         !(group.words > 1 && lexicon_.is_given_name(given));
}

// "Volkswagen, DaimlerChrysler and Siemens", "Google, Yahoo, Ebay and Amazon": names
// listed together are mostly of one kind. A listed name the rules were unsure of becomes
// an organisation when at least two others of its list are organisations and most are,
// and none is sure of another type; in a list of two, when the other is an organisation
// the rules are sure of (a lexicon entry or a strong cue).
void ArticleScan::type_listed_organisations(std::vector<std::optional<ActorType>>& types,
                                            const std::vector<float>& organisation_gaps) const {
  std::vector<std::size_t> retyped;
  for (const auto& list : name_lists(types)) {
    for (const std::size_t member : list) {
      if (!may_be_listed_organisation(member, *types[member], organisation_gaps[member])) continue;
      std::size_t organisations = 0, sure_organisations = 0, others = 0;
      bool other_sure_kind = false;
      for (const std::size_t other : list) {
        if (other == member) continue;
        ++others;
        const bool organisation = *types[other] == ActorType::Org;
        organisations += organisation;
        const bool sure = rules_sure(groups_[other]);
        sure_organisations += organisation && sure;
        other_sure_kind = other_sure_kind || (!organisation && sure);
      }
      const bool most = organisations >= 2 && 2 * organisations > others;
      if (!other_sure_kind && (most || (others == 1 && sure_organisations == 1)))
        retyped.push_back(member);
    }
  }
  for (const std::size_t member : retyped) types[member] = ActorType::Org;
}

std::vector<Actor> ArticleScan::actors() const {
  // The model's verdict on each group, then the kinds of listed names.
  std::vector<std::optional<Actor>> kept(groups_.size());
  std::vector<std::optional<ActorType>> types(groups_.size());
  std::vector<float> organisation_gaps(groups_.size(), 0);
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    if (groups_[g].merged_away) continue;
    ActorCandidate candidate{to_actor(groups_[g]), {}};
    if (!apply_model(candidate, groups_[g])) continue;
    types[g] = candidate.actor.type;
    organisation_gaps[g] = candidate.organisation_gap;
    kept[g] = std::move(candidate.actor);
  }
  type_listed_organisations(types, organisation_gaps);
  std::vector<Actor> actors;
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    if (!kept[g]) continue;
    kept[g]->type = *types[g];
    actors.push_back(std::move(*kept[g]));
  }
  std::sort(actors.begin(), actors.end(), [](const Actor& a, const Actor& b) {
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    return a.name < b.name;
  });
  return actors;
}

}  // namespace dossier::detail
