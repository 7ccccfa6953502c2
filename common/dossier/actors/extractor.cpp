#include "dossier/actors/extractor.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <unordered_map>

#include "dossier/actors/cue_words.h"
#include "dossier/actors/text_words.h"

namespace dossier {
namespace {

// Longest phrase, in words, that headline matching tries against known names.
constexpr std::size_t kMaxHeadlineWords = 6;
// Longest title prefix stripped from a name ("Deputy Foreign Minister").
constexpr std::size_t kMaxTitleWords = 6;

// Evidence that a name is of one type; the strongest decides.
enum class Evidence { None, Weak, Context, Strong };

// One name found in the text, before resolution.
struct Mention {
  std::string key;                     // folded phrase
  std::string surface;                 // as written
  std::optional<std::uint32_t> entry;  // lexicon entry, if the phrase is known
  std::optional<ActorType> type;
  Evidence evidence = Evidence::None;
  std::size_t words = 0;
  bool only_as_short_reference = false;  // kept only if it abbreviates a full name
};

// Accumulates an article's mentions of one actor.
struct Group {
  std::string key;
  std::optional<std::uint32_t> entry;
  std::size_t words = 0;
  int mentions = 0;
  std::array<int, 4> votes{};             // per ActorType, weighted by evidence
  std::map<std::string, int> forms;       // every surface form
  std::map<std::string, int> full_forms;  // forms of the group's own key (for display)
  bool merged_away = false;               // folded into a full name, or dropped as doubtful
  bool only_as_short_reference = true;    // every mention was a doubtful single word
};

bool has_all_caps_word(std::string_view s) {
  bool letters = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    letters = letters || (c >= 'A' && c <= 'Z');
  }
  return letters;
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

std::string join_terms(const std::vector<TextWord>& words, std::size_t first, std::size_t last) {
  std::string key;
  for (std::size_t i = first; i <= last; ++i) {
    if (i > first) key += ' ';
    key += words[i].term;
  }
  return key;
}

std::string join_surface(const std::vector<TextWord>& words, std::size_t first, std::size_t last) {
  // From the first word's start to the last word's end, as written: keeps "Jean-Pierre".
  const char* begin = words[first].surface.data();
  const char* end = words[last].surface.data() + words[last].surface.size();
  return std::string(begin, static_cast<std::size_t>(end - begin));
}

bool is_roman_numeral(std::string_view term) {
  return !term.empty() && term.size() <= 4 && std::all_of(term.begin(), term.end(), [](char c) {
    return c == 'i' || c == 'v' || c == 'x';
  });
}

// Finds the names of one article: body runs first, then headline confirmations.
class ArticleScan {
 public:
  ArticleScan(const ActorLexicon& lexicon) : lexicon_(lexicon) {}

  void scan_body(const std::vector<TextWord>& words);
  void resolve();
  void scan_headline_spans(const std::vector<TextWord>& words);
  std::size_t headline_person(const std::vector<TextWord>& words, std::size_t i);
  std::vector<Actor> actors() const;

 private:
  void scan_run(const std::vector<TextWord>& words, std::size_t first, std::size_t last,
                bool after_title = false);
  bool take_leading_lexicon(const std::vector<TextWord>& words, std::size_t& first,
                            std::size_t last, bool& leading_known);
  std::optional<std::size_t> title_end(const std::vector<TextWord>& words, std::size_t first,
                                       std::size_t last) const;
  bool strip_title(const std::vector<TextWord>& words, std::size_t& first, std::size_t last);
  std::optional<std::size_t> of_split(const std::vector<TextWord>& words, std::size_t first,
                                      std::size_t last) const;
  void classify(const std::vector<TextWord>& words, std::size_t first, std::size_t last,
                bool after_title, bool leading_known, bool role_after);
  void add_lexicon_mention(const std::vector<TextWord>& words, std::size_t first, std::size_t last,
                           const LexiconHit& hit);
  void add(Mention mention);
  // A single word that names an actor only if it abbreviates a full name found elsewhere.
  void add_doubtful(const std::vector<TextWord>& words, std::size_t index);
  bool ends_with_org_head(const std::vector<TextWord>& words, std::size_t first,
                          std::size_t last) const;
  bool is_common_word(const TextWord& word) const;
  // The group a phrase names after resolution: a full name or a short reference to one.
  std::optional<std::size_t> known_group(const std::string& key) const;

