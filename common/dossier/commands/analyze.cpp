#include "dossier/commands/analyze.h"

#include <cmath>

#include "dossier/index/indexer.h"
#include "dossier/input/input_article.h"
#include "dossier/input/input_source.h"
#include "dossier/input/source_file.h"

namespace dossier {

nlohmann::ordered_json analysis_to_json(const Article& article, const ArticleFacts& facts) {
  nlohmann::ordered_json actors = nlohmann::ordered_json::array();
  for (const auto& a : facts.actors) {
    actors.push_back({{"name", a.name},
                      {"type", to_string(a.type)},
                      {"mentions", a.mentions},
                      {"forms", a.forms},
                      {"confidence", std::round(a.confidence * 1000) / 1000}});
  }
  nlohmann::ordered_json mentioned = nlohmann::ordered_json::array();
  for (const auto& d : facts.mentioned) mentioned.push_back(d.iso());
  nlohmann::ordered_json j;
  j["id"] = article.id;
  j["title"] = article.title;
  j["date"] =
      facts.date ? nlohmann::ordered_json(facts.date->date.iso()) : nlohmann::ordered_json(nullptr);
  j["date_source"] = facts.date ? nlohmann::ordered_json(to_string(facts.date->source))
                                : nlohmann::ordered_json(nullptr);
  j["dates_mentioned"] = std::move(mentioned);
  if (!article.source.empty()) j["source"] = article.source;
  if (!article.url.empty()) j["url"] = article.url;
  j["actors"] = std::move(actors);
  return j;
}

}  // namespace dossier

namespace dossier {

std::size_t analyze_corpus(const IndexOptions& options, std::ostream& out,
                           const ProblemSink& problem) {
  std::size_t failed = 0;
  const ProblemSink count_problem = [&](const std::string& path, const std::string& reason) {
    ++failed;
    problem(path, reason);
  };
  const ActorLexicon lexicon = load_lexicon(options.actors_file);
  ArticleAnalyzer analyzer(lexicon, options.extraction);
  std::string bytes;
  // The same listing, reading and conversion as indexing into a new database (settings
  // hash unused here).
  for (auto& source : open_input_sources(options.inputs, schema::IdScheme::kFolder, 0,
                                         count_problem, problem, options.csv_columns)) {
    for (InputItem item; source->next(item);) {
      Article article;
      if (item.record) {
        article = article_from_record(*item.record);
      } else if (const auto why = read_source_file(item.file, options.max_file_size, bytes)) {
        count_problem(item.origin, *why);
        continue;
      } else {
        article = article_from_file(item, bytes);
      }
      out << analysis_to_json(article, analyzer.analyse(article)).dump() << "\n";
    }
  }
  return failed;
}

}  // namespace dossier
