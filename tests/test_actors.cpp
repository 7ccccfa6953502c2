// Actor extraction: one table per rule, small texts written for these tests, plus checks
// over the bundled sample corpus.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unicode/locid.h>

#include "dossier/extract/actors/actor_model.h"
#include "dossier/extract/actors/cue_words.h"
#include "dossier/extract/actors/extractor.h"
#include "dossier/extract/actors/lexicon.h"
#include "dossier/extract/actors/text_words.h"
#include "dossier/text/analyzer.h"

namespace dossier {
namespace {

const ActorLexicon& builtin_lexicon() {
  static const ActorLexicon lexicon = ActorLexicon::builtin();
  return lexicon;
}

// "Name/type" of every actor, in extraction order, joined by "; ".
std::string names_and_types(const std::vector<Actor>& actors) {
  std::string out;
  for (const Actor& a : actors) {
    if (!out.empty()) out += "; ";
    out += a.name + "/" + std::string(to_string(a.type));
  }
  return out;
}

const Actor* find_actor(const std::vector<Actor>& actors, const std::string& name) {
  for (const Actor& a : actors)
    if (a.name == name) return &a;
  return nullptr;
}

bool has_actor(const std::vector<Actor>& actors, const std::string& name, ActorType type) {
  const Actor* a = find_actor(actors, name);
  return a != nullptr && a->type == type;
}

struct Case {
  const char* body;
  const char* expected;  // names_and_types of the result
};

void run_table(const std::vector<Case>& cases, const ActorLexicon& lexicon = builtin_lexicon()) {
  ActorExtractor extractor(lexicon);
  for (const Case& c : cases) {
    EXPECT_EQ(names_and_types(extractor.extract("", c.body)), c.expected) << "text: " << c.body;
  }
}

TEST(ActorType, NamesRoundTrip) {
  for (ActorType t : {ActorType::Person, ActorType::Org, ActorType::Country, ActorType::Place})
    EXPECT_EQ(actor_type_from_string(to_string(t)), t);
  EXPECT_EQ(to_string(ActorType::Org), "org");
  EXPECT_FALSE(actor_type_from_string("ignore").has_value());
}

TEST(ActorLexicon, EveryIcuRegionIsACountry) {
  Analyzer analyzer;
  const ActorLexicon& lexicon = builtin_lexicon();
  for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
    icu::UnicodeString display;
    icu::Locale("", *code).getDisplayCountry(icu::Locale::getEnglish(), display);
    std::string name;
    display.toUTF8String(name);
    std::string key;
    for (const Token& t : analyzer.tokenize(name)) key += (key.empty() ? "" : " ") + t.term;
    const LexiconHit* hit = lexicon.find(key);
    ASSERT_NE(hit, nullptr) << *code << " " << name;
    EXPECT_EQ(lexicon.entry(hit->entry).type, ActorType::Country) << *code << " " << name;
  }
}

TEST(ActorLexicon, LoadsQuickly) {
  const auto start = std::chrono::steady_clock::now();
  const ActorLexicon lexicon = ActorLexicon::builtin();
  const auto ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
  EXPECT_GT(lexicon.entry_count(), 250u);
  // The budget is 100 ms in Release; sanitizer builds are several times slower.
  EXPECT_LT(ms.count(), 1000.0);
}

TEST(ActorLexicon, WordNetPeopleAreRealPeople) {
  const ActorLexicon& lexicon = builtin_lexicon();
  // WordNet's people, less its characters of fiction ("Yahoo" of Gulliver's Travels).
  EXPECT_EQ(lexicon.gazetteer_type("abraham lincoln"), ActorType::Person);
  EXPECT_EQ(lexicon.gazetteer_type("yahoo"), std::nullopt);
  EXPECT_EQ(lexicon.gazetteer_type("dracula"), std::nullopt);
}

TEST(ActorLexicon, GivenNamesAndEverydayWords) {
  const ActorLexicon& lexicon = builtin_lexicon();
  // Census first names, less surnames ("Morgan"), everyday words ("Hope"), places
  // ("Jordan") and rare names that are English words ("Tory").
  struct Case {
    std::string_view term;
    bool given, known_person;
  };
  for (const Case& c : std::initializer_list<Case>{{"abraham", true, true},
                                                   {"doug", true, false},
                                                   {"chelsea", true, false},
                                                   {"carol", true, false},
                                                   {"morgan", false, false},
                                                   {"hope", false, false},
                                                   {"jordan", false, false},
                                                   {"tory", false, false}}) {
    EXPECT_EQ(lexicon.is_given_name(c.term), c.given) << c.term;
    EXPECT_EQ(lexicon.opens_known_person(c.term), c.known_person) << c.term;
  }
  // SemCor's everyday words, by their lemma.
  EXPECT_TRUE(lexicon.is_everyday_word("century"));
  EXPECT_TRUE(lexicon.is_everyday_word("centuries"));
  EXPECT_TRUE(lexicon.is_everyday_word("chapters"));
  EXPECT_FALSE(lexicon.is_everyday_word("arsenal"));
  EXPECT_FALSE(lexicon.is_everyday_word("google"));
}

TEST(ActorRules, CountriesByNameShortFormAndDemonym) {
  run_table({
      {"Talks between Peru and Chile resumed.", "Chile/country; Peru/country"},
      {"The deal was signed by the US and the UK on Friday.",
       "United Kingdom/country; United States/country"},
      {"The U.S. envoy met Venezuelan officials in the capital.",
       "United States/country; Venezuela/country"},
      {"The plan angered Venezuela's neighbours and many Venezuelans.", "Venezuela/country"},
      {"Analysts expect Russian troops to stay.", "Russia/country"},
      {"They flew from Côte d'Ivoire to Ivory Coast's rival.", "Ivory Coast/country"},
      // Former countries, as archives of their time name them.
      {"Yugoslav and Czechoslovak envoys met Soviet officials.",
       "Czechoslovakia/country; Soviet Union/country; Yugoslavia/country"},
  });
}

TEST(ActorRules, PeopleFromTitlesGivenNamesAndSpeech) {
  run_table({
      {"Yesterday the talks were chaired by President Okonkwo Adebayo in the hall.",
       "Okonkwo Adebayo/person"},
      {"Critics said Deputy Foreign Minister Lidia Kostrova had overstepped.",
       "Lidia Kostrova/person"},
      {"The report was written by Margaret Holloway and others.", "Margaret Holloway/person"},
      {"According to the file, Teodor Vranek said nothing more.", "Teodor Vranek/person"},
      {"Local reporters quoted Mr Baxendale at length.", "Baxendale/person"},
      // A plural title before a list of people, when a given name follows.
      {"He served under Presidents Harold Vantwell and Bill Clinton.",
       "Bill Clinton/person; Harold Vantwell/person"},
      // A known place straight after a title is a name; a title's "of" place is a place.
      {"He plays polo with Prince Charles.", "Charles/person"},
      {"The Archbishop of Canterbury spoke.", "Canterbury/place"},
      // A role's time or standing opens no name.
      {"The club said no. Former Southampton manager Gordon Vantwell left.",
       "Gordon Vantwell/person; Southampton/org"},
      {"Acting President Lidia Kostrova spoke.", "Lidia Kostrova/person"},
      // A title's complement after "of the", then its holder; not a known name.
      {"He met Chancellor of the Exchequer Nigel Vantwell today.", "Nigel Vantwell/person"},
      // ... or after "for": "Minister for Sport", "Secretary of State for Trade".
      {"Minister for Sport Richard Vantwell said so.", "Richard Vantwell/person"},
      {"The Secretary of State for Trade Lidia Kostrova spoke.", "Lidia Kostrova/person"},
      {"He met the President of the United Arab Emirates today.", "United Arab Emirates/country"},
      // A title inside a run: the body before it, its holder after it.
      {"Officials said Vantro Bank President Karl Otto Vantwell would stay.",
       "Karl Otto Vantwell/person; Vantro Bank/org"},
      {"The talks, said U.S. Defence Secretary Caspar Vantwell, were over.",
       "Caspar Vantwell/person; United States/country"},
  });
}

TEST(ActorRules, CensusFirstNamesOpenPeoplesNames) {
  run_table({
      // A common first name WordNet's people lack, before a surname that is a word.
      {"Kelly Lanterns won gold in Athens.", "Athens/place; Kelly Lanterns/person"},
      // A first name more common as a surname does not peel a sentence's opening word.
      {"Serena Williams won the final.", "Serena Williams/person"},
      // Alone, a census name is as often a club or a place.
      {"Chelsea won the match on Sunday.", "Chelsea/org"},
  });
}

TEST(ActorRules, OrganisationsFromHeadsAndAcronyms) {
  run_table({
      {"Shares of Harlow Brothers Inc rose after the Ministry of Finance spoke.",
       "Harlow Brothers Inc/org; Ministry of Finance/org"},
      {"A spokesman for NATO and the oil firm PDVSA declined comment.", "NATO/org; PDVSA/org"},
      // Initials joined by "&", even spelling a function word or opening a sentence; the
      // dot after the last one ends the sentence.
      {"Q&Z said so. Shares of AT&T. Later AT&T's board met.", "AT&T/org; Q&Z/org"},
      {"The Bank of Lisbon cut rates, the Workers Party complained.",
       "Bank of Lisbon/org; Workers Party/org"},
      {"The Vantria Defense Forces said it would withdraw, and Harbow Corps said so too.",
       "Harbow Corps/org; Vantria Defense Forces/org"},
      {"Harbow Networks said profits rose.", "Harbow Networks/org"},
      {"He read it in the Calder Valley News.", "Calder Valley News/org"},
      {"Advisers at Harbottle & Lewin objected.", "Harbottle & Lewin/org"},
      // A sentence-opening word stays when it opens an organisation's name.
      {"It rained. Sputnik International reported it.", "Sputnik International/org"},
      {"The UN Special Envoy Ismail Ould met them.", "Ismail Ould/person"},
      // Officers' titles inside a run split the firm from its officer.
      {"He hired Quillcorp Group Chief Operating Officer Wolfgang Vantwell.",
       "Quillcorp Group/org; Wolfgang Vantwell/person"},
      {"Vantro may buy more, CFO Karl Vantwell said.", "Karl Vantwell/person; Vantro/org"},
      // A sentence's opening word stays too before a legal form, and "and" after a legal
      // form joins two firms, not one name.
      {"General Motors Corp and Quillcorp Motor Co will build cars.",
       "General Motors Corp/org; Quillcorp Motor Co/org"},
      // A noun for a firm before a name that is an English word too.
      {"The oil giant Yukon agreed, and the drugmaker Lintel and the retailer Vantwell too.",
       "Lintel/org; Vantwell/org; Yukon/org"},
  });
}

TEST(ActorRules, PlacesFromTheLexiconAndPrepositions) {
  run_table({
      // A coined word ("WorldCom", "PlayStation") or a web address is a firm's or a
      // product's, no place.
      {"Sales at VantraCom fell in London.", "London/place; VantraCom/org"},
      {"Sales at Vantrazone.com fell in London.", "London/place; Vantrazone.com/org"},
      {"Protests spread from Caracas to Bogota overnight.", "Bogota/place; Caracas/place"},
      {"Flights to Los Angeles were cancelled.", "Los Angeles/place"},
      {"He owns land by Waddling Creek and Dry Canyon.", "Dry Canyon/place; Waddling Creek/place"},
      // A point of the compass before a known place names a region ("Western Union" is none).
      {"Smog in Southern California grew; Western Union and Western Quillcorp fell.",
       "Southern California/place; Western Quillcorp/org; Western Union/org"},
      // A storm's name is no actor, nor is it alone later.
      {"As Hurricane Zorba began to lash Jamaica, Florida braced. Zorba then turned north.",
       "Florida/place; Jamaica/country"},
  });
}

TEST(ActorRules, NoActorsFromOrdinaryCapitals) {
  run_table({
      {"However, the meeting on Monday in March was short.", ""},
      {"Officials said prices would rise. Analysts agreed.", ""},
      {"READ MORE: Prices Rise Sharply\nSubscribe\nAdvertisement\nWorld\nNewsfeed", ""},
      {"I'm sure we've seen it. I think so.", ""},
      {"Meanwhile, trade slowed. Speaking later, Analysts disagreed.", ""},
      {"The Christian and Muslim leaders spoke on the Internet.", ""},
      {"Many Kurds, a South American and the International applauded.", ""},
      {"Fans watched the World Cup and the U.S. Open.", ""},
      // Plural acronyms are common nouns in capitals: an organisation is not counted so.
      {"Most ISPs blocked the site, and several SMEs said they would sue the providers.", ""},
      // British spellings of English words ("organizers", "analyze").
      {"Organisers said the festival would open. Organisers added: Analysing it helps.", ""},
      // A post: titles around ordinary words.
      {"She became Chief Data Officer, then Deputy Prime Minister.", ""},
      // What a treaty or a meeting is on belongs to its name.
      {"It breached the European Convention on Human Rights and the Conference on Disarmament.",
       ""},
  });
}

TEST(ActorRules, NoActorsFromCommonNounsCodesAndModels) {
  run_table({
      // WordNet's capitalised common nouns, acronyms and plurals included.
      {"Viewers watched TV and bought DVD players as GDP rose.", ""},
      {"Shops sold PCs at 10 GMT.", ""},
      // An acronym the article also writes in the plural is a common noun; a possessive
      // is no plural.
      {"Sales of ZVRs rose. Every ZVR records. The ZVC's chief and ZVC staff agreed.", "ZVC/org"},
      // Codes and formats with digits; a single letter; "A" opening a sentence.
      {"He played MP3 files. Trading in JUL7 was thin.", ""},
      // Names listed after a plural noun for firms are firms, even words and WordNet's
      // common nouns; not after "film-makers", nor a title's complement.
      {"The chip makers AMD and Vantel rose, as did the banks Harbow, Quillcorp and Lintel.",
       "AMD/org; Harbow/org; Lintel/org; Quillcorp/org; Vantel/org"},
      {"Film-makers Mike Vantrow and Ros Harbow won.", "Mike Vantrow/person; Ros Harbow/person"},
      // ... also after "including", "like" or "such as".
      {"Carmakers, including Harbow, Vantrow and Quillcorp, grew; firms such as Lintel too.",
       "Harbow/org; Lintel/org; Quillcorp/org; Vantrow/org"},
      {"Film-makers like Mike Vantrow won. Vantwell said so, such as Harbow said.",
       "Harbow/person; Mike Vantrow/person; Vantwell/person"},
      // What only a firm has, or what is held in one, makes every mention a firm's.
      {"Harbow said so. Harbow's shareholders agreed, and Quill Vantrow's chairman too.",
       "Harbow/org; Quill Vantrow/org"},
      {"Lintel Ovaro said he had bought a stake in Harbow Vantwell.",
       "Harbow Vantwell/org; Lintel Ovaro/person"},
      // A team or firm before a role its person holds, even a word; not the end of a longer
      // name joined by "and".
      {"He said Reds skipper Steve Vantrow agreed. Ways and Means chairman Dan Vantwell spoke.",
       "Dan Vantwell/person; Reds/org; Steve Vantrow/person"},
      // Not a run cut short, nor a known place after "in".
      {"He sold shares of Class A stock. Its shares in Paris slipped.", "Paris/place"},
      {"The chairman of both companies Zhou Vantwell said so.", "Zhou Vantwell/person"},
      // A noun for an organisation, after an article or another noun, types the name.
      {"Research firm Vantner said so, and the state-oil company Quellbras said so too.",
       "Quellbras/org; Vantner/org"},
      // A hyphen binds one name at a sentence's start, not a prefix or a known name.
      {"Spider-Vantwell sold well. Allied-Harbow Inc rose. Non-OPEC output fell.",
       "Allied-Harbow Inc/org; OPEC/org; Spider-Vantwell/org"},
      // A stock symbol alone in angle brackets is no actor; a firm in them is one.
      {"Harbow Corp <HBW> and <Vantwell Inc> rose, <VNTW.F> fell.",
       "Harbow Corp/org; Vantwell Inc/org"},
      // ... nor a symbol in parentheses with its exchange's suffix or name before it.
      {"Harbow Inc. (HRBW.O) rose. Vantro Corp. (Nasdaq: VNTR) fell; Quell Inc (QLB.N: Quote).",
       "Harbow Inc/org; Quell Inc/org; Vantro Corp/org"},
      // A firm in apposition to a noun for one, even a word opening a sentence; not a
      // person's possessive noun, a modifier, nor a clause ("..., the company said").
      {"Meadow, the world's largest maker of kites, said so. He met Harbow, the fire "
       "protection group. Quellbras, a new company, agreed.",
       "Harbow/org; Meadow/org; Quellbras/org"},
      {"Meadow, the company's chairman, left. Lark, a bank clerk, too. Nest, the firm said.", ""},
      // A firm of ordinary words before its stock symbol, even opening a sentence; not the
      // words before a name ("Shares of").
      {"Meadow Lark (NASDAQ: MDLK) rose. Shares of Vantro Corp. (VNTR.O) fell.",
       "Meadow Lark/org; Vantro Corp/org"},
      // Codes of letters and digits in a run make no name.
      {"The Harbow ZX80 and Vantwell T600 sold.", ""},
      // Numbered channels of an organisation the article names are organisations.
      {"The ZBC said ZBC1 and ZBC2 grew while MP3 sales fell.", "ZBC/org; ZBC1/org; ZBC2/org"},
      {"S said nothing. A Harlow Brothers Inc unit left.", "Harlow Brothers Inc/org"},
      // Products: a word and a short capital suffix.
      {"He used Vistrala XQ and Zentopia DS daily.", ""},
      // Plans and doctrines are no actors; holidays are no places.
      {"Aid came under the Harbottle Plan before Christmas and Easter.", ""},
      // Tables of figures: heads alone, abbreviations, words without a vowel.
      {"Qtly div 12 cts vs 10 cts\nOper shr loss 5 cts\nSales 10 Mths 4 Dlrs", ""},
      {"Harlow Brothers said Co Inc results were due.", "Harlow Brothers/org"},
      // Units after figures, in capitals.
      {"HARLOW BROTHERS 4TH QTR SHR 1.78 DLRS VS 1.64 DLRS\nNet 20 MLN DLRS VS 15 MLN DLRS", ""},
      // A side in capitals after a score is no unit.
      {"Cincinnati 18 COLORADO 7", "Cincinnati/org; Colorado/org"},
  });
}

TEST(ActorRules, CountriesAndPartiesByTheirPeople) {
  run_table({
      {"Soviet officials met in the USSR.", "Soviet Union/country"},
      {"West German banks lent more.", "Germany/country"},
      {"Tory Liam Fenwright attacked the Tories.", "Conservative Party/org; Liam Fenwright/person"},
      {"Labour MPs and Lib Dems voted against the Conservatives.",
       "Conservative Party/org; Labour Party/org; Liberal Democrats/org"},
  });
}

TEST(ActorRules, AcronymsDefinedInTheArticle) {
  ActorExtractor extractor(builtin_lexicon());
  const auto actors = extractor.extract(
      "", "The Harbottle Trade Organisation (HTO) met. Later the HTO said it would stay.");
  ASSERT_EQ(names_and_types(actors), "Harbottle Trade Organisation/org");
  EXPECT_EQ(actors[0].mentions, 3);
  EXPECT_EQ(actors[0].forms, (std::vector<std::string>{"HTO", "Harbottle Trade Organisation"}));
  run_table({
      // An "and" inside an agency's name, then its acronym.
      {"The Securities and Exchange Commission (SEC) sued. The SEC won.",
       "Securities and Exchange Commission/org"},
      // A country or a sentence's first words before the ordinary words stay apart.
      {"A ruling by the U.S. Securities and Exchange Commission was made.",
       "Securities and Exchange Commission/org; United States/country"},
      {"Later the Food and Agriculture Organization agreed to it.",
       "Food and Agriculture Organization/org"},
      // A company's name keeps the demonym it opens with; a state's body does not.
      {"Shares of American Granite and Telegraph Co rose, the Russian Trade and Industry "
       "Ministry said.",
       "American Granite and Telegraph Co/org; Russia/country; Trade and Industry Ministry/org"},
      // Initials that do not spell the acronym define nothing.
      {"The Harbottle Trade Organisation (XYZ) gathered.",
       "Harbottle Trade Organisation/org; XYZ/org"},
      // The index's rule (acronym_expansion): letters in any case, dots ignored.
      {"The Harbottle Trade Organisation (Hto) met. Later Hto said it would stay.",
       "Harbottle Trade Organisation/org"},
      {"The Harbottle Trade Organisation (H.T.O.) met. Later the H.T.O. said no.",
       "Harbottle Trade Organisation/org"},
  });
}

TEST(ActorRules, EnglishWordsCapitalisedAgainAndAgainAreNames) {
  run_table({
      // (The model types it: "Shares in Quill" alone reads like a place to it.)
      {"Shares in the company Quill rose after the deal. Investors in the company Quill "
       "cheered and analysts praised the company Quill for the deal.",
       "Quill/org"},
      // Once in lower case: the ordinary word.
      {"Shares in Quill rose after the deal. Investors in Quill cheered the quill makers and "
       "analysts praised Quill.",
       ""},
      {"Fans of Century cheered when Century won the cup on Sunday.", ""},
      {"Fans of Quill cheered on Sunday.", ""},
  });
  // Twice is enough for a rare word ("quill"), not for an everyday one ("century" above);
  // the model types it.
  ActorExtractor extractor(builtin_lexicon());
  const auto actors =
      extractor.extract("", "Fans of Quill cheered when Quill won the cup on Sunday.");
  ASSERT_EQ(actors.size(), 1u);
  EXPECT_EQ(actors[0].name, "Quill");
}

TEST(ActorRules, WebPageGlueScriptsAndHyphenatedNames) {
  run_table({
      {"Shares of MartinChrysler Inc rose after the merger was approved.",
       "MartinChrysler Inc/org"},
      // Spaces padding or wrapping a name make one space of its display form.
      {"Minister Benjamin  Zorbanyahu spoke.", "Benjamin Zorbanyahu/person"},
      {"Minister Lidia   Kostrova spoke.", "Lidia Kostrova/person"},
      // A photo credit glued to the caption's first name.
      {"Photo: Carlos Ferrandiz RawlinsJuan Belgrano speaks. Juan Belgrano left.",
       "Juan Belgrano/person; Carlos Ferrandiz/person"},
      // A site word in another script inside an English page.
      {"\xD0\x97\xD0\xB0\xD0\xB3\xD0\xBE\xD0\xBB\xD0\xBE\xD0\xB2\xD0\xBE\xD0\xBA"
       " Officials said that Peru would vote again after the courts ruled.",
       "Peru/country"},
      // East Asian given names written with a hyphen keep their last syllable.
      {"Lawmaker Cheng Chung-tai and Kim Jong-un talked yesterday.",
       "Cheng Chung-tai/person; Kim Jong-un/person"},
      {"Lidia Kostrova spoke. The Kostrova-led talks ended yesterday.", "Lidia Kostrova/person"},
      // Longer syllables after a surname when both halves are romanised syllables.
      {"Health minister Chen Wei-ling met Ban Ki-moon yesterday.",
       "Ban Ki-moon/person; Chen Wei-ling/person"},
      {"The Kremlin-backed group met the Bush-era officials yesterday.", "Bush/person"},
      // A leader's name before "-led" is a person even when it is an English word.
      {"The Brown-led Treasury agreed.", "Brown/person; Treasury/org"},
      // A photographer credited beside a caption, a slash away from the agency.
      {"EFE / Carlos Ferrandiz Rawlins shows Juan Belgrano in Lima.",
       "EFE/org; Juan Belgrano/person; Lima/place"},
      {"Juan Belgrano spoke in Lima. Photograph: Carlos Ferrandiz/AFP",
       "Juan Belgrano/person; Lima/place"},
      // Not a line-up's substitution of a player named by an initial.
      {"Replacements: Deacon, Varndell, W Johnson/B Deacon, Smith.",
       "Smith/person; W Johnson/person"},
  });
}

TEST(RomanisedSyllables, ChineseAndKoreanButNotEnglishCompounds) {
  const std::vector<std::pair<std::string_view, bool>> cases = {
      {"wei", true},    {"ling", true},   {"hsien", true},   {"zhuang", true},  {"yeon", true},
      {"moon", true},   {"un", true},     {"ji", true},      {"backed", false}, {"era", false},
      {"style", false}, {"owned", false}, {"linked", false}, {"a", false},      {"shuangs", false},
  };
  for (const auto& [term, expected] : cases)
    EXPECT_EQ(cues::is_romanised_syllable(term), expected) << term;
}

TEST(ActorRules, SiteSectionWordsOpenOrganisations) {
  run_table({
      // "World" and "Home" are section names of news sites; before a head they open a name.
      {"The World Health Organization (WHO) said the WHO was ready. The Home Office agreed.",
       "World Health Organization/org; Home Office/org"},
      {"Home Secretary Charles Clarke said the World Cup was over.", "Charles Clarke/person"},
      // Inside a run too: "Trans World Airlines Inc", "Federal Home Loan Bank Board".
      {"Shares of Vantro World Airlines Inc rose, the Federal Home Loan Bank Board said.",
       "Federal Home Loan Bank Board/org; Vantro World Airlines Inc/org"},
      // A given name that abbreviates a month opens a name before a surname.
      {"Then Czech player Jan Hernych won. The report of Jan 5 said.",
       "Czech Republic/country; Jan Hernych/person"},
      // Titles of works after a noun for the work.
      {"Mike Leigh's film Vera Drake won. Ricky Gervais writes for hit US cartoon The "
       "Simpsons. Figures show Microsoft gained.",
       "Microsoft/org; Mike Leigh/person; Ricky Gervais/person; United States/country"},
      // Announced once, a work's title is the work's wherever it stands; so are the titles
      // listed with it, not a list's author nor a subject before another work noun.
      {"The film Harrow Lantern opened. Critics said Harrow Lantern was long.", ""},
      {"The films Vantwell Drake and Million Harrow Baby won, and Mike Vantrow's drama "
       "Grey Mill lost.",
       "Mike Vantrow/person"},
      {"Nominees are the comedy Sideways and Ray Vantwell biopic Ray.", "Ray Vantwell/person"},
      // Credit ratings' grades are no organisations where the article speaks of ratings.
      {"S and P lowered the debt to AA-minus from AA. The AA rating stands; AA debt is safe.", ""},
      {"The bonds are rated Aa-2 by one agency and Baa-1 by another; Caa debt was cut.", ""},
      // A time zone after a clock time; not after an amount or a year.
      {"Trading stops at 1530 EDT, or by 1600 hrs ZST.", ""},
      {"Bids close tonight (1200 ZST), or at 2400 EDT, or at midnight ZDT.", ""},
      // Money: a currency's name, or "currency" in the run; the country stays.
      {"The U.S. Dollar fell against the Yen, Swiss Francs and Ecus.",
       "Switzerland/country; United States/country"},
      {"It paid 10 mln DMK and 4 mln SFR.", ""},
      {"Comptroller of the Currency Robert Vantwell spoke.", "Robert Vantwell/person"},
      // An ordinary word and a letter label a kind; initials joined by "&" stay a firm.
      {"Its Class B shares and Series C notes rose, said Vantwell S&P and Malcolm X.",
       "Malcolm X/person; Vantwell S&P/org"},
      {"Shares fell to 1,022, ZVBW said.", "ZVBW/org"},
      {"The AA said drivers should slow down in the snow. The AA added that roads were icy.",
       "AA/org"},
      // A line-up's initial and surname are a person, not a place or a club.
      {"Italy: Paul Griffen, Marco Bortolami, S Parisse, M Bergamasco.",
       "Italy/country; M Bergamasco/person; Marco Bortolami/person; Paul Griffen/person; "
       "S Parisse/person"},
      {"Fans watched The X Factor final.", ""},
      // Members' titles: one MEP, or a party's or country's MEPs, are no actors.
      {"Polish MEPs rejected the plan, said Green MSP Mark Ballard.",
       "Mark Ballard/person; Poland/country"},
  });
}

TEST(ActorRules, KnownNamesInsideLongerNames) {
  run_table({
      // A place or country opening a longer name stays part of it.
      {"Shares in Oslo Fjord Shipping fell.", "Oslo Fjord Shipping/org"},
      {"The paper Peru Daily reported it.", "Peru Daily/org"},
      // ... unless a title or a person follows.
      {"The talks angered Moscow Mayor Piotr Zhelnov deeply.",
       "Moscow/place; Piotr Zhelnov/person"},
      // A demonym splits off an organisation, but not off a one-word brand.
      {"The Russian Foreign Ministry objected.", "Foreign Ministry/org; Russia/country"},
      {"He flew British Airways home.", "British Airways/org"},
      // ... nor off an organisation named after it that is no body of that state.
      {"The Danish Veterinary Association objected.", "Danish Veterinary Association/org"},
      {"The Danish Veterinary Ministry objected.", "Denmark/country; Veterinary Ministry/org"},
      // Capitalised common words joined by "&" are no firm; initials are.
      {"Sales over Christmas & New Year fell at Quillmart Stores.", "Quillmart Stores/org"},
      {"Analysts at S&P and at Zorbex & Partners agreed.", "S&P/org; Zorbex & Partners/org"},
      // A name ending in a place is a club or a company, unless it is a region.
      // (The rules' type; the model may retype it, see LearnedModel.)
      {"The News Agency of Peru reported it.", "News Agency of Peru/org"},
  });
}

TEST(LearnedModel, ParsesWeightsAndSumsThem) {
  const ActorModel model("# comment\nbias\t1\t0\t0\t0\nr:org\t0\t-0.5\t2.5\t0\n");
  EXPECT_EQ(model.scores({"bias", "r:org", "unknown"}), (ActorModel::Scores{1, -0.5F, 2.5F, 0}));
  EXPECT_THROW(ActorModel("bias\t1\tx\t0\t0\n"), std::runtime_error);
  EXPECT_THROW(ActorModel("bias\t1\t0\n"), std::runtime_error);
  EXPECT_THROW(ActorModel("bias\t1\t0\t0\t0\nbias\t1\t0\t0\t0\n"), std::runtime_error);
}

TEST(LearnedModel, FeatureIdsHashTextPiecesAndConjunctions) {
  EXPECT_EQ(feature_id("p:said"), feature_hash("said", feature_hash("p:")));
  EXPECT_EQ(feature_id("place|tab"), conjoin(feature_hash("place"), feature_hash("tab")));
  EXPECT_NE(conjoin(feature_hash("place"), feature_hash("tab")),
            conjoin(feature_hash("tab"), feature_hash("place")));
  EXPECT_NE(feature_id("place|tab"), feature_hash("place|tab"));
}

// The extractor scores hashed features without building their text: its confidence must be
// what the model gives the candidate's features as text (the training script's view).
TEST(LearnedModel, HashedScoringAgreesWithTheFeatureTexts) {
  ActorExtractor extractor(builtin_lexicon());
  const ActorModel& model = builtin_lexicon().model();
  const std::string body =
      "Fans of Dynamo Lisbon cheered as Lidia Kostrova, head of Zorvex Holdings, spoke in "
      "Lisbon. Kostrova said Zorvex would grow.\nDynamo Lisbon 3 Sporting 1";
  const auto actors = extractor.extract("", body);
  const auto candidates = extractor.candidates("", body);
  int judged = 0;
  for (const auto& candidate : candidates) {
    const auto actor = std::find_if(actors.begin(), actors.end(),
                                    [&](const Actor& a) { return a.key == candidate.actor.key; });
    if (actor == actors.end() || actor->confidence == 1.0) continue;
    const auto scores = model.scores(candidate.features);
    const float best = *std::max_element(scores.begin() + 1, scores.end());
    EXPECT_NEAR(actor->confidence, 1.0 / (1.0 + std::exp(-(best - scores[0]))), 1e-5)
        << candidate.actor.name;
    ++judged;
  }
  EXPECT_GE(judged, 3);
}

// "tab" (a line of two figures or more) is marked once per line when words are annotated.
TEST(LearnedModel, WordsKnowWhetherTheirLineHoldsFigures) {
  Analyzer analyzer;
  const std::string text = "Arsenal 2 Chelsea 1\nArsenal won 2 games\n3 4";
  std::string marks;
  for (const TextWord& w : annotate_words(text, analyzer.tokenize(text), false))
    marks += w.figures_line ? 'T' : '-';
  EXPECT_EQ(marks, "TTTT----TT");
}

TEST(LearnedModel, CandidatesCarryTheRulesTypeAndFeatures) {
  ActorExtractor extractor(builtin_lexicon());
  const auto candidates = extractor.candidates("", "Fans of Dynamo Lisbon cheered.");
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].actor.name, "Dynamo Lisbon");
  EXPECT_EQ(candidates[0].actor.type, ActorType::Org);  // a name ending in a known place
  EXPECT_EQ(candidates[0].features,
            (std::vector<std::string>{"bias", "r:org", "rv:org:1", "w:2", "m:1", "sh:Xx Xx",
                                      "f:dynamo", "s3:bon", "bd", "org|bd", "p:of", "org|p:of",
                                      "n:cheered", "org|n:cheered"}));
}

