#include "dossier/search/actor_identity.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <numeric>

#include "dossier/extract/actors/cue_words.h"

namespace dossier {
namespace {

// Words that end an organisation's full name without naming a part of it: "Labour" is
// the Labour Party, while "BBC News" and "BBC Radio" are parts of the BBC, not its name.
// A closed class of English and company-law designators, written by hand.
constexpr std::string_view kDesignators[] = {
    "ag",    "club",     "co",  "company", "corp", "corporation", "fc",    "gmbh",
    "group", "holdings", "inc", "limited", "llc",  "ltd",         "party", "plc"};

bool is_designator(std::string_view word) {
  return std::find(std::begin(kDesignators), std::end(kDesignators), word) !=
         std::end(kDesignators);
}

// An expansion used in fewer than one article in this many of its acronym's is no
// explanation of the acronym.
constexpr std::uint64_t kAcronymToExpansion = 4;
// A full form used in fewer than one article in this many of a short form's is no full
// form of it, more likely a junk run that contains it (Labour Party 35 articles and Labour
// 172 are one; "Sony Corporation" 1 and Sony 52 are left apart).
constexpr Xapian::doccount kFullFormShare = 8;

// An actor for which an alias was used in fewer than one article in this many of the
// form's most frequent actor's is not what the form means: one article's short reference
// to a junk run ("Tories" for "South Downs Tories") against a party's 150.
constexpr Xapian::doccount kAliasShare = 8;

// Acronyms longer than this are words ("apple" is no acronym of "a p p l e").
constexpr std::size_t kMaxInitials = 6;

std::string_view type_of(std::string_view id) {
  return id.substr(0, id.find(':'));
}

std::string_view key_of(std::string_view id) {
  const auto colon = id.find(':');
  return colon == std::string_view::npos ? id : id.substr(colon + 1);
}

bool is_person(std::string_view id) {
  return type_of(id) == "person";
}

std::vector<std::string_view> words_of(std::string_view key) {
  std::vector<std::string_view> words;
  for (std::size_t pos = 0; pos <= key.size();) {
    const auto space = std::min(key.find(' ', pos), key.size());
    if (space > pos) words.push_back(key.substr(pos, space - pos));
    pos = space + 1;
  }
  return words;
}

// The first letters of a folded key's words, particles and function words left out
// ("organization of the petroleum exporting countries" -> "opec").
std::string key_initials(const std::vector<std::string_view>& words) {
  std::string initials;
  for (const auto word : words) {
    if (!cues::is_name_particle(word) && !cues::is_function_word(word)) initials += word.front();
  }
  return initials;
}

// The words of a folded key that name something, particles and function words left out.
std::vector<std::string_view> content_words(std::string_view key) {
  std::vector<std::string_view> words = words_of(key);
  words.erase(std::remove_if(words.begin(), words.end(),
                             [](std::string_view w) {
                               return cues::is_name_particle(w) || cues::is_function_word(w);
                             }),
              words.end());
  std::sort(words.begin(), words.end());
  return words;
}

// True when every word of `part` is among the words of `whole` (both sorted).
bool words_within(const std::vector<std::string_view>& part,
                  const std::vector<std::string_view>& whole) {
  return std::includes(whole.begin(), whole.end(), part.begin(), part.end());
}

// True when the words of `short_name` are those of `full_name` in order, some left out,
// and a one-letter word may stand for a word it starts ("n maduro" and "george bush" are
// short for "nicolas maduro" and "george w bush"; "kate bush" is not for "george w bush").
bool is_short_for(const std::vector<std::string_view>& short_name,
                  const std::vector<std::string_view>& full_name) {
  std::size_t at = 0;
  for (const auto word : short_name) {
    while (at < full_name.size() && full_name[at] != word &&
           !(word.size() == 1 && full_name[at].front() == word.front()))
      ++at;
    if (at == full_name.size()) return false;
    ++at;
  }
  return short_name != full_name;
}

}  // namespace

ActorIdentity::ActorIdentity(std::vector<IdentityActor> actors,
                             const std::vector<IdentityAlias>& aliases)
    : actors_(std::move(actors)), parent_(actors_.size()) {
  std::iota(parent_.begin(), parent_.end(), std::size_t{0});
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    const std::string_view id = actors_[i].id, key = key_of(id);
    by_id_.emplace(id, i);
    by_key_[key].push_back(i);
    const auto words = words_of(key);
    if (words.size() < 2) continue;
    if (is_person(id)) {
      by_surname_[words.back()].push_back(i);
      continue;
    }
    const std::string initials = key_initials(words);
    if (initials.size() >= 2 && initials.size() <= kMaxInitials)
      by_initials_[initials].push_back(i);
    if (type_of(id) == "org") {
      // Its leading runs of two words or more, the whole key left out.
      for (std::size_t k = 2; k < words.size(); ++k) {
        const std::string_view last = words[k - 1];
        opens_org_key_.insert(key.substr(0, last.data() + last.size() - key.data()));
      }
    }
    if (type_of(id) == "org" && is_designator(words.back()))
      by_org_stem_[key.substr(0, key.size() - words.back().size() - 1)].push_back(i);
    if (type_of(id) == "org") add_of_complement(key, i);
  }
  add_aliases(aliases);
  merge_organisations_sharing_a_name();
  merge_aliases();
}

