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
  // A remote shard that cannot be reached is left out (OpenedDatabase::missing) instead of
  // failing the open: answers then come from the shards that answer (--allow-partial).
  bool allow_partial = false;
};

struct OpenedDatabase {
  Xapian::Database db;  // every shard combined (merged statistics)
  // A stub's shards in its order, and what its lines say of each; empty for a plain
  // database.
  std::vector<Xapian::Database> shards;
  std::vector<StubShard> listed;
  bool remote = false;  // some shard is remote: features that read it locally are refused
  // With allow_partial: the remote shards left out (unreachable, or asked to), in stub
  // order; `db`, `shards` and `listed` hold the others.
  std::vector<StubShard> missing;
};

// Opens `path` read-only and checks its schema. Throws dossier::Error: kUsage when it is
// missing, unreadable or of another schema; kUnavailable when a remote shard cannot be
// reached (naming it), unless options.allow_partial (then only when none can). The remote
// shards whose stub lines are in `leave_out` are not opened (with allow_partial: missing).
OpenedDatabase open_database(const std::string& path, const OpenOptions& options,
                             const std::vector<std::string>& leave_out = {});

// Whether any of `shards` can be opened now (a remote shard server is back).
bool any_reachable(const std::vector<StubShard>& shards, const OpenOptions& options);

// How answers name a shard: HOST:PORT ([HOST]:PORT for IPv6) of a shard server, the
// program and its arguments of a program shard, the path of a local one.
std::string shard_name(const StubShard& shard);

// The line that tells a reader of text output an answer is partial (allow_partial): "partial
// answer: shard HOST:PORT did not answer" (names as shard_name() gives them).
std::string partial_answer_note(const std::vector<std::string>& missing_shards);

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