  const ActorLexicon& lexicon_;
  std::vector<Group> groups_;
  std::unordered_map<std::string, std::size_t> group_by_key_;
  // Short references ("maduro") -> the group of the full name ("nicolas maduro").
  std::unordered_map<std::string, std::size_t> short_refs_;
};

bool ArticleScan::is_common_word(const TextWord& word) const {
  return lexicon_.is_english_word(word.term) && !lexicon_.is_given_name(word.term);
}

bool ArticleScan::ends_with_org_head(const std::vector<TextWord>& words, std::size_t first,
                                     std::size_t last) const {
  if (cues::is_org_head(words[last].term)) return true;
  // "Bank of England", "University of Texas": head, then "of".
  return last >= first + 2 && cues::is_org_head(words[first].term) && words[first + 1].term == "of";
}

void ArticleScan::add(Mention mention) {
  auto [it, inserted] = group_by_key_.try_emplace(mention.key, groups_.size());
  if (inserted) {
    Group group;
    group.key = mention.key;
    group.entry = mention.entry;
    group.words = mention.words;
    groups_.push_back(std::move(group));
  }
  Group& group = groups_[it->second];
  ++group.mentions;
  group.only_as_short_reference = group.only_as_short_reference && mention.only_as_short_reference;
  if (mention.type)
    group.votes[static_cast<std::size_t>(*mention.type)] += static_cast<int>(mention.evidence) + 1;
  ++group.forms[mention.surface];
  ++group.full_forms[mention.surface];
}

void ArticleScan::add_doubtful(const std::vector<TextWord>& words, std::size_t index) {
  Mention m;
  m.key = words[index].term;
  m.surface = std::string(words[index].surface);
  m.words = 1;
  m.only_as_short_reference = true;
  add(std::move(m));
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
  auto [it, inserted] = group_by_key_.try_emplace(m.key, groups_.size());
  if (inserted) {
    Group group;
    group.key = m.key;
    group.entry = m.entry;
    group.words = m.words;
    groups_.push_back(std::move(group));
  }
  Group& group = groups_[it->second];
  ++group.mentions;
  group.only_as_short_reference = false;
  group.votes[static_cast<std::size_t>(entry.type)] += 10;
  ++group.forms[m.surface];
}

// Splits off a known name at the start of a run when it is an actor of its own:
// "Venezuelan | Foreign Minister Jorge Arreaza", "Moscow | Mayor Yuri Luzhkov", "Russian |
// Foreign Ministry". It stays part of a longer name otherwise: "British Airways", "Paris St
// Germain", "China Daily", "Pakistan Point News", "German Villa" (a footballer).
bool ArticleScan::take_leading_lexicon(const std::vector<TextWord>& words, std::size_t& first,
                                       std::size_t last, bool& leading_known) {
  const std::size_t longest = std::min(lexicon_.longest_alias_words(), last - first);
  for (std::size_t n = longest; n >= 1; --n) {
    const LexiconHit* hit = lexicon_.find(join_terms(words, first, first + n - 1));
    if (hit == nullptr) continue;
    const std::size_t rest = first + n;
    if (hit->ordinary_word && words[first].sentence_start) return false;
    const bool person_follows = title_end(words, rest, last).has_value() ||
                                (rest < last && lexicon_.is_given_name(words[rest].term) &&
                                 !ends_with_org_head(words, rest, last));
    bool split = person_follows;
    if (!person_follows) {
      const bool place = lexicon_.entry(hit->entry).type == ActorType::Place;
      split = hit->adjective && rest < last && !place && !cues::is_org_head(words[rest].term);
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
    if (cues::is_person_title(words[i].term)) {
      end = i;
    } else if (!cues::is_name_particle(words[i].term) && !lexicon_.is_english_word(words[i].term)) {
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

// "Joel Naroff of First Union", "Karlsruhe of Germany": two actors joined by "of". Not
// "Bank of England" or "University of Texas", where the head needs its complement.
std::optional<std::size_t> ArticleScan::of_split(const std::vector<TextWord>& words,
                                                 std::size_t first, std::size_t last) const {
  for (std::size_t k = first + 1; k < last; ++k) {
    if (words[k].term != "of" || words[k].capitalised) continue;
    if (ends_with_org_head(words, first, k - 1) || cues::is_org_head(words[first].term))
      return std::nullopt;
    const bool person_left = k - 1 > first && lexicon_.is_given_name(words[first].term);
    const LexiconHit* right = lexicon_.find(join_terms(words, k + 1, last));
    const bool country_right =
        right != nullptr && lexicon_.entry(right->entry).type == ActorType::Country;
    if (person_left || country_right) return k;
  }
  return std::nullopt;
}

void ArticleScan::scan_run(const std::vector<TextWord>& words, std::size_t first, std::size_t last,
                           bool after_title) {
  after_title = after_title || (first > 0 && !words[first - 1].capitalised &&
                                cues::is_person_title(words[first - 1].term));
  bool leading_known = false;
  bool role_after = false;
  for (;;) {
    while (first <= last && cues::is_name_particle(words[first].term)) ++first;
    while (last > first && cues::is_name_particle(words[last].term)) --last;
    if (first > last) return;
    if (const LexiconHit* hit = lexicon_.find(join_terms(words, first, last))) {
      // A known name that is also an ordinary word opening a sentence ("Chad", "Phoenix")
      // is probably the ordinary word.
      if (!(hit->ordinary_word && words[first].sentence_start && first == last &&
            lexicon_.entry(hit->entry).type == ActorType::Place))
        add_lexicon_mention(words, first, last, *hit);
      return;
    }
    // "U.S. Open", "World Cup", "Gulf War": an event, not an actor.
    if (first < last && cues::is_event_head(words[last].term)) return;
    if (const auto of = of_split(words, first, last)) {
      scan_run(words, first, *of - 1, after_title);
      scan_run(words, *of + 1, last, false);
      return;
    }
    if (first < last && !leading_known && take_leading_lexicon(words, first, last, leading_known))
      continue;
    if (first < last && strip_title(words, first, last)) {
      after_title = true;
      continue;
    }
    // "Margaret Moran MP", "Labour MP", "Industry Secretary": a role after the name.
    if (first < last && cues::is_person_title(words[last].term) &&
        !ends_with_org_head(words, first, last)) {
      --last;
      role_after = true;
      continue;
    }
    // "However", "Officials": an ordinary word capitalised only because a sentence starts.
    if (words[first].sentence_start && !words[first].initial && is_common_word(words[first]) &&
        (first == last || !lexicon_.gazetteer_type(join_terms(words, first, last)))) {
      if (first == last) {
        add_doubtful(words, first);  // "Maduro's men left." after "Nicolas Maduro"
        return;
      }
      ++first;
      continue;
    }
    break;
  }
  classify(words, first, last, after_title, leading_known, role_after);
}

void ArticleScan::classify(const std::vector<TextWord>& words, std::size_t first, std::size_t last,
                           bool after_title, bool leading_known, bool role_after) {
  Mention m;
  m.key = join_terms(words, first, last);
  m.surface = join_surface(words, first, last);
  m.words = last - first + 1;
  const TextWord& head = words[first];
  const bool said_after = role_after || (last + 1 < words.size() && !words[last + 1].capitalised &&
                                         cues::is_speech_verb(words[last + 1].term));
  const bool locative_before = first > 0 && !words[first - 1].capitalised &&
                               cues::is_locative_preposition(words[first - 1].term);
  const auto gazetteer = lexicon_.gazetteer_type(m.key);

  if (m.words == 1) {
    const bool dotted = head.surface.find('.') != std::string_view::npos;  // "U.N."
    if (head.all_caps && head.term.size() >= 2 && head.term.size() <= 6 &&
        (dotted || !lexicon_.is_english_word(head.term)) && !is_roman_numeral(head.term)) {
      m.type = ActorType::Org;  // acronym: "NATO", "PDVSA", "AFP"
      m.evidence = Evidence::Strong;
    } else if (gazetteer) {
      m.type = gazetteer;
      m.evidence = Evidence::Context;
    } else if (lexicon_.is_capitalised_common_word(m.key) || cues::is_org_head(head.term) ||
               cues::is_person_title(head.term) || head.term.size() < 2) {
      return;  // "Christian", "Internet", a bare "Ministry" or "President"
    } else if (lexicon_.is_english_word(head.term) && !after_title) {
      add_doubtful(words, first);  // "Bush": a name after "George Bush", a shrub otherwise
      return;
    } else if (after_title) {
      m.type = ActorType::Person;
      m.evidence = Evidence::Strong;
    } else if (said_after) {
      m.type = ActorType::Person;
      m.evidence = Evidence::Context;
    } else if (locative_before) {
      m.type = ActorType::Place;
      m.evidence = Evidence::Context;
    } else {
      m.type = ActorType::Org;  // unresolved single names: clubs, firms, agencies
      m.evidence = Evidence::None;
    }
    add(std::move(m));
    return;
  }
  if (ends_with_org_head(words, first, last)) {
    m.type = ActorType::Org;
    m.evidence = Evidence::Strong;
  } else if (cues::is_place_head(words[last].term) || cues::is_place_opener(head.term)) {
    m.type = ActorType::Place;  // "Downing Street", "Mount Kenya"
    m.evidence = Evidence::Strong;
  } else if (after_title) {
    m.type = ActorType::Person;
    m.evidence = Evidence::Strong;
  } else if (leading_known) {
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
  add(std::move(m));
}

bool starts_name(const TextWord& w) {
  return w.capitalised && !w.numeric && !cues::is_never_actor(w.term) &&
         !cues::is_function_word(w.term);
}

// "Ata-ur-Rehman", "Stratford-upon-Avon": a lower-case word hyphenated on both sides.
bool hyphenated_inside(const std::vector<TextWord>& words, std::size_t i) {
  return i + 1 < words.size() && words[i].hyphen_before && words[i + 1].hyphen_before &&
         words[i].term.size() <= 4 && starts_name(words[i + 1]);
}

void ArticleScan::scan_body(const std::vector<TextWord>& words) {
  for (std::size_t i = 0; i < words.size();) {
    if (words[i].headline_line || !starts_name(words[i])) {
      ++i;
      continue;
    }
    std::size_t last = i;
    while (last + 1 < words.size() && !words[last].possessive) {
      const TextWord& next = words[last + 1];
      if (!next.joins_previous) break;
      if (starts_name(next)) {
        ++last;
      } else if (!next.capitalised && hyphenated_inside(words, last + 1)) {
        last += 2;
      } else if (cues::is_name_particle(next.term) && !next.capitalised &&
                 last + 2 < words.size() && words[last + 2].joins_previous &&
                 starts_name(words[last + 2])) {
        last += 2;
      } else {
        break;
      }
    }
    scan_run(words, i, last);
    i = last + 1;
  }
}

// Merges short references into the full names they abbreviate and settles each type.
void ArticleScan::resolve() {
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    const Group& group = groups_[g];
    const auto votes = group.votes;
    const bool person = std::max_element(votes.begin(), votes.end()) - votes.begin() ==
                        static_cast<std::ptrdiff_t>(ActorType::Person);
    if (!person || group.words < 2 || group.entry) continue;
    const std::size_t space = group.key.rfind(' ');
    const std::string surname = group.key.substr(space + 1);
    auto [it, inserted] = short_refs_.try_emplace(surname, g);
    if (!inserted && groups_[it->second].mentions < group.mentions) it->second = g;
    if (group.words >= 3) {
      const std::size_t second = group.key.rfind(' ', space - 1);
      short_refs_.try_emplace(group.key.substr(second + 1), g);
    }
  }
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    Group& group = groups_[g];
    const auto ref = short_refs_.find(group.key);
    if (ref == short_refs_.end() || ref->second == g) continue;
    // A known country's demonym is never a surname; a single known place may be ("Jordan").
    if (group.entry && (group.words > 1 || lexicon_.entry(*group.entry).type == ActorType::Country))
      continue;
    Group& full = groups_[ref->second];
    full.mentions += group.mentions;
    for (const auto& [form, count] : group.forms) full.forms[form] += count;
    group.merged_away = true;
  }
  for (Group& group : groups_)
    if (group.only_as_short_reference) group.merged_away = true;
}

std::optional<std::size_t> ArticleScan::known_group(const std::string& key) const {
  if (const auto ref = short_refs_.find(key); ref != short_refs_.end()) return ref->second;
  if (const auto it = group_by_key_.find(key);
      it != group_by_key_.end() && !groups_[it->second].merged_away)
    return it->second;
  return std::nullopt;
}

// A person's name in a headline or byline needs no confirmation when it has the clear shape
// of one: a given name, then one or two words that are not English ("Glenn Somerville").
// Returns the number of words taken.
std::size_t ArticleScan::headline_person(const std::vector<TextWord>& words, std::size_t i) {
  if (words[i].all_caps || !lexicon_.is_given_name(words[i].term)) return 0;
  std::size_t last = i;
  while (last + 1 < words.size() && last < i + 2 && words[last + 1].joins_previous &&
         words[last + 1].capitalised && !words[last + 1].all_caps &&
         !lexicon_.is_english_word(words[last + 1].term) && !lexicon_.find(words[last + 1].term) &&
         !lexicon_.gazetteer_type(words[last + 1].term))
    ++last;
  if (last == i) return 0;
  Mention m;
  m.key = join_terms(words, i, last);
  m.surface = join_surface(words, i, last);
  m.words = last - i + 1;
  m.type = ActorType::Person;
  m.evidence = Evidence::Context;
  add(std::move(m));
  return last - i + 1;
}

// Title-Case and ALL-CAPS text: capitals prove nothing, so only phrases already known (from
// the article's running text or the lexicon) count, longest first.
void ArticleScan::scan_headline_spans(const std::vector<TextWord>& words) {
  for (std::size_t i = 0; i < words.size();) {
    if (!words[i].headline_line || !words[i].capitalised) {
      ++i;
      continue;
    }
    std::size_t matched = 0;
    const std::size_t longest = std::min(words.size() - i, kMaxHeadlineWords);
    for (std::size_t n = longest; n >= 1 && matched == 0; --n) {
      const std::size_t last = i + n - 1;
      if (!words[last].capitalised || !words[last].headline_line) continue;
      const std::string key = join_terms(words, i, last);
      if (const auto known = known_group(key)) {
        Group& group = groups_[*known];
        ++group.mentions;
        ++group.forms[join_surface(words, i, last)];
        matched = n;
        continue;
      }
      const LexiconHit* hit = lexicon_.find(key);
      if (hit == nullptr) continue;
      const LexiconEntry& entry = lexicon_.entry(hit->entry);
      // "US" must be written in capitals ("Tell Us" is not the United States); a place that
      // is also an ordinary word must have been seen in the body.
      if (key.size() <= 3 && !words[i].all_caps) continue;
      if (hit->ordinary_word && entry.type != ActorType::Country) continue;
      // "American League", "U.S. Open": the country names part of a longer name.
      if (last + 1 < words.size() && words[last + 1].joins_previous &&
          words[last + 1].capitalised &&
          (cues::is_org_head(words[last + 1].term) || cues::is_event_head(words[last + 1].term)))
        continue;
      add_lexicon_mention(words, i, last, *hit);
      matched = n;
    }
    if (matched == 0) matched = headline_person(words, i);
    i += matched > 0 ? matched : 1;
  }
}

std::vector<Actor> ArticleScan::actors() const {
  std::vector<Actor> actors;
  for (const Group& group : groups_) {
    if (group.merged_away) continue;
    Actor actor;
    actor.key = group.key;
    actor.mentions = group.mentions;
    const auto best = std::max_element(group.votes.begin(), group.votes.end());
    actor.type = static_cast<ActorType>(best - group.votes.begin());
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
    actors.push_back(std::move(actor));
  }
  std::sort(actors.begin(), actors.end(), [](const Actor& a, const Actor& b) {
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    return a.name < b.name;
  });
  return actors;
}

}  // namespace

ActorExtractor::ActorExtractor(const ActorLexicon& lexicon) : lexicon_(lexicon) {}

std::vector<Actor> ActorExtractor::extract(std::string_view title, std::string_view body) {
  const std::vector<TextWord> body_words = annotate_words(analyzer_, body, false);
  const std::vector<TextWord> title_words = annotate_words(analyzer_, title, true);
  ArticleScan scan(lexicon_);
  scan.scan_body(body_words);
  scan.resolve();
  scan.scan_headline_spans(body_words);
  scan.scan_headline_spans(title_words);
  return scan.actors();
}

}  // namespace dossier
