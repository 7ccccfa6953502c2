// One identity per actor across the corpus. The extractor gives each article's actors an id
// from what that article says ("org:eu" where it wrote only "EU", "person:bush" where it
// wrote only "Bush"); the alias terms the index keeps (schema::actor_alias_term: which
// articles used which form, or defined which acronym, for which actor) say which of those
// ids are the same actor. ActorIdentity merges them, and resolves a name to the actors it
// can mean, so that a filter, the facet and the actor list agree.
//
// A folded name names:
//   - the actors whose key it is, of any type (people only if it names no country,
//     organisation or place, by key or as below, or, for a filter, if a person it names
//     has more than eight times the articles of each of those: then only the people);
//   - the actors it is an alias of: some article used it as a form of the actor ("uk",
//     "britain" for country:united kingdom) or defined it as the actor's acronym ("the
//     European Union (EU)"), leaving out an actor for which fewer than one article in
//     eight of the form's most frequent actor's used it ("tories": the Conservative Party
//     in 150 articles, a junk "South Downs Tories" in one);
//   - the organisations it is the key of less a designator ("labour" -> "labour party",
//     "microsoft" -> "microsoft corp"; not "bbc" -> "bbc news": a part of the BBC), if
//     it is an organisation's key or a filter's name (the country England is not the
//     "England Club");
//   - when none of the above is a country, organisation or place: if it is one word, the
//     people whose full name ends with it ("bush" -> "george w bush", "kate bush");
//     otherwise, unless it is an actor's key, the people with its last word whose full
//     name it is short for, words left out or written as initials ("n maduro" -> "nicolas
//     maduro", "george bush" -> "george w bush"); an actor's key merges so only into a
//     full name that at least as many articles name (not "george w bush" into a junk
//     "presidents george w bush");
//   - when none of the above is a country, organisation or place, the non-person whose
//     initials it is (particles left out: "eu" -> "european union", "opec"), if that one
//     has nine in ten of the articles of all the actors with these initials, and, for an
//     acronym that is an actor, at least a quarter as many articles as the acronym.
// Two organisations a short name names (an alias, no word of theirs), one's words (particles
// left out) within the other's, are one actor: "fed" for "federal reserve" and "federal
// reserve board", "usda" for "us agriculture department" and "us department of
// agriculture"; into the one with more articles.
// An organisation whose key is one word that names nothing else, the complement of another
// organisation's (the word after its last "of", and "the"), is that one when it is the only
// one: "commons" is the "house of commons", "lords" the "house of lords"; not "england"
// (a bank and a church of it).
// An actor A merges into another actor B (B is A's canonical actor, A one of its aliases)
// when B is the only canonical actor, other than A, that A's key names and the corpus
// names B in at least one article in eight of A's: "person:bush" into George W Bush only
// if no other Bush is in the corpus; "org:sony" (52 articles) not into a junk "Sony
// Corporation" (1). Of one key under two types, the type with fewer articles merges into
// the other; otherwise a country, organisation or place never merges into a person (the
// extractor's weakest type). But a name of two words or more typed both a person and an
// organisation, that opens a longer organisation's name, is a firm named after its
// founders: the person merges into the organisation, whatever the counts ("merrill lynch"
// beside "merrill lynch capital markets"). A name means the canonical actors of what it names; more
// than one is ambiguous.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

namespace dossier {

struct IdentityActor {
  std::string id;  // "<type>:<key>"
  Xapian::doccount articles = 0;
};

struct IdentityAlias {
  std::string form;               // folded
  std::string id;                 // the actor it was a form of
  Xapian::doccount articles = 1;  // the articles that used it so (the term's frequency)
};

class ActorIdentity {
 public:
  ActorIdentity() = default;
  ActorIdentity(std::vector<IdentityActor> actors, const std::vector<IdentityAlias>& aliases);
  // The maps hold views of actors_'s strings: a copy would point into the original. A
  // move keeps the strings where they are.
  ActorIdentity(const ActorIdentity&) = delete;
  ActorIdentity& operator=(const ActorIdentity&) = delete;
  ActorIdentity(ActorIdentity&&) = default;
  ActorIdentity& operator=(ActorIdentity&&) = default;

  // The canonical id of actor `id` (itself when nothing merged into or from it; `id` itself
  // when unknown).
  std::string_view canonical(std::string_view id) const;
  // The ids of the actors one with the canonical actor `id`, `id` first, then by id.
  std::vector<std::string_view> members(std::string_view id) const;
  // Every actor that merged into another, with its canonical id.
  std::vector<std::pair<std::string_view, std::string_view>> merged() const;
  // The canonical ids a folded name can mean, most articles first, then by id.
  std::vector<std::string_view> resolve(std::string_view folded_name) const;

 private:
  std::vector<std::size_t> named_by(std::string_view folded_name, std::vector<std::size_t> by_key,
                                    std::optional<std::size_t> merging) const;
  void add_of_complement(std::string_view key, std::size_t actor);
  void add_org_heads(std::string_view folded_name, std::vector<std::size_t>& named) const;
  // Whether the people among `named` have a member named by more than kAliasShare times
  // the articles of any other actor among them.
  bool people_outweigh_the_rest(const std::vector<std::size_t>& named) const;
  void add_people_named(std::string_view folded_name, Xapian::doccount at_least,
                        std::vector<std::size_t>& named) const;
  std::optional<std::size_t> dominant_expansion(std::string_view folded_name,
                                                Xapian::doccount acronym_articles) const;
  std::size_t root(std::size_t actor) const;
  // Indexes each alias form by the actors it names (kAliasShare).
  void add_aliases(const std::vector<IdentityAlias>& aliases);
  // The actor of the same key under another type, with more articles (see merge_aliases).
  std::optional<std::size_t> heavier_type_of_key(std::size_t actor) const;
  // Organisations one short name names, one's words within the other's: one actor.
  void merge_organisations_sharing_a_name();
  void merge_aliases();

  std::vector<IdentityActor> actors_;
  std::vector<std::size_t> parent_;  // by actor: the actor it merged into, or itself
  // By canonical actor with others merged into it: those others.
  std::unordered_map<std::size_t, std::vector<std::size_t>> merged_into_;
  std::unordered_map<std::string_view, std::size_t> by_id_;
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_key_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_alias_;
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_surname_;  // persons
  std::unordered_map<std::string, std::vector<std::size_t>> by_initials_;      // non-persons
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_org_stem_;
  // The first two words or more of an organisation's longer key ("merrill lynch" of
  // "merrill lynch capital markets").
  std::unordered_set<std::string_view> opens_org_key_;
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_of_complement_;  // orgs
};

}  // namespace dossier