TEST(LearnedModel, ConfidenceAndTheUserDictionaryWins) {
  ActorExtractor extractor(builtin_lexicon());
  const auto actors =
      extractor.extract("", "Critics said Deputy Foreign Minister Lidia Kostrova visited Peru.");
  ASSERT_EQ(names_and_types(actors), "Lidia Kostrova/person; Peru/country");
  EXPECT_GT(actors[0].confidence, 0.5);
  EXPECT_LT(actors[0].confidence, 1.0);
  EXPECT_EQ(actors[1].confidence, 1.0);  // a known country: the model does not judge it
}

TEST(LearnedModel, WordNetPeopleAndOrganisationsKeepTheirType) {
  // The model learnt single words from sports tables ("the Reagan administration" looked
  // like a club); a name WordNet knows as a person or organisation keeps that type.
  run_table({
      {"Officials said the Reagan administration would act on the plan.", "Reagan/person"},
      {"Talks were held at the Treasury on Monday.", "Treasury/org"},
      {"The plan went to the European Community in the spring.", "European Community/org"},
      // Nor does it drop them, unless they are English words too.
      {"Trade legislation will be sent to President Reagan by the end of this year.",
       "Reagan/person"},
  });
}

TEST(ActorRules, ShortNamesOfCompaniesAndOrganisations) {
  run_table({
      // A company's name less its legal form, and its owner's name before heads.
      {"Chrysler Corp said it would cut jobs. Shares of Chrysler fell.", "Chrysler Corp/org"},
      {"Salomon Brothers Inc advised the bank. Salomon declined to comment.",
       "Salomon Brothers Inc/org"},
      // A clipped first word written inside a sentence: "the Fed".
      {"The Federal Reserve raised rates. Analysts said the Fed would act again.",
       "Federal Reserve/org"},
      // Not a place ("Europe" is no "European ..."), nor an acronym.
      {"Prices rose in Europe, the European Commission said.",
       "Europe/place; European Commission/org"},
  });
  ActorExtractor extractor(builtin_lexicon());
  // Forms tell what merged: "Fed" into the Federal Reserve; not an English word such as
  // "First" into First Union Corp.
  const auto fed = extractor.extract("", "The Federal Reserve acted. Traders said the Fed would.");
  ASSERT_EQ(fed.size(), 1U);
  EXPECT_EQ(fed[0].forms, (std::vector<std::string>{"Fed", "Federal Reserve"}));
  const auto bank =
      extractor.extract("", "Shares of First Union Corp rose. Analysts said First would gain.");
  ASSERT_NE(find_actor(bank, "First Union Corp"), nullptr);
  EXPECT_EQ(find_actor(bank, "First Union Corp")->forms,
            (std::vector<std::string>{"First Union Corp"}));
}

