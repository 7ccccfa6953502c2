#include "dossier/printers.h"

#include <cmath>
#include <iomanip>

namespace dossier {

double rounded_score(double score) {
  return std::round(score * 1e6) / 1e6;
}

nlohmann::ordered_json result_to_json(const SearchResult& result) {
  nlohmann::ordered_json hits = nlohmann::ordered_json::array();
  for (const auto& h : result.hits) {
    hits.push_back({{"rank", h.rank},
                    {"id", h.id},
                    {"title", h.title},
                    {"score", rounded_score(h.score)},
                    {"snippet", h.snippet}});
  }
  return {{"query", result.query},   {"total", result.total}, {"total_exact", result.total_exact},
          {"offset", result.offset}, {"limit", result.limit}, {"hits", std::move(hits)}};
}

void print_text(std::ostream& out, const SearchResult& result) {
  out << (result.total_exact ? "" : "about ") << result.total
      << (result.total == 1 ? " match" : " matches");
  if (!result.hits.empty()) {
    out << ", showing " << result.hits.front().rank << "-" << result.hits.back().rank;
  }
  out << "\n";
  for (const auto& h : result.hits) {
    out << "\n" << h.rank << ". " << (h.title.empty() ? "(untitled)" : h.title) << "\n";
    out << "   " << h.id << "  score " << std::fixed << std::setprecision(3) << h.score
        << std::defaultfloat << "\n";
    if (!h.snippet.empty()) out << "   " << h.snippet << "\n";
  }
}

}  // namespace dossier