// Two organisations the corpus calls by one short name, neither's word, whose words are
// one's within the other's, are one actor under two full names: "Fed" for the Federal
// Reserve and the Federal Reserve Board, "USDA" for the U.S. Agriculture Department and
// the U.S. Department of Agriculture. A short name that is a word of both ("bbc" of "bbc
// news" and "bbc radio") names what they share, not them: those stay apart. Into the one
// with more articles.
void ActorIdentity::merge_organisations_sharing_a_name() {
  std::vector<std::string_view> forms;  // in order: the result must not depend on hashing
  for (const auto& entry : by_alias_) forms.push_back(entry.first);
  std::sort(forms.begin(), forms.end());
  for (const std::string_view form : forms) {
    const std::vector<std::size_t>& named = by_alias_.at(std::string(form));
    std::vector<std::size_t> orgs;
    for (const std::size_t i : named) {
      const auto words = words_of(key_of(actors_[i].id));
      if (type_of(actors_[i].id) == "org" &&
          std::find(words.begin(), words.end(), form) == words.end())
        orgs.push_back(i);
    }
    if (orgs.size() < 2) continue;
    std::sort(orgs.begin(), orgs.end(), [&](std::size_t a, std::size_t b) {
      return actors_[a].articles != actors_[b].articles ? actors_[a].articles > actors_[b].articles
                                                        : actors_[a].id < actors_[b].id;
    });
    const std::size_t into = root(orgs.front());
    const auto into_words = content_words(key_of(actors_[orgs.front()].id));
    for (auto other = orgs.begin() + 1; other != orgs.end(); ++other) {
      const auto words = content_words(key_of(actors_[*other].id));
      if (root(*other) != into &&
          (words_within(words, into_words) || words_within(into_words, words)))
        parent_[root(*other)] = into;
    }
  }
}

// "house of commons" is known by "commons", "department of the treasury" by "treasury":
// an organisation by what it is of, the one word after its last "of" (and "the").
void ActorIdentity::add_of_complement(std::string_view key, std::size_t actor) {
  const auto of = key.rfind(" of ");
  if (of == std::string_view::npos) return;
  std::string_view complement = key.substr(of + 4);
  if (complement.starts_with("the ")) complement.remove_prefix(4);
  if (!complement.empty() && complement.find(' ') == std::string_view::npos)
    by_of_complement_[complement].push_back(actor);
}