TEST(ActorRules, AcronymsOfNamesInTheSameArticle) {
  ActorExtractor extractor(builtin_lexicon());
  // Letters in any order, a dotted abbreviation giving all of its own.
  const auto usda = extractor.extract(
      "", "The U.S. Agriculture Department said exports rose. USDA officials expect more.");
  ASSERT_EQ(usda.size(), 1U);
  EXPECT_EQ(usda[0].name, "U.S. Agriculture Department");
  EXPECT_EQ(usda[0].forms, (std::vector<std::string>{"U.S. Agriculture Department", "USDA"}));
  const auto imf = extractor.extract(
      "", "The International Monetary Fund met in Washington. An IMF official said so.");
  ASSERT_NE(find_actor(imf, "International Monetary Fund"), nullptr);
  EXPECT_EQ(find_actor(imf, "International Monetary Fund")->forms,
            (std::vector<std::string>{"IMF", "International Monetary Fund"}));
  // Not an acronym of other letters, nor of two.
  run_table({{"The Federal Trade Commission sued. The FCC declined to comment.",
              "FCC/org; Federal Trade Commission/org"}});
}

TEST(ActorRules, InitialsAndASurnameNameTheOnePersonTheyFit) {
  ActorExtractor extractor(builtin_lexicon());
  const auto forms_of = [&](const std::string& text, const std::string& name) {
    const auto actors = extractor.extract("", text);
    const Actor* actor = find_actor(actors, name);
    return actor == nullptr ? std::vector<std::string>{} : actor->forms;
  };
  // A caption's or a line-up's initial, and two initials.
  EXPECT_EQ(forms_of("Dalvo Menchaca spoke on Monday. A rally for D. Menchaca followed.",
                     "Dalvo Menchaca"),
            (std::vector<std::string>{"D. Menchaca", "Dalvo Menchaca"}));
  EXPECT_EQ(forms_of("Gerald W Brankel won. Later G. W. Brankel said he was pleased.",
                     "Gerald W Brankel"),
            (std::vector<std::string>{"G. W. Brankel", "Gerald W Brankel"}));
  // Two people the initial fits, or none: the initialled name stays apart.
  run_table({
      {"Dalvo Menchaca and Dora Menchaca spoke. D. Menchaca left early.",
       "D. Menchaca/person; Dalvo Menchaca/person; Dora Menchaca/person"},
      {"Dalvo Menchaca spoke. R. Menchaca left early.",
       "Dalvo Menchaca/person; R. Menchaca/person"},
  });
}

