#include "dossier/output/printers_trec.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "dossier/output/printers.h"

namespace dossier {
namespace {

std::string without_whitespace(std::string s) {
  for (char& c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') c = '_';
  }
  return s;
}

struct RunRow {
  std::string docid;
  std::string score;  // as printed
  double value = 0;   // the printed score's value, for ordering
};

}  // namespace

std::string trec_run_lines(const BatchAnswer& answer, std::string_view run_tag) {
  if (!answer.result) return {};
  const SearchResult& result = *answer.result;
  std::vector<RunRow> rows;
  rows.reserve(result.hits.size());
  for (const auto& hit : result.hits) {
    char score[64];
    const double value = rounded_score(hit.score);
    std::snprintf(score, sizeof score, "%.6f", value);
    rows.push_back({without_whitespace(hit.id), score, value});
  }
  // Xapian ranks equal weights by internal docid; re-order ties the way trec_eval does.
  std::stable_sort(rows.begin(), rows.end(), [](const RunRow& a, const RunRow& b) {
    if (a.value != b.value) return a.value > b.value;
    return a.docid > b.docid;
  });
  const std::string qid = without_whitespace(id_text(answer.query.id));
  const std::string tag = without_whitespace(std::string(run_tag));
  std::string out;
  Xapian::doccount rank = result.offset;
  for (const auto& row : rows) {
    out += qid;
    out += " Q0 ";
    out += row.docid;
    out += ' ';
    out += std::to_string(++rank);
    out += ' ';
    out += row.score;
    out += ' ';
    out += tag;
    out += '\n';
  }
  return out;
}

}  // namespace dossier
