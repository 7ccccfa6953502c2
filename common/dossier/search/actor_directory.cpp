#include "dossier/search/actor_directory.h"

#include <algorithm>
#include <unordered_map>

#include "dossier/schema/schema.h"
#include "dossier/text/analyzer.h"

namespace dossier {
namespace {

constexpr ActorType kAllTypes[] = {ActorType::Person, ActorType::Org, ActorType::Country,
                                   ActorType::Place};

std::size_t non_ascii_bytes(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
}

bool ends_with_word(std::string_view key, std::string_view word) {
  return key.size() > word.size() && key.substr(key.size() - word.size()) == word &&
         key[key.size() - word.size() - 1] == ' ';
}

// True when one of the space-separated words of `folded` starts with `prefix`.
bool has_word_starting(std::string_view folded, std::string_view prefix) {
  for (std::size_t pos = 0; pos < folded.size();) {
    if (folded.substr(pos, prefix.size()) == prefix) return true;
    const auto space = folded.find(' ', pos);
    if (space == std::string_view::npos) break;
    pos = space + 1;
  }
  return false;
}

}  // namespace

std::pair<std::string_view, std::string_view> ActorDirectory::split_id(std::string_view id) {
  const auto colon = id.find(':');
  if (colon == std::string_view::npos) return {{}, id};
  return {id.substr(0, colon), id.substr(colon + 1)};
}

const std::vector<std::string>& ActorDirectory::person_ids() {
  if (!person_ids_loaded_) {
    const std::string prefix =
        std::string(schema::kActorPrefix) + std::string(to_string(ActorType::Person)) + ":";
    for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
      person_ids_.push_back((*it).substr(std::string_view(schema::kActorPrefix).size()));
    }
    person_ids_loaded_ = true;
  }
  return person_ids_;
}

