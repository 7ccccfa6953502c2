// Internal to the actor extractor: the state of one article's scan, shared by the rules
// that find names in running text (name_runs.cpp) and the resolution of what they found
// into actors (article_scan.cpp).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "dossier/extract/actors/actor.h"
#include "dossier/extract/actors/actor_model.h"
#include "dossier/extract/actors/lexicon.h"
#include "dossier/extract/actors/text_words.h"

namespace dossier::detail {

// Longest phrase, in words, that headline matching tries against known names.
constexpr std::size_t kMaxHeadlineWords = 6;
// Longest capitalised run read as names; longer ones are Title-Case phrases where capitals
// say nothing ("Federal Air Traffic Control Administration Director Branko Bilbija").
constexpr std::size_t kMaxNameWords = 7;
// Lines from the top of a body where a dateline may stand (after a byline, a blank line).
constexpr std::size_t kDatelineLines = 4;
// Longest place name read from a dateline ("FARMINGTON HILLS", "ST. LOUIS").
constexpr std::size_t kMaxDatelineWords = 3;
// Words of a dateline's date after the place: "1996-08-30" is three.
constexpr std::size_t kDatelineDateWords = 3;
// Most names of a list after a noun for firms ("the banks A, B, C and D") that count as
// firms.
constexpr std::size_t kMaxListedFirms = 6;
// Words between "of" and the noun of a title's complement ("chairman of both companies").
constexpr std::size_t kTitleComplementWords = 3;
// Words after the determiner of an apposition up to its head ("the world's fourth-largest
// maker": 3).
constexpr std::size_t kApposedFirmWords = 4;
// Longest title prefix stripped from a name ("Deputy Foreign Minister").
constexpr std::size_t kMaxTitleWords = 6;
// Most capitals of a firm's initials before "&" that may spell a function word ("AT&T").
constexpr std::size_t kMaxAmpersandInitials = 3;
// Longest lower-case syllable after a hyphen kept in any name ("Chung-tai", "Jong-un").
constexpr std::size_t kShortNameSyllable = 3;

// Evidence that a name is of one type; the strongest decides.
enum class Evidence { None, Weak, Context, Strong };

// One fact about a mention's context for the learned model ("p:said", "tab"): its text in
// two pieces, a fixed kind and a word of the article, and its feature id.
struct Cue {
  std::string_view kind;  // "hl", "bd", "ss", "par", "pos", "tab", "p:", "n:"
  std::string_view word;  // after "p:"/"n:": a term, or "^", "$", "#", "C", "~"
  FeatureId id = 0;       // feature_hash of kind + word
};

// One name found in the text, before resolution.
struct Mention {
  std::string key;                     // folded phrase
  std::string surface;                 // as written
  std::optional<std::uint32_t> entry;  // lexicon entry, if the phrase is known
  std::optional<ActorType> type;
  Evidence evidence = Evidence::None;
  std::size_t words = 0;
  bool only_as_short_reference = false;  // kept only if it abbreviates a full name
  bool firm_context = false;  // "Enron's shareholders": a firm, whatever the other mentions say
};

// Accumulates an article's mentions of one actor.
struct Group {
  std::string key;
  std::optional<std::uint32_t> entry;
  std::size_t words = 0;
  int mentions = 0;
  std::array<int, 4> votes{};             // per ActorType, weighted by evidence
  std::map<std::string, int> forms;       // every surface form
  std::map<std::string, int> full_forms;  // forms of the group's own key (for display)
  bool merged_away = false;               // folded into a full name, or dropped as doubtful
  bool only_as_short_reference = true;    // every mention was a doubtful single word
  std::vector<Cue> context;               // each mention's context, for the model
  Evidence strongest = Evidence::None;    // the best evidence of any mention
  int capitalised_inside = 0;             // doubtful mentions capitalised mid-sentence
  bool inside_sentence = false;           // a mention in running text, not opening a sentence
};

// Shortest clipped form of a name's first word ("Fed" for "Federal Reserve").
constexpr std::size_t kMinClippedLetters = 3;
// Shortest acronym matched to a name's initials in any order ("USDA", "IMF").
constexpr std::size_t kMinInitialisms = 3;
// Words of a full name with a middle name or two surnames ("Marcos Perez Jimenez").
constexpr std::size_t kPersonShapeFullNameWords = 3;
// Capitalised mid-sentence mentions that make a doubtful English word a name ("Yukos"),
// and a rare one ("Google", "Arsenal": no everyday word).
constexpr int kNameRepeats = 3;
constexpr int kRareNameRepeats = 2;
// How far below its best type the model may have scored an organisation for a name that
// its list makes one (type_listed_organisations): beyond it the model read a person or a
// place in the name itself ("Kanye West", "Dan Glickman"), which a list does not outweigh.
constexpr float kListedOrganisationGap = 20.0F;
// Votes of a mention whose type is beyond doubt (a lexicon entry, a firm's context): more
// than the other mentions of an article give together.
constexpr int kSureTypeVotes = 10;
// Most context features kept per group: a name mentioned 40 times says enough by then.
constexpr std::size_t kMaxContextFeatures = 64;

// The rules' type of a group: its best-supported one.
ActorType rule_type(const Group& group);
// Whether the rules were sure of a group: a lexicon entry or a strong cue (an acronym, a
// title, an organisation head, ...), which the model only types.
bool rules_sure(const Group& group);

// Folded key ("nicolas maduro") and surface ("Nicolás Maduro") of words[first..last].
std::string join_terms(const std::vector<TextWord>& words, std::size_t first, std::size_t last);
std::string join_surface(const std::vector<TextWord>& words, std::size_t first, std::size_t last);
// A mention of words[first..last]: its key, surface and word count; type and evidence unset.
Mention span_mention(const std::vector<TextWord>& words, std::size_t first, std::size_t last);

// What the words around a run said about it, gathered while trimming it to a name.
struct RunContext {
  bool after_title = false;     // a person title precedes the name ("Foreign Minister ...")
  bool leading_known = false;   // a known name opens the run ("China Daily")
  bool role_after = false;      // a role follows the name ("Margaret Moran MP")
  bool named_with_the = false;  // a capitalised "The" inside a sentence opens it ("The Simpsons")
};

// Finds the names of one article: body runs first, then headline confirmations.
class ArticleScan {
 public:
  explicit ArticleScan(const ActorLexicon& lexicon) : lexicon_(lexicon) {}

