// dossier-serve over the wire: options, the listening socket, worker threads, limits,
// authentication, the access log and a clean stop on SIGINT/SIGTERM. The answers
// themselves come from Api (api.h).
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "dossier/serve/api.h"

namespace dossier {

struct ServeOptions {
  std::string db_path;
  OpenOptions open;                       // remote shards' timeouts (search/database_open.h)
  std::string listen = "127.0.0.1:8080";  // HOST:PORT; port 0 picks a free one
  // Workers, one searcher each. A keep-alive connection holds a worker while it is open
  // (httplib's model), so this bounds the clients served at once. 0: cores, at least 8.
  unsigned threads = 0;
  std::string token_file;  // Bearer token required on every request
  bool no_auth = false;    // allow a non-loopback address without a token
  bool quiet = false;      // no access log
  // Connections waiting for a free worker; beyond it the server answers 503.
  std::size_t queue = 256;
  std::size_t max_body_bytes = 1 << 20;  // POST bodies (batch); beyond: 413
  int io_timeout_seconds = 5;            // reading a request, writing an answer
  ApiLimits limits;
  std::string version;
};

struct ListenAddress {
  std::string host;
  int port = 0;
};

// "127.0.0.1:8080", "[::1]:8080", "localhost:0". Throws dossier::Error (kUsage).
ListenAddress parse_listen_address(std::string_view text);
// 127.0.0.0/8, ::1 and "localhost".
bool is_loopback(std::string_view host);
// Compares a secret in time that depends only on the lengths, not on where they differ.
bool same_secret(std::string_view a, std::string_view b);

// Serves until SIGINT or SIGTERM, then stops accepting, finishes the requests in flight and
// returns 0. Must be called before any other thread of the process is started (it blocks
// the two signals for every thread and waits for them in one of its own). Start-up lines
// and the access log go to `log`. Throws dossier::Error for what prevents serving: no
// database, a non-loopback address without --token-file or --no-auth, an unreadable or
// empty token file, an address that cannot be bound.
int serve(const ServeOptions& options, std::ostream& log);

}  // namespace dossier
