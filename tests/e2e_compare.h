// Comparing search answers of a sharded database with those of a plain one.
#pragma once

#include <algorithm>

#include <nlohmann/json.hpp>

namespace dossier::e2e {

// A date-sorted search answer (--format json, or one --batch line) made comparable across
// databases that hold the same articles under other docids. Ranked by relevance, equal
// scores go by article id (schema::kSlotIdOrder) and answers must be equal byte for byte;
// sorted by date, hits of one date and one score go by docid, and a sharded database's
// docids interleave its shards' own numbers, so such hits may come in another order: hits
// are sorted by score then id, and "rank" (the position) is dropped. When the page is cut from a
// longer list (an offset, or more matches than the limit), the cut may pass through a tie and keep
// other members of it: the hits tied with the page's first (after an offset) or last (before more)
// score are compared by score only. Scores themselves must be equal: the shards' statistics are
// merged.
inline nlohmann::json canonical_hits(nlohmann::json answer) {
  if (!answer.contains("hits") || answer["hits"].empty()) return answer;
  auto& hits = answer["hits"];
  for (auto& hit : hits) hit.erase("rank");
  const auto offset = answer.value("offset", 0);
  const auto total = answer.value("total", 0);
  const bool cut_before = offset > 0;
  const bool cut_after = offset + static_cast<int>(hits.size()) < total;
  const auto first_score = hits.front()["score"], last_score = hits.back()["score"];
  for (auto& hit : hits) {
    if ((cut_before && hit["score"] == first_score) || (cut_after && hit["score"] == last_score))
      hit = nlohmann::json{{"score", hit["score"]}, {"tied_at_page_edge", true}};
  }
  std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    if (a["score"] != b["score"]) return a["score"] > b["score"];
    return a.dump() < b.dump();
  });
  return answer;
}

}  // namespace dossier::e2e
