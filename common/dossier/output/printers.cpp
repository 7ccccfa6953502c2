#include "dossier/output/printers.h"

#include <cmath>
#include <iomanip>
#include <iterator>
#include <sstream>

#include "dossier/facets/co_occurrence.h"

namespace dossier {

double rounded_score(double score) {
  return std::round(score * 1e6) / 1e6;
}

namespace {

using ojson = nlohmann::ordered_json;

// {"id","source","date"}, source and date null when absent.
void write_member(JsonWriter& w, const ClusterMember& m) {
  w.begin_object().key("id").value(m.id);
  w.key("source").string_or_null(m.source);
  w.key("date").string_or_null(m.date);
  w.end_object();
}

// Collapsed counts carry the uncollapsed ones beside them.
void write_count(JsonWriter& w, Xapian::doccount count, std::optional<Xapian::doccount> raw) {
  w.key("count").value(count);
  if (raw) w.key("count_raw").value(*raw);
}

void write_hit(JsonWriter& w, const Hit& h) {
  w.begin_object();
  w.key("rank").value(h.rank);
  w.key("id").value(h.id);
  w.key("title").value(h.title);
  w.key("score").value(rounded_score(h.score));
  w.key("snippet").value(h.snippet);
  w.key("date").string_or_null(h.date);
  w.key("date_source").string_or_null(h.date_source);
  w.key("source").string_or_null(h.source);
  w.key("url").string_or_null(h.url);
  w.key("actors").begin_array();
  for (const auto& a : h.actors)
    w.begin_object().key("name").value(a.name).key("type").value(a.type).end_object();
  w.end_array();
  if (h.copies != 0) {
    w.key("copies").value(h.copies);
    w.key("duplicates").begin_array();
    for (const auto& m : h.duplicates) write_member(w, m);
    w.end_array();
  }
  w.end_object();
}

void write_facets(JsonWriter& w, const SearchResult& r) {
  w.begin_object();
  if (r.facets.actor) {
    w.key("actor").begin_array();
    for (const auto& a : *r.facets.actor) {
      w.begin_object().key("name").value(a.name).key("type").value(a.type);
      write_count(w, a.count, a.count_raw);
      w.end_object();
    }
    w.end_array();
  }
  if (r.facets.date) {
    w.key("date").begin_array();
    for (const auto& b : r.facets.date->buckets) {
      w.begin_object().key("bucket").value(b.bucket);
      write_count(w, b.count, b.count_raw);
      w.end_object();
    }
    w.end_array();
    w.key("granularity").value(granularity_name(r.facets.date->granularity));
    if (!r.facets.date->coarse.empty()) {  // dates known only to a coarser month or year
      w.key("date_coarse").begin_array();
      for (const auto& b : r.facets.date->coarse) {
        w.begin_object().key("bucket").value(b.bucket);
        write_count(w, b.count, b.count_raw);
        w.end_object();
      }
      w.end_array();
    }
    w.key("undated").value(r.facets.undated);
    if (r.facets.undated_raw) w.key("undated_raw").value(*r.facets.undated_raw);
  }
  if (r.facets.source) {
    w.key("source").begin_array();
    for (const auto& s : *r.facets.source) {
      w.begin_object().key("source").value(s.source);
      write_count(w, s.count, s.count_raw);
      w.end_object();
    }
    w.end_array();
  }
  if (r.facets.significant) {
    w.key("significant").begin_array();
    for (const auto& a : *r.facets.significant) {
      w.begin_object().key("name").value(a.name).key("type").value(a.type);
      write_count(w, a.count, a.count_raw);
      w.key("corpus_count").value(a.corpus_count);
      if (a.corpus_count_raw) w.key("corpus_count_raw").value(*a.corpus_count_raw);
      w.key("score").value(std::round(a.score * 100) / 100).end_object();
    }
    w.end_array();
  }
  if (r.facets.co_actors) {
    w.key("co_actors").begin_array();
    for (const auto& a : *r.facets.co_actors) {
      w.begin_object().key("name").value(a.name).key("type").value(a.type);
      write_count(w, a.count, a.count_raw);
      w.key("articles").value(a.articles).key("score").value(npmi_as_printed(a.score));
      w.end_object();
    }
    w.end_array();
  }
  if (r.facets.folder) {
    w.key("folder").begin_array();
    for (const auto& f : *r.facets.folder) {
      w.begin_object().key("folder").value(f.source);
      write_count(w, f.count, f.count_raw);
      w.end_object();
    }
    w.end_array();
  }
  w.key("exact").value(r.facets_exact);
  // Counted without some shards' articles (as "exact" says how they were counted).
  if (!r.missing_shards.empty()) w.key("partial").value(true);
  w.end_object();
}

bool has_facets(const SearchResult& r) {
  return r.facets.actor || r.facets.date || r.facets.source || r.facets.significant ||
         r.facets.folder || r.facets.co_actors;
}

// An answer without some shards (allow_partial) says so, and which.
void write_partial(JsonWriter& w, const SearchResult& result) {
  if (result.missing_shards.empty()) return;
  w.key("partial").value(true);
  w.key("missing_shards").begin_array();
  for (const auto& shard : result.missing_shards) w.value(shard);
  w.end_array();
}

}  // namespace

void write_result_fields(JsonWriter& w, const SearchResult& result) {
  w.key("query").value(result.query);
  w.key("total").value(result.total);
  if (result.total_raw) w.key("total_raw").value(*result.total_raw);
  w.key("total_exact").value(result.total_exact);
  write_partial(w, result);
  w.key("offset").value(result.offset);
  w.key("limit").value(result.limit);
  w.key("hits").begin_array();
  for (const auto& h : result.hits) write_hit(w, h);
  w.end_array();
  if (has_facets(result)) {
    w.key("facets");
    write_facets(w, result);
  }
  if (!result.suggestion.empty()) w.key("suggestion").value(result.suggestion);
  if (!result.actor_suggestion.empty()) w.key("actor_suggestion").value(result.actor_suggestion);
}

std::string result_json(const SearchResult& result) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  write_result_fields(w, result);
  w.end_object();
  return out;
}

