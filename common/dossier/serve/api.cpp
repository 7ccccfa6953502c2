#include "dossier/serve/api.h"

#include <charconv>
#include <initializer_list>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "dossier/base/errors.h"
#include "dossier/commands/batch_command.h"
#include "dossier/output/printers.h"
#include "dossier/output/printers_batch.h"
#include "dossier/output/printers_document.h"
#include "dossier/serve/records.h"
#include "dossier/serve/web_assets.h"

namespace dossier {
namespace {

using Params = std::multimap<std::string, std::string>;

// A request the library refused: the user's mistake, a search past its time limit or a
// remote shard that is down (both may work later), or ours.
int error_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kUsage:
    case ErrorKind::kInput:
      return 400;
    case ErrorKind::kTimeout:
    case ErrorKind::kUnavailable:
      return 503;
    case ErrorKind::kInternal:
      break;
  }
  return 500;
}

// A request the API refuses with an HTTP status of its own (a dossier::Error is a 400).
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

[[noreturn]] void bad_request(const std::string& message) {
  throw Error(ErrorKind::kUsage, message);
}

std::string join(std::initializer_list<std::string_view> words) {
  std::string out;
  for (const auto w : words) out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

// A typo in a parameter name would otherwise silently answer another question.
void check_known(const Params& params, std::initializer_list<std::string_view> known) {
  for (const auto& [name, value] : params) {
    bool found = false;
    for (const auto k : known) found = found || k == name;
    if (!found) {
      bad_request(
          "unknown parameter '" + name + "'" +
          (known.size() == 0 ? std::string(" (none is taken)") : " (known: " + join(known) + ")"));
    }
  }
}

std::optional<std::string> single(const Params& params, const std::string& name) {
  const auto [first, last] = params.equal_range(name);
  if (first == last) return std::nullopt;
  if (std::next(first) != last) bad_request("parameter '" + name + "' is given more than once");
  return first->second;
}

std::vector<std::string> every(const Params& params, const std::string& name) {
  std::vector<std::string> out;
  const auto [first, last] = params.equal_range(name);
  for (auto it = first; it != last; ++it) out.push_back(it->second);
  return out;
}

std::size_t number(const Params& params, const std::string& name, std::size_t fallback,
                   std::size_t min, std::size_t max) {
  const auto text = single(params, name);
  if (!text) return fallback;
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (ec != std::errc() || end != text->data() + text->size() || n < min || n > max) {
    bad_request(name + ": '" + *text + "' is not a whole number from " + std::to_string(min) +
                " to " + std::to_string(max));
  }
  return n;
}

bool flag(const Params& params, const std::string& name) {
  const auto text = single(params, name);
  if (!text) return false;
  if (text->empty() || *text == "1" || *text == "true") return true;
  if (*text == "0" || *text == "false") return false;
  bad_request(name + ": '" + *text + "' is not one of 1, true, 0, false");
}

// One of `allowed`, or `fallback` when absent.
std::string choice(const Params& params, const std::string& name, std::string fallback,
                   std::initializer_list<std::string_view> allowed) {
  const auto text = single(params, name);
  if (!text) return fallback;
  for (const auto a : allowed)
    if (a == *text) return *text;
  bad_request(name + ": '" + *text + "' is not one of " + join(allowed));
}

// The value named by parameter `name`, or `fallback` when absent.
template <class Enum, std::size_t N>
Enum choice(const Params& params, const std::string& name, Enum fallback,
            const EnumNames<Enum, N>& names) {
  const auto text = single(params, name);
  if (!text) return fallback;
  if (const auto value = enum_from_name(names, *text)) return *value;
  bad_request(name + ": '" + *text + "' is not one of " + enum_names_text(names));
}

FacetSet facets(const Params& params) {
  FacetSet out;
  for (const auto& value : every(params, "facets")) {
    std::stringstream list(value);
    for (std::string name; std::getline(list, name, ',');) {
      if (name.empty()) continue;
      const auto facet = facet_from_string(name);
      if (!facet)
        bad_request("facets: '" + name + "' is not one of " + enum_names_text(kFacetNames));
      out.insert(*facet);
    }
  }
  return out;
}

Granularity granularity(const Params& params) {
  return choice(params, "granularity", Granularity::Month, kGranularityNames);
}

ApiResponse json_response(const nlohmann::ordered_json& body, std::optional<Xapian::rev> revision) {
  ApiResponse response;
  response.body = json_line(body);
  response.revision = revision;
  return response;
}

ApiResponse method_not_allowed(std::string allow) {
  ApiResponse response = error_response(405, "this path answers " + allow + " only");
  response.allow = std::move(allow);
  return response;
}

bool is_get(const ApiRequest& request) {
  return request.method == "GET" || request.method == "HEAD";
}

// Lends a borrowed searcher to the batch runner, which owns its searchers, and always
// gives it back to the lease.
class LentSearcher {
 public:
  explicit LentSearcher(SearcherPool::Lease& lease) : lease_(lease) {
    searchers_.push_back(std::move(lease.owned()));
  }
  ~LentSearcher() { lease_.owned() = std::move(searchers_.front()); }
  LentSearcher(const LentSearcher&) = delete;
  LentSearcher& operator=(const LentSearcher&) = delete;
  std::vector<std::unique_ptr<Searcher>>& searchers() { return searchers_; }

 private:
  SearcherPool::Lease& lease_;
  std::vector<std::unique_ptr<Searcher>> searchers_;
};

}  // namespace

