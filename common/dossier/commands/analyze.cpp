#include "dossier/commands/analyze.h"

#include "dossier/index/indexer.h"
#include "dossier/input/input_article.h"
#include "dossier/input/input_source.h"
#include "dossier/input/source_file.h"
#include "dossier/output/printers_analysis.h"

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
