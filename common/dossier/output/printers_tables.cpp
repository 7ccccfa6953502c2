#include "dossier/output/printers_tables.h"

#include "dossier/facets/co_occurrence.h"

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

std::string actor_date_table_header(TableFormat format, bool with_id) {
  const char sep = table_separator(format);
  return std::string(with_id ? std::string("id") + sep : "") + "actor" + sep + "type" + sep +
         "bucket" + sep + "count\n";
}

std::string actor_date_table_rows(const ActorDateTable& table, std::string_view id,
                                  TableFormat format) {
  const char sep = table_separator(format);
  const std::string lead = id.empty() ? "" : table_field(id, format) + sep;
  std::string out;
  for (const auto& c : table.cells) {
    out += lead + table_field(c.actor, format) + sep + table_field(c.type, format) + sep +
           c.bucket + sep + std::to_string(c.count) + "\n";
  }
  return out;
}

std::string actor_date_table_text(const ActorDateTable& table, TableFormat format) {
  return actor_date_table_header(format, false) + actor_date_table_rows(table, "", format);
}

nlohmann::ordered_json actor_date_table_json(const ActorDateTable& table) {
  nlohmann::ordered_json cells = nlohmann::ordered_json::array();
  for (const auto& c : table.cells) {
    cells.push_back(
        {{"actor", c.actor}, {"type", c.type}, {"bucket", c.bucket}, {"count", c.count}});
  }
  return {{"matches", table.matches}, {"exact", true}, {"table", std::move(cells)}};
}

std::string actor_network_header(TableFormat format, bool with_id) {
  const char sep = table_separator(format);
  std::string out = with_id ? std::string("id") + sep : "";
  for (const char* name : {"actor_a", "type_a", "actor_b", "type_b", "count"})
    out += std::string(name) + sep;
  return out + "score\n";
}

std::string actor_network_rows(const ActorNetwork& network, std::string_view id,
                               TableFormat format) {
  const char sep = table_separator(format);
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
