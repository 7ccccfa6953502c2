#include "dossier/cluster/shard_server.h"

#include <xapian.h>

// Internal headers of xapian-core (net/), from its source; the library exports the class.
#include <remotetcpserver.h>

#include "dossier/base/errors.h"
#include "dossier/cluster/spy_registry.h"
#include "dossier/schema/schema.h"

namespace dossier {
namespace {

void check_database(const std::string& path) {
  try {
    schema::check(Xapian::Database(path), path);
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::kUsage, "cannot open database " + path + ": " + e.get_msg());
  }
}

}  // namespace

void run_shard_server(const ShardServerOptions& options, std::ostream& log) {
  for (const std::string& path : options.databases) check_database(path);
  try {
    RemoteTcpServer server(options.databases, options.host, options.port,
                           options.active_timeout_seconds, options.idle_timeout_seconds,
                           /*writable=*/false, options.verbose);
    server.set_registry(spy_registry());
    log << "dossier-shard-server: serving " << options.databases.size() << " database"
        << (options.databases.size() == 1 ? "" : "s") << " on " << options.host << ':'
        << options.port << std::endl;
    server.run();
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::kInternal, "cannot serve on " + options.host + ":" +
                                          std::to_string(options.port) + ": " + e.get_msg());
  }
}

}  // namespace dossier