TEST(ActorRules, NumberedChannelsAndStations) {
  run_table({
      // A station noun and a number of one or two digits; the number ends the name.
      {"The series was shown on Channel 4 last year.", "Channel 4/org"},
      {"He told Radio 1 that TV 2 had called.", "Radio 1/org; TV 2/org"},
      // Not a year, nor a figure that goes on in a table.
      {"Channel 2004 was launched.", ""},
      {"Radio 4 12 7", ""},
      // Numbered channels of an organisation the article names; not a code ("MP3").
      {"The BBC said BBC1 and BBC2 would show it.", "BBC/org; BBC1/org; BBC2/org"},
      {"The MP3 player sold well.", ""},
  });
  // The station without its broadcaster's name is the same one.
  ActorExtractor extractor(builtin_lexicon());
  const auto radio = extractor.extract("", "She told BBC Radio 4 on Monday. Radio 4 aired it.");
  ASSERT_EQ(radio.size(), 1U);
  EXPECT_EQ(radio[0].name, "BBC Radio 4");
  EXPECT_EQ(radio[0].forms, (std::vector<std::string>{"BBC Radio 4", "Radio 4"}));
}

TEST(ActorRules, NamesListedWithOrganisationsAreOrganisations) {
  run_table({
      // WordNet's "Siemens" is a person; listed with two firms, it is the firm.
      {"Handset makers Nokia and Motorola have cut prices this year, and analysts expect "
       "Nokia, Motorola and Siemens to report lower profits in the coming weeks.",
       "Motorola/org; Nokia/org; Siemens/org"},
      // Alone it stays the model's person.
      {"Analysts expect Siemens to report lower profits in the coming weeks, after a year "
       "of price cuts across the market.",
       "Siemens/person"},
      // A person's name that reads as one stays a person.
      {"Handset makers Nokia and Motorola have cut prices this year, and analysts expect "
       "Nokia, Motorola and Dan Glickman to report lower profits in the coming weeks.",
       "Motorola/org; Nokia/org; Dan Glickman/person"},
  });
}