Xapian::Query ActorDirectory::filter(std::string_view name, std::optional<ActorType> type) {
  const std::string key = fold_phrase(name, analyzer_);
  if (key.empty()) return Xapian::Query::MatchNothing;
  std::vector<Xapian::Query> alternatives;
  for (const ActorType t : kAllTypes) {
    if (type && *type != t) continue;
    const std::string id_term = schema::kActorPrefix + schema::actor_id(to_string(t), key);
    if (db_.term_exists(id_term)) alternatives.emplace_back(id_term);
  }
  if (!type) {
    // A form term says which articles wrote the name this way, whatever it resolved to.
    const std::string form = schema::kActorFormPrefix + key;
    if (db_.term_exists(form)) alternatives.emplace_back(form);
  }
  // A single word may be a family name: "maduro" -> person:nicolas maduro.
  if ((!type || *type == ActorType::Person) && key.find(' ') == std::string::npos) {
    for (const auto& id : person_ids()) {
      if (ends_with_word(split_id(id).second, key))
        alternatives.emplace_back(schema::kActorPrefix + id);
    }
  }
  if (alternatives.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

void ActorDirectory::load_names(std::string_view ids, bool one_id) {
  if (ids.empty() && !one_id) {
    // One scan per type: the id terms of all types share their prefix with the name and
    // form terms ("XA" is also the start of "XAN" and "XAF").
    for (const ActorType t : kAllTypes) load_names(schema::actor_id(to_string(t), ""), false);
    return;
  }
  // The winner is the spelling family (names equal once folded) with the most votes;
  // within it, the spelling that keeps the most diacritics ("Guaidó" over "Guaido"), then
  // the most votes; then the first in name order.
  struct Spelling {
    std::string name;
    std::string folded;
    Xapian::doccount votes;
  };
  // The written-out spellings by actor, each actor's in name order (terms sort by id,
  // then name); the implied spelling is inserted in that order too.
  std::unordered_map<std::string, std::vector<Spelling>> written;
  const std::string name_prefix =
      schema::kActorNamePrefix + std::string(ids) + (one_id ? "\t" : "");
  const std::size_t skip = std::string_view(schema::kActorNamePrefix).size();
  for (auto it = db_.allterms_begin(name_prefix); it != db_.allterms_end(name_prefix); ++it) {
    const std::string term = *it;
    const auto tab = term.find('\t', skip);
    if (tab == std::string::npos) continue;
    std::string name = term.substr(tab + 1);
    std::string folded = fold_phrase(name, analyzer_);
    written[term.substr(skip, tab - skip)].push_back(
        {std::move(name), std::move(folded), it.get_termfreq()});
  }
  // Each article of an actor has one name for it: the articles without a name term voted
  // for the name the key implies (schema 5; none in a database that wrote every name out).
  auto choose = [&](const std::string& id, Xapian::doccount articles) {
    std::vector<Spelling> spellings;
    if (const auto found = written.find(id); found != written.end())
      spellings = std::move(found->second);
    Xapian::doccount votes = 0;
    for (const auto& s : spellings) votes += s.votes;
    if (articles > votes) {
      std::string name = schema::implied_actor_name(split_id(id).second);
      const auto at =
          std::lower_bound(spellings.begin(), spellings.end(), name,
                           [](const Spelling& s, const std::string& n) { return s.name < n; });
      if (at != spellings.end() && at->name == name) {
        at->votes += articles - votes;
      } else {
        std::string folded = fold_phrase(name, analyzer_);
        spellings.insert(at, {std::move(name), std::move(folded), articles - votes});
      }
    }
    if (spellings.empty()) return;
    std::unordered_map<std::string, Xapian::doccount> family_votes;
    for (const auto& s : spellings) family_votes[s.folded] += s.votes;
    const Spelling* best = nullptr;
    for (const auto& s : spellings) {
      if (!best) {
        best = &s;
        continue;
      }
      const auto fs = family_votes[s.folded], fb = family_votes[best->folded];
      if (fs != fb) {
        if (fs > fb) best = &s;
      } else if (s.folded != best->folded) {
        if (s.folded < best->folded) best = &s;
      } else if (non_ascii_bytes(s.name) != non_ascii_bytes(best->name)) {
        if (non_ascii_bytes(s.name) > non_ascii_bytes(best->name)) best = &s;
      } else if (s.votes > best->votes) {
        best = &s;
      }
    }
    remember_name(id, best->name);
  };
  const std::size_t id_skip = std::string_view(schema::kActorPrefix).size();
  if (one_id) {
    const std::string id(ids);
    choose(id, db_.get_termfreq(schema::kActorPrefix + id));
    return;
  }
  const std::string id_prefix = schema::kActorPrefix + std::string(ids);
  for (auto it = db_.allterms_begin(id_prefix); it != db_.allterms_end(id_prefix); ++it)
    choose((*it).substr(id_skip), it.get_termfreq());
}

namespace {

// A second, independent hash of an id: with the 62-bit code, two ids would have to agree
// on 126 bits to share a cached name.
std::uint64_t id_check(std::string_view actor_id) {
  return std::hash<std::string_view>{}(actor_id) | 1;  // never 0: 0 means "no name"
}

}  // namespace

void ActorDirectory::remember_name(std::string_view actor_id, std::string name) {
  NameRef& ref = names_[schema::actor_code(actor_id)];
  if (ref.check == 0) {
    ref.index = static_cast<std::uint32_t>(name_list_.size());
    name_list_.push_back(std::move(name));
  } else {
    name_list_[ref.index] = std::move(name);
  }
  ref.check = id_check(actor_id);
}

const std::string* ActorDirectory::known_name(std::string_view actor_id) {
  const NameRef* ref = names_.find(schema::actor_code(actor_id));
  return ref && ref->check == id_check(actor_id) ? &name_list_[ref->index] : nullptr;
}

std::string ActorDirectory::display_name(std::string_view actor_id) {
  if (const std::string* name = known_name(actor_id)) return *name;
  if (!all_names_loaded_) {
    // One term seek per actor suits a single search; a batch soon meets thousands of
    // actors, and then one scan of all the names costs less than the seeks still to come.
    if (++name_misses_ > kNameMissesBeforeFullScan) {
      load_names("", false);
      all_names_loaded_ = true;
    } else {
      load_names(actor_id, true);
    }
    if (const std::string* name = known_name(actor_id)) return *name;
  }
  std::string fallback(split_id(actor_id).second);
  if (!names_.find(schema::actor_code(actor_id))) remember_name(actor_id, fallback);
  return fallback;
}

std::optional<std::uint32_t> ActorDirectory::place_of(schema::ActorCode code) {
  if (ids_.empty()) {
    for (const ActorType t : kAllTypes) {
      const std::string prefix = schema::kActorPrefix + schema::actor_id(to_string(t), "");
      const std::size_t skip = std::string_view(schema::kActorPrefix).size();
      for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
        std::string id = (*it).substr(skip);
        std::uint32_t& index = ids_by_code_[schema::actor_code(id)];
        if (index != 0) continue;  // two ids with one code: the first keeps it
        ids_.push_back(std::move(id));
        index = static_cast<std::uint32_t>(ids_.size());
      }
    }
  }
  const std::uint32_t* index = ids_by_code_.find(code);
  if (!index) return std::nullopt;
  return *index - 1;
}

const std::string* ActorDirectory::id_of(schema::ActorCode code) {
  const auto place = place_of(code);
  return place ? &ids_[*place] : nullptr;
}

std::vector<ActorListing> ActorDirectory::list(std::optional<ActorType> type,
                                               std::string_view prefix) {
  const std::string folded_prefix = fold_phrase(prefix, analyzer_);
  std::vector<ActorListing> out;
  for (const ActorType t : kAllTypes) {
    if (type && *type != t) continue;
    const std::string id_prefix = schema::actor_id(to_string(t), "");
    load_names(id_prefix, false);
    const std::string term_prefix = schema::kActorPrefix + id_prefix;
    for (auto it = db_.allterms_begin(term_prefix); it != db_.allterms_end(term_prefix); ++it) {
      const std::string id = (*it).substr(std::string_view(schema::kActorPrefix).size());
      ActorListing entry{id, display_name(id), std::string(to_string(t)), it.get_termfreq()};
      if (!folded_prefix.empty() && !has_word_starting(split_id(id).second, folded_prefix) &&
          !has_word_starting(fold_phrase(entry.name, analyzer_), folded_prefix)) {
        continue;
      }
      out.push_back(std::move(entry));
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.articles != b.articles ? a.articles > b.articles
           : a.name != b.name       ? a.name < b.name
                                    : a.id < b.id;
  });
  return out;
}

}  // namespace dossier
