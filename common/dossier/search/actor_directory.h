// The corpus-wide view of actors in a database: which actors a name (any alias, any case or
// accents) refers to, each actor's display name, and the list of all actors.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "dossier/base/built_once.h"
#include "dossier/base/errors.h"
#include "dossier/base/flat_code_map.h"
#include "dossier/extract/actors/actor.h"
#include "dossier/schema/schema.h"
#include "dossier/search/actor_identity.h"
#include "dossier/text/analyzer.h"

namespace dossier {

struct ActorListing {
  std::string id;    // "<type>:<key>"
  std::string name;  // corpus-wide display name
  std::string type;
  Xapian::doccount articles = 0;
};

// A filter's name that means several actors ("bush": George W Bush and Kate Bush): a
// usage error whose message lists them, with the candidates for JSON output.
class AmbiguousActorError : public Error {
 public:
  AmbiguousActorError(std::string_view name, std::vector<ActorListing> candidates);
  const std::vector<ActorListing>& candidates() const { return candidates_; }

 private:
  std::vector<ActorListing> candidates_;
};

// Display names by actor code: a search looks up some 90 (its hits' actors and the
// facet's), and a string-keyed map cost a tenth of a small query.
class ActorNames {
 public:
  void remember(std::string_view actor_id, std::string name);
  // The name remembered for `actor_id`, or nullptr.
  const std::string* find(std::string_view actor_id) const;
  bool has_code_of(std::string_view actor_id) const;

 private:
  struct NameRef {
    std::uint64_t check = 0;  // id_check() of the id the name belongs to
    std::uint32_t index = 0;  // in list_
  };
  FlatCodeMap<NameRef> refs_;
  std::vector<std::string> list_;
};

// Every actor id of the database, listed once per type in name order (one term scan per
// type), with each facet code's place in that list.
struct ActorIds {
  std::vector<std::string> ids;
  FlatCodeMap<std::uint32_t> place_by_code;  // place + 1 (0: none)
};

// What an ActorDirectory loads whole, once per database revision: each is loaded by the
// first directory that needs it and read by every directory on that revision
// (search/revision_tables.h).
struct ActorDirectoryTables {
  BuiltOnce<ActorIdentity> identity;
  BuiltOnce<FlatCodeMap<schema::ActorCode>> merged_codes;
  BuiltOnce<ActorIds> ids;
  BuiltOnce<ActorNames> all_names;
};

// Caches per database revision; not thread-safe (one per Searcher), but what it loads
// whole it may share with other threads' directories (share()).
class ActorDirectory {
 public:
  ActorDirectory(const Xapian::Database& db, Analyzer& analyzer) : db_(db), analyzer_(analyzer) {}

  // A filter matching the articles of the one actor `name` means (ActorIdentity::resolve):
  // by canonical name, any alias ("UK", "Britain" for the United Kingdom), an acronym the
  // corpus defines, or a surname only one person of the corpus has ("maduro"); every
  // alias gives the same articles as the canonical name, and the facet counts them.
  // Matches nothing when nobody is called so; throws AmbiguousActorError when the name
  // means several actors. In a database of schema 5 or older, articles not re-indexed
  // since are also found by the form they wrote.
  Xapian::Query filter(std::string_view name, std::optional<ActorType> type = std::nullopt);
  // The canonical id of the one actor `name` means, as filter() resolves it: nullopt when
  // nobody is called so; throws AmbiguousActorError when the name means several actors.
  // A type and a name (typed_actor_id: "person:Bush") mean that actor.
  std::optional<std::string> canonical_id(std::string_view name,
                                          std::optional<ActorType> type = std::nullopt);
  // A filter matching the articles naming the identity of `canonical_id` under any of its
  // ids: what filter() matches for any of its names (but for schema 5's form terms).
  Xapian::Query identity_filter(std::string_view canonical_id);

  // The actor ids one with a given one (canonical first) and the canonical one, by the
  // corpus-wide identity (loaded on first use).
  const ActorIdentity& identity();
  // Facet codes of actors merged into another, mapped to the canonical actor's code:
  // the facet counts an article once per identity (ActorCountSpy::use_identity).
  const FlatCodeMap<schema::ActorCode>& merged_codes();
  // How many articles name the actor `canonical_id` under any of its identity's ids.
  Xapian::doccount articles_of(std::string_view canonical_id);
  // Those articles' docids, ascending, each once.
  std::vector<Xapian::docid> docids_of(std::string_view canonical_id);

  // The most common full name the corpus uses for the actor's identity (its canonical
  // actor), preferring the spelling with diacritics on ties ("Nicolás Maduro"); the key if
  // nothing better is known.
  std::string display_name(std::string_view actor_id);

  // The actor id of a facet code (schema::actor_code), or nullptr when no actor of the
  // database has it. The first call lists every actor id once (one term scan per type).
  const std::string* id_of(schema::ActorCode code);
  // Where a facet code's actor id stands in that list, or nullopt (as id_of). The ids of
  // one type are listed in name order (the term scan's), so for two actors of a type the
  // places compare as their ids do: the facet breaks ties on counts without comparing
  // strings.
  std::optional<std::uint32_t> place_of(schema::ActorCode code);
  const std::string& id_at(std::uint32_t place) const { return ids_->ids[place]; }

  // All actors of `type` (or all types) with a word of their name starting with `prefix`
  // (case- and accent-insensitive: "guai" finds "Juan Guaidó"), most articles first, then
  // by name.
  std::vector<ActorListing> list(std::optional<ActorType> type, std::string_view prefix);

  // Forgets what was cached, after the database was reopened at a newer revision, and
  // takes what is loaded whole from `shared`, this revision's, from now on.
  void share(std::shared_ptr<ActorDirectoryTables> shared);
  // As share(), with tables of its own (no other directory).
  void reset() { share(std::make_shared<ActorDirectoryTables>()); }

  // "person:nicolas maduro" -> ("person", "nicolas maduro") (schema::split_actor_id).
  static std::pair<std::string_view, std::string_view> split_id(std::string_view id);
  // The id of the actor a type and a name give ("person:Nicolás Maduro", "person:nicolas
  // maduro": the name as written or folded), when an article names it; nothing otherwise,
  // or when the text before the colon is no type. Search results and facets show an actor
  // by name and type, so this picks out one even where its name alone is ambiguous.
  std::optional<std::string> typed_actor_id(std::string_view typed_name);

 private:
  ActorIdentity load_identity();
  const ActorIds& ids();
  // Fill a display-name cache: for one actor id; for every id starting with `id_prefix`
  // (one scan of its name terms and one of its id terms); for all actors.
  void load_name(std::string_view actor_id, ActorNames& into);
  void load_names(std::string_view id_prefix, ActorNames& into);
  ActorNames load_all_names();

  const Xapian::Database& db_;
  Analyzer& analyzer_;
  std::shared_ptr<ActorDirectoryTables> shared_ = std::make_shared<ActorDirectoryTables>();
  // What was taken from shared_ (null until needed).
  const ActorIdentity* identity_ = nullptr;
  const FlatCodeMap<schema::ActorCode>* merged_codes_ = nullptr;
  const ActorIds* ids_ = nullptr;
  const ActorNames* all_names_ = nullptr;
  // The names looked up one by one, until kNameMissesBeforeFullScan misses: then all
  // names are loaded (or taken from shared_, when another directory loaded them).
  static constexpr std::size_t kNameMissesBeforeFullScan = 1000;
  ActorNames names_;
  std::size_t name_misses_ = 0;
};

}  // namespace dossier
