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
  const auto [type, key] = schema::split_actor_id(id);
  return {type, key};
}

namespace {

std::string candidate_list(const std::vector<ActorListing>& candidates) {
  std::string list;
  for (const auto& c : candidates) {
    if (!list.empty()) list += ", ";
    list += c.name + " (" + c.type + ", " + std::to_string(c.articles) + ")";
  }
  return list;
}

}  // namespace

AmbiguousActorError::AmbiguousActorError(std::string_view name,
                                         std::vector<ActorListing> candidates)
    : Error(ErrorKind::kUsage, "actor '" + std::string(name) +
                                   "' is ambiguous: " + candidate_list(candidates) +
                                   "; give the full name or type:name (" + candidates.front().type +
                                   ":" + candidates.front().name + ")"),
      candidates_(std::move(candidates)) {}

ActorIdentity ActorDirectory::load_identity() {
  std::vector<IdentityActor> actors;
  for (const ActorType t : kAllTypes) {
    const std::string prefix = schema::actor_term(schema::actor_id(to_string(t), ""));
    for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it)
      actors.push_back({std::string(schema::actor_id_of_term(*it)), it.get_termfreq()});
  }
  std::vector<IdentityAlias> aliases;
  const std::string alias_prefix = schema::kActorFormPrefix;
  for (auto it = db_.allterms_begin(alias_prefix); it != db_.allterms_end(alias_prefix); ++it) {
    const std::string term = *it;
    if (const auto alias = schema::parse_actor_alias_term(term))
      aliases.push_back(
          {std::string(alias->form), std::string(alias->actor_id), it.get_termfreq()});
  }
  return ActorIdentity(std::move(actors), aliases);
}

const ActorIdentity& ActorDirectory::identity() {
  if (!identity_) identity_ = &shared_->identity.get([this] { return load_identity(); });
  return *identity_;
}

const FlatCodeMap<schema::ActorCode>& ActorDirectory::merged_codes() {
  if (!merged_codes_) {
    merged_codes_ = &shared_->merged_codes.get([this] {
      FlatCodeMap<schema::ActorCode> merged;
      for (const auto& [member, canonical] : identity().merged())
        merged[schema::actor_code(member)] = schema::actor_code(canonical);
      return merged;
    });
  }
  return *merged_codes_;
}

void ActorDirectory::share(std::shared_ptr<ActorDirectoryTables> shared) {
  shared_ = std::move(shared);
  identity_ = nullptr;
  merged_codes_ = nullptr;
  ids_ = nullptr;
  all_names_ = nullptr;
  names_ = ActorNames();
  name_misses_ = 0;
}

Xapian::doccount ActorDirectory::articles_of(std::string_view canonical_id) {
  const auto members = identity().members(canonical_id);
  if (members.size() == 1) return db_.get_termfreq(schema::actor_term(members[0]));
  return static_cast<Xapian::doccount>(docids_of(canonical_id).size());
}

std::vector<Xapian::docid> ActorDirectory::docids_of(std::string_view canonical_id) {
  // The articles of several ids: each counted once, as the facet and the filter count them.
  std::vector<Xapian::docid> docids;
  for (const auto member : identity().members(canonical_id)) {
    const std::string term = schema::actor_term(member);
    for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it)
      docids.push_back(*it);
  }
  std::sort(docids.begin(), docids.end());
  docids.erase(std::unique(docids.begin(), docids.end()), docids.end());
  return docids;
}

std::optional<std::string> ActorDirectory::typed_actor_id(std::string_view typed_name) {
  const auto [type, name] = split_id(typed_name);
  if (!actor_type_from_string(type)) return std::nullopt;
  const std::string as_given(typed_name);
  if (db_.term_exists(schema::actor_term(as_given))) return as_given;
  std::string folded = schema::actor_id(type, fold_phrase(name, analyzer_));
  if (db_.term_exists(schema::actor_term(folded))) return folded;
  return std::nullopt;
}

std::optional<std::string> ActorDirectory::canonical_id(std::string_view name,
                                                        std::optional<ActorType> type) {
  if (const auto typed = typed_actor_id(name)) return std::string(identity().canonical(*typed));
  const std::string key = fold_phrase(name, analyzer_);
  if (key.empty()) return std::nullopt;
  std::vector<std::string_view> meant;
  for (const auto id : identity().resolve(key)) {
    if (!type || split_id(id).first == to_string(*type)) meant.push_back(id);
  }
  if (meant.size() > 1) {
    std::vector<ActorListing> candidates;
    for (const auto id : meant) {
      candidates.push_back(
          {std::string(id), display_name(id), std::string(split_id(id).first), articles_of(id)});
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const auto& a, const auto& b) { return a.articles > b.articles; });
    throw AmbiguousActorError(name, std::move(candidates));
  }
  if (meant.empty()) return std::nullopt;
  return std::string(meant.front());  // resolve() gives canonical ids
}