  void scan_body(const std::vector<TextWord>& words);
  void resolve();
  void scan_headline_spans(const std::vector<TextWord>& words);
  // Runs too long to be one name, set aside by scan_body: only known names count there.
  void scan_deferred_runs(const std::vector<TextWord>& words);
  // Every candidate, before the model, with the model's features.
  std::vector<ActorCandidate> candidates() const;
  // The candidates the model keeps, typed by it, most mentioned first.
  std::vector<Actor> actors() const;

 private:
  void scan_run(const std::vector<TextWord>& words, std::size_t first, std::size_t last,
                bool after_title = false);
  bool take_leading_lexicon(const std::vector<TextWord>& words, std::size_t& first,
                            std::size_t last, bool& leading_known);
  std::optional<std::size_t> title_end(const std::vector<TextWord>& words, std::size_t first,
                                       std::size_t last) const;
  bool names_a_place(const std::vector<TextWord>& words, std::size_t first, std::size_t last) const;
  bool names_a_post(const std::vector<TextWord>& words, std::size_t first, std::size_t last) const;
  bool credits_agency(const std::vector<TextWord>& words, std::size_t first,
                      std::size_t last) const;
  bool opens_credited_dateline(const std::vector<TextWord>& words, std::size_t first,
                               std::size_t last) const;
  bool is_dateline(const std::vector<TextWord>& words, std::size_t first, std::size_t last,
                   bool strict) const;
  // Adds words[first..last] as one mention of `type`, found with `evidence`.
  void add_span(const std::vector<TextWord>& words, std::size_t first, std::size_t last,
                ActorType type, Evidence evidence);
  bool strip_title(const std::vector<TextWord>& words, std::size_t& first, std::size_t last);
  std::size_t after_title_complement(const std::vector<TextWord>& words, std::size_t first,
                                     std::size_t last) const;
  std::optional<std::size_t> of_split(const std::vector<TextWord>& words, std::size_t first,
                                      std::size_t last) const;
  void classify(const std::vector<TextWord>& words, std::size_t first, std::size_t last,
                const RunContext& context);
  void add_lexicon_mention(const std::vector<TextWord>& words, std::size_t first, std::size_t last,
                           const LexiconHit& hit);
  void add(Mention mention, const std::vector<TextWord>& words, std::size_t first,
           std::size_t last);
  // Records the context of a mention words[first..last] of `group` for the model.
  void note_context(Group& group, const std::vector<TextWord>& words, std::size_t first,
                    std::size_t last) const;
  std::vector<std::string> features(const Group& group, ActorType rule_type) const;
  // Gives the model's features of a candidate to `sink` (as text, or hashed and scored).
  template <class Sink>
  void emit_features(const Group& group, ActorType rule_type, Sink& sink) const;
  Actor to_actor(const Group& group) const;
  // Types the candidate by the model; false if the model says it is no actor.
  bool apply_model(ActorCandidate& candidate, const Group& group) const;
  bool person_shape(const Group& group) const;
  bool given_name_shape(const Group& group) const;
  // The group of the mention's key, created (with the mention's entry and length) if new.
  Group& group_for(const Mention& mention);
  // A single word that names an actor only if it abbreviates a full name found elsewhere.
  void add_doubtful(const std::vector<TextWord>& words, std::size_t index);
  void add_company_short_names();
  void add_clipped_names();
  void add_initialisms();
  void add_initialled_names();
  void add_station_short_names();
  void keep_names_written_like_words(const std::vector<TextWord>& words);
  bool name_word(const std::vector<TextWord>& words, std::size_t i) const;
  bool is_row_label(const std::vector<TextWord>& words, std::size_t i) const;
  bool is_unit_after_figure(const std::vector<TextWord>& words, std::size_t i) const;
  bool is_zone_after_clock(const std::vector<TextWord>& words, std::size_t i) const;
  std::optional<std::size_t> company_after_possessive(const std::vector<TextWord>& words,
                                                      std::size_t first, std::size_t owner) const;
  bool is_vowelless_abbreviation(const TextWord& w) const;
  bool is_table_abbreviation(std::string_view term) const;
  bool is_caption_glue(const std::vector<TextWord>& words, std::size_t i) const;
  bool is_name_syllable(const std::vector<TextWord>& words, std::size_t i) const;
  bool opens_name(const std::vector<TextWord>& words, std::size_t i) const;
  bool is_work_title(const std::vector<TextWord>& words, std::size_t first) const;
  // Remembers words[first..last] as a work's title.
  void add_work(const std::vector<TextWord>& words, std::size_t first, std::size_t last);
  bool is_photo_credit(const std::vector<TextWord>& words, std::size_t first,
                       std::size_t last) const;
  void define_acronym(const std::vector<TextWord>& words, std::size_t first, std::size_t last,
                      std::size_t acronym);
  bool joins_purpose(const std::vector<TextWord>& words, std::size_t last, bool purpose) const;
  struct Span {
    std::size_t first, last;
  };
  std::optional<Span> inner_title(const std::vector<TextWord>& words, std::size_t first,
                                  std::size_t last) const;
  std::optional<std::size_t> firm_after_comma(const std::vector<TextWord>& words,
                                              std::size_t run_last) const;
  std::optional<std::size_t> legal_forms_after_and(const std::vector<TextWord>& words,
                                                   std::size_t and_index) const;
  std::optional<Span> organisation_after_and(const std::vector<TextWord>& words, std::size_t first,
                                             std::size_t and_index) const;
  // Adds the stock symbol after words[first..last] ("<XON>") as a form of the firm they name.
  void add_ticker(const std::vector<TextWord>& words, std::size_t first, std::size_t last,
                  std::size_t symbol);
  // Adds the numbered channels whose owner the article names as an organisation.
  void add_numbered_channels(const std::vector<TextWord>& words);
  // Whether words[i], inside a sentence, is a capitalised preposition, article or particle
  // after a capitalised word: a Title-Case phrase ("Nightmare On Elm Street", "Lord Of The
  // Rings").
  bool title_case_joint(const std::vector<TextWord>& words, std::size_t i) const;
  // Whether words[first..last] is demonyms before a common noun in capitals ("British TV").
  bool tail_is_described_common_noun(const std::vector<TextWord>& words, std::size_t first,
                                     std::size_t last) const;
  // Whether words[first..last-1], before a title in words[last], are ordinary words or
  // demonyms, and the whole no name WordNet knows: "Crown | Prince", not "Mervyn King".
  bool qualifies_a_title(const std::vector<TextWord>& words, std::size_t first,
                         std::size_t last) const;
  // Whether the capitalised words[i], inside a sentence, opens "-era", "-led" or "-run"
  // ("Bush-era", "Brown-led"): English compounds made of a leader's name.
  bool names_an_era(const std::vector<TextWord>& words, std::size_t i) const;
  // Whether words[first..last], cut at each "&", is capitalised common words on both
  // sides ("Christmas & New Year"): no firm's name, unlike "Marks & Spencer".
  bool joins_common_words(const std::vector<TextWord>& words, std::size_t first,
                          std::size_t last) const;
  bool ends_with_org_head(const std::vector<TextWord>& words, std::size_t first,
                          std::size_t last) const;
  bool is_common_word(const TextWord& word) const;
  // Whether a folded word could be a word of a person's name: no English word, known
  // name, title or head (person_shape(), names_a_person() add their own tests).
  bool plain_name_word(std::string_view term) const;
  // Whether words[first..last] read as a person's full name (of_split).
  bool names_a_person(const std::vector<TextWord>& words, std::size_t first,
                      std::size_t last) const;
  // Whether a run ending at words[last] stops before "the" and the name after it.
  bool splits_at_the(const std::vector<TextWord>& words, std::size_t last) const;
  // Whether words[first..last] are written as the alias `hit` must be (capitals_only).
  bool written_as_alias(const LexiconHit& hit, const std::vector<TextWord>& words,
                        std::size_t first, std::size_t last) const;
  // A country's demonym or adjective as the lexicon knows it ("American", "British").
  bool is_demonym(const TextWord& word) const;
  bool ends_with_known_place(const std::vector<TextWord>& words, std::size_t first,
                             std::size_t last) const;
  // The group a phrase names after resolution: a full name or a short reference to one.
  std::optional<std::size_t> known_group(const std::string& key) const;
  std::optional<std::size_t> expansion_group(const std::string& expansion) const;

