// dossier-extract-actors DIR...: prints the actors of every .txt article under DIR, one
// JSON object per line ({"id","title","actors":[{"name","type","mentions","forms",
// "confidence"}]}), and the throughput on stderr. An article file is a title line, a blank
// line, then the body. With --features it prints every candidate before the learned model,
// with the model's features ({"id","candidates":[{"name","type","forms","features"}]}):
// scripts/train_actor_model.py trains on that.
#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "dossier/base/utf8.h"
#include "dossier/extract/actors/extractor.h"

namespace {

struct Article {
  std::string id;
  std::string title;
  std::string body;
};

Article read_article(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = dossier::repair_utf8(buffer.str());
  Article article;
  article.id = path.stem().string();
  const std::size_t eol = text.find('\n');
  article.title = text.substr(0, eol);
  article.body = eol == std::string::npos ? std::string() : text.substr(eol + 1);
  return article;
}

nlohmann::json to_json(const Article& article, const std::vector<dossier::Actor>& actors) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& actor : actors) {
    list.push_back({{"name", actor.name},
                    {"key", actor.key},
                    {"type", std::string(dossier::to_string(actor.type))},
                    {"mentions", actor.mentions},
                    {"forms", actor.forms},
                    {"confidence", actor.confidence}});
  }
  return {{"id", article.id}, {"title", article.title}, {"actors", list}};
}

nlohmann::json to_json(const Article& article,
                       const std::vector<dossier::ActorCandidate>& candidates) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& candidate : candidates) {
    list.push_back({{"name", candidate.actor.name},
                    {"type", std::string(dossier::to_string(candidate.actor.type))},
                    {"forms", candidate.actor.forms},
                    {"features", candidate.features}});
  }
  return {{"id", article.id}, {"candidates", list}};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Print the actors of each .txt article (development tool)"};
  std::vector<std::string> dirs;
  std::string dictionary;
  bool quiet = false;
  bool features = false;
  app.add_option("dirs", dirs, "folders of .txt articles")->required();
  app.add_option("--dictionary", dictionary, "user actor dictionary (TSV)");
  app.add_flag("--quiet", quiet, "only print the timing");
  app.add_flag("--features", features,
               "print every candidate with the learned model's features (for training)");
  CLI11_PARSE(app, argc, argv);
  try {
    const auto load_start = std::chrono::steady_clock::now();
    dossier::ActorLexicon lexicon = dossier::ActorLexicon::builtin();
    if (!dictionary.empty()) lexicon.load_user_dictionary(dictionary);
    const auto load_end = std::chrono::steady_clock::now();

    std::vector<std::filesystem::path> files;
    for (const auto& dir : dirs)
      for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().extension() == ".txt")
          files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<Article> articles;
    std::size_t bytes = 0;
    for (const auto& file : files) {
      articles.push_back(read_article(file));
      bytes += articles.back().title.size() + articles.back().body.size();
    }

    dossier::ActorExtractor extractor(lexicon);
    if (features) {
      for (const auto& article : articles)
        std::cout << to_json(article, extractor.candidates(article.title, article.body)).dump()
                  << '\n';
      return 0;
    }
    std::vector<std::vector<dossier::Actor>> results;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& article : articles)
      results.push_back(extractor.extract(article.title, article.body));
    const auto end = std::chrono::steady_clock::now();
    if (!quiet)
      for (std::size_t i = 0; i < articles.size(); ++i)
        std::cout << to_json(articles[i], results[i]).dump() << '\n';

    const double load_ms = std::chrono::duration<double, std::milli>(load_end - load_start).count();
    const double seconds = std::chrono::duration<double>(end - start).count();
    std::cerr << "lexicon: " << lexicon.entry_count() << " entries loaded in " << load_ms << " ms; "
              << articles.size() << " articles (" << bytes / 1024 << " KiB) in " << seconds * 1000
              << " ms: " << (seconds > 0 ? articles.size() / seconds : 0) << " articles/s\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "dossier-extract-actors: " << e.what() << '\n';
    return 1;
  }
}
