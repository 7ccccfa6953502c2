#include "dossier/facets/co_occurrence.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "dossier/base/errors.h"
#include "dossier/base/rent_or_buy.h"
#include "dossier/facets/facets.h"

namespace dossier {

double npmi(Xapian::doccount both, Xapian::doccount a, Xapian::doccount b,
            Xapian::doccount matches) {
  const double n = matches;
  const double p_ab = both / n, p_a = a / n, p_b = b / n;
  if (p_ab >= 1) return 1;
  return std::log(p_ab / (p_a * p_b)) / -std::log(p_ab);
}

double npmi_as_printed(double score) {
  const double r = std::round(score * 1e4) / 1e4;
  return r == 0 ? 0.0 : r;
}

void CoOccurrenceSpy::operator()(const Xapian::Document& doc, double) {
  ++seen_;
  identity_codes(doc.get_value(schema::kSlotActors), &merged_, scratch_);
  for (const schema::ActorCode code : scratch_) ++counts_[code];
  if (scratch_.size() < 2) return;  // no pair
  if (!anchor_) {
    keep(scratch_);
  } else if (std::find(scratch_.begin(), scratch_.end(), *anchor_) != scratch_.end()) {
    for (const schema::ActorCode code : scratch_) {
      if (code != *anchor_) ++with_anchor_[code];
    }
  }
}

void CoOccurrenceSpy::keep(const std::vector<schema::ActorCode>& codes) {
  codes_.insert(codes_.end(), codes.begin(), codes.end());
  ends_.push_back(codes_.size());
  if (codes_.size() * sizeof(schema::ActorCode) + ends_.size() * sizeof(std::size_t) >
      kMaxTableBytes) {
    throw Error(ErrorKind::kUsage,
                "the matches name too many actors for --table actor-by-actor (over " +
                    std::to_string(kMaxTableBytes >> 20) + " MB): narrow the query");
  }
}

Xapian::doccount IdentityCounts::of(schema::ActorCode code) const {
  const auto it = articles.find(code);
  return it == articles.end() ? 0 : it->second;
}

IdentityCounts identity_counts(const ActorCountSpy& spy) {
  IdentityCounts out;
  out.matches = spy.documents_seen();
  spy.for_each_count(
      [&](unsigned, Xapian::doccount n, const auto& code) { out.articles.emplace(code(), n); });
  return out;
}

Xapian::doccount CoOccurrenceSpy::count(schema::ActorCode code) const {
  const auto it = counts_.find(code);
  return it == counts_.end() ? 0 : it->second;
}

}  // namespace dossier