  void count_mention(Group& group, const std::vector<TextWord>& words, std::size_t first,
                     std::size_t last) const;
  void match_known(const std::vector<TextWord>& words, std::size_t span_first,
                   std::size_t span_last);
  std::size_t headline_person(const std::vector<TextWord>& words, std::size_t i,
                              std::size_t span_last);
  std::size_t name_line_end(const std::vector<TextWord>& words, std::size_t i,
                            std::size_t span_last) const;
  std::size_t initial_and_surname(const std::vector<TextWord>& words, std::size_t i,
                                  std::size_t span_last);
  // Records that the mention of group `group` at words[first..last] follows the one added
  // before it in a list (after a comma, "and" or "or").
  void note_listing(const std::vector<TextWord>& words, std::size_t first, std::size_t last,
                    std::size_t group);
  // The group a group's mentions count for once short references are resolved.
  std::size_t final_group(std::size_t group) const;
  // The lists of names the article writes, as groups (those `types` keeps: a group the
  // model dropped ends no list and joins none).
  std::vector<std::vector<std::size_t>> name_lists(
      const std::vector<std::optional<ActorType>>& types) const;
  // Whether group `g`, typed `type` by the model `organisation_gap` below an organisation
  // (ActorCandidate), may be retyped an organisation by its list.
  bool may_be_listed_organisation(std::size_t g, ActorType type, float organisation_gap) const;
  // Organisations listed together: `types` (per group, the model's, nothing for a group
  // dropped) with a listed name the rules were unsure of typed as the others.
  void type_listed_organisations(std::vector<std::optional<ActorType>>& types,
                                 const std::vector<float>& organisation_gaps) const;

