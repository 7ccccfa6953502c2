// Opening a Dossier database for reading: a plain database, the shards dossier-index wrote
// (--shards N), or a cluster stub listing local and remote shards (`remote HOST:PORT`,
// served by dossier-shard-server), each opened here so remote shards get their timeouts
// and a shard that fails is named.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "dossier/schema/shard_layout.h"

namespace dossier {

// Seconds a remote shard may take to connect and to answer each message (Xapian's default
// is 10 s: an exact pass over a large shard can take longer).
inline constexpr double kDefaultRemoteTimeout = 10;
inline constexpr double kMaxRemoteTimeout = 24 * 3600;

struct OpenOptions {
  double remote_timeout_seconds = kDefaultRemoteTimeout;
};

struct OpenedDatabase {
  Xapian::Database db;  // every shard combined (merged statistics)
  // A stub's shards in its order, and what its lines say of each; empty for a plain
  // database.
  std::vector<Xapian::Database> shards;
  std::vector<StubShard> listed;
  bool remote = false;  // some shard is remote: features that read it locally are refused
};

// Opens `path` read-only and checks its schema. Throws dossier::Error: kUsage when it is
// missing, unreadable or of another schema; kUnavailable when a remote shard cannot be
// reached (naming it).
OpenedDatabase open_database(const std::string& path, const OpenOptions& options);

// A network error's message with the system's reason when it has one ("Couldn't connect
// (Connection refused)").
std::string network_message(const Xapian::Error& error);

// Whether `error` is a Xapian::NetworkError (a connection failed, closed or timed out).
bool is_network_error(const Xapian::Error& error);

// The stub line of the remote shard a Xapian network error came from (its context names
// the connection), or nothing.
std::optional<std::string> failed_shard(const Xapian::Error& error,
                                        const std::vector<StubShard>& listed);

// The stub line of the first remote shard of `shards` (listed as `listed`) that does not
// answer a keep-alive, or nothing: the shard a network error without context came from
// (Xapian's "Connection closed unexpectedly" when a server went away names none).
std::optional<std::string> unresponsive_shard(const std::vector<Xapian::Database>& shards,
                                              const std::vector<StubShard>& listed);

}  // namespace dossier
