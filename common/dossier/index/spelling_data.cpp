#include "dossier/index/spelling_data.h"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "dossier/schema/schema.h"
#include "dossier/text/ascii_words.h"

namespace dossier {
namespace {

bool has_digit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), is_ascii_digit);
}

// The words of a folded name ("mikhail khodorkovsky"), appended to `out`.
void add_name_words(std::string_view name, std::vector<std::string>& out) {
  for (std::size_t start = 0; start < name.size();) {
    std::size_t end = name.find(' ', start);
    if (end == std::string_view::npos) end = name.size();
    if (end > start) out.emplace_back(name.substr(start, end - start));
    start = end + 1;
  }
}

// The key of an actor id term ("XAperson:mikhail khodorkovsky"), or nothing for any other
// term.
std::string_view actor_key(std::string_view term) {
  const auto actor_id = schema::parse_actor_term(term);
  if (!actor_id) return {};
  const auto [type, key] = schema::split_actor_id(*actor_id);
  return type.empty() ? std::string_view() : key;
}

std::vector<std::string> spelling_words_of(Xapian::TermIterator term, Xapian::TermIterator end) {
  std::vector<std::string> words, names;
  for (; term != end; ++term) {
    const std::string t = *term;
    if (t.empty()) continue;
    if (!is_ascii_upper(t[0])) {
      words.push_back(t);  // the termlist is sorted: so are the words
    } else if (const auto alias = schema::parse_actor_alias_term(t)) {
      add_name_words(alias->form, names);
    } else {
      add_name_words(actor_key(t), names);
    }
  }
  std::sort(names.begin(), names.end());
  std::vector<std::string> all;
  all.reserve(words.size() + names.size());
  std::set_union(std::make_move_iterator(words.begin()), std::make_move_iterator(words.end()),
                 std::make_move_iterator(names.begin()), std::make_move_iterator(names.end()),
                 std::back_inserter(all));
  all.erase(std::unique(all.begin(), all.end()), all.end());
  std::erase_if(all, [](const std::string& w) { return has_digit(w); });
  return all;
}

std::vector<std::string> stored_spelling_words(const Xapian::WritableDatabase& db,
                                               Xapian::docid did) {
  return spelling_words_of(db.termlist_begin(did), db.termlist_end(did));
}

}  // namespace

std::vector<std::string> spelling_words(const Xapian::Document& doc) {
  return spelling_words_of(doc.termlist_begin(), doc.termlist_end());
}

void remove_spelling_words(Xapian::WritableDatabase& db, Xapian::docid did) {
  for (const auto& word : stored_spelling_words(db, did)) db.remove_spelling(word);
}

void settle_spelling_data(Xapian::WritableDatabase& db) {
  const std::string state = db.get_metadata(schema::kSpellingKey);
  if (state == schema::kSpellingVersion) return;
  // Recount: every document's words against what the table holds (empty for a database
  // from before spelling data; anything between the two after an unfinished run).
  SpellingChanges changes;
  for (auto doc = db.postlist_begin(""); doc != db.postlist_end(""); ++doc)
    changes.add(stored_spelling_words(db, *doc));
  for (auto word = db.spellings_begin(); word != db.spellings_end(); ++word)
    changes.counted_already(*word, word.get_termfreq());
  changes.apply_to(db);
  db.set_metadata(schema::kSpellingKey, schema::kSpellingVersion);
}

void SpellingChanges::add(const std::vector<std::string>& words) {
  for (const auto& word : words) ++delta_[word];
}

void SpellingChanges::replace(const Xapian::WritableDatabase& db, Xapian::docid did,
                              const std::vector<std::string>& words) {
  const std::vector<std::string> old = stored_spelling_words(db, did);
  auto o = old.begin();
  auto n = words.begin();
  while (o != old.end() || n != words.end()) {
    if (n == words.end() || (o != old.end() && *o < *n)) {
      --delta_[*o++];
    } else if (o == old.end() || *n < *o) {
      ++delta_[*n++];
    } else {
      ++o;
      ++n;
    }
  }
}

void SpellingChanges::apply_to(Xapian::WritableDatabase& db) {
  for (const auto& [word, delta] : delta_) {
    if (delta > 0) db.add_spelling(word, static_cast<Xapian::termcount>(delta));
    if (delta < 0) db.remove_spelling(word, static_cast<Xapian::termcount>(-delta));
  }
  delta_.clear();
}

}  // namespace dossier
