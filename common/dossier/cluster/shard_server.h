// dossier-shard-server: Xapian's own remote-protocol TCP server (RemoteTcpServer, the one
// behind xapian-tcpsrv) with Dossier's match spies registered (spy_registry.h). Built from
// the internal headers of the installed xapian-core's source (scripts/setup.sh).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace dossier {

struct ShardServerOptions {
  std::string host = "127.0.0.1";  // the protocol has no authentication: loopback by default
  int port = 0;
  std::vector<std::string> databases;  // served as one database
  double active_timeout_seconds = 15;  // between messages of one request (Xapian's default)
  double idle_timeout_seconds = 60;    // between requests (Xapian's default)
  bool verbose = false;                // a line per connection on stdout
};

// Checks every database (it opens, its schema is one Dossier reads), listens, says so on
// `log`, and serves until killed, forking per connection as xapian-tcpsrv does. Throws
// dossier::Error: kUsage for a database that is missing or not readable; kInternal when
// the address cannot be bound.
void run_shard_server(const ShardServerOptions& options, std::ostream& log);

}  // namespace dossier
