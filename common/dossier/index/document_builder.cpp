#include "dossier/index/document_builder.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "dossier/base/hash.h"
#include "dossier/dedup/signature.h"
#include "dossier/extract/acronym_definitions.h"
#include "dossier/schema/document_data.h"
#include "dossier/schema/schema.h"
#include "dossier/text/analyzer.h"

namespace dossier {
namespace {

// Adds the words of one field: exact terms with positions under `prefix`, and stemmed
// terms (wdf only) under "Z" + prefix, the way Xapian's QueryParser looks for them.
// Returns the last position used. Words repeat within an article, so each distinct word
// is stemmed and added as a stem once, with its count (Snowball and Xapian's per-document
// term map both cost per call); the document is the same as with a call per occurrence.
Xapian::termpos add_field(Xapian::Document& doc, const std::vector<Token>& tokens,
                          const std::string& prefix, Xapian::termpos pos, Xapian::termcount wdf,
                          Analyzer& analyzer) {
  std::string term = prefix;
  // Distinct stemmable words with their counts, found through an open-addressing table of
  // indexes into `distinct` (sorting the words to group them cost more: docs/BENCHMARKS.md).
  std::vector<std::pair<std::string_view, Xapian::termcount>> distinct;
  std::vector<std::uint32_t> table(std::bit_ceil(2 * tokens.size() + 2), 0);  // 0: empty
  const std::size_t mask = table.size() - 1;
  for (const auto& t : tokens) {
    term.resize(prefix.size());
    term += t.term;
    doc.add_posting(term, ++pos, wdf);
    if (!Analyzer::should_stem(t.term)) continue;
    std::size_t slot = fnv1a64(t.term) & mask;
    while (table[slot] != 0 && distinct[table[slot] - 1].first != t.term) slot = (slot + 1) & mask;
    if (table[slot] == 0) {
      distinct.emplace_back(t.term, 0);
      table[slot] = static_cast<std::uint32_t>(distinct.size());
    }
    ++distinct[table[slot] - 1].second;
  }
  term = std::string(schema::kStemPrefix) + prefix;
  const std::size_t stem_prefix_size = term.size();
  for (const auto& [word, count] : distinct) {
    term.resize(stem_prefix_size);
    term += analyzer.stem(word);
    doc.add_term(term, wdf * count);
  }
  return pos;
}

void add_filter_term(Xapian::Document& doc, const std::string& term) {
  if (term.size() <= schema::kMaxTermBytes) doc.add_boolean_term(term);
}

// An alias term for every folded form of each actor that is not its key (the key is
// found through the id term), and for every acronym the article defines for it.
void add_actor_aliases(Xapian::Document& doc, const std::vector<Actor>& actors,
                       std::string_view text, Analyzer& analyzer) {
  const auto add_alias = [&](std::string_view spelling, const Actor& a) {
    const std::string folded = fold_phrase(spelling, analyzer);
    if (!folded.empty() && folded != a.key)
      add_filter_term(doc,
                      schema::actor_alias_term(folded, schema::actor_id(to_string(a.type), a.key)));
  };
  for (const auto& a : actors) {
    for (const auto& form : a.forms) add_alias(form, a);
  }
  for (const auto& definition : acronym_definitions(text, actors))
    add_alias(definition.acronym, actors[definition.actor]);
}

void add_actors(Xapian::Document& doc, const std::vector<Actor>& actors, Analyzer& analyzer,
                DocumentData& data) {
  std::string slot;
  for (const auto& a : actors) {
    const std::string id = schema::actor_id(to_string(a.type), a.key);
    add_filter_term(doc, schema::actor_term(id));
    if (a.name != schema::implied_actor_name(a.key))
      add_filter_term(doc, schema::actor_name_term(id, a.name));
    schema::append_actor_code(slot, schema::actor_code(id));
    data.actors.push_back({id, a.name, std::string(to_string(a.type)), a.mentions});
  }
  add_actor_aliases(doc, actors, data.text, analyzer);
  if (!slot.empty()) doc.add_value(schema::kSlotActors, slot);
}

void add_dates(Xapian::Document& doc, const ArticleFacts& facts, DocumentData& data) {
  if (facts.date) {
    // A coarse date keeps its precision: it matches every range that overlaps it.
    const Date& date = facts.date->date;
    doc.add_value(schema::kSlotDate, schema::date_value(date));
    if (const std::string last = schema::date_last_value(date); !last.empty())
      doc.add_value(schema::kSlotDateLast, last);
    data.date = facts.date->date.iso();
    data.date_source = std::string(to_string(facts.date->source));
  } else {
    doc.add_boolean_term(schema::kUndatedTerm);
  }
  for (const auto& d : facts.mentioned) {
    if (d.precision == DatePrecision::Year) continue;
    const std::string ymd = d.yyyymmdd();
    if (d.precision == DatePrecision::Day) doc.add_boolean_term(schema::kMentionedPrefix + ymd);
    doc.add_boolean_term(schema::kMentionedPrefix + ymd.substr(0, 6));
    data.dates_mentioned.push_back(d.iso());
  }
}

void add_source(Xapian::Document& doc, const std::string& source, Analyzer& analyzer,
                DocumentData& data) {
  if (source.empty()) return;
  const std::string folded = fold_phrase(source, analyzer);
  if (folded.empty()) return;
  add_filter_term(doc, schema::kSourcePrefix + folded);
  doc.add_value(schema::kSlotSource, source);
  data.source = source;
}

// The near-duplicate signature of the cleaned body (dedup/).
void add_signature(Xapian::Document& doc, const std::vector<Token>& body) {
  const auto signature = dedup::signature_of(body);
  if (!signature) return;
  doc.add_value(schema::kSlotSignature, dedup::encode(*signature));
}

}  // namespace

void add_folder(Xapian::Document& doc, const std::string& folder, Analyzer& analyzer) {
  if (folder.empty()) return;
  const std::string folded = fold_phrase(folder, analyzer);
  if (folded.empty()) return;
  add_filter_term(doc, schema::kFolderPrefix + folded);
  doc.add_value(schema::kSlotFolder, folder);
}

Xapian::Document build_document(const Article& article, const ArticleWords& words,
                                const ArticleFacts& facts, Analyzer& analyzer,
                                schema::RecordCodec& records) {
  Xapian::Document doc;
  const auto& title_tokens = words.title;
  const auto& body_tokens = words.body;

  add_field(doc, title_tokens, schema::kTitlePrefix, 0, 1, analyzer);
  Xapian::termpos pos = add_field(doc, title_tokens, "", 0, schema::kTitleWeight, analyzer);
  add_field(doc, body_tokens, "", pos + schema::kFieldPositionGap, 1, analyzer);

  DocumentData data{article.id, article.title, article.body, {}, {}, {}, {}, article.url, {}};
  add_actors(doc, facts.actors, analyzer, data);
  add_dates(doc, facts, data);
  add_source(doc, article.source, analyzer, data);
  add_signature(doc, body_tokens);

  doc.add_boolean_term(schema::id_term(article.id));
  doc.add_value(schema::kSlotIdOrder, schema::id_order_value(article.id));
  records.store(doc, data.serialise());
  return doc;
}

}  // namespace dossier
