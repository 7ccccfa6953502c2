// The rules that find and type names in running text: capitalised runs, peeled of titles,
// leading countries and sentence-initial words, then typed by their cues.
#include <algorithm>

#include "dossier/extract/actors/article_scan.h"
#include "dossier/extract/actors/cue_words.h"

namespace dossier::detail {
namespace {

bool is_roman_numeral(std::string_view term) {
  return !term.empty() && term.size() <= 4 && std::all_of(term.begin(), term.end(), [](char c) {
    return c == 'i' || c == 'v' || c == 'x';
  });
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

}  // namespace

bool ArticleScan::is_common_word(const TextWord& word) const {
  return lexicon_.is_english_word(word.term) && !lexicon_.is_given_name(word.term);
}

bool ArticleScan::ends_with_org_head(const std::vector<TextWord>& words, std::size_t first,
                                     std::size_t last) const {
  if (cues::is_org_head(words[last].term)) return true;
  // "Bank of England", "National Bank of Romania", "News Agency of Nigeria": head, then "of".
  for (std::size_t k = first; k + 2 <= last; ++k)
    if (cues::is_org_head(words[k].term) && words[k + 1].term == "of") return true;
  return false;
}

// "Real Madrid", "Dynamo Moscow", "Air France": a name ending in a known place or country
// that is not a region of it ("East Jerusalem") names a club or a company.
bool ArticleScan::ends_with_known_place(const std::vector<TextWord>& words, std::size_t first,
                                        std::size_t last) const {
  static constexpr std::string_view kRegionWords[] = {
      "central",  "east", "eastern", "great",    "greater", "lower", "new",    "north",
      "northern", "old",  "south",   "southern", "upper",   "west",  "western"};
  for (std::size_t start = last; start > first && start + 3 > last; --start) {
    const LexiconHit* hit = lexicon_.find(join_terms(words, start, last));
    if (hit == nullptr || hit->adjective) continue;
    for (std::size_t i = first; i < start; ++i)
      for (std::string_view region : kRegionWords)
        if (words[i].term == region) return false;
    return true;
  }
  return false;
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
    const bool person_follows =
        title_end(words, rest, last).has_value() ||
        (rest < last && (lexicon_.is_given_name(words[rest].term) || words[rest].initial) &&
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
    // Not before an unusual word ("Frank Busemann"; but "Later Guaido"), nor opening a known
    // name ("New York") or an organisation's ("Sputnik International").
    const bool name_follows = first < last && !lexicon_.is_english_word(words[first + 1].term) &&
                              !cues::is_name_particle(words[first + 1].term) &&
                              !lexicon_.is_given_name(words[first + 1].term) &&
                              !lexicon_.find(words[first + 1].term) &&
                              !lexicon_.is_sentence_opener(words[first].term);
    const bool opens_org = first < last && cues::is_org_head(words[last].term) &&
                           !lexicon_.is_sentence_opener(words[first].term) &&
                           !lexicon_.is_given_name(words[first + 1].term) &&
                           std::all_of(words.begin() + static_cast<std::ptrdiff_t>(first),
                                       words.begin() + static_cast<std::ptrdiff_t>(last) + 1,
                                       [](const TextWord& w) { return w.capitalised; });
    if (words[first].sentence_start && !words[first].initial && !leading_known && !name_follows &&
        !opens_org && is_common_word(words[first]) &&
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
    } else if (cues::is_org_head(head.term) || cues::is_person_title(head.term) ||
               head.term.size() < 2) {
      return;  // a bare "Ministry", "International" or "President"
    } else if (gazetteer) {
      m.type = gazetteer;
      m.evidence = Evidence::Context;
    } else if (lexicon_.is_capitalised_common_word(m.key)) {
      return;  // "Christian", "Internet"
    } else if (lexicon_.is_english_word(head.term) && !after_title) {
      add_doubtful(words, first);  // "Bush": a name after "George Bush", a shrub otherwise
      return;
    } else if (after_title) {
      m.type = ActorType::Person;
      m.evidence = Evidence::Strong;
    } else if (said_after || lexicon_.is_given_name(head.term)) {
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
  const bool ampersand = std::any_of(words.begin() + static_cast<std::ptrdiff_t>(first) + 1,
                                     words.begin() + static_cast<std::ptrdiff_t>(last) + 1,
                                     [](const TextWord& w) { return w.ampersand_before; });
  if (!gazetteer && lexicon_.is_capitalised_common_word(m.key)) return;  // "South American"
  if (ends_with_org_head(words, first, last) || ampersand) {
    m.type = ActorType::Org;  // "Bank of England", "Marsh & McLennan"
    m.evidence = Evidence::Strong;
  } else if (cues::is_place_head(words[last].term) || cues::is_place_opener(head.term)) {
    m.type = ActorType::Place;  // "Downing Street", "Mount Kenya"
    m.evidence = Evidence::Strong;
  } else if (after_title) {
    m.type = ActorType::Person;
    m.evidence = Evidence::Strong;
  } else if (head.all_caps && !lexicon_.is_english_word(head.term)) {
    m.type = ActorType::Org;  // "BBC Sport", "AOL UK", "AC Milan"
    m.evidence = Evidence::Context;
  } else if (!gazetteer && !lexicon_.is_given_name(head.term) &&
             ends_with_known_place(words, first, last)) {
    m.type = ActorType::Org;
    m.evidence = Evidence::Weak;
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
    if (last - i + 1 > kMaxNameWords) {
      deferred_runs_.emplace_back(i, last);  // a Title-Case phrase inside a sentence
    } else {
      scan_run(words, i, last);
    }
    i = last + 1;
  }
}

}  // namespace dossier::detail
