// dossier-serve: the search page and a JSON API over a Dossier database, read-only.
#include <iostream>

#include <CLI/CLI.hpp>

#include "dossier/cli/cli_errors.h"
#include "dossier/cli/cli_parse.h"
#include "dossier/search/searcher.h"
#include "dossier/serve/http_server.h"

int main(int argc, char** argv) {
  dossier::ServeOptions o;
  o.version = DOSSIER_VERSION;
  CLI::App app{
      "Serve a Dossier database: the search page at / and the JSON API at /api/v1 (docs/API.md).\n"
      "  dossier-serve --db DB [--listen 127.0.0.1:8080] [--threads N]"};
  app.footer(
      "Read-only; answers follow new commits of dossier-index. A non-loopback --listen needs\n"
      "--token-file (clients send 'Authorization: Bearer TOKEN') or --no-auth.\n"
      "SIGINT/SIGTERM: stop accepting, finish the requests in flight, exit 0.\n"
      "Exit codes: 0 stopped by a signal, 2 bad usage or database, 3 internal error.");
  app.add_option("--db", o.db_path,
                 "Database folder made by dossier-index, or a cluster stub file listing shards "
                 "('glass PATH', 'remote HOST:PORT' of dossier-shard-server)")
      ->required();
  app.add_option("--remote-timeout", o.open.remote_timeout_seconds,
                 "Seconds a remote shard may take to connect and to answer each message")
      ->check(CLI::Range(0.001, dossier::kMaxRemoteTimeout))
      ->capture_default_str();
  app.add_flag("--allow-partial", o.open.allow_partial,
               "Over a cluster stub: a remote shard that is down or fails is left out and the "
               "others answer searches (\"partial\": true, \"missing_shards\") instead of 503");
  app.add_option("--listen", o.listen, "HOST:PORT to listen on (port 0: any free one)")
      ->capture_default_str();
  app.add_option(
         "--threads", o.threads,
         "Worker threads, one searcher and one open connection each (default: cores, at least 8)")
      ->check(CLI::Range(1, 1024));
  app.add_option("--token-file", o.token_file, "File holding the bearer token clients must send")
      ->check(CLI::ExistingFile);
  app.add_flag("--no-auth", o.no_auth, "Serve a non-loopback address without a token");
  app.add_flag("--quiet", o.quiet, "No access log on stderr");
  app.add_option("--queue", o.queue, "Connections waiting for a worker before 503s")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  app.add_option("--max-body", o.max_body_bytes, "Largest request body in bytes (batch)")
      ->check(CLI::Range(1, 1 << 30))
      ->capture_default_str();
  // Up to the command line's own largest --limit (an int range, as --help prints it).
  app.add_option("--max-limit", o.limits.max_limit, "Largest limit= of a search")
      ->check(CLI::Range(1, static_cast<int>(dossier::kMaxHits)))
      ->capture_default_str();
  app.add_option("--time-limit", o.limits.time_limit_seconds,
                 "Seconds a search may take (each query of a batch on its own) before it is "
                 "answered 503; 0: no limit")
      ->check(CLI::Range(0.0, 86400.0))
      ->capture_default_str();
  if (const auto rc = dossier::parse_cli(app, argc, argv)) return *rc;
  return dossier::run_reporting_errors("dossier-serve",
                                       [&] { return dossier::serve(o, std::cerr); });
}
