// Closed word classes that steer actor extraction. All take folded terms
// (dossier::Analyzer::fold output). Hand-written English news conventions, not data.
#pragma once

#include <string_view>

namespace dossier::cues {

// Lower-case words that may sit inside a name between capitalised words
// ("Bank of England", "Osama bin Laden", "Ludwig van Beethoven").
bool is_name_particle(std::string_view term);

// Titles and roles announcing a person: "President", "Foreign Minister", "spokesman", "Mr".
bool is_person_title(std::string_view term);

// Head words that make a name an organisation: "Ministry", "Party", "Bank", "Inc".
bool is_org_head(std::string_view term);

// Heads of a state's own bodies ("Ministry", "Army", "Parliament", "Party"), which a
// demonym before them does not name: "Russian | Foreign Ministry" is two actors.
bool is_state_body_head(std::string_view term);

// Legal forms of companies ("Inc", "Ltd", "GmbH"), all of them organisation heads.
bool is_legal_form(std::string_view term);

// Short words that end English compounds after a name ("Obama-led", "Bush-era").
bool is_compound_suffix(std::string_view term);

// Prefixes that open English compounds before a name ("Non-OPEC", "Pro-European",
// "Anti-Bush", "Ex-Chelsea"): the name is the part after the hyphen.
bool is_compound_prefix(std::string_view term);

// Head words of events, competitions and prizes ("U.S. Open", "World Cup", "Nobel Prize"):
// a name ending so is no actor, even if it starts with a country.
bool is_event_head(std::string_view term);

// Titles that only ever stand before a name: forms of address, ranks of nobility and the
// church, kinship ("Sir", "Duke", "Archbishop", "Brother"). Unlike "Labour MP" or
// "Industry Secretary", a run ending in one names no person before it ("Celebrity Big
// Brother").
bool is_prenominal_title(std::string_view term);

// Names of currencies, newswires' codes for them ("DMK", "SFR", "STG") and the word
// "currency" ("Dollar", "Yen", "Ecus"): "U.S. Dollar" and
// "European Currency Unit" name money, not an actor. Not "pound", "mark", "won" or "real",
// which are names and words too.
bool is_currency_word(std::string_view term);

// Words that date or qualify a role ("Former Southampton manager", "Acting President",
// "Ex-Chelsea striker"): they open no name.
bool is_role_modifier(std::string_view term);

// Number words that open a tournament's name by its sides: "Six Nations", "Tri Nations".
bool is_number_word(std::string_view term);

// Capitalised function words and determiners ("Under", "With", "Many"): never part of a name.
bool is_function_word(std::string_view term);

// Head words ending place names ("Downing Street", "Kings County", "Bondi Beach").
bool is_place_head(std::string_view term);
// Words opening place names ("Mount Kenya", "Lake Victoria", "Gulf of Mexico").
bool is_place_opener(std::string_view term);
// Points of the compass, which open a region's name before a place ("Southern California").
bool is_compass_word(std::string_view term);
// Kinds of storm, whose names name no actor ("Hurricane Ivan", "Typhoon Songda").
bool is_storm_word(std::string_view term);

// Verbs of saying that follow a person's name ("Smith said").
bool is_speech_verb(std::string_view term);

// Common nouns for an organisation that name one in apposition ("the club Kirovsk").
bool is_organisation_noun(std::string_view term);
// The head of an apposition after a firm's name ("Kidde, the fire protection group"): an
// organisation noun, or another that only firms are ("maker", "supplier").
bool is_apposed_firm_noun(std::string_view term);
// A word that may follow an apposition's head, ending its noun phrase ("of", "that").
bool ends_apposed_head(std::string_view term);

// Plural nouns for firms that announce a list of them ("chip makers AMD and Intel", "the
// banks Barclays and HSBC"): the organisation nouns' plurals and business roles. Not
// "rivals" or "groups", said of people too.
bool is_firms_noun(std::string_view term);
// What only a firm has, after its name in the possessive ("Enron's shareholders", "Sony
// Ericsson's profits"): not shares, sales or earnings, which people have too.
bool is_firm_possession(std::string_view term);
// What is held in or taken of a firm, before "in" or "of" and its name ("shares in Yukos",
// "a stake in Gazprom", "the takeover of Ahold").
bool is_firm_holding(std::string_view term);
// Roles a person holds in a team or a firm, written between its name and theirs ("Wasps
// coach Warren Gatland", "Microsoft founder Bill Gates"); not a minister's portfolio
// ("Health secretary"), nor "spokesman" ("Tory health spokesman").
bool is_team_role(std::string_view term);
// Words between a plural noun for firms and the list it announces ("carmakers, including
// Hyundai and Toyota", "firms such as Siemens"; "as" after "such").
bool is_list_opener(std::string_view term);
// Exchanges web news names before a firm's stock symbol ("(Nasdaq: ORCL)", "(NYSE: IBM)").
bool is_stock_exchange(std::string_view term);
// A noun a broadcaster numbers its channels or stations by ("Channel 4", "Radio 1", "TV 2").
bool is_station_noun(std::string_view term);

// Nouns for a work that announce its title ("the film Vera Drake", "BBC drama Casualty").
// Not "show", "play" or "book": verbs too ("figures show Microsoft ..."). Plurals too
// ("the films ...").
bool is_work_noun(std::string_view term);

// Articles and prepositions that a work's title capitalises and a name does not
// ("Nightmare On Elm Street", "Gone With The Wind"; "Bank of England").
bool is_title_joint(std::string_view term);

// Prepositions announcing a place ("in Caracas", "from Moscow").
bool is_locative_preposition(std::string_view term);

// Prepositions before a clock time ("at 1530 EDT", "until 1600 GMT").
bool is_time_preposition(std::string_view term);

// Capitalised words that are never actors and break names: days, months, pronouns and
// web-page boilerplate ("Monday", "READ MORE", "Subscribe", "Advertisement"). One may
// still open an organisation's name ("World Bank", "Home Office"; see name_runs.cpp).
bool is_never_actor(std::string_view term);

// One syllable of a romanised Chinese (pinyin, Wade-Giles) or Korean name: "wei", "ling",
// "hsien", "yeon", "moon"; an initial consonant or cluster, up to three vowels, and a
// nasal, liquid or stop coda. English words of that shape pass too ("king"): callers
// ask for more context.
bool is_romanised_syllable(std::string_view term);

}  // namespace dossier::cues
