// dossier-shard-server: serves Dossier databases to dossier-search and dossier-serve over
// Xapian's remote protocol, with Dossier's match spies (exact facets on remote shards).
#include <iostream>

#include <CLI/CLI.hpp>

#include "dossier/cli/cli_errors.h"
#include "dossier/cli/cli_parse.h"
#include "dossier/cluster/shard_server.h"

int main(int argc, char** argv) {
  dossier::ShardServerOptions o;
  CLI::App app{
      "Serve Dossier databases as one remote shard (Xapian's remote protocol, with Dossier's\n"
      "match spies), for a cluster stub's 'remote HOST:PORT' line.\n"
      "  dossier-shard-server --port N [--host 127.0.0.1] DB..."};
  app.footer(
      "Read-only. The protocol has no authentication or encryption: keep the default loopback\n"
      "--host, or bind a private network's address (or use the stub's 'remote :ssh ...' form).\n"
      "Forks one process per connection. Runs until killed.\n"
      "Exit codes: 2 bad usage or database, 3 the address cannot be bound.");
  app.add_option("--port", o.port, "TCP port to listen on")
      ->required()
      ->check(dossier::whole_number(1, 65535));
  app.add_option("--host", o.host, "Address to listen on")->capture_default_str();
  app.add_option("--active-timeout", o.active_timeout_seconds,
                 "Seconds to wait for the next message of a request")
      ->check(CLI::Range(0.001, 86400.0))
      ->capture_default_str();
  app.add_option("--idle-timeout", o.idle_timeout_seconds,
                 "Seconds an idle connection is kept open")
      ->check(CLI::Range(0.001, 86400.0))
      ->capture_default_str();
  app.add_flag("--verbose", o.verbose, "A line per connection on stdout");
  app.add_option("DB", o.databases, "Databases made by dossier-index, served as one")->required();
  if (const auto rc = dossier::parse_cli(app, argc, argv)) return *rc;
  return dossier::run_reporting_errors("dossier-shard-server", [&] {
    dossier::run_shard_server(o, std::cerr);
    return 0;
  });
}