  const ActorLexicon& lexicon_;
  std::vector<Group> groups_;
  std::vector<std::pair<std::size_t, std::size_t>> deferred_runs_;
  std::unordered_map<std::string, std::size_t> group_by_key_;
  // Short references ("maduro") -> the group of the full name ("nicolas maduro").
  std::unordered_map<std::string, std::size_t> short_refs_;
  // Acronyms the article defines, "(EU)" after "European Union": (acronym, expansion) keys.
  std::vector<std::pair<std::string, std::string>> acronyms_;
  // Most words are Latin: a capitalised word of another script is site chrome ("Заголовок").
  bool latin_article_ = true;
  // The article speaks of credit ratings: "AA", "BBB" are grades there, no organisations.
  bool ratings_article_ = false;
  // Acronyms the article also writes in the plural ("PVRs", "SUVs"): folded singulars.
  std::unordered_set<std::string> plural_acronyms_;
  // Two capitalised words written together inside a sentence ("morgan stanley"): the
  // same pair opening a sentence is that name, not an ordinary word before one.
  std::unordered_set<std::string> inner_pairs_;
  // Titles of works the article announces ("the film Vera Drake"): keys, particles
  // stripped. Every mention of one is the work's, not only the announced one.
  std::unordered_set<std::string> works_;
  // Words shaped like a numbered channel ("BBC1"), kept if the article names their owner.
  std::vector<std::size_t> numbered_channels_;
  // The mention added last, and the groups of names listed one after the other ("A, B and
  // C": A with B, B with C), for name_lists().
  struct AddedSpan {
    const std::vector<TextWord>* words = nullptr;
    std::size_t last = 0;
    std::size_t group = 0;
  };
  AddedSpan last_added_;
  std::vector<std::pair<std::size_t, std::size_t>> listed_pairs_;
};

}  // namespace dossier::detail