TEST(ActorRules, AnAliasInCapitalsThatIsAWordNamesOnlyInCapitals) {
  run_table({
      // "CAR" is the Central African Republic; "Car" opening a sentence is a car.
      {"Car manufacturers with plants in the region have seen a surge in demand this year.", ""},
      {"Rebels in the CAR have seized the capital, the government said on Monday.",
       "Central African Republic/country"},
  });
}

TEST(ActorRules, APersonsNameOfAnOrganisationIsTwoActors) {
  run_table({
      // Given names the lexicon lacks: the words read as a person's name.
      {"Prices will fall further, said Orla Kendrick of Brightwater Securities Inc.",
       "Brightwater Securities Inc/org; Orla Kendrick/person"},
      // A hyphenated firm is one word; a single name before "of" is a title's holder.
      {"Shares of Saab-Scania of America Inc rose on Monday after the results.",
       "Saab-Scania of America Inc/org"},
  });
}

TEST(ActorRules, AFirmOfTwoPartnersKeepsItsFirstName) {
  // "Merrill | Lynch and Co Inc": the ordinary word before "and" stays with the name before
  // it, which is no known name nor a sentence's opening word; "and" and the legal forms
  // end the firm's name.
  run_table({
      {"Analysts at Harbottle Lynch and Co Inc disagreed.", "Harbottle Lynch and Co Inc/org"},
      {"He joined Quillford Lynch and Co Inc in May.", "Quillford Lynch and Co Inc/org"},
      // The founders' names may be written with a comma.
      {"Analysts at Quorvex, Blandt and Co said so.", "Quorvex, Blandt and Co/org"},
      // Not names that go on, nor a list of people.
      {"He met Dunmore Quill, Abel Brankford and others.",
       "Abel Brankford/person; Dunmore Quill/person"},
  });
  // The firm goes by its first founder's name in the article.
  ActorExtractor extractor(builtin_lexicon());
  const auto firm = extractor.extract(
      "", "Brankmoor Tisdale and Co Inc advised the bank. Brankmoor declined to comment.");
  ASSERT_EQ(firm.size(), 1u) << names_and_types(firm);
  EXPECT_EQ(firm[0].forms, (std::vector<std::string>{"Brankmoor", "Brankmoor Tisdale and Co Inc"}));
}

