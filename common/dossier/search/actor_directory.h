// The corpus-wide view of actors in a database: which actors a name (any alias, any case or
// accents) refers to, each actor's display name, and the list of all actors.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

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

// Caches per database revision; not thread-safe (one per Searcher).
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
  const std::string& id_at(std::uint32_t place) const { return ids_[place]; }

  // All actors of `type` (or all types) with a word of their name starting with `prefix`
  // (case- and accent-insensitive: "guai" finds "Juan Guaidó"), most articles first, then
  // by name.
  std::vector<ActorListing> list(std::optional<ActorType> type, std::string_view prefix);

  // Forgets what was cached, after the database was reopened at a newer revision.
  void reset() {
    names_.clear();
    name_list_.clear();
    name_misses_ = 0;
    all_names_loaded_ = false;
    ids_by_code_.clear();
    ids_.clear();
    identity_.reset();
    merged_codes_.clear();
    merged_codes_loaded_ = false;
  }

  // "person:nicolas maduro" -> ("person", "nicolas maduro") (schema::split_actor_id).
  static std::pair<std::string_view, std::string_view> split_id(std::string_view id);

 private:
  ActorIdentity load_identity();
  // Fill the display-name cache: for one actor id; for every id starting with
  // `id_prefix` (one scan of its name terms and one of its id terms); for all actors.
  void load_name(std::string_view actor_id);
  void load_names(std::string_view id_prefix);
  void load_all_names();

  const Xapian::Database& db_;
  Analyzer& analyzer_;
  static constexpr std::size_t kNameMissesBeforeFullScan = 1000;
  void remember_name(std::string_view actor_id, std::string name);
  const std::string* known_name(std::string_view actor_id);
  // Display names by actor code: a search looks up some 90 (its hits' actors and the
  // facet's), and a string-keyed map cost a tenth of a small query.
  struct NameRef {
    std::uint64_t check = 0;  // id_check() of the id the name belongs to
    std::uint32_t index = 0;  // in name_list_
  };
  FlatCodeMap<NameRef> names_;
  std::vector<std::string> name_list_;
  std::size_t name_misses_ = 0;
  bool all_names_loaded_ = false;
  // Actor ids by code: index + 1 into ids_ (0: none). The facet looks up every actor
  // tied at its cut, hundreds for a broad query.
  FlatCodeMap<std::uint32_t> ids_by_code_;
  std::vector<std::string> ids_;
  std::optional<ActorIdentity> identity_;
  FlatCodeMap<schema::ActorCode> merged_codes_;
  bool merged_codes_loaded_ = false;
};

}  // namespace dossier