void ActorIdentity::add_aliases(const std::vector<IdentityAlias>& aliases) {
  std::unordered_map<std::string_view, Xapian::doccount> most_articles;  // by form
  for (const auto& alias : aliases) {
    auto& most = most_articles[alias.form];
    most = std::max(most, alias.articles);
  }
  for (const auto& alias : aliases) {
    const auto found = by_id_.find(alias.id);
    if (found == by_id_.end()) continue;
    if (static_cast<std::uint64_t>(kAliasShare) * alias.articles < most_articles[alias.form])
      continue;
    by_alias_[alias.form].push_back(found->second);
  }
}

std::size_t ActorIdentity::root(std::size_t actor) const {
  while (parent_[actor] != actor) actor = parent_[actor];
  return actor;
}

// The actors a folded name names besides `by_key` (the actors whose key it is): see the
// header's rules. `merging` is the actor whose key the name is, when it is to be merged,
// or nullopt for a filter's name. A word the corpus uses for a country, an organisation or
// a place (a key or an alias) means that one, never a person ("uk" is not the person "Aol
// Uk", nor "eu" a junk person "An Eu"), and is not read as initials.
std::vector<std::size_t> ActorIdentity::named_by(std::string_view folded_name,
                                                 std::vector<std::size_t> by_key,
                                                 std::optional<std::size_t> merging) const {
  const bool persons = !merging || is_person(actors_[*merging].id);
  const bool is_key = !by_key.empty();
  std::vector<std::size_t> named = std::move(by_key);
  const auto add = [&](const auto& map, const auto& key) {
    if (const auto found = map.find(key); found != map.end())
      named.insert(named.end(), found->second.begin(), found->second.end());
  };
  add(by_alias_, std::string(folded_name));
  if (!merging || type_of(actors_[*merging].id) == "org") add_org_heads(folded_name, named);
  // An organisation's one-word key that names nothing else merges into the organisation it
  // is the complement of ("the Commons"); a filter's name means its own actor ("england" is
  // no "bank of england"), and a longer key is rather a part of a name ("human rights").
  if (merging && named.empty() && type_of(actors_[*merging].id) == "org" &&
      folded_name.find(' ') == std::string_view::npos)
    add(by_of_complement_, folded_name);
  const auto person = [&](std::size_t i) { return is_person(actors_[i].id); };
  if (!persons || !std::all_of(named.begin(), named.end(), person)) {
    // A name is a person's only when nothing else bears it, unless (for a filter) the
    // others are junk beside the person: "reagan", the President in 488 articles, is not
    // a run "One Reagan" that one article's short reference made an alias of.
    if (!merging && people_outweigh_the_rest(named))
      named.erase(std::remove_if(named.begin(), named.end(), std::not_fn(person)), named.end());
    else
      named.erase(std::remove_if(named.begin(), named.end(), person), named.end());
  }
  if (!named.empty() && !person(named.front())) return named;
  if (persons) {
    // A short name merges into a full name the corpus uses at least as often (not "george w
    // bush" into a junk "presidents george w bush"); a filter's name that is a key means
    // that actor, not the longer names it is short for.
    const Xapian::doccount at_least =
        merging ? actors_[*merging].articles
                : (is_key ? std::numeric_limits<Xapian::doccount>::max() : 0);
    add_people_named(folded_name, at_least, named);
  }
  const Xapian::doccount acronym_articles = merging ? actors_[*merging].articles : 0;
  if (const auto expansion = dominant_expansion(folded_name, acronym_articles))
    named.push_back(*expansion);
  return named;
}

bool ActorIdentity::people_outweigh_the_rest(const std::vector<std::size_t>& named) const {
  Xapian::doccount people = 0, others = 0;
  for (const std::size_t i : named) {
    Xapian::doccount& most = is_person(actors_[i].id) ? people : others;
    most = std::max(most, actors_[i].articles);
  }
  return people > static_cast<std::uint64_t>(kAliasShare) * others;
}