TEST(ActorRules, AStockSymbolIsAFormOfTheFirmBeforeIt) {
  ActorExtractor extractor(builtin_lexicon());
  const auto firm = extractor.extract("", "Harbow Corp <HBW> rose. Harbow Corp said <ZZQ> fell.");
  ASSERT_EQ(firm.size(), 1u) << names_and_types(firm);
  EXPECT_EQ(firm[0].forms, (std::vector<std::string>{"Harbow Corp", "HBW"}));
}

TEST(ActorRules, APairWrittenInsideSentencesKeepsItsOpeningWordAtASentenceStart) {
  // "Summit" opening a sentence is an ordinary word before a known city, unless the
  // article writes "Summit Brisbane" inside a sentence too ("Morgan Stanley").
  ActorExtractor extractor(builtin_lexicon());
  const auto alone = extractor.extract("", "Summit Brisbane said on Monday it would advise.");
  EXPECT_EQ(names_and_types(alone), "Brisbane/place");
  const auto both = extractor.extract(
      "", "Summit Brisbane said on Monday it would advise. Analysts at Summit Brisbane agreed.");
  ASSERT_EQ(both.size(), 1u) << names_and_types(both);
  EXPECT_EQ(both[0].name, "Summit Brisbane");
  EXPECT_EQ(both[0].mentions, 2u);
}

TEST(ActorRules, TournamentsAreNoActors) {
  run_table({
      {"Wales won the Grand Slam on Saturday.", "Wales/country"},
      {"England lost their Six Nations match to Ireland.", "England/country; Ireland/country"},
      {"The Tri Nations starts in July in Auckland.", "Auckland/place"},
      // A number word before an organisation head is a name: "Seven Network".
      {"The Seven Network said ratings rose.", "Seven Network/org"},
      // A sponsor before the number; the plural of an event head.
      {"Wales stay unbeaten after two rounds of this year's RBS Six Nations, level with "
       "Ireland. He is the first man since Mats Wilmot to win three Grand Slams in one season.",
       "Ireland/country; Mats Wilmot/person; Wales/country"},
  });
}

TEST(ActorRules, AWordOpeningARowOfFiguresLabelsIt) {
  // Sides in a league table, English words among them ("Bury", "Reading").
  run_table({
      {"Division two\nHarbottle 4 3 1 0 10 6 10\nBury 4 3 1 0 8 2 10\nReading 4 2 1 1 7 5 7",
       "Bury/org; Harbottle/org; Reading/org"},
  });
}

TEST(ActorRules, ForJoinsAnOrganisationAndItsPurpose) {
  run_table({
      // "for" joins an organisation head and its purpose, then "and" and "in" go on.
      {"Growth slowed, the Organisation for Economic Cooperation and Development said.",
       "Organisation for Economic Cooperation and Development/org"},
      {"Voting was put off, the Organisation for Security and Cooperation in Europe said.",
       "Organisation for Security and Cooperation in Europe/org"},
      {"The Institute for Fiscal Studies said taxes would rise.",
       "Institute for Fiscal Studies/org"},
      // Not after a word that is no organisation head, nor "and" before any "for".
      {"Police searched for Carlos Mendoza and Maria Lopez.",
       "Carlos Mendoza/person; Maria Lopez/person"},
  });
}

TEST(LearnedModel, NamesShapedLikeAPersonsAreNoPlaces) {
  // "of X in Caracas" looked like a place's context to the model.
  run_table({
      {"They marked the end of the dictatorship of Marcos Perez Jimenez in Caracas.",
       "Caracas/place; Marcos Perez Jimenez/person"},
  });
}

TEST(ActorRules, OfJoinsTwoActorsOrOneOrganisation) {
  run_table({
      {"Analyst Joel Brankford of Harlow Brothers Inc said so.",
       "Harlow Brothers Inc/org; Joel Brankford/person"},
      {"The club Kirovsk of Ukraine won.", "Kirovsk/org; Ukraine/country"},
      {"He met the Bank of Lisbon board.", "Bank of Lisbon/org"},
      {"Secretary of State Mike Ponterra arrived.", "Mike Ponterra/person"},
      // A legal form ends a company's name: what follows "of" is another actor.
      {"It bought Harlow Brothers Inc of Kirovsk last year.",
       "Harlow Brothers Inc/org; Kirovsk/place"},
      // A sea, gulf or strait named after a country is one place, not the country.
      {"Storms shut rigs in the Gulf of Mexico.", "Gulf of Mexico/place"},
      {"Tankers sailed through the Straits of Hormuz.", "Straits of Hormuz/place"},
      {"The Sea of Japan froze and Japan shivered.", "Japan/country; Sea of Japan/place"},
  });
}

