#include "dossier/tables/actor_network.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "dossier/base/errors.h"
#include "dossier/facets/co_occurrence.h"
#include "dossier/schema/schema.h"
#include "dossier/tables/match_pass.h"

namespace dossier {
namespace {

std::string score_text(double score) {
  return nlohmann::json(npmi_as_printed(score)).dump();
}

// Text safe inside an XML element or attribute: markup characters escaped, and the control
// characters XML 1.0 forbids left out.
std::string xml_text(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
    }
  }
  return out;
}

}  // namespace

ActorNetwork actor_by_actor(Searcher& searcher, const SearchRequest& request) {
  // Its spy keeps every match's actors for a second step: not sent to remote shards.
  searcher.refuse_remote("--table actor-by-actor");
  if (request.facet_size > kMaxNetworkActors) {
    throw Error(ErrorKind::kUsage, "--table actor-by-actor takes at most " +
                                       std::to_string(kMaxNetworkActors) +
                                       " actors (--facet-size)");
  }
  CoOccurrenceSpy spy(searcher.actors().merged_codes());
  spy_on_every_match(searcher, request, spy, "actor-by-actor");
  const std::vector<std::pair<schema::ActorCode, Xapian::doccount>> counts(spy.counts().begin(),
                                                                           spy.counts().end());
  const auto ranked = top_ranked_actors(searcher.actors(), counts, request.facet_size);

  ActorNetwork network;
  network.matches = spy.seen();
  network.query = request.query;
  std::unordered_map<schema::ActorCode, std::size_t> rank_of;
  for (const auto& r : ranked) {
    rank_of.emplace(r.code, network.actors.size());
    network.actors.push_back({searcher.actors().display_name(r.id),
                              std::string(ActorDirectory::split_id(r.id).first), r.count});
  }

  // Pairs among the top actors: an upper-triangular table by rank.
  const std::size_t n = network.actors.size();
  std::vector<Xapian::doccount> together(n * n, 0);
  std::vector<std::size_t> ranks;
  spy.for_each_document([&](const schema::ActorCode* first, const schema::ActorCode* last) {
    ranks.clear();
    for (const auto* code = first; code != last; ++code) {
      if (const auto found = rank_of.find(*code); found != rank_of.end())
        ranks.push_back(found->second);
    }
    std::sort(ranks.begin(), ranks.end());
    for (std::size_t i = 0; i < ranks.size(); ++i) {
      for (std::size_t j = i + 1; j < ranks.size(); ++j) ++together[ranks[i] * n + ranks[j]];
    }
  });
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = a + 1; b < n; ++b) {
      const Xapian::doccount both = together[a * n + b];
      if (both == 0) continue;
      network.pairs.push_back(
          {a, b, both,
           npmi(both, network.actors[a].count, network.actors[b].count, network.matches)});
    }
  }
  std::sort(network.pairs.begin(), network.pairs.end(), [](const auto& x, const auto& y) {
    if (x.count != y.count) return x.count > y.count;
    if (npmi_as_printed(x.score) != npmi_as_printed(y.score))
      return npmi_as_printed(x.score) > npmi_as_printed(y.score);
    return std::pair(x.a, x.b) < std::pair(y.a, y.b);
  });
  return network;
}

std::string actor_network_header(TableFormat format, bool with_id) {
  const char sep = format == TableFormat::kTsv ? '\t' : ',';
  std::string out = with_id ? std::string("id") + sep : "";
  for (const char* name : {"actor_a", "type_a", "actor_b", "type_b", "count"})
    out += std::string(name) + sep;
  return out + "score\n";
}

std::string actor_network_rows(const ActorNetwork& network, std::string_view id,
                               TableFormat format) {
  const char sep = format == TableFormat::kTsv ? '\t' : ',';
  const std::string lead = id.empty() ? "" : table_field(id, format) + sep;
  std::string out;
  for (const auto& p : network.pairs) {
    const NetworkActor& a = network.actors[p.a];
    const NetworkActor& b = network.actors[p.b];
    out += lead + table_field(a.name, format) + sep + a.type + sep + table_field(b.name, format) +
           sep + b.type + sep + std::to_string(p.count) + sep + score_text(p.score) + "\n";
  }
  return out;
}

std::string actor_network_text(const ActorNetwork& network, TableFormat format) {
  return actor_network_header(format, false) + actor_network_rows(network, "", format);
}

nlohmann::ordered_json actor_network_json(const ActorNetwork& network) {
  nlohmann::ordered_json actors = nlohmann::ordered_json::array();
  for (const auto& a : network.actors)
    actors.push_back({{"actor", a.name}, {"type", a.type}, {"count", a.count}});
  nlohmann::ordered_json pairs = nlohmann::ordered_json::array();
  for (const auto& p : network.pairs) {
    const NetworkActor& a = network.actors[p.a];
    const NetworkActor& b = network.actors[p.b];
    pairs.push_back({{"actor_a", a.name},
                     {"type_a", a.type},
                     {"actor_b", b.name},
                     {"type_b", b.type},
                     {"count", p.count},
                     {"score", npmi_as_printed(p.score)}});
  }
  return {{"matches", network.matches},
          {"exact", true},
          {"actors", std::move(actors)},
          {"pairs", std::move(pairs)}};
}

std::string actor_network_graphml(const ActorNetwork& network) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
      "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
      "  <key id=\"articles\" for=\"node\" attr.name=\"articles\" attr.type=\"int\"/>\n"
      "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
      "  <key id=\"score\" for=\"edge\" attr.name=\"score\" attr.type=\"double\"/>\n"
      "  <key id=\"query\" for=\"graph\" attr.name=\"query\" attr.type=\"string\"/>\n"
      "  <key id=\"matches\" for=\"graph\" attr.name=\"matches\" attr.type=\"int\"/>\n"
      "  <graph id=\"G\" edgedefault=\"undirected\">\n"
      "    <data key=\"query\">" +
      xml_text(network.query) + "</data><data key=\"matches\">" + std::to_string(network.matches) +
      "</data>\n";
  for (std::size_t i = 0; i < network.actors.size(); ++i) {
    const NetworkActor& a = network.actors[i];
    out += "    <node id=\"n" + std::to_string(i) + "\"><data key=\"name\">" + xml_text(a.name) +
           "</data><data key=\"type\">" + a.type + "</data><data key=\"articles\">" +
           std::to_string(a.count) + "</data></node>\n";
  }
  for (const auto& p : network.pairs) {
    out += "    <edge source=\"n" + std::to_string(p.a) + "\" target=\"n" + std::to_string(p.b) +
           "\"><data key=\"weight\">" + std::to_string(p.count) + "</data><data key=\"score\">" +
           score_text(p.score) + "</data></edge>\n";
  }
  return out + "  </graph>\n</graphml>\n";
}

}  // namespace dossier
