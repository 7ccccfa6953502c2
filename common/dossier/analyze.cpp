#include "dossier/analyze.h"

#include "dossier/article_source.h"

namespace dossier {

nlohmann::ordered_json analyze_article(const Article& article) {
  return {{"id", article.id}, {"title", article.title}};
}

std::size_t analyze_inputs(const std::vector<std::string>& inputs, std::ostream& out,
                           const ProblemSink& problem) {
  std::size_t failed = 0;
  for (const auto& file : list_corpus_files(inputs, problem)) {
    std::string why;
    const auto article = load_article(file, why);
    if (!article) {
      problem(file.path.string(), why);
      ++failed;
      continue;
    }
    out << analyze_article(*article).dump() << "\n";
  }
  return failed;
}

}  // namespace dossier