Xapian::Query ActorDirectory::identity_filter(std::string_view canonical_id) {
  std::vector<Xapian::Query> members;
  for (const auto member : identity().members(canonical_id))
    members.emplace_back(schema::actor_term(member));
  return Xapian::Query(Xapian::Query::OP_OR, members.begin(), members.end());
}

Xapian::Query ActorDirectory::filter(std::string_view name, std::optional<ActorType> type) {
  const std::string key = fold_phrase(name, analyzer_);
  if (key.empty()) return Xapian::Query::MatchNothing;
  std::vector<Xapian::Query> alternatives;
  if (const auto canonical = canonical_id(name, type))
    alternatives.push_back(identity_filter(*canonical));
  // Schemas 3 to 5 wrote the form without its actor: those articles are found by the form.
  const std::string legacy = schema::legacy_actor_form_term(key);
  if (!type && db_.term_exists(legacy)) alternatives.emplace_back(legacy);
  if (alternatives.empty()) return Xapian::Query::MatchNothing;
  if (alternatives.size() == 1) return alternatives.front();
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

namespace {

// One spelling of an actor's name and the articles that voted for it (XAN terms).
struct Spelling {
  std::string name;
  std::string folded;
  Xapian::doccount votes;
};
using SpellingsById = std::unordered_map<std::string, std::vector<Spelling>>;

// The written-out spellings of the name terms starting with `name_prefix` (one actor's,
// or those of the actors whose ids share a prefix: schema.h), each actor's in name order
// (terms sort by id, then name).
SpellingsById written_spellings(const Xapian::Database& db, const std::string& name_prefix,
                                Analyzer& analyzer) {
  SpellingsById written;
  for (auto it = db.allterms_begin(name_prefix); it != db.allterms_end(name_prefix); ++it) {
    const std::string term = *it;
    const auto parsed = schema::parse_actor_name_term(term);
    if (!parsed) continue;
    std::string name(parsed->name);
    std::string folded = fold_phrase(name, analyzer);
    written[std::string(parsed->actor_id)].push_back(
        {std::move(name), std::move(folded), it.get_termfreq()});
  }
  return written;
}

// Each article of an actor has one name for it: the articles without a name term voted
// for the name the key implies (schema 5; none in a database that wrote every name out).
void add_implied_votes(std::vector<Spelling>& spellings, std::string_view id,
                       Xapian::doccount articles, Analyzer& analyzer) {
  Xapian::doccount votes = 0;
  for (const auto& s : spellings) votes += s.votes;
  if (articles <= votes) return;
  std::string name = schema::implied_actor_name(ActorDirectory::split_id(id).second);
  const auto at =
      std::lower_bound(spellings.begin(), spellings.end(), name,
                       [](const Spelling& s, const std::string& n) { return s.name < n; });
  if (at != spellings.end() && at->name == name) {
    at->votes += articles - votes;
  } else {
    std::string folded = fold_phrase(name, analyzer);
    spellings.insert(at, {std::move(name), std::move(folded), articles - votes});
  }
}

// The winner is the spelling family (names equal once folded) with the most votes;
// within it, the spelling that keeps the most diacritics ("Guaidó" over "Guaido"), then
// the most votes; then the first in name order. Null when there is none.
const Spelling* best_spelling(const std::vector<Spelling>& spellings) {
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
  return best;
}

// The name an actor's written-out `spellings` and its `articles` elect.
std::optional<std::string> elected_name(std::string_view id, Xapian::doccount articles,
                                        std::vector<Spelling>& spellings, Analyzer& analyzer) {
  add_implied_votes(spellings, id, articles, analyzer);
  const Spelling* best = best_spelling(spellings);
  if (!best) return std::nullopt;
  return best->name;
}

}  // namespace

void ActorDirectory::load_name(std::string_view actor_id, ActorNames& into) {
  const std::string id(actor_id);
  auto written = written_spellings(db_, schema::actor_names_prefix(id), analyzer_);
  const Xapian::doccount articles = db_.get_termfreq(schema::actor_term(id));
  if (auto name = elected_name(id, articles, written[id], analyzer_)) into.remember(id, *name);
}

void ActorDirectory::load_names(std::string_view id_prefix, ActorNames& into) {
  auto written = written_spellings(db_, schema::actor_names_prefix_of_ids(id_prefix), analyzer_);
  const std::string term_prefix = schema::actor_term(id_prefix);
  for (auto it = db_.allterms_begin(term_prefix); it != db_.allterms_end(term_prefix); ++it) {
    const std::string id(schema::actor_id_of_term(*it));
    if (auto name = elected_name(id, it.get_termfreq(), written[id], analyzer_))
      into.remember(id, *name);
  }
}

ActorNames ActorDirectory::load_all_names() {
  // One scan per type: the id terms of all types share their prefix with the name and
  // form terms ("XA" is also the start of "XAN" and "XAF").
  ActorNames all;
  for (const ActorType t : kAllTypes) load_names(schema::actor_id(to_string(t), ""), all);
  return all;
}

namespace {

// A second, independent hash of an id: with the 62-bit code, two ids would have to agree
// on 126 bits to share a cached name.
std::uint64_t id_check(std::string_view actor_id) {
  return std::hash<std::string_view>{}(actor_id) | 1;  // never 0: 0 means "no name"
}

}  // namespace

void ActorNames::remember(std::string_view actor_id, std::string name) {
  NameRef& ref = refs_[schema::actor_code(actor_id)];
  if (ref.check == 0) {
    ref.index = static_cast<std::uint32_t>(list_.size());
    list_.push_back(std::move(name));
  } else {
    list_[ref.index] = std::move(name);
  }
  ref.check = id_check(actor_id);
}

const std::string* ActorNames::find(std::string_view actor_id) const {
  const NameRef* ref = refs_.find(schema::actor_code(actor_id));
  return ref && ref->check == id_check(actor_id) ? &list_[ref->index] : nullptr;
}

bool ActorNames::has_code_of(std::string_view actor_id) const {
  return refs_.find(schema::actor_code(actor_id)) != nullptr;
}

std::string ActorDirectory::display_name(std::string_view member_id) {
  const std::string_view actor_id = identity().canonical(member_id);
  if (!all_names_) all_names_ = shared_->all_names.peek();  // another directory loaded them
  if (all_names_) {
    if (const std::string* name = all_names_->find(actor_id)) return *name;
  }
  if (const std::string* name = names_.find(actor_id)) return *name;
  if (!all_names_) {
    // One term seek per actor suits a single search; a batch soon meets thousands of
    // actors, and then one scan of all the names costs less than the seeks still to come.
    const ActorNames* found_in = &names_;
    if (++name_misses_ > kNameMissesBeforeFullScan) {
      all_names_ = &shared_->all_names.get([this] { return load_all_names(); });
      found_in = all_names_;
    } else {
      load_name(actor_id, names_);
    }
    if (const std::string* name = found_in->find(actor_id)) return *name;
  }
  std::string fallback(split_id(actor_id).second);
  if (!names_.has_code_of(actor_id)) names_.remember(actor_id, fallback);
  return fallback;
}

const ActorIds& ActorDirectory::ids() {
  if (!ids_) {
    ids_ = &shared_->ids.get([this] {
      ActorIds all;
      for (const ActorType t : kAllTypes) {
        const std::string prefix = schema::actor_term(schema::actor_id(to_string(t), ""));
        for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
          std::string id(schema::actor_id_of_term(*it));
          std::uint32_t& place = all.place_by_code[schema::actor_code(id)];
          if (place != 0) continue;  // two ids with one code: the first keeps it
          all.ids.push_back(std::move(id));
          place = static_cast<std::uint32_t>(all.ids.size());
        }
      }
      return all;
    });
  }
  return *ids_;
}

std::optional<std::uint32_t> ActorDirectory::place_of(schema::ActorCode code) {
  const std::uint32_t* place = ids().place_by_code.find(code);
  if (!place) return std::nullopt;
  return *place - 1;
}

const std::string* ActorDirectory::id_of(schema::ActorCode code) {
  const auto place = place_of(code);
  return place ? &ids_->ids[*place] : nullptr;
}

std::vector<ActorListing> ActorDirectory::list(std::optional<ActorType> type,
                                               std::string_view prefix) {
  const std::string folded_prefix = fold_phrase(prefix, analyzer_);
  std::vector<ActorListing> out;
  for (const ActorType t : kAllTypes) {
    if (type && *type != t) continue;
    const std::string id_prefix = schema::actor_id(to_string(t), "");
    load_names(id_prefix, names_);
    const std::string term_prefix = schema::actor_term(id_prefix);
    for (auto it = db_.allterms_begin(term_prefix); it != db_.allterms_end(term_prefix); ++it) {
      const std::string id(schema::actor_id_of_term(*it));
      if (identity().canonical(id) != id) continue;  // listed under its canonical actor
      ActorListing entry{id, display_name(id), std::string(to_string(t)), articles_of(id)};
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