// The organisations `folded_name` is the key of less a designator ("labour" -> "labour
// party"), unless the actors it already names (its key's, its alias's) outweigh one by
// kFullFormShare: "conservative party co", one article, is no other meaning of
// "conservative party", 35.
void ActorIdentity::add_org_heads(std::string_view folded_name,
                                  std::vector<std::size_t>& named) const {
  const auto found = by_org_stem_.find(folded_name);
  if (found == by_org_stem_.end()) return;
  Xapian::doccount most = 0;
  for (const std::size_t i : named) most = std::max(most, actors_[i].articles);
  for (const std::size_t i : found->second) {
    if (static_cast<std::uint64_t>(kFullFormShare) * actors_[i].articles >= most)
      named.push_back(i);
  }
}

// The people a person's name names: the full names a surname ends ("bush"), or that a
// short name with the same surname is short for ("n maduro", "george bush") and that
// `at_least` articles name.
void ActorIdentity::add_people_named(std::string_view folded_name, Xapian::doccount at_least,
                                     std::vector<std::size_t>& named) const {
  const auto words = words_of(folded_name);
  if (words.empty()) return;
  const auto found = by_surname_.find(words.back());
  if (found == by_surname_.end()) return;
  for (const std::size_t i : found->second) {
    if (words.size() == 1 ||
        (actors_[i].articles >= at_least && is_short_for(words, words_of(key_of(actors_[i].id)))))
      named.push_back(i);
  }
}

// The non-person whose initials `folded_name` is, when it has nine in ten of the articles
// of all the actors with those initials: with no article defining the acronym, the corpus
// must leave little doubt ("eu": the European Union's 48 articles against "Edinburgh
// University"'s 2 and a misspelt "Europe Union"'s 1). Nor is a name the corpus hardly
// uses the expansion of an acronym in `acronym_articles` articles: "Touching the Void"'s 3
// against "TV"'s 177.
std::optional<std::size_t> ActorIdentity::dominant_expansion(
    std::string_view folded_name, Xapian::doccount acronym_articles) const {
  const auto found = by_initials_.find(std::string(folded_name));
  if (found == by_initials_.end()) return std::nullopt;
  std::size_t best = found->second.front();
  Xapian::doccount all = 0;
  for (const std::size_t i : found->second) {
    all += actors_[i].articles;
    if (actors_[i].articles > actors_[best].articles) best = i;
  }
  const std::uint64_t best_articles = actors_[best].articles;
  if (10 * best_articles < 9 * std::uint64_t{all}) return std::nullopt;
  if (kAcronymToExpansion * best_articles < acronym_articles) return std::nullopt;
  return best;
}

std::optional<std::size_t> ActorIdentity::heavier_type_of_key(std::size_t i) const {
  const std::string_view key = key_of(actors_[i].id);
  const bool founders_firm = opens_org_key_.contains(key);
  std::optional<std::size_t> heavier;
  for (const std::size_t n : by_key_.at(key)) {
    // "merrill lynch": the person is the organisation, never the other way.
    if (founders_firm && is_person(actors_[i].id) && type_of(actors_[n].id) == "org") return n;
    if (founders_firm && is_person(actors_[n].id) && !is_person(actors_[i].id)) continue;
    if (n == i || actors_[n].articles < actors_[i].articles) continue;
    // Never a country or place into a person, nor an organisation unless the person has
    // kFullFormShare times its articles: "Bush" typed an organisation in 2 articles, a
    // person in 20, is the person; "Ford" 10 and 15 stays apart.
    if (is_person(actors_[n].id) && !is_person(actors_[i].id) &&
        (type_of(actors_[i].id) != "org" ||
         actors_[n].articles < kFullFormShare * actors_[i].articles))
      continue;
    if (!heavier || actors_[n].articles > actors_[*heavier].articles) heavier = n;
  }
  return heavier;
}