TEST(ActorRules, ACompanyNamedAfterItsOwnerKeepsThePossessive) {
  run_table({
      {"Analysts at Brankford's Investors Service Inc cut the rating.",
       "Brankford's Investors Service Inc/org"},
      // Only a one-word owner: "Lidia Brankford's" is a person's.
      {"She said Lidia Brankford's Investors Service Inc cut the rating.",
       "Investors Service Inc/org; Lidia Brankford/person"},
      // A known name owns it: two actors.
      {"Analysts at Britain's Harlow Brothers Inc said so.",
       "Harlow Brothers Inc/org; United Kingdom/country"},
  });
}

TEST(ActorRules, UsStatesByTheirNewsAbbreviations) {
  run_table({
      {"The company is based in Palo Alto, Calif., and in Tampa, Fla.",
       "California/place; Florida/place; Palo Alto/place; Tampa/place"},
  });
}

TEST(ActorRules, RolesAroundNamesAreNotNames) {
  run_table({
      {"The question came from Margaret Holloway MP yesterday.", "Margaret Holloway/person"},
      {"The Industry Secretary spoke, and so did the Foreign Minister.", ""},
      {"Later Democrat Walter Ferrby agreed.", "Walter Ferrby/person"},
  });
}

TEST(ActorRules, TitlesOfWorksAndDescriptionsAreNoActors) {
  run_table({
      // A capitalised "The" inside a sentence names a work or a band, never a person.
      {"Fans watched The Dukes of Harrowgate and The Vantwells again.", "Vantwells/org"},
      // A capitalised preposition or article between capitalised words: a work's title.
      {"He starred in Nightmare On Vantwell Street and Gone With The Harlow.", ""},
      // Not a hyphenated firm, a title's own word, nor a sentence's unseen end.
      {"Shares of Hire-A-Vantwell Inc rose.", "Vantwell Inc/org"},
      {"He met Agriculture Under Secretary Daniel Vantwell.", "Daniel Vantwell/person"},
      {"Talks with the U.S. If Vantrobia agrees, tariffs go.",
       "United States/country; Vantrobia/place"},
      // Demonyms before a common noun in capitals describe it; a channel keeps its name.
      {"British TV and German GDP grew, said Vantwell TV.", "Vantwell TV/org"},
      // A title that only stands before a name ends no name, and qualifiers before it
      // name nobody; a surname that is such a title stays whole.
      {"Ratings for Celebrity Big Brother fell, the Crown Prince said.", ""},
      {"Governor Mervyn King and Stephen Bishop spoke.",
       "Mervyn King/person; Stephen Bishop/person"},
  });
}

TEST(ActorRules, NamesAcrossHyphensInitialsAndLists) {
  run_table({
      {"The bowler Ata-ur-Rashid took four wickets.", "Ata-ur-Rashid/person"},
      {"Scores: England 292 (N. Knightly 113; A. Hollowell 4-23)",
       "A. Hollowell/person; England/country; N. Knightly/person"},
      {"Mike Hulbertson, Brian Hennesy, Steve Jurgensen,",
       "Brian Hennesy/person; Mike Hulbertson/person; Steve Jurgensen/person"},
      {"Glenn Somerfield\nThe figures were revised on Friday.", "Glenn Somerfield/person"},
      // A sentence-initial ordinary word before an unusual one is a given name.
      {"1. Frank Busemeyer (Germany) 8,300 points", "Frank Busemeyer/person; Germany/country"},
      {"New York Energy Desk reported it.", "New York Energy Desk/org"},
  });
}

TEST(ActorRules, LongTitleCasePhrasesOnlyConfirmKnownNames) {
  run_table({
      {"He joined the Federal Air Traffic Safety Review Board Appeals Panel of Peru.",
       "Peru/country"},
  });
  // A pathological line of capitals: no crash, no junk, linear time.
  std::string shouting;
  for (int i = 0; i < 20000; ++i) shouting += "Of The Great Zorbla ";
  ActorExtractor extractor(builtin_lexicon());
  EXPECT_EQ(names_and_types(extractor.extract("", "He said " + shouting + "today.")), "");
}

TEST(ActorRules, HeadlinesOnlyConfirmNamesFromTheBody) {
  ActorExtractor extractor(builtin_lexicon());
  // Title-Case words prove nothing: only names also found in the body (or known countries).
  const auto actors =
      extractor.extract("Harsh Winter Hits Farmers As Kostrova Visits Peru",
                        "Agriculture minister Lidia Kostrova toured the region on Tuesday.");
  EXPECT_EQ(names_and_types(actors), "Lidia Kostrova/person; Peru/country");
  EXPECT_EQ(find_actor(actors, "Lidia Kostrova")->mentions, 2);
  // ALL-CAPS headline: "US" in capitals is the country.
  EXPECT_EQ(names_and_types(extractor.extract("US SANCTIONS BITE", "Exports fell.")),
            "United States/country");
  EXPECT_EQ(names_and_types(extractor.extract("Tell Us What You Think", "Write to the editor.")),
            "");
}

TEST(ActorRules, DatelinesNamePlaces) {
  run_table({
      // A city that is also an English word ("paris", "warsaw") counts in a dateline.
      {"PARIS 1996-08-31\nThe cabinet met on Saturday.", "PARIS/place"},
      {"WARSAW 1996-08-30\nThe cabinet met on Friday.", "Warsaw/place"},
      // An unknown place: before a year ending the line, or a comma and a known region.
      {"MONTE CARLO 1996-08-30\nThe race was run.", "MONTE CARLO/place"},
      {"LA CORUNA, Spain 1996-08-31\nThe match was drawn.", "LA CORUNA/place; Spain/country"},
      {"WARSAW, March 3 - The cabinet met.", "Warsaw/place"},
      // Not table rows or notes: no year ending the line, no known region.
      {"Revs 93.4 mln vs 98.7 mln\nNOTE: Dividend payable April 1, 1987.", ""},
      {"LONDON DOLLAR FLUCTUATIONS 1100 - APRIL 7\nSPOT 1.5 vs 1.6", "London/place"},
      // Far from the top, capitals open a table row, not a dateline.
      {"A.\nB.\nC.\nD.\nREADING 1996 points", ""},
  });
}

TEST(ActorRules, AWordInParenthesesAfterADatelineIsTheAgency) {
  run_table({
      {"NAJAF, Iraq (Reuters) - Fighters held the shrine.",
       "Iraq/country; NAJAF/place; Reuters/org"},
      {"CHICAGO (Reuters) - Airlines agreed.", "CHICAGO/place; Reuters/org"},
      {"KIROVSK (Zorblatt) - Prices rose.", "KIROVSK/place; Zorblatt/org"},
      // Any capitalised place or date before it, a name of several words, any dash.
      {"Kirovsk, TN (Zorblatt Wire) - Prices rose.", "Kirovsk/place; Zorblatt Wire/org"},
      {"KIROVSK (Dow Zorblatt)--Prices rose.", "Dow Zorblatt/org; KIROVSK/place"},
      {"OCTOBER 18, 2004 (ZORBLATT) - Prices rose.", "ZORBLATT/org"},
      // A firm's name and its symbol in a list of filings are no dateline.
      {"Filings:\nZorblatt Inc (ZBT) - Offering of shares.", "ZBT/org; Zorblatt Inc/org"},
      // Not a name in parentheses inside the story, nor one no dash follows.
      {"Prices rose.\nThe minister (Zorblatt) spoke.", "Zorblatt/person"},
      {"KIROVSK - The minister (Zorblatt Vasik) spoke.", "KIROVSK/place; Zorblatt Vasik/person"},
  });
}

