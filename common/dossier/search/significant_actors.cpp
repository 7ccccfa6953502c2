#include "dossier/search/significant_actors.h"

#include <algorithm>
#include <cmath>

namespace dossier {
namespace {

double x_log_x(double x) {
  return x > 0 ? x * std::log(x) : 0;
}

}  // namespace

double log_likelihood_ratio(double k1, double n1, double k2, double n2) {
  const double a = k1, b = n1 - k1, c = k2, d = n2 - k2;
  const double g = x_log_x(a) + x_log_x(b) + x_log_x(c) + x_log_x(d) - x_log_x(a + b) -
                   x_log_x(c + d) - x_log_x(a + c) - x_log_x(b + d) + x_log_x(a + b + c + d);
  return std::max(0.0, 2 * g);
}

std::vector<SignificantActor> significant_actors(const ActorCountSpy& spy, Xapian::doccount matches,
                                                 Xapian::doccount corpus, ActorDirectory& directory,
                                                 std::size_t size,
                                                 const ClusterOvercounts* clusters) {
  std::vector<SignificantActor> out;
  if (size == 0 || matches == 0 || matches >= corpus) return out;
  const double n1 = matches, n2 = corpus - matches;
  const auto less = [](const auto* overcount, schema::ActorCode code, Xapian::doccount n) {
    if (overcount == nullptr) return n;
    const auto it = overcount->find(code);
    return it == overcount->end() ? n : n - it->second;
  };
  spy.for_each_count([&](unsigned, Xapian::doccount raw, const auto& code_of) {
    const schema::ActorCode code = code_of();
    const std::string* found = directory.id_of(code);
    if (found == nullptr) return;
    const std::string id = *found;  // the directory may grow while it names the actor
    const Xapian::doccount raw_everywhere = std::max(directory.articles_of(id), raw);
    const Xapian::doccount k1 = clusters ? less(clusters->matches, code, raw) : raw;
    const Xapian::doccount everywhere =
        std::max(clusters ? less(clusters->corpus, code, raw_everywhere) : raw_everywhere, k1);
    const double k2 = everywhere - k1;
    if (k1 / n1 <= k2 / n2) return;  // not over-represented
    out.push_back({directory.display_name(id), std::string(ActorDirectory::split_id(id).first), k1,
                   everywhere, std::nullopt, std::nullopt, log_likelihood_ratio(k1, n1, k2, n2)});
    if (clusters) {
      out.back().count_raw = raw;
      out.back().corpus_count_raw = raw_everywhere;
    }
  });
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.count != b.count) return a.count > b.count;
    return a.name < b.name;
  });
  if (out.size() > size) out.resize(size);
  return out;
}

}  // namespace dossier
