// The HTTP API of dossier-serve as plain data in, plain data out: routing, parameters,
// answers and error statuses, with no socket or HTTP library in sight (http_server.h
// carries them over the wire). Every answer is made by the library dossier-search uses:
// the same request struct, Searcher, printers and batch runner.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include <xapian.h>

#include "dossier/serve/searcher_pool.h"

namespace dossier {

struct ApiLimits {
  Xapian::doccount max_limit = 1000;     // hits per page
  Xapian::doccount max_offset = 100000;  // deep paging costs a ranking of every skipped hit
  std::size_t max_query_bytes = 2048;    // q= (longer: 414)
  std::size_t max_facet_size = 1000;
  std::size_t max_actors_listed = 10000;
  // Seconds one search may take (each query of a batch on its own); past it the answer is
  // 503. 0: no limit.
  double time_limit_seconds = 10;
};

struct ApiRequest {
  std::string method;                              // "GET", "POST", ...
  std::string path;                                // percent-decoded, without the query string
  std::multimap<std::string, std::string> params;  // the query string, decoded
  std::string body;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  // When set, the body is not `body` but what this writes, sent as it is written (chunked):
  // a batch's answers reach the client while later queries are still being answered.
  std::function<void(std::ostream&)> stream;
  std::optional<Xapian::rev> revision;  // of the database the answer comes from
  std::string allow;                    // with 405: the methods the path answers
};

// {"error": message, "status": status} and a newline.
ApiResponse error_response(int status, std::string_view message);

class Api {
 public:
  // `version` is what /api/v1/status reports.
  Api(SearcherPool& searchers, ApiLimits limits, std::string version)
      : searchers_(searchers), limits_(limits), version_(std::move(version)) {}

  // Routes a request: /api/v1/... or one of the page's files. Never throws: a bad
  // parameter or query is a 400 with the CLI's message, an unexpected failure a 500.
  ApiResponse handle(const ApiRequest& request);

 private:
  ApiResponse route(const ApiRequest& request);
  ApiResponse search(const ApiRequest& request);
  ApiResponse batch(const ApiRequest& request);
  ApiResponse actors(const ApiRequest& request);
  ApiResponse actor(const ApiRequest& request, std::string_view id);
  ApiResponse document(std::string_view id);
  ApiResponse status();

  SearcherPool& searchers_;
  ApiLimits limits_;
  std::string version_;
};

}  // namespace dossier
