// An HTTP request as dossier-serve's API sees it once cpp-httplib has split it: method,
// path, query parameters and body -> Api::handle over a database of the sample corpus.
// The API promises never to throw (a bad request is a 4xx with a message) and every answer
// is JSON or one of the page's files.
#include <sstream>
#include <string>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "dossier/index/index_report.h"
#include "dossier/index/indexer.h"
#include "dossier/serve/api.h"
#include "fuzz_support.h"

namespace {

// The sample corpus indexed once per process into a fresh folder under /tmp.
std::string sample_database() {
  char folder[] = "/tmp/dossier_fuzz_api.XXXXXX";
  dossier::fuzz::require(::mkdtemp(folder) != nullptr);
  dossier::IndexOptions options;
  options.db_path = std::string(folder) + "/db";
  options.inputs = {DOSSIER_SOURCE_DIR "/corpus"};
  options.jobs = 1;
  std::ostringstream ignored;
  dossier::IndexReport report(ignored, "");
  dossier::index_corpus(options, report);
  return options.db_path;
}

// Input layout: "METHOD PATH\n" then "key=value" lines, then an empty line, then the body.
dossier::ApiRequest request_of(std::string_view input) {
  dossier::ApiRequest request;
  auto next_line = [&input] {
    const auto end = input.find('\n');
    std::string line(input.substr(0, end));
    input.remove_prefix(end == std::string_view::npos ? input.size() : end + 1);
    return line;
  };
  const std::string first = next_line();
  const auto space = first.find(' ');
  request.method = first.substr(0, space);
  request.path = space == std::string::npos ? "/" : first.substr(space + 1);
  for (std::string line = next_line(); !line.empty(); line = next_line()) {
    const auto equals = line.find('=');
    request.params.emplace(line.substr(0, equals),
                           equals == std::string::npos ? "" : line.substr(equals + 1));
  }
  request.body = std::string(input);
  return request;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dossier;
  static SearcherPool searchers(sample_database(), 1);
  static Api api(searchers, ApiLimits{}, "fuzz");
  const ApiResponse response = api.handle(request_of(fuzz::bytes(data, size)));
  fuzz::require(response.status >= 200 && response.status < 600);
  if (response.content_type.starts_with("application/json") && response.status >= 400)
    fuzz::require(nlohmann::json::accept(response.body));
  return 0;
}