namespace {

std::size_t digits(std::size_t n) {
  std::size_t d = 1;
  while (n >= 10) {
    n /= 10;
    ++d;
  }
  return d;
}

// One detail line of a hit, led by `indent` spaces and wrapped to the layout's width.
void detail(std::ostream& out, std::string_view text, std::size_t indent,
            const TextLayout& layout) {
  out << std::string(indent, ' ') << wrap_text(text, layout.width, indent);
}

std::string actors_line(const Hit& h) {
  std::string line = "actors:";
  for (std::size_t k = 0; k < h.actors.size(); ++k)
    line += (k ? "; " : " ") + h.actors[k].name + " (" + h.actors[k].type + ")";
  return line;
}

void print_hit(std::ostream& out, const Hit& h, std::size_t rank_width, const TextLayout& layout) {
  const std::string rank = std::to_string(h.rank);
  const std::size_t indent = rank_width + 2;  // "NN. "
  const std::string& title = !h.marked_title.empty() ? h.marked_title : h.title;
  out << "\n"
      << std::string(rank_width - rank.size(), ' ') << rank << ". "
      << wrap_text(title.empty() ? "(untitled)" : title, layout.width, indent);
  std::ostringstream line;
  line << h.id << "  " << (h.date.empty() ? "undated" : h.date) << "  score " << std::fixed
       << std::setprecision(3) << h.score;
  out << std::string(indent, ' ') << line.str() << "\n";
  if (!h.source.empty()) detail(out, "source: " + h.source, indent, layout);
  if (!h.url.empty()) out << std::string(indent, ' ') << "url: " << h.url << "\n";
  if (!h.actors.empty()) detail(out, actors_line(h), indent, layout);
  if (!h.snippet.empty()) detail(out, h.snippet, indent, layout);
  if (h.copies > 1) {
    std::string copies = std::to_string(h.copies) + " copies, also:";
    for (const auto& m : h.duplicates) copies += " " + m.id;
    detail(out, copies, indent, layout);
  }
}

// The actor facet as one group per type, in the order of ActorType, each under a heading.
void print_actor_facet(std::ostream& out, const std::vector<ActorCount>& actors,
                       std::string_view approx) {
  static constexpr std::string_view kTypes[] = {"person", "org", "country", "place"};
  static constexpr std::string_view kHeadings[] = {"People", "Organisations", "Countries",
                                                   "Places"};
  for (std::size_t t = 0; t < std::size(kTypes); ++t) {
    bool heading = false;
    for (const auto& a : actors) {
      if (a.type != kTypes[t]) continue;
      if (!heading) out << "\n" << kHeadings[t] << approx << ":\n";
      heading = true;
      out << "  " << std::setw(6) << a.count << "  " << a.name << "\n";
    }
  }
}

}  // namespace

