// Lexicons generated at build time (scripts/gen_actor_data.py, countries.tsv) and compiled
// into the library, so binaries never depend on files in the source tree or /usr/share.
// Each list is folded keys, one per line, sorted bytewise.
#pragma once

#include <string_view>

namespace dossier::actor_data {

std::string_view persons();             // WordNet person instances ("abraham lincoln")
std::string_view places();              // WordNet locations and geographic instances
std::string_view orgs();                // WordNet proper group nouns ("nato", "united nations")
std::string_view given_names();         // first words of WordNet person names ("abraham")
std::string_view common_caps();         // capitalised common words ("monday", "christian")
std::string_view english_words();       // lower-case English words (wamerican-huge)
std::string_view adverbs();             // one-word WordNet adverbs ("later", "meanwhile")
std::string_view census_first_names();  // US census first names WordNet lacks ("brian")
std::string_view everyday_words();      // words SemCor tags often ("budget", "century")
std::string_view countries_tsv();       // common/dossier/extract/actors/countries.tsv, verbatim
std::string_view us_states_tsv();       // common/dossier/extract/actors/us_states.tsv, verbatim
std::string_view parties_tsv();         // common/dossier/extract/actors/parties.tsv, verbatim
std::string_view actor_model_tsv();     // actor_model.tsv (scripts/train_actor_model.py)

}  // namespace dossier::actor_data
