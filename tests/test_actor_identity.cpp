// The corpus-wide identity rules (search/actor_identity.h) and the acronyms an article
// defines (extract/acronym_definitions.h), table-driven with exact expected output.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "dossier/extract/acronym_definitions.h"
#include "dossier/search/actor_identity.h"

namespace {

using dossier::ActorIdentity;
using dossier::IdentityActor;
using dossier::IdentityAlias;

std::string joined(const std::vector<std::string_view>& ids) {
  std::string out;
  for (const auto id : ids) out += (out.empty() ? "" : " | ") + std::string(id);
  return out;
}

// A small corpus's actors and aliases, as the index records them.
ActorIdentity sample_identity() {
  return ActorIdentity(
      {
          {"country:united kingdom", 40},
          {"org:european union", 5},
          {"org:eu", 9},
          {"org:united nations", 4},
          {"org:un", 6},
          {"person:george w bush", 12},
          {"person:kate bush", 1},
          {"person:bush", 3},
          {"person:nicolas maduro", 7},
          {"person:maduro", 2},
          {"org:labour party", 8},
          {"org:labour", 10},
          {"person:aol uk", 1},
          {"org:yahoo", 6},
          {"person:yahoo", 2},
          {"org:bbc", 20},
          {"org:bbc news", 4},
          {"country:england", 30},
          {"org:england club", 2},
          {"org:tv", 17},
          {"org:touching the void", 3},
          {"org:sony", 52},
          {"org:sony corporation", 1},
          {"place:lleyton hewitt", 3},
          {"person:lleyton hewitt", 16},
      },
      {
          {"uk", "country:united kingdom"},
          {"britain", "country:united kingdom"},
          {"eu", "org:european union"},  // "the European Union (EU)"
          {"bush", "person:george w bush"},
          {"maduro", "person:nicolas maduro"},
      });
}

TEST(ActorIdentity, MergesAliasesIntoTheirCanonicalActor) {
  const ActorIdentity identity = sample_identity();
  struct Row {
    std::string_view id, canonical;
  };
  const Row rows[] = {
      {"country:united kingdom", "country:united kingdom"},
      {"org:eu", "org:european union"},            // defined as its acronym
      {"org:un", "org:united nations"},            // the corpus's only "un" by initials
      {"person:maduro", "person:nicolas maduro"},  // the only Maduro
      {"person:bush", "person:bush"},              // two Bushes: stays apart
      {"org:labour", "org:labour party"},          // a head word left out
      {"person:yahoo", "org:yahoo"},               // one key, the type with more articles
      {"org:bbc", "org:bbc"},                      // "bbc news" is no alias of "bbc"
      {"person:aol uk", "person:aol uk"},
      {"country:england", "country:england"},  // only an organisation loses a designator
      {"org:tv", "org:tv"},                    // 3 articles do not explain 17
      {"person:nobody", "person:nobody"},      // unknown: itself
  };
  for (const auto& row : rows) EXPECT_EQ(identity.canonical(row.id), row.canonical) << row.id;
  EXPECT_EQ(joined(identity.members("org:european union")), "org:european union | org:eu");
  EXPECT_EQ(joined(identity.members("person:george w bush")), "person:george w bush");
}

TEST(ActorIdentity, ResolvesANameToTheActorsItCanMean) {
  const ActorIdentity identity = sample_identity();
  struct Row {
    std::string_view name, meant;
  };
  const Row rows[] = {
      {"uk", "country:united kingdom"},  // an alias, not the person "Aol Uk"
      {"britain", "country:united kingdom"},
      {"united kingdom", "country:united kingdom"},
      {"eu", "org:european union"},
      {"european union", "org:european union"},
      {"un", "org:united nations"},
      {"maduro", "person:nicolas maduro"},
      {"bush", "person:george w bush | person:bush | person:kate bush"},  // most articles first
      {"kate bush", "person:kate bush"},
      {"labour", "org:labour party"},
      {"yahoo", "org:yahoo"},
      {"bbc", "org:bbc"},
      {"nobody", ""},
  };
  for (const auto& row : rows) EXPECT_EQ(joined(identity.resolve(row.name)), row.meant) << row.name;
}

TEST(ActorIdentity, AnAliasNamesOnlyTheActorsThatUseItOften) {
  // One article took "Tories" for a junk run; 40 for the party.
  const ActorIdentity one_sided(
      {{"org:conservative party", 50}, {"org:south downs tories", 1}},
      {{"tories", "org:conservative party", 40}, {"tories", "org:south downs tories", 1}});
  EXPECT_EQ(joined(one_sided.resolve("tories")), "org:conservative party");
  // Two actors that a form names in comparable numbers of articles stay ambiguous.
  const ActorIdentity shared(
      {{"org:conservative party", 50}, {"org:tory group", 9}},
      {{"tories", "org:conservative party", 40}, {"tories", "org:tory group", 5}});
  EXPECT_EQ(joined(shared.resolve("tories")), "org:conservative party | org:tory group");
}

TEST(ActorIdentity, AJunkRunWithADesignatorIsNoOtherMeaningOfAName) {
  const ActorIdentity identity({{"org:conservative party", 35},
                                {"org:conservative party co", 1},
                                {"org:labour", 172},
                                {"org:labour party", 35}},
                               {});
  EXPECT_EQ(joined(identity.resolve("conservative party")), "org:conservative party");
  EXPECT_EQ(identity.canonical("org:conservative party co"), "org:conservative party co");
  // A designator left out still names the organisation when the corpus uses both.
  EXPECT_EQ(joined(identity.resolve("labour")), "org:labour party");
}

TEST(ActorIdentity, OneKeyUnderTwoTypesIsOneActorWhateverElseTheKeyNames) {
  // "microsoft" is also an alias of another organisation: the two types still merge.
  const ActorIdentity identity({{"org:microsoft", 71},
                                {"place:microsoft", 4},
                                {"org:microsoft xbox", 3},
                                {"country:jordan", 30},
                                {"person:jordan", 40}},
                               {{"microsoft", "org:microsoft xbox", 2}});
  EXPECT_EQ(identity.canonical("place:microsoft"), "org:microsoft");
  // A person never takes a country's name, however many articles.
  EXPECT_EQ(identity.canonical("country:jordan"), "country:jordan");
}

TEST(ActorIdentity, AnOrganisationTypingOfASurnameIsThePersonAndStaysAmbiguous) {
  const ActorIdentity identity({{"person:bush", 20},
                                {"org:bush", 2},
                                {"person:george w bush", 32},
                                {"person:kate bush", 2},
                                {"person:ford", 15},
                                {"org:ford", 10}},
                               {});
  // 20 articles against 2: the same surname, mistyped in two.
  EXPECT_EQ(identity.canonical("org:bush"), "person:bush");
  EXPECT_EQ(joined(identity.members("person:bush")), "person:bush | org:bush");
  // So "bush" is a surname two people share: ambiguous, not the two articles' organisation.
  EXPECT_EQ(joined(identity.resolve("bush")),
            "person:george w bush | person:bush | person:kate bush");
  // 15 against 10 may be two actors: they stay apart, and "ford" is the organisation.
  // A person the corpus names far more than the junk run a form was once used for keeps
  // the name: "reagan" is the President, not "One Reagan".
  const ActorIdentity president({{"person:reagan", 488}, {"org:one reagan", 2}},
                                {{"reagan", "org:one reagan", 2}});
  EXPECT_EQ(joined(president.resolve("reagan")), "person:reagan");
  const ActorIdentity close_call({{"person:reagan", 16}, {"org:one reagan", 2}},
                                 {{"reagan", "org:one reagan", 2}});
  EXPECT_EQ(joined(close_call.resolve("reagan")), "org:one reagan");
  EXPECT_EQ(identity.canonical("org:ford"), "org:ford");
  EXPECT_EQ(joined(identity.resolve("ford")), "org:ford");
}

TEST(ActorIdentity, AFirmNamedAfterItsFoundersIsTheOrganisation) {
  // Reuters-21578: "Merrill Lynch" typed a person in 95 articles, an organisation in 18,
  // beside "Merrill Lynch Capital Markets" and "Merrill Lynch Canada Inc".
  const ActorIdentity identity({{"person:merrill lynch", 95},
                                {"org:merrill lynch", 18},
                                {"org:merrill lynch capital markets", 68},
                                {"org:merrill lynch canada inc", 16},
                                {"person:henry ford", 9},
                                {"org:henry ford hospital", 3},
                                {"person:lleyton hewitt", 16},
                                {"org:lleyton hewitt", 2}},
                               {});
  EXPECT_EQ(identity.canonical("person:merrill lynch"), "org:merrill lynch");
  EXPECT_EQ(joined(identity.members("org:merrill lynch")),
            "org:merrill lynch | person:merrill lynch");
  EXPECT_EQ(joined(identity.resolve("merrill lynch")), "org:merrill lynch");
  // A person no article types an organisation keeps his name beside a hospital named so;
  // a name that opens no organisation's longer name is the person eight times as common.
  EXPECT_EQ(identity.canonical("person:henry ford"), "person:henry ford");
  EXPECT_EQ(identity.canonical("org:lleyton hewitt"), "person:lleyton hewitt");
}

TEST(ActorIdentity, OrganisationsOneShortNameNamesAreOneWhenOnesWordsAreTheOthers) {
  const ActorIdentity identity({{"org:federal reserve", 185},
                                {"org:federal reserve board", 95},
                                {"org:fed", 40},
                                {"org:us agriculture department", 246},
                                {"org:us department of agriculture", 15},
                                {"org:usda", 96},
                                {"org:bbc", 20},
                                {"org:bbc news", 4},
                                {"org:bbc radio", 3},
                                {"org:ec", 30},
                                {"org:european community", 40},
                                {"org:european commission", 20}},
                               {{"fed", "org:federal reserve", 107},
                                {"fed", "org:federal reserve board", 41},
                                {"usda", "org:us agriculture department", 77},
                                {"usda", "org:us department of agriculture", 11},
                                {"bbc", "org:bbc news", 4},
                                {"bbc", "org:bbc radio", 3},
                                {"ec", "org:european community", 20},
                                {"ec", "org:european commission", 10}});
  struct Row {
    std::string_view name, meant;
  };
  const Row rows[] = {
      {"fed", "org:federal reserve"},
      {"federal reserve board", "org:federal reserve"},
      {"usda", "org:us agriculture department"},
      {"us department of agriculture", "org:us agriculture department"},
      {"bbc news", "org:bbc news"},  // "bbc" is a word of both: a part of the BBC
      {"bbc radio", "org:bbc radio"},
      {"ec", "org:european community | org:ec | org:european commission"},  // two bodies
  };
  for (const auto& row : rows) EXPECT_EQ(joined(identity.resolve(row.name)), row.meant) << row.name;
  EXPECT_EQ(joined(identity.members("org:federal reserve")),
            "org:federal reserve | org:fed | org:federal reserve board");
}

TEST(ActorIdentity, AnOrganisationIsKnownByWhatItIsOf) {
  const ActorIdentity identity({{"org:commons", 71},
                                {"org:house of commons", 18},
                                {"org:treasury", 40},
                                {"org:department of the treasury", 6},
                                {"org:england", 3},
                                {"org:bank of england", 25},
                                {"org:church of england", 4},
                                {"org:lords", 90},
                                {"org:house of lords", 2},
                                {"org:human rights", 11},
                                {"org:european court of human rights", 4},
                                {"org:shearson lehman brothers", 43},
                                {"org:shearson lehman brothers inc", 82},
                                {"org:unit of shearson lehman brothers", 1}},
                               {});
  struct Row {
    std::string_view id, canonical;
  };
  const Row rows[] = {
      {"org:commons", "org:house of commons"},
      {"org:treasury", "org:department of the treasury"},  // "the" left out
      {"org:england", "org:england"},                      // two organisations of England
      {"org:lords", "org:lords"},  // 2 articles against 90: a junk run, not its full name
      {"org:human rights", "org:human rights"},  // two words: a part of names, not one of them
      // A name that names an organisation already is no complement of a junk run.
      {"org:shearson lehman brothers", "org:shearson lehman brothers inc"},
  };
  for (const auto& row : rows) EXPECT_EQ(identity.canonical(row.id), row.canonical) << row.id;
  EXPECT_EQ(joined(identity.resolve("commons")), "org:house of commons");
  EXPECT_EQ(joined(identity.resolve("house of commons")), "org:house of commons");
}

TEST(ActorIdentity, MergesAShortNameIntoTheLongestOfAChain) {
  const ActorIdentity identity(
      {{"person:bush", 3}, {"person:george bush", 2}, {"person:george w bush", 9}},
      {{"george bush", "person:george w bush"}});
  EXPECT_EQ(identity.canonical("person:george bush"), "person:george w bush");
  EXPECT_EQ(identity.canonical("person:bush"), "person:george w bush");
  EXPECT_EQ(joined(identity.members("person:george w bush")),
            "person:george w bush | person:bush | person:george bush");
}

TEST(ActorIdentity, AShortNameMergesIntoAFullNameAtLeastAsCommon) {
  const ActorIdentity identity({{"person:nicolas maduro", 5},
                                {"person:n maduro", 1},
                                {"person:george bush", 6},
                                {"person:george w bush", 26},
                                {"person:presidents george w bush", 1},
                                {"person:kate bush", 2}},
                               {});
  EXPECT_EQ(identity.canonical("person:n maduro"), "person:nicolas maduro");
  EXPECT_EQ(identity.canonical("person:george bush"), "person:george w bush");
  EXPECT_EQ(identity.canonical("person:george w bush"), "person:george w bush");
  EXPECT_EQ(joined(identity.resolve("maduro")), "person:nicolas maduro");
  EXPECT_EQ(joined(identity.resolve("n maduro")), "person:nicolas maduro");
  EXPECT_EQ(joined(identity.resolve("george w bush")), "person:george w bush");
  // No actor is called so: every full name it is short for.
  EXPECT_EQ(joined(identity.resolve("g bush")),
            "person:george w bush | person:presidents george w bush");
  EXPECT_EQ(joined(identity.resolve("bush")),
            "person:george w bush | person:kate bush | person:presidents george w bush");
}

TEST(ActorIdentity, AnUndefinedAcronymIsTheExpansionWithNineInTenOfTheArticles) {
  const ActorIdentity identity({{"org:eu", 9},
                                {"org:european union", 48},
                                {"org:edinburgh university", 2},
                                {"org:europe union", 1},
                                {"person:an eu", 1},
                                {"org:ec", 3},
                                {"org:european commission", 5},
                                {"org:energy council", 4}},
                               {{"eu", "person:an eu"}});  // junk: never takes an org
  EXPECT_EQ(identity.canonical("org:eu"), "org:european union");
  EXPECT_EQ(identity.canonical("person:an eu"), "person:an eu");
  EXPECT_EQ(identity.canonical("org:ec"), "org:ec");  // 5 of 12: no expansion
  EXPECT_EQ(joined(identity.resolve("eu")), "org:european union");
  EXPECT_EQ(joined(identity.resolve("ec")), "org:ec");
}

TEST(AcronymDefinitions, FindsInitialsInBracketsAfterAName) {
  struct Row {
    std::string_view text, name, expected;  // expected: the acronyms found, "|"-joined
  };
  const Row rows[] = {
      {"Talks with the European Union (EU) went on.", "European Union", "EU"},
      {"the United Nations (U.N.) said", "United Nations", "U.N."},
      {"Organization of the Petroleum Exporting Countries (Opec) met",
       "Organization of the Petroleum Exporting Countries", "Opec"},
      {"the European Union (the bloc) said", "European Union", ""},  // not its initials
      {"the European Union (EC) said", "European Union", ""},
      {"Maduro (Venezuela) said", "Maduro", ""},               // one word defines nothing
      {"the European Union said (EU)", "European Union", ""},  // not right after the name
  };
  for (const auto& row : rows) {
    dossier::Actor actor;
    actor.name = std::string(row.name);
    std::string found;
    for (const auto& d : dossier::acronym_definitions(row.text, {actor}))
      found += (found.empty() ? "" : "|") + d.acronym;
    EXPECT_EQ(found, row.expected) << row.text;
  }
}

TEST(AcronymDefinitions, ExpansionIsTheTailWhoseInitialsTheLettersAre) {
  struct Row {
    std::string_view name, bracketed, expansion;  // expansion: "" when none
  };
  const Row rows[] = {
      {"European Union", "EU", "European Union"},
      {"US Securities and Exchange Commission", "SEC", "Securities and Exchange Commission"},
      {"Organization of the Petroleum Exporting Countries", "Opec",
       "Organization of the Petroleum Exporting Countries"},
      {"United Nations", "U.N.", "United Nations"},
      {"Jean-Pierre Raffarin", "JPR", "Jean-Pierre Raffarin"},
      {"Bank of England", "BE", "Bank of England"},
      {"Bank of England", "BOE", ""},  // "of" has no capital
      {"European Union", "E", ""},     // one letter
      {"European Union", "eu", ""},    // starts lower-case
      {"European Union", "E-U", ""},   // not letters and dots
      {"Maduro", "M", ""},
      {"Human Rights Watch", "RW", "Rights Watch"},
      {"European Union", "EUROPEANUNION", ""},  // too long to be an acronym
  };
  for (const auto& row : rows) {
    const std::size_t at = dossier::acronym_expansion(row.name, row.bracketed);
    EXPECT_EQ(at == std::string_view::npos ? std::string_view() : row.name.substr(at),
              row.expansion)
        << row.name << " (" << row.bracketed << ")";
  }
}

}  // namespace