void ActorIdentity::merge_aliases() {
  // Longer names first: a short name merges into the canonical actor of a longer one,
  // which is settled by then ("bush" -> "george bush" -> "george w bush"). Among names of
  // one length, fewer articles first: of one key under two types ("lleyton hewitt" typed
  // a place in 3 articles, a person in 16), the type fewer articles give merges into the
  // other.
  std::vector<std::size_t> order(actors_.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::vector<std::size_t> word_count(actors_.size());
  for (std::size_t i = 0; i < actors_.size(); ++i)
    word_count[i] = words_of(key_of(actors_[i].id)).size();
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return word_count[a] != word_count[b] ? word_count[a] > word_count[b]
                                          : actors_[a].articles < actors_[b].articles;
  });
  for (const std::size_t i : order) {
    if (parent_[i] != i) continue;  // one of two full names of an organisation
    const std::string_view key = key_of(actors_[i].id);
    std::vector<std::size_t> roots;
    const auto add_root = [&](std::size_t r) {
      if (r != i && std::find(roots.begin(), roots.end(), r) == roots.end()) roots.push_back(r);
    };
    // One key under two types is one name the extractor typed two ways: into the type with
    // more articles, whatever else the key names ("microsoft" a place in 4 articles, an
    // organisation in 71); into a person only as heavier_type_of_key says.
    if (const auto heavier = heavier_type_of_key(i)) {
      parent_[i] = root(*heavier);
      continue;
    }
    for (const std::size_t n : named_by(key, {}, i)) add_root(root(n));
    // Not into a full form the corpus uses in fewer than one article in kFullFormShare of
    // this name's: a junk run that contains it ("conservative party co", one article, is
    // not what "conservative party", 20, stands for).
    if (roots.size() == 1 &&
        kFullFormShare * actors_[roots.front()].articles < actors_[i].articles &&
        key_of(actors_[roots.front()].id) != key)
      continue;
    if (roots.size() == 1) parent_[i] = roots.front();
  }
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    if (parent_[i] != i) merged_into_[root(i)].push_back(i);
  }
}

std::string_view ActorIdentity::canonical(std::string_view id) const {
  const auto found = by_id_.find(id);
  return found == by_id_.end() ? id : std::string_view(actors_[root(found->second)].id);
}

std::vector<std::string_view> ActorIdentity::members(std::string_view id) const {
  std::vector<std::string_view> out{id};
  const auto found = by_id_.find(id);
  if (found == by_id_.end()) return out;
  const auto merged = merged_into_.find(found->second);
  if (merged == merged_into_.end()) return out;
  for (const std::size_t i : merged->second) out.push_back(actors_[i].id);
  std::sort(out.begin() + 1, out.end());
  return out;
}

std::vector<std::pair<std::string_view, std::string_view>> ActorIdentity::merged() const {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    if (parent_[i] != i) out.emplace_back(actors_[i].id, actors_[root(i)].id);
  }
  return out;
}

std::vector<std::string_view> ActorIdentity::resolve(std::string_view folded_name) const {
  // The key's actors as merged: "bush" typed an organisation in two articles is the person
  // "Bush", so the name is a surname (and ambiguous), not an organisation's.
  std::vector<std::size_t> by_key;
  if (const auto found = by_key_.find(folded_name); found != by_key_.end())
    for (const std::size_t n : found->second) by_key.push_back(root(n));
  std::sort(by_key.begin(), by_key.end());
  by_key.erase(std::unique(by_key.begin(), by_key.end()), by_key.end());
  const std::vector<std::size_t> named = named_by(folded_name, std::move(by_key), std::nullopt);
  std::vector<std::size_t> roots;
  for (const std::size_t n : named) roots.push_back(root(n));
  std::sort(roots.begin(), roots.end());
  roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
  std::sort(roots.begin(), roots.end(), [&](std::size_t a, std::size_t b) {
    return actors_[a].articles != actors_[b].articles ? actors_[a].articles > actors_[b].articles
                                                      : actors_[a].id < actors_[b].id;
  });
  std::vector<std::string_view> out;
  for (const std::size_t r : roots) out.push_back(actors_[r].id);
  return out;
}

}  // namespace dossier