ApiResponse error_response(int status, std::string_view message) {
  ApiResponse response;
  response.status = status;
  nlohmann::ordered_json body{{"error", message}, {"status", status}};
  response.body = json_line(body);
  return response;
}

ApiResponse Api::handle(const ApiRequest& request) {
  try {
    return route(request);
  } catch (const HttpError& e) {
    return error_response(e.status(), e.what());
  } catch (const Error& e) {
    return error_response(error_status(e.kind()), e.what());
  } catch (const Xapian::Error& e) {
    return error_response(500, "internal error: " + e.get_description());
  } catch (const std::exception& e) {
    return error_response(500, std::string("internal error: ") + e.what());
  }
}

ApiResponse Api::route(const ApiRequest& request) {
  const std::string_view path = request.path;
  if (!path.starts_with("/api/")) {
    if (!is_get(request)) return method_not_allowed("GET");
    const auto asset = find_web_asset(path);
    if (!asset) return error_response(404, "no such page");
    ApiResponse response;
    response.content_type = std::string(asset->content_type);
    response.body = std::string(asset->body);
    return response;
  }
  if (path == "/api/v1/batch")
    return request.method == "POST" ? batch(request) : method_not_allowed("POST");
  if (!is_get(request)) {
    const bool known = path == "/api/v1/search" || path == "/api/v1/actors" ||
                       path == "/api/v1/status" || path.starts_with("/api/v1/actors/") ||
                       path.starts_with("/api/v1/documents/");
    return known ? method_not_allowed("GET") : error_response(404, "no such endpoint");
  }
  if (path == "/api/v1/search") return search(request);
  if (path == "/api/v1/actors") return actors(request);
  if (path == "/api/v1/status") return status();
  constexpr std::string_view actor_path = "/api/v1/actors/", document_path = "/api/v1/documents/";
  if (path.starts_with(actor_path) && path.size() > actor_path.size())
    return actor(request, path.substr(actor_path.size()));
  if (path.starts_with(document_path) && path.size() > document_path.size()) {
    check_known(request.params, {});
    return document(path.substr(document_path.size()));
  }
  return error_response(404, "no such endpoint");
}

