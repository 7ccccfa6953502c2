#include "dossier/printers.h"

#include <cmath>
#include <iomanip>

namespace dossier {

double rounded_score(double score) {
  return std::round(score * 1e6) / 1e6;
}

namespace {

using ojson = nlohmann::ordered_json;

ojson or_null(const std::string& s) {
  return s.empty() ? ojson(nullptr) : ojson(s);
}

ojson hit_to_json(const Hit& h) {
  ojson actors = ojson::array();
  for (const auto& a : h.actors) actors.push_back({{"name", a.name}, {"type", a.type}});
  return {{"rank", h.rank},
          {"id", h.id},
          {"title", h.title},
          {"score", rounded_score(h.score)},
          {"snippet", h.snippet},
          {"date", or_null(h.date)},
          {"date_source", or_null(h.date_source)},
          {"actors", std::move(actors)}};
}

ojson facets_to_json(const SearchResult& r) {
  ojson f = ojson::object();
  if (r.facets.actor) {
    ojson list = ojson::array();
    for (const auto& a : *r.facets.actor)
      list.push_back({{"name", a.name}, {"type", a.type}, {"count", a.count}});
    f["actor"] = std::move(list);
  }
  if (r.facets.date) {
    ojson list = ojson::array();
    for (const auto& b : *r.facets.date) list.push_back({{"bucket", b.bucket}, {"count", b.count}});
    f["date"] = std::move(list);
    f["undated"] = r.facets.undated;
  }
  if (r.facets.source) {
    ojson list = ojson::array();
    for (const auto& s : *r.facets.source)
      list.push_back({{"source", s.source}, {"count", s.count}});
    f["source"] = std::move(list);
  }
  f["exact"] = r.facets_exact;
  return f;
}

bool has_facets(const SearchResult& r) {
  return r.facets.actor || r.facets.date || r.facets.source;
}

}  // namespace

ojson result_to_json(const SearchResult& result) {
  ojson hits = ojson::array();
  for (const auto& h : result.hits) hits.push_back(hit_to_json(h));
  ojson j = {
      {"query", result.query},   {"total", result.total}, {"total_exact", result.total_exact},
      {"offset", result.offset}, {"limit", result.limit}, {"hits", std::move(hits)}};
  if (has_facets(result)) j["facets"] = facets_to_json(result);
  return j;
}

void print_text(std::ostream& out, const SearchResult& result) {
  out << (result.total_exact ? "" : "about ") << result.total
      << (result.total == 1 ? " match" : " matches");
  if (!result.hits.empty())
    out << ", showing " << result.hits.front().rank << "-" << result.hits.back().rank;
  out << "\n";
  for (const auto& h : result.hits) {
    out << "\n" << h.rank << ". " << (h.title.empty() ? "(untitled)" : h.title) << "\n";
    out << "   " << h.id << "  " << (h.date.empty() ? "undated" : h.date) << "  score "
        << std::fixed << std::setprecision(3) << h.score << std::defaultfloat << "\n";
    if (!h.actors.empty()) {
      out << "   actors:";
      for (std::size_t k = 0; k < h.actors.size(); ++k) {
        out << (k ? "; " : " ") << h.actors[k].name << " (" << h.actors[k].type << ")";
      }
      out << "\n";
    }
    if (!h.snippet.empty()) out << "   " << h.snippet << "\n";
  }
  const auto& f = result.facets;
  const char* approx = result.facets_exact ? "" : " (estimated)";
  if (f.actor) {
    out << "\nActors" << approx << ":\n";
    for (const auto& a : *f.actor)
      out << "  " << std::setw(6) << a.count << "  " << a.name << " (" << a.type << ")\n";
  }
  if (f.date) {
    out << "\nDates" << approx << ":\n";
    for (const auto& b : *f.date)
      out << "  " << std::setw(6) << b.count << "  " << b.bucket << "\n";
    out << "  " << std::setw(6) << f.undated << "  undated\n";
  }
  if (f.source) {
    out << "\nSources" << approx << ":\n";
    for (const auto& s : *f.source)
      out << "  " << std::setw(6) << s.count << "  " << s.source << "\n";
  }
}

ojson actors_to_json(const std::vector<ActorListing>& actors) {
  ojson list = ojson::array();
  for (const auto& a : actors)
    list.push_back({{"name", a.name}, {"type", a.type}, {"articles", a.articles}});
  return {{"actors", std::move(list)}};
}

void print_actors_text(std::ostream& out, const std::vector<ActorListing>& actors) {
  for (const auto& a : actors)
    out << std::setw(7) << a.articles << "  " << a.name << " (" << a.type << ")\n";
}

}  // namespace dossier
