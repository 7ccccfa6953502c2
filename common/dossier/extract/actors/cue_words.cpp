#include "dossier/extract/actors/cue_words.h"

#include <algorithm>
#include <array>

namespace dossier::cues {
namespace {

// Each table is sorted so lookups are a binary search; a static_assert keeps it so.
template <std::size_t N>
constexpr bool sorted(const std::array<std::string_view, N>& words) {
  return std::is_sorted(words.begin(), words.end());
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view term) {
  return std::binary_search(words.begin(), words.end(), term);
}

// Word tables stay compact, several words a line.
// clang-format off
constexpr std::array<std::string_view, 22> kParticles{
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "do", "dos",
    "du", "el", "ibn", "la", "le", "of", "the", "van", "von", "y", "zu"};
static_assert(sorted(kParticles));

constexpr std::array<std::string_view, 168> kPersonTitles{
    "actor", "actress", "admiral", "adviser", "advisor", "aide", "ambassador", "analyst",
    "archbishop", "attorney", "author", "ayatollah", "baron", "baroness", "batsman", "bishop",
    "boss", "boxer", "brother", "candidate", "capt", "captain", "cardinal", "ceo", "cfo",
    "chairman", "chairwoman", "challenger", "champion", "chancellor", "chief", "coach", "col",
    "colonel", "columnist", "commander", "commissioner", "communist", "composer", "comptroller",
    "congressman", "congresswoman", "coo", "correspondent", "councillor", "counsel", "count",
    "countess", "cto", "cyclist", "czar", "dame", "daughter", "defender", "democrat", "deputy",
    "director", "dr", "driver", "duchess", "duke", "earl", "economist", "editor", "emir",
    "emperor", "envoy", "executive", "father", "forward", "gen", "general", "goalkeeper",
    "golfer", "governor", "historian", "husband", "imam", "incumbent", "inspector", "jockey",
    "journalist", "judge", "justice", "king", "lady", "lawmaker", "lawyer", "leader",
    "lieutenant", "lord", "lt", "madame", "manager", "marquis", "mayor", "mep", "midfielder",
    "minister", "mother", "mp", "mr", "mrs", "ms", "msp", "nationalist", "nominee", "novelist",
    "officer", "official", "pastor", "physicist", "pitcher", "player", "poet", "pope",
    "premier", "presenter", "president", "president-elect", "presidente", "prince", "princess",
    "producer", "prof", "professor", "prosecutor", "queen", "rabbi", "rep", "representative",
    "republican", "researcher", "rev", "reverend", "rider", "saint", "scientist", "secretary",
    "secretary-general", "sen", "senator", "sergeant", "sgt", "sheikh", "singer", "sir",
    "sister", "skipper", "socialist", "son", "speaker", "spokesman", "spokesperson",
    "spokeswoman", "sprinter", "striker", "sultan", "superintendent", "swimmer", "trainer",
    "treasurer", "tsar", "uncle", "veteran", "vice", "widow", "wife"};
static_assert(sorted(kPersonTitles));

constexpr std::array<std::string_view, 166> kOrgHeads{
    "ab", "academy", "administration", "ag", "agency", "airline", "airlines", "airways", "alliance",
    "army", "asa", "assembly", "associates", "association", "athletic", "authority", "automotive",
    "bancorp", "bancshares", "bank", "board", "brewery", "brigade", "brigades", "brothers",
    "bureau", "bv", "cabinet", "capital", "caucus", "center", "centre", "chamber", "chemicals",
    "church", "club", "co", "coalition", "college", "command", "commission", "committee",
    "communications", "communists", "company", "confederation", "congress", "conservatives", "consortium", "consulting", "corp", "corporation", "corps",
    "council", "court", "democrats", "department", "directorate", "division", "electronics", "energy",
    "enterprises", "exchange", "faction", "fc", "federation", "financial", "foods", "forces", "foundation",
    "front", "fund", "funds", "gmbh", "greens", "group", "guard", "holding",
    "holdings", "hospital", "images", "inc", "incorporated", "industries", "institute", "institution", "insurance",
    "international", "investments", "journal", "kk", "labs", "league", "limited", "llc",
    "llp", "lp", "ltd", "markets", "media", "mining", "ministry", "motor", "motors",
    "movement", "nationalists", "navy", "network", "networks", "news", "nv", "office", "oil",
    "organisation", "organization", "oyj", "parliament", "partners", "party", "petroleum", "pharma",
    "pharmaceuticals", "pictures", "plc", "police", "post", "press", "properties", "pty", "radio",
    "railways", "realty", "regiment", "republicans", "research", "resources", "rovers", "sa",
    "school", "secretariat", "securities", "senate", "service", "services", "shipping", "socialists",
    "society", "software", "solutions", "spa", "steel", "stores", "systems", "team",
    "technologies", "telecom", "television", "times", "tribunal", "trust", "tv", "union",
    "united", "university", "ventures", "wanderers"};
static_assert(sorted(kOrgHeads));

// Bodies of a state, named after their country by convention ("Russian | Foreign
// Ministry", "Iraqi | Interior Ministry", "French | Foreign Office"): the country is an
// actor of its own. Not "British Medical Association" or "American Heart Association",
// whose demonym is part of one organisation's name.
constexpr std::array<std::string_view, 22> kStateBodyHeads{
    "administration", "army", "assembly", "authority", "cabinet", "command", "congress", "court",
    "department", "directorate", "embassy", "government", "guard", "ministry", "navy", "office",
    "parliament", "party", "police", "secretariat", "senate", "tribunal"};
static_assert(sorted(kStateBodyHeads));

constexpr std::array<std::string_view, 19> kLegalForms{
    "ab", "ag", "asa", "bv", "co", "corp", "gmbh", "inc", "kk", "llc", "llp", "lp", "ltd", "nv",
    "oyj", "plc", "pty", "sa", "spa"};
static_assert(sorted(kLegalForms));

constexpr std::array<std::string_view, 12> kCompoundSuffixes{
    "age", "ish", "ism", "ist", "ite", "era", "led", "man", "run", "set", "to", "up"};

constexpr std::array<std::string_view, 14> kCompoundPrefixes{
    "anti", "counter", "ex", "inter", "mid", "multi", "non", "post", "pre", "pro", "semi",
    "sub", "trans", "ultra"};
static_assert(sorted(kCompoundPrefixes));

constexpr std::array<std::string_view, 59> kEventHeads{
    "accord", "accords", "act", "agreement", "award", "awards", "bill", "budget",
    "case", "challenge", "championship", "championships", "charter", "classic", "conference", "constitution",
    "convention", "crisis", "cup", "day", "debate", "debates", "declaration", "derby", "doctrine",
    "election", "elections", "expo", "festival", "games", "grand", "grandprix", "inquiry",
    "invitational", "marathon", "march", "masters", "olympiad", "olympics", "open", "plan", "prix",
    "prize", "protocol", "rally", "revolution", "scandal", "series", "show", "slam", "slams", "strike",
    "summit", "talks", "tournament", "treaty", "trophy", "war", "week"};
static_assert(sorted(kEventHeads));

// "Former Southampton manager", "Acting President", "Ex-Chelsea striker", "Outgoing
// Chairman": a role's time or standing, before the role or whom it was held for.
constexpr std::array<std::string_view, 10> kRoleModifiers{
    "acting", "erstwhile", "ex", "former", "incoming", "interim", "onetime", "outgoing",
    "retiring", "sometime"};
static_assert(sorted(kRoleModifiers));

constexpr std::array<std::string_view, 50> kPrenominalTitles{
    "archbishop", "aunt", "ayatollah", "baron", "baroness", "bishop", "brother", "cardinal",
    "count", "countess", "czar", "dame", "daughter", "dr", "duchess", "duke", "earl", "emir",
    "emperor", "empress", "father", "husband", "imam", "king", "lady", "lord", "madame",
    "marquis", "mother", "mr", "mrs", "ms", "pastor", "pope", "prince", "princess", "prof",
    "queen", "rabbi", "rev", "reverend", "saint", "sheikh", "sir", "sister", "son", "sultan",
    "tsar", "uncle", "wife"};
static_assert(sorted(kPrenominalTitles));

constexpr std::array<std::string_view, 30> kCurrencyWords{
    "currencies", "currency", "deutschemark", "deutschemarks", "deutschmark", "deutschmarks",
    "dmk", "dollar", "dollars", "ecu", "ecus", "euro", "euros", "ffr", "franc", "francs", "lira",
    "lire", "peso", "pesos", "rouble", "roubles", "ruble", "rubles", "rupee", "rupees", "sfr",
    "stg", "yen", "yuan"};
static_assert(sorted(kCurrencyWords));

constexpr std::array<std::string_view, 16> kTitleJoints{
    "a", "about", "an", "at", "by", "for", "from", "in", "into", "of", "on", "the", "to",
    "upon", "with", "without"};
static_assert(sorted(kTitleJoints));

// "Six Nations", "Five Nations", "Tri Nations": a tournament named by its number of sides.
constexpr std::array<std::string_view, 12> kNumberWords{
    "eight", "eleven", "five", "four", "nine", "seven", "six", "ten", "three", "tri", "twelve",
    "two"};
static_assert(sorted(kNumberWords));

constexpr std::array<std::string_view, 139> kFunctionWords{
    "a", "about", "above", "according", "across", "after", "against", "all", "along", "although",
    "amid", "among", "an", "and", "another", "any", "are", "around", "as", "at",
    "be", "because", "been", "before", "behind", "below", "beneath", "beside", "besides",
    "between", "beyond", "both", "but", "by", "can", "could", "despite", "did",
    "do", "does", "down", "during", "each", "either", "every", "few", "for",
    "from", "had", "has", "have", "he", "her", "here", "hers", "him",
    "his", "how", "if", "in", "inside", "into", "is", "its", "like",
    "many", "might", "most", "much", "must", "near", "neither", "nor", "not",
    "off", "on", "once", "onto", "or", "other", "our", "ours", "out",
    "outside", "over", "past", "per", "several", "she", "should", "since", "so",
    "some", "such", "than", "that", "then", "there", "these", "they", "this",
    "those", "though", "through", "throughout", "till", "to", "toward", "towards", "under",
    "underneath", "unless", "unlike", "until", "up", "upon", "versus", "via", "vs",
    "was", "we", "were", "what", "when", "where", "whereas", "whether", "which",
    "while", "whom", "whose", "why", "with", "within", "without", "would", "yet",
    "you", "your"};
static_assert(sorted(kFunctionWords));

constexpr std::array<std::string_view, 42> kPlaceHeads{
    "airport", "avenue", "bay", "beach", "boulevard", "canal", "canyon", "cape", "coast",
    "county", "creek", "desert", "district", "gulf", "harbor", "harbour", "heights", "hills",
    "island", "islands", "lake", "lane", "mount", "mountains", "oblast", "ocean",
    "park", "peninsula", "port", "prefecture", "province", "region", "river", "road",
    "sea", "square", "stadium", "strait", "straits", "street", "township", "valley"};
static_assert(sorted(kPlaceHeads));

constexpr std::array<std::string_view, 17> kCompassWords{
    "central",      "east",      "eastern",      "north",     "northeast",    "northeastern",
    "northern",     "northwest", "northwestern", "south",     "southeast",    "southeastern",
    "southern",     "southwest", "southwestern", "west",      "western"};
static_assert(sorted(kCompassWords));

constexpr std::array<std::string_view, 14> kSpeechVerbs{
    "added",    "announced", "argued", "asked", "declared", "explained", "insisted",
    "noted",    "replied",   "said",   "says",  "stated",   "told",      "wrote"};
static_assert(sorted(kSpeechVerbs));

constexpr std::array<std::string_view, 10> kLocatives{
    "across", "at", "from", "in", "inside", "into", "near", "outside", "to", "via"};
static_assert(sorted(kLocatives));

// "at 1530 EDT", "until 1600 GMT": prepositions before a clock time.
constexpr std::array<std::string_view, 9> kTimePrepositions{
    "after", "at", "before", "by", "from", "since", "till", "to", "until"};
static_assert(sorted(kTimePrepositions));

// "the club Kirovsk", "the company Quill": a common noun for an organisation, in apposition.
// Nouns that stand before a firm's name and never a person's ("phone maker" may stand
// before a firm, "film maker" before a person: no "maker"; nor "publisher" or
// "broadcaster", which are people too).
constexpr std::array<std::string_view, 18> kOrganisationNouns{
    "agency",       "airline", "automaker",   "bank",   "carmaker",     "carrier",
    "chipmaker",    "club",    "company",     "conglomerate", "drugmaker", "firm",
    "giant",        "insurer", "lender",      "manufacturer", "retailer",  "supermarket"};
static_assert(sorted(kOrganisationNouns));

// After a firm's name, in apposition ("Siemens, the world's largest maker of phones",
// "Kidde, the fire protection group"): besides the organisation nouns, what a firm is and
// a person is not once a determiner and a comma set it after a name.
constexpr std::array<std::string_view, 7> kApposedFirmNouns{
    "group", "maker", "multinational", "operator", "producer", "provider", "supplier"};
static_assert(sorted(kApposedFirmNouns));

// What may follow the head noun of an apposition, ending its noun phrase: "a company that
// ...", "the maker of ...", "a bank based in". Another noun makes the head a modifier ("a
// bank clerk", "the company chairman": people); a verb makes a clause ("..., the company
// said": whoever is before the comma).
constexpr std::array<std::string_view, 9> kAfterApposedHead{
    "and", "based", "for", "in", "of", "that", "which", "whose", "with"};
static_assert(sorted(kAfterApposedHead));

constexpr std::array<std::string_view, 8> kFirmRoles{
    "broadcasters", "giants", "makers", "manufacturers", "operators", "publishers", "retailers",
    "studios"};
static_assert(sorted(kFirmRoles));

constexpr std::array<std::string_view, 13> kFirmPossessions{
    "board",    "chairman",     "chairwoman", "customers", "headquarters", "profits", "revenue",
    "revenues", "shareholders", "subscribers", "subsidiary", "turnover",     "workforce"};
static_assert(sorted(kFirmPossessions));

constexpr std::array<std::string_view, 6> kFirmHoldings{
    "shareholders", "shareholding", "shares", "stake", "stakes", "takeover"};
static_assert(sorted(kFirmHoldings));

constexpr std::array<std::string_view, 12> kTeamRoles{
    "boss",    "captain", "chairman", "coach",   "defender", "founder",
    "goalkeeper", "manager", "midfielder", "skipper", "striker", "winger"};
static_assert(sorted(kTeamRoles));

constexpr std::array<std::string_view, 8> kStockExchanges{
    "amex", "asx", "lse", "nasdaq", "nyse", "otc", "otcbb", "tsx"};
static_assert(sorted(kStockExchanges));

constexpr std::array<std::string_view, 17> kWorkNouns{
    "album", "biopic", "cartoon", "comedy", "documentary", "drama", "film", "movie", "musical",
    "novel", "programme", "remake", "sequel", "series", "sitcom", "soap", "thriller"};
static_assert(sorted(kWorkNouns));

constexpr std::array<std::string_view, 67> kNeverActors{
    "advertisement", "am", "apr", "april", "aug", "august", "caption", "click", "comment",
    "comments", "copyright", "dec", "december", "discuss", "download", "email", "feb",
    "february", "follow", "fri", "friday", "home", "i", "image", "jan", "january",
    "jul", "july", "jun", "june", "login", "mar", "march", "menu",
    "mon", "monday", "more", "newsfeed", "newsletter", "nov", "november", "oct",
    "october", "photo", "pm", "print", "read", "related", "sat", "saturday",
    "sep", "sept", "september", "share", "sign", "subscribe", "sun", "sunday",
    "thu", "thursday", "tue", "tuesday", "video", "wed", "wednesday", "world",
    "yesterday"};
static_assert(sorted(kNeverActors));

// Romanised Chinese and Korean syllables: pinyin's and Wade-Giles' initials with Korean
// doubled consonants, and the codas the three systems write.
constexpr std::array<std::string_view, 30> kSyllableInitials{
    "b", "c", "ch", "d", "f", "g", "h", "hs", "j", "k", "kk", "l", "m", "n", "p", "pp",
    "q", "r", "s", "sh", "ss", "t", "ts", "tt", "tz", "w", "x", "y", "z", "zh"};
static_assert(sorted(kSyllableInitials));
constexpr std::array<std::string_view, 9> kSyllableCodas{
    "", "h", "k", "l", "m", "n", "ng", "p", "r"};
static_assert(sorted(kSyllableCodas));
constexpr std::size_t kMinSyllableLetters = 2;
constexpr std::size_t kMaxSyllableLetters = 6;  // "zhuang", "shuang"
constexpr std::size_t kMaxSyllableVowels = 3;   // "iao", "yeo"
// clang-format on

}  // namespace

bool is_name_particle(std::string_view term) {
  return contains(kParticles, term);
}
bool is_person_title(std::string_view term) {
  return contains(kPersonTitles, term);
}
bool is_org_head(std::string_view term) {
  return contains(kOrgHeads, term);
}
bool is_state_body_head(std::string_view term) {
  return contains(kStateBodyHeads, term);
}
bool is_legal_form(std::string_view term) {
  return contains(kLegalForms, term);
}
bool is_compound_suffix(std::string_view term) {
  return std::find(kCompoundSuffixes.begin(), kCompoundSuffixes.end(), term) !=
         kCompoundSuffixes.end();
}
bool is_compound_prefix(std::string_view term) {
  return contains(kCompoundPrefixes, term);
}
bool is_event_head(std::string_view term) {
  return contains(kEventHeads, term);
}
bool is_prenominal_title(std::string_view term) {
  return contains(kPrenominalTitles, term);
}
bool is_role_modifier(std::string_view term) {
  return contains(kRoleModifiers, term);
}
bool is_number_word(std::string_view term) {
  return contains(kNumberWords, term);
}
bool is_function_word(std::string_view term) {
  return contains(kFunctionWords, term);
}
bool is_place_head(std::string_view term) {
  return contains(kPlaceHeads, term);
}
bool is_compass_word(std::string_view term) {
  return contains(kCompassWords, term);
}
bool is_storm_word(std::string_view term) {
  return term == "hurricane" || term == "typhoon" || term == "cyclone";
}
bool is_place_opener(std::string_view term) {
  return term == "mount" || term == "lake" || term == "cape" || term == "gulf" || term == "isle";
}
bool is_speech_verb(std::string_view term) {
  return contains(kSpeechVerbs, term);
}
bool is_organisation_noun(std::string_view term) {
  return contains(kOrganisationNouns, term);
}
bool is_apposed_firm_noun(std::string_view term) {
  return contains(kOrganisationNouns, term) || contains(kApposedFirmNouns, term);
}
bool ends_apposed_head(std::string_view term) {
  return contains(kAfterApposedHead, term);
}
bool is_firm_possession(std::string_view term) {
  return contains(kFirmPossessions, term);
}
bool is_firm_holding(std::string_view term) {
  return contains(kFirmHoldings, term);
}
bool is_team_role(std::string_view term) {
  return contains(kTeamRoles, term);
}
bool is_stock_exchange(std::string_view term) {
  return contains(kStockExchanges, term);
}
bool is_list_opener(std::string_view term) {
  return term == "including" || term == "like" || term == "as";
}
bool is_firms_noun(std::string_view term) {
  if (contains(kFirmRoles, term)) return true;
  // The plural of an organisation noun: "firms", "banks"; "companies", "agencies".
  return std::any_of(
      kOrganisationNouns.begin(), kOrganisationNouns.end(), [&](std::string_view noun) {
        if (noun.ends_with('y'))
          return term.size() == noun.size() + 2 &&
                 term.starts_with(noun.substr(0, noun.size() - 1)) && term.ends_with("ies");
        return term.size() == noun.size() + 1 && term.starts_with(noun) && term.back() == 's';
      });
}
bool is_station_noun(std::string_view term) {
  return term == "channel" || term == "radio" || term == "tv";
}
bool is_work_noun(std::string_view term) {
  // "the films X and Y": the plural announces a list of titles.
  return contains(kWorkNouns, term) || (term.size() > 1 && term.back() == 's' &&
                                        contains(kWorkNouns, term.substr(0, term.size() - 1)));
}
bool is_currency_word(std::string_view term) {
  return contains(kCurrencyWords, term);
}
bool is_title_joint(std::string_view term) {
  return contains(kTitleJoints, term);
}
bool is_locative_preposition(std::string_view term) {
  return contains(kLocatives, term);
}
bool is_time_preposition(std::string_view term) {
  return contains(kTimePrepositions, term);
}
bool is_never_actor(std::string_view term) {
  return contains(kNeverActors, term);
}

bool is_romanised_syllable(std::string_view term) {
  if (term.size() < kMinSyllableLetters || term.size() > kMaxSyllableLetters) return false;
  const auto vowel = [](char c) {
    return std::string_view("aeiouy").find(c) != std::string_view::npos;
  };
  const auto rest_is_syllable = [&](std::string_view rest) {
    std::size_t nucleus = 0;
    while (nucleus < rest.size() && vowel(rest[nucleus])) ++nucleus;
    return nucleus >= 1 && nucleus <= kMaxSyllableVowels &&
           contains(kSyllableCodas, rest.substr(nucleus));
  };
  if (rest_is_syllable(term)) return true;
  for (std::string_view initial : kSyllableInitials)
    if (term.starts_with(initial) && rest_is_syllable(term.substr(initial.size()))) return true;
  return false;
}

}  // namespace dossier::cues