// The request dossier-search builds from its options, from the query string.
ApiResponse Api::search(const ApiRequest& request) {
  const Params& p = request.params;
  check_known(
      p, {"q", "actor", "source", "folder", "from", "to", "facets", "facet_size", "granularity",
          "sort", "limit", "offset", "plain", "match", "estimate", "collapse"});
  SearchRequest r;
  r.query = single(p, "q").value_or("");
  if (r.query.size() > limits_.max_query_bytes)
    throw HttpError(414, "q is longer than " + std::to_string(limits_.max_query_bytes) + " bytes");
  r.actors = every(p, "actor");
  r.sources = every(p, "source");
  r.folders = every(p, "folder");
  r.from = single(p, "from").value_or("");
  r.to = single(p, "to").value_or("");
  r.facets = facets(p);
  r.facet_size = number(p, "facet_size", r.facet_size, 1, limits_.max_facet_size);
  r.granularity = granularity(p);
  r.sort = choice(p, "sort", r.sort, kSortOrderNames);
  r.limit = static_cast<Xapian::doccount>(number(p, "limit", r.limit, 0, limits_.max_limit));
  r.offset = static_cast<Xapian::doccount>(number(p, "offset", r.offset, 0, limits_.max_offset));
  r.plain = flag(p, "plain");
  r.match = choice(p, "match", r.match, kMatchModeNames);
  r.exact = !flag(p, "estimate");
  r.time_limit_seconds = limits_.time_limit_seconds;
  r.collapse = flag(p, "collapse");

  auto searcher = searchers_.borrow();
  const SearchResult result = searcher->search(r);
  ApiResponse response;
  response.body = result_json(result) + "\n";  // as dossier-search --format json prints it
  response.revision = searcher->revision();
  return response;
}

// `dossier-search --batch - --format jsonl` over the request body, streamed: the searcher
// stays borrowed until the last answer is written.
ApiResponse Api::batch(const ApiRequest& request) {
  check_known(request.params, {});
  struct Run {
    SearcherPool::Lease searcher;
    std::string body;
    BatchSettings settings;
  };
  auto run = std::make_shared<Run>(Run{searchers_.borrow(), request.body, {}});
  run->settings.defaults.time_limit_seconds = limits_.time_limit_seconds;
  ApiResponse response;
  response.content_type = "application/x-ndjson";
  response.revision = run->searcher->revision();
  response.stream = [run](std::ostream& out) {
    std::istringstream in(run->body);
    std::ostringstream errors;  // JSONL carries each failed query as an error record
    LentSearcher lent(run->searcher);
    run_batch_with(run->settings, lent.searchers(), in, out, errors);
  };
  return response;
}

ApiResponse Api::actors(const ApiRequest& request) {
  const Params& p = request.params;
  check_known(p, {"type", "prefix", "limit"});
  const std::string type_name = choice(p, "type", "", {"person", "org", "country", "place"});
  std::optional<ActorType> type;
  if (!type_name.empty()) type = actor_type_from_string(type_name);
  const std::size_t limit = number(p, "limit", 100, 0, limits_.max_actors_listed);
  auto searcher = searchers_.borrow();
  auto list = searcher->actors().list(type, single(p, "prefix").value_or(""));
  if (list.size() > limit) list.resize(limit);
  return json_response(actors_to_json(list), searcher->revision());
}

ApiResponse Api::actor(const ApiRequest& request, std::string_view id) {
  check_known(request.params, {"granularity"});
  ActorProfileOptions options;
  options.granularity = granularity(request.params);
  auto searcher = searchers_.borrow();
  const auto profile = actor_profile_json(*searcher, id, options);
  if (!profile) return error_response(404, "no actor '" + std::string(id) + "'");
  return json_response(*profile, searcher->revision());
}

ApiResponse Api::document(std::string_view id) {
  auto searcher = searchers_.borrow();
  const auto record = read_document(*searcher, id);
  if (!record) return error_response(404, "no document '" + std::string(id) + "'");
  return json_response(document_json(*searcher, *record), searcher->revision());
}

ApiResponse Api::status() {
  auto searcher = searchers_.borrow();
  auto body = database_header_json(searcher->database(), searcher->revision());
  body["version"] = version_;
  // --allow-partial: the shards every answer lacks for now.
  if (!searcher->missing().empty()) {
    body["missing_shards"] = nlohmann::ordered_json::array();
    for (const auto& shard : searcher->missing())
      body["missing_shards"].push_back(shard_name(shard));
  }
  return json_response(body, searcher->revision());
}

}  // namespace dossier