void print_text(std::ostream& out, const SearchResult& result, const TextLayout& layout) {
  out << (result.total_exact ? "" : "about ") << result.total
      << (result.total == 1 ? " match" : " matches");
  if (result.total_raw) out << ", copies collapsed (" << *result.total_raw << " articles)";
  if (!result.hits.empty())
    out << ", showing " << result.hits.front().rank << "-" << result.hits.back().rank;
  out << "\n";
  if (!result.suggestion.empty()) out << "did you mean: " << result.suggestion << "\n";
  if (!result.actor_suggestion.empty())
    out << "did you mean --actor \"" << result.actor_suggestion << "\"?\n";
  const std::size_t rank_width = result.hits.empty() ? 1 : digits(result.hits.back().rank);
  for (const auto& h : result.hits) print_hit(out, h, rank_width, layout);
  const auto& f = result.facets;
  const std::string_view approx = result.facets_exact ? "" : " (estimated)";
  if (f.actor) print_actor_facet(out, *f.actor, approx);
  if (f.date) {
    out << "\nDates" << approx << ", by " << granularity_name(f.date->granularity) << ":\n";
    for (const auto& b : f.date->buckets)
      out << "  " << std::setw(6) << b.count << "  " << b.bucket << "\n";
    for (const auto& b : f.date->coarse)
      out << "  " << std::setw(6) << b.count << "  " << b.bucket << " (date known to the "
          << (b.bucket.size() == 4 ? "year" : "month") << " only)\n";
    out << "  " << std::setw(6) << f.undated << "  undated\n";
  }
  if (f.source) {
    out << "\nSources" << approx << ":\n";
    for (const auto& s : *f.source)
      out << "  " << std::setw(6) << s.count << "  " << s.source << "\n";
  }
  if (f.significant) {
    out << "\nSignificant actors" << approx
        << (result.total_raw ? " (matching clusters / all clusters, G2):\n"
                             : " (matches / all articles, G2):\n");
    for (const auto& a : *f.significant) {
      out << "  " << std::setw(6) << a.count << " / " << std::setw(6) << a.corpus_count << "  "
          << a.name << " (" << a.type << ")  " << std::fixed << std::setprecision(1) << a.score
          << std::defaultfloat << "\n";
    }
  }
  if (f.co_actors) {
    // Counted by a pass of their own over every match: exact even under --estimate.
    out << "\nCo-actors (with the actor / articles without --actor, NPMI):\n";
    for (const auto& a : *f.co_actors) {
      out << "  " << std::setw(6) << a.count << " / " << std::setw(6) << a.articles << "  "
          << a.name << " (" << a.type << ")  " << std::fixed << std::setprecision(4)
          << npmi_as_printed(a.score) << std::defaultfloat << "\n";
    }
  }
  if (f.folder) {
    out << "\nFolders" << approx << ":\n";
    for (const auto& s : *f.folder)
      out << "  " << std::setw(6) << s.count << "  " << s.source << "\n";
  }
}

ojson actors_to_json(const std::vector<ActorListing>& actors) {
  ojson list = ojson::array();
  for (const auto& a : actors)
    list.push_back({{"name", a.name}, {"type", a.type}, {"articles", a.articles}});
  return {{"actors", std::move(list)}};
}

ojson ambiguous_json(const std::vector<ActorListing>& candidates) {
  ojson list = ojson::array();
  for (const auto& c : candidates)
    list.push_back({{"name", c.name}, {"type", c.type}, {"count", c.articles}});
  return list;
}

ojson ambiguous_result_json(const std::string& query, const std::vector<ActorListing>& candidates) {
  return {{"query", query},
          {"total", 0},
          {"total_exact", true},
          {"hits", ojson::array()},
          {"ambiguous", ambiguous_json(candidates)}};
}

void print_actors_text(std::ostream& out, const std::vector<ActorListing>& actors) {
  for (const auto& a : actors)
    out << std::setw(7) << a.articles << "  " << a.name << " (" << a.type << ")\n";
}

ojson values_to_json(const std::vector<ValueListing>& values, const std::string& what) {
  ojson list = ojson::array();
  for (const auto& v : values) list.push_back({{what, v.value}, {"articles", v.articles}});
  return {{what + "s", std::move(list)}};
}

void print_values_text(std::ostream& out, const std::vector<ValueListing>& values) {
  for (const auto& v : values) out << std::setw(7) << v.articles << "  " << v.value << "\n";
}

void print_clusters(std::ostream& out, const std::vector<std::vector<ClusterMember>>& clusters,
                    bool json) {
  for (const auto& members : clusters) {
    if (json) {
      std::string line;
      JsonWriter w(line);
      w.begin_object().key("size").value(static_cast<std::uint64_t>(members.size()));
      w.key("members").begin_array();
      for (const auto& m : members) write_member(w, m);
      w.end_array().end_object();
      out << line << "\n";
      continue;
    }
    out << members.size() << " copies\n";
    for (const auto& m : members) {
      out << "  " << m.id << "  " << (m.date.empty() ? "undated" : m.date);
      if (!m.source.empty()) out << "  " << m.source;
      out << "\n";
    }
  }
}

}  // namespace dossier
