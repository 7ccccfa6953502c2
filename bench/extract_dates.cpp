// dossier-extract-dates: runs the date extractor over .txt files and prints one JSON line
// per file. A development tool (until `dossier-index analyze` exists) for measuring
// dateline accuracy and extractor speed.
//
//   dossier-extract-dates [--order dmy|mdy] [--time] PATH...
//
// A PATH that is a directory is walked recursively for *.txt; ids are paths relative to it.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "dossier/base/utf8.h"
#include "dossier/extract/dates/date_extractor.h"

namespace fs = std::filesystem;

namespace {

struct Options {
  std::vector<std::string> paths;
  std::string order = "dmy";
  bool time = false;
  bool spans = false;
};

struct InputFile {
  fs::path path;
  std::string id;
};

std::vector<InputFile> list_inputs(const std::vector<std::string>& paths) {
  std::vector<InputFile> files;
  for (const std::string& arg : paths) {
    const fs::path root(arg);
    if (!fs::is_directory(root)) {
      files.push_back({root, root.filename().string()});
      continue;
    }
    std::vector<InputFile> found;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (entry.is_regular_file() && entry.path().extension() == ".txt") {
        found.push_back({entry.path(), entry.path().lexically_relative(root).generic_string()});
      }
    }
    std::sort(found.begin(), found.end(),
              [](const InputFile& a, const InputFile& b) { return a.id < b.id; });
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// ISO form of a mention, "xxxx-MM-DD" when its year is unknown.
std::string display(const dossier::DateMention& mention) {
  dossier::Date shown = mention.date;
  if (!mention.has_year()) shown.year = 1;
  std::string iso = shown.iso();
  if (!mention.has_year()) iso.replace(0, 4, "xxxx");
  return iso;
}

nlohmann::json to_json(const std::string& id, std::string_view text,
                       const dossier::DateExtraction& extraction) {
  nlohmann::json line;
  line["id"] = id;
  const auto chosen = dossier::choose_article_date(std::nullopt, extraction,
                                                   dossier::DateFallback::None, std::nullopt);
  line["date"] = chosen ? nlohmann::json(chosen->date.iso()) : nlohmann::json(nullptr);
  line["date_source"] =
      chosen ? nlohmann::json(dossier::to_string(chosen->source)) : nlohmann::json(nullptr);
  line["dateline"] =
      extraction.dateline ? nlohmann::json(extraction.dateline->iso()) : nlohmann::json(nullptr);
  nlohmann::json mentioned = nlohmann::json::array();
  for (const auto& date : extraction.mentioned) mentioned.push_back(date.iso());
  line["dates_mentioned"] = std::move(mentioned);
  if (extraction.dateline_mention) {
    const auto& mention = *extraction.dateline_mention;
    line["dateline_mention"] = {{"date", display(mention)},
                                {"text", text.substr(mention.begin, mention.end - mention.begin)}};
  }
  return line;
}

// Raw mentions before year inference ("xxxx" for a missing year), for eyeballing.
nlohmann::json spans_json(std::string_view text, dossier::DateOrder order) {
  nlohmann::json spans = nlohmann::json::array();
  for (const auto& mention : dossier::find_date_mentions(text, order)) {
    spans.push_back({display(mention), text.substr(mention.begin, mention.end - mention.begin)});
  }
  return spans;
}

int run(const Options& options) {
  const auto order = options.order == "mdy" ? dossier::DateOrder::MDY : dossier::DateOrder::DMY;
  std::chrono::nanoseconds spent{0};
  std::size_t bytes = 0;
  std::size_t articles = 0;
  for (const InputFile& file : list_inputs(options.paths)) {
    const std::string text = dossier::repair_utf8(read_all(file.path));
    const auto start = std::chrono::steady_clock::now();
    const dossier::DateExtraction extraction = dossier::extract_dates(text, std::nullopt, order);
    spent += std::chrono::steady_clock::now() - start;
    bytes += text.size();
    ++articles;
    nlohmann::json line = to_json(file.id, text, extraction);
    if (options.spans) line["spans"] = spans_json(text, order);
    std::cout << line.dump() << '\n';
  }
  if (options.time && articles > 0) {
    const double ms = std::chrono::duration<double, std::milli>(spent).count();
    std::cerr << "extract_dates: " << articles << " articles, " << bytes << " bytes, " << ms
              << " ms total, " << (ms / articles) << " ms/article, "
              << (ms / (static_cast<double>(bytes) / 2048.0)) << " ms per 2 KB\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  CLI::App app{"Print the dates the extractor finds in .txt files, one JSON line per file"};
  app.add_option("paths", options.paths, "Files or directories (walked for *.txt)")
      ->required()
      ->check(CLI::ExistingPath);
  app.add_option("--order", options.order, "Reading of all-numeric dates like 03/04/2019")
      ->check(CLI::IsMember({"dmy", "mdy"}));
  app.add_flag("--time", options.time, "Report extraction time on stderr");
  app.add_flag("--spans", options.spans, "Add every raw mention with its text (\"spans\")");
  CLI11_PARSE(app, argc, argv);
  try {
    return run(options);
  } catch (const std::exception& e) {
    std::cerr << "dossier-extract-dates: " << e.what() << '\n';
    return 1;
  }
}
