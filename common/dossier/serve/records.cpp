#include "dossier/serve/records.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "dossier/output/printers_batch.h"
#include "dossier/schema/document_data.h"
#include "dossier/schema/schema.h"
#include "dossier/text/analyzer.h"

namespace dossier {
namespace {

using ojson = nlohmann::ordered_json;

ojson database_json(const Searcher& searcher) {
  return database_header_json(searcher.database(), searcher.revision())["database"];
}

ojson string_or_null(const std::string& s) {
  return s.empty() ? ojson(nullptr) : ojson(s);
}

// The spellings the corpus used for an actor's identity, with their votes (schema.h, XAN
// terms): for each of its ids, the written-out ones and the key's implied name for the
// id's other articles ("EU" and "European Union" for the European Union).
ojson aliases_json(const Xapian::Database& db, const std::vector<std::string_view>& member_ids) {
  std::map<std::string, Xapian::doccount> votes;
  for (const std::string_view id : member_ids) {
    const std::string prefix = schema::actor_names_prefix(id);
    Xapian::doccount written = 0;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      votes[std::string(schema::parse_actor_name_term(*t)->name)] += t.get_termfreq();
      written += t.get_termfreq();
    }
    const Xapian::doccount articles = db.get_termfreq(schema::actor_term(id));
    if (articles > written)
      votes[schema::implied_actor_name(ActorDirectory::split_id(id).second)] += articles - written;
  }
  std::vector<std::pair<std::string, Xapian::doccount>> spellings(votes.begin(), votes.end());
  std::stable_sort(spellings.begin(), spellings.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  ojson list = ojson::array();
  for (const auto& [name, count] : spellings) list.push_back({{"name", name}, {"articles", count}});
  return list;
}

// What one pass over an actor's articles counts.
struct ActorArticles {
  std::map<std::string, Xapian::doccount> per_day;  // "YYYYMMDD" -> articles
  Xapian::doccount undated = 0;
  std::vector<std::pair<std::string, Xapian::docid>> dated;  // (date, docid), for "recent"
};

// The dates of an actor's articles (ActorDirectory::docids_of: every article naming one
// of its identity's ids, each once).
ActorArticles read_actor_articles(const Xapian::Database& db,
                                  const std::vector<Xapian::docid>& docids) {
  ActorArticles out;
  for (const Xapian::docid docid : docids) {
    const std::string date = db.get_document(docid).get_value(schema::kSlotDate);
    if (date.empty()) {
      ++out.undated;
    } else {
      ++out.per_day[date];
    }
    out.dated.emplace_back(date, docid);
  }
  return out;
}

// The actors named beside it in every article, by `--facets co-actors`' code (one code
// path: the profile and the facet give the same counts), its `count` as "articles".
ojson co_actors_json(Searcher& searcher, std::string_view actor_id, std::size_t size) {
  SearchRequest every_article;
  every_article.facet_size = size;
  ojson list = ojson::array();
  for (const CoActorCount& a : searcher.co_actors_of(actor_id, every_article))
    list.push_back({{"id", a.id}, {"name", a.name}, {"type", a.type}, {"articles", a.count}});
  return list;
}

// The most recent articles first (undated last), ties by docid.
ojson recent_json(Searcher& searcher, ActorArticles& articles, std::size_t size) {
  const Xapian::Database& db = searcher.database();
  auto& dated = articles.dated;
  const auto newer = [](const auto& a, const auto& b) {
    if (a.first.empty() != b.first.empty()) return b.first.empty();
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  const std::size_t shown = std::min(size, dated.size());
  std::partial_sort(dated.begin(), dated.begin() + static_cast<std::ptrdiff_t>(shown), dated.end(),
                    newer);
  ojson list = ojson::array();
  for (std::size_t i = 0; i < shown; ++i) {
    const DocumentData data =
        DocumentData::unserialise(searcher.records().read(db.get_document(dated[i].second)), 0);
    list.push_back({{"id", data.id}, {"title", data.title}, {"date", string_or_null(data.date)}});
  }
  return list;
}

ojson buckets_json(const std::vector<BucketCount>& buckets) {
  ojson out = ojson::array();
  for (const auto& b : buckets) out.push_back({{"bucket", b.bucket}, {"count", b.count}});
  return out;
}

}  // namespace

std::optional<ojson> actor_profile_json(Searcher& searcher, std::string_view requested_id,
                                        const ActorProfileOptions& options) {
  const Xapian::Database& db = searcher.database();
  // The search results show actors by display name and type, and the page links them so
  // ("person:Nicolás Maduro"), or by id.
  const auto known_id = searcher.actors().typed_actor_id(requested_id);
  if (!known_id) return std::nullopt;
  // The identity's profile: an id merged into another ("org:eu") shows its canonical actor.
  const ActorIdentity& identity = searcher.actors().identity();
  const std::string actor_id(identity.canonical(*known_id));
  const std::vector<std::string_view> member_ids = identity.members(actor_id);
  ActorArticles read = read_actor_articles(db, searcher.actors().docids_of(actor_id));
  const auto articles = static_cast<Xapian::doccount>(read.dated.size());
  const DateHistogram histogram = date_histogram(read.per_day, options.granularity);
  return ojson{{"database", database_json(searcher)},
               {"actor",
                {{"id", actor_id},
                 {"name", searcher.actors().display_name(actor_id)},
                 {"type", std::string(ActorDirectory::split_id(actor_id).first)},
                 {"articles", articles},
                 {"aliases", aliases_json(db, member_ids)},
                 {"timeline",
                  {{"granularity", granularity_name(histogram.granularity)},
                   {"buckets", buckets_json(histogram.buckets)},
                   {"coarse", buckets_json(histogram.coarse)},
                   {"undated", read.undated}}},
                 {"co_actors", co_actors_json(searcher, actor_id, options.co_actors)},
                 {"recent", recent_json(searcher, read, options.articles)}}}};
}

}  // namespace dossier