TEST(ActorRules, ANameOnALineOfItsOwnIsAByline) {
  run_table({
      {"Larisa Sayenko\nMINSK 1996-08-30\nThe president spoke.",
       "Larisa Sayenko/person; Minsk/place"},
      {"David Jones\nMILAN 1996-08-30\nPrices rose.", "David Jones/person; MILAN/place"},
      // Not English words without a given name, known names, heads or titles.
      {"Most Popular\nPrices rose.", ""},
      {"Sky News\nPrices rose.", ""},
      {"Downing Street\nPrices rose.", ""},
      {"Prime Minister\nPrices rose.", ""},
      // Not four words.
      {"Kostrova Ivanova Petrova Smirnova\nPrices rose.", ""},
  });
}

TEST(ActorRules, AnInitialAndASurnameInAScorecardAreAPerson) {
  ActorExtractor extractor(builtin_lexicon());
  // Short lines with no lower-case word of four letters are headline lines, where capitals
  // prove nothing; an initial and a surname still name a person there.
  EXPECT_EQ(
      names_and_types(extractor.extract("", "M. Slaterby run out 9\nJ. Kroslakov not out 46")),
      "J. Kroslakov/person; M. Slaterby/person");
  // Not an initial before a known name or a title.
  EXPECT_EQ(names_and_types(extractor.extract("", "A. Peru won")), "Peru/country");
}

TEST(ActorRules, ShortReferencesResolveToTheFullName) {
  ActorExtractor extractor(builtin_lexicon());
  const auto actors = extractor.extract(
      "",
      "Opposition leader Juan Guaidó spoke first. Later Guaido's allies cheered, and "
      "Nicolas Maduro replied. Maduro's ministers left. \"No,\" Maduro said.");
  ASSERT_EQ(names_and_types(actors), "Nicolas Maduro/person; Juan Guaidó/person");
  const Actor& maduro = actors[0];
  EXPECT_EQ(maduro.key, "nicolas maduro");
  EXPECT_EQ(maduro.mentions, 3);
  EXPECT_EQ(maduro.forms, (std::vector<std::string>{"Maduro", "Nicolas Maduro"}));
  EXPECT_EQ(actors[1].key, "juan guaido");
  EXPECT_EQ(actors[1].mentions, 2);
}

TEST(ActorRules, DisplayNamePrefersDiacritics) {
  ActorExtractor extractor(builtin_lexicon());
  const auto actors = extractor.extract(
      "", "The envoy Nicolas Maduro arrived. Later Nicolás Maduro left. Nicolas Maduro spoke.");
  ASSERT_EQ(actors.size(), 1u);
  EXPECT_EQ(actors[0].name, "Nicolás Maduro");
  EXPECT_EQ(actors[0].key, "nicolas maduro");
  EXPECT_EQ(actors[0].mentions, 3);
}

TEST(ActorRules, EmptyAndTitleOnlyArticles) {
  ActorExtractor extractor(builtin_lexicon());
  EXPECT_TRUE(extractor.extract("", "").empty());
  EXPECT_EQ(names_and_types(extractor.extract("Peru Votes", "")), "Peru/country");
  EXPECT_TRUE(extractor.extract("", "\n\n   \n").empty());
}

TEST(ActorRules, SortedByMentionsThenName) {
  ActorExtractor extractor(builtin_lexicon());
  EXPECT_EQ(names_and_types(extractor.extract(
                "", "Chile and Peru met. Peru and Brazil met. Peru and Chile agreed.")),
            "Peru/country; Chile/country; Brazil/country");
}

class UserDictionary : public ::testing::Test {
 protected:
  std::string write(const std::string& text) {
    path_ = std::filesystem::temp_directory_path() /
            ("dossier_actors_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".tsv");
    std::ofstream(path_) << text;
    return path_.string();
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::filesystem::path path_;
};

TEST_F(UserDictionary, AddsMergesAndSuppresses) {
  ActorLexicon lexicon = ActorLexicon::builtin();
  lexicon.load_user_dictionary(
      write("# canonical<TAB>type<TAB>aliases\n"
            "Acme Widgets\torg\tAcmeCo\tthe Widget Makers\n"
            "Holland\tcountry\tOranje\n"
            "Dynamo Lisbon\torg\n"
            "\n"
            "Zorblax Quentin\tignore\n"));
  run_table({{"Profits at AcmeCo rose.", "Acme Widgets/org"},
             {"Fans of Oranje cheered for Holland.", "Holland/country"},
             {"The critic Zorblax Quentin wrote again.", ""},
             // The dictionary wins over the learned model, which calls this one a place.
             {"Fans of Dynamo Lisbon cheered.", "Dynamo Lisbon/org"}},
            lexicon);
}

TEST_F(UserDictionary, RejectsBadLinesWithPathAndLine) {
  ActorLexicon lexicon = ActorLexicon::builtin();
  const std::string path = write("Good Name\tperson\nBad Name\twizard\n");
  try {
    lexicon.load_user_dictionary(path);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()).rfind(path + ":2: unknown type 'wizard'", 0), 0u) << e.what();
  }
  EXPECT_THROW(lexicon.load_user_dictionary(write("Only a name\n")), std::runtime_error);
  EXPECT_THROW(lexicon.load_user_dictionary("/nonexistent/actors.tsv"), std::runtime_error);
}

// The bundled sample articles: title "" and the whole file as body.
std::vector<Actor> corpus_actors(const std::string& file) {
  std::ifstream in(std::string(DOSSIER_SOURCE_DIR) + "/corpus/" + file);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_FALSE(text.str().empty()) << file;
  ActorExtractor extractor(builtin_lexicon());
  return extractor.extract("", text.str());
}

bool names_any(const std::vector<Actor>& actors, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (find_actor(actors, n) != nullptr) return true;
  return false;
}

TEST(ActorCorpus, VenezuelaRussiaArticle) {
  const auto actors = corpus_actors("000_294354c3b5f7a554.txt");
  EXPECT_TRUE(names_any(actors, {"Juan Guaidó", "Juan Guaido"})) << names_and_types(actors);
  EXPECT_TRUE(names_any(actors, {"Nicolás Maduro", "Nicolas Maduro"}));
  EXPECT_TRUE(has_actor(actors, "Aleksander Shchetinin", ActorType::Person));
  for (const char* country : {"United States", "Russia", "Venezuela", "China"})
    EXPECT_TRUE(has_actor(actors, country, ActorType::Country)) << country;
}

TEST(ActorCorpus, ArreazaArticle) {
  const auto actors = corpus_actors("001_4132258e9ace6acd.txt");
  for (const char* person : {"Jorge Arreaza", "Dmitry Peskov", "Vladimir Zaemsky"})
    EXPECT_TRUE(has_actor(actors, person, ActorType::Person)) << person;
  EXPECT_TRUE(has_actor(actors, "Reuters", ActorType::Org)) << names_and_types(actors);
  for (const char* country : {"France", "Germany", "Spain", "Netherlands", "United Kingdom"})
    EXPECT_TRUE(has_actor(actors, country, ActorType::Country)) << country;
}

TEST(ActorCorpus, NoBoilerplateActors) {
  for (const auto& entry : std::filesystem::directory_iterator(DOSSIER_SOURCE_DIR "/corpus")) {
    const auto actors = corpus_actors(entry.path().filename().string());
    EXPECT_FALSE(actors.empty()) << entry.path();
    for (const Actor& a : actors) {
      EXPECT_NE(a.key, "read more") << entry.path();
      EXPECT_NE(a.key, "world") << entry.path();
      EXPECT_NE(a.key, "newsfeed") << entry.path();
      EXPECT_GT(a.mentions, 0);
      EXPECT_FALSE(a.forms.empty());
    }
  }
}

}  // namespace
}  // namespace dossier
