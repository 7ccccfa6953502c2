#include "dossier/actors/cue_words.h"

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

constexpr std::array<std::string_view, 101> kPersonTitles{
    "actor", "adviser", "advisor", "aide", "ambassador", "analyst", "archbishop",
    "attorney", "author", "batsman", "bishop", "boss", "brother", "captain",
    "cardinal", "ceo", "chairman", "chairwoman", "champion", "chancellor", "chief",
    "coach", "col", "colonel", "commander", "commissioner", "communist", "congressman",
    "congresswoman", "councillor", "daughter", "defender", "democrat", "deputy", "dr",
    "economist", "emperor", "envoy", "father", "forward", "gen", "general",
    "goalkeeper", "governor", "husband", "inspector", "judge", "justice", "king",
    "lawmaker", "lawyer", "leader", "lieutenant", "lord", "manager", "mayor",
    "midfielder", "minister", "mother", "mp", "mr", "mrs", "ms",
    "nationalist", "official", "pitcher", "player", "pope", "premier", "president",
    "presidente", "prince", "princess", "prof", "professor", "prosecutor", "queen",
    "rabbi", "rep", "representative", "republican", "secretary", "sen", "senator",
    "sergeant", "sheikh", "sir", "sister", "socialist", "son", "speaker",
    "spokesman", "spokesperson", "spokeswoman", "striker", "sultan", "superintendent", "veteran",
    "vice", "widow", "wife"};
static_assert(sorted(kPersonTitles));

constexpr std::array<std::string_view, 114> kOrgHeads{
    "academy", "agency", "airlines", "airways", "alliance", "army", "assembly", "associates",
    "association", "athletic", "authority", "bancorp", "bank", "board", "brigade", "brigades",
    "bureau", "cabinet", "caucus", "center", "centre", "church", "club", "co",
    "coalition", "college", "command", "commission", "committee", "communications", "communists", "company",
    "congress", "conservatives", "corp", "corporation", "council", "court", "democrats", "department",
    "directorate", "division", "energy", "enterprises", "exchange", "faction", "fc", "federation",
    "foundation", "front", "fund", "greens", "group", "guard", "holding", "holdings",
    "hospital", "inc", "industries", "institute", "institution", "insurance", "international", "journal",
    "league", "llc", "ltd", "media", "ministry", "motors", "movement", "nationalists",
    "navy", "network", "news", "office", "oil", "organisation", "organization", "parliament",
    "partners", "party", "petroleum", "pharmaceuticals", "plc", "police", "post", "press",
    "radio", "railways", "regiment", "republicans", "rovers", "school", "secretariat", "senate",
    "service", "services", "socialists", "society", "systems", "team", "technologies", "telecom",
    "television", "times", "tribunal", "trust", "tv", "union", "united", "university",
    "ventures", "wanderers"};
static_assert(sorted(kOrgHeads));

constexpr std::array<std::string_view, 52> kEventHeads{
    "accord", "accords", "act", "agreement", "award", "awards", "bill", "budget",
    "case", "challenge", "championship", "championships", "charter", "classic", "conference", "constitution",
    "convention", "crisis", "cup", "day", "declaration", "derby", "election", "elections",
    "expo", "festival", "games", "grand", "grandprix", "inquiry", "invitational", "marathon",
    "masters", "olympiad", "olympics", "open", "prix", "prize", "protocol", "rally",
    "revolution", "scandal", "series", "show", "strike", "summit", "talks", "tournament",
    "treaty", "trophy", "war", "week"};
static_assert(sorted(kEventHeads));

constexpr std::array<std::string_view, 118> kFunctionWords{
    "about", "above", "across", "after", "against", "along", "amid", "among", "and",
    "any", "are", "around", "as", "at", "be", "because", "been", "before",
    "behind", "below", "beneath", "beside", "besides", "between", "beyond", "but", "by",
    "can", "could", "despite", "did", "do", "does", "down", "during", "each",
    "every", "for", "from", "had", "has", "have", "he", "her", "here",
    "hers", "him", "his", "how", "if", "in", "inside", "into", "is",
    "its", "like", "might", "must", "near", "nor", "not", "off", "on",
    "onto", "or", "our", "ours", "out", "outside", "over", "past", "per",
    "she", "should", "since", "so", "some", "such", "than", "that", "then",
    "there", "these", "they", "this", "those", "through", "throughout", "till", "to",
    "toward", "towards", "under", "underneath", "unlike", "until", "up", "upon", "versus",
    "via", "vs", "was", "we", "were", "what", "when", "where", "whether",
    "which", "while", "why", "with", "within", "without", "would", "yet", "you",
    "your"};
static_assert(sorted(kFunctionWords));

constexpr std::array<std::string_view, 39> kPlaceHeads{
    "airport", "avenue", "bay", "beach", "boulevard", "canal", "cape", "coast",
    "county", "desert", "district", "gulf", "harbor", "harbour", "heights", "hills",
    "island", "islands", "lake", "lane", "mount", "mountains", "oblast", "ocean",
    "park", "peninsula", "port", "prefecture", "province", "region", "river", "road",
    "sea", "square", "stadium", "strait", "street", "township", "valley"};
static_assert(sorted(kPlaceHeads));

constexpr std::array<std::string_view, 14> kSpeechVerbs{
    "added",    "announced", "argued", "asked", "declared", "explained", "insisted",
    "noted",    "replied",   "said",   "says",  "stated",   "told",      "wrote"};
static_assert(sorted(kSpeechVerbs));

constexpr std::array<std::string_view, 10> kLocatives{
    "across", "at", "from", "in", "inside", "into", "near", "outside", "to", "via"};
static_assert(sorted(kLocatives));

constexpr std::array<std::string_view, 66> kNeverActors{
    "advertisement", "am",        "apr",       "april",    "aug",       "august",
    "click",         "comment",   "comments",  "copyright", "dec",      "december",
    "discuss",       "download",  "email",     "feb",      "february",  "follow",
    "fri",           "friday",    "home",      "i",        "jan",       "january",
    "jul",           "july",      "jun",       "june",     "login",     "mar",
    "march",         "may",       "menu",      "mon",      "monday",    "more",
    "newsfeed",      "newsletter", "nov",      "november", "oct",       "october",
    "photo",         "pm",        "print",     "read",     "related",   "sat",
    "saturday",      "sep",       "sept",      "september", "share",    "sign",
    "subscribe",     "sun",       "sunday",    "thu",      "thursday",  "tue",
    "tuesday",       "video",     "wed",       "wednesday", "world",    "yesterday"};
static_assert(sorted(kNeverActors));
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
bool is_event_head(std::string_view term) {
  return contains(kEventHeads, term);
}
bool is_function_word(std::string_view term) {
  return contains(kFunctionWords, term);
}
bool is_place_head(std::string_view term) {
  return contains(kPlaceHeads, term);
}
bool is_place_opener(std::string_view term) {
  return term == "mount" || term == "lake" || term == "cape" || term == "gulf" || term == "isle";
}
bool is_speech_verb(std::string_view term) {
  return contains(kSpeechVerbs, term);
}
bool is_locative_preposition(std::string_view term) {
  return contains(kLocatives, term);
}
bool is_never_actor(std::string_view term) {
  return contains(kNeverActors, term);
}

}  // namespace dossier::cues
