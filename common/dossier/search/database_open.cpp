#include "dossier/search/database_open.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "dossier/base/errors.h"
#include "dossier/base/newest_revision.h"
#include "dossier/schema/schema.h"

namespace dossier {

std::string network_message(const Xapian::Error& error) {
  const char* why = error.get_error_string();
  return error.get_msg() + (why && *why ? std::string(" (") + why + ")" : std::string());
}

bool is_network_error(const Xapian::Error& error) {
  // Xapian::Error has no virtual functions to dynamic_cast with.
  const std::string_view type = error.get_type();
  return type == "NetworkError" || type == "NetworkTimeoutError";
}

namespace {

// The context Xapian's network errors carry for a remote shard (net/remotetcpclient.cc,
// net/progclient.cc), or empty for a local one.
std::string remote_context(const StubShard& shard) {
  switch (shard.kind) {
    case StubShard::Kind::kRemoteTcp:
      return "remote:tcp(" + shard.host + ":" + std::to_string(shard.port) + ")";
    case StubShard::Kind::kRemoteProgram:
      return "remote:prog(" + shard.program + " " + shard.args + ")";
    case StubShard::Kind::kLocal:
      break;
  }
  return {};
}

Xapian::Database open_shard(const StubShard& shard, const OpenOptions& options) {
  const auto ms = static_cast<useconds_t>(std::lround(options.remote_timeout_seconds * 1000));
  switch (shard.kind) {
    case StubShard::Kind::kRemoteTcp:
      return Xapian::Remote::open(shard.host, shard.port, ms, ms);
    case StubShard::Kind::kRemoteProgram:
      return Xapian::Remote::open(shard.program, shard.args, ms);
    case StubShard::Kind::kLocal:
      break;
  }
  return open_newest(shard.path);
}

OpenedDatabase open_once(const std::string& path, const OpenOptions& options,
                         const std::vector<std::string>& leave_out) {
  OpenedDatabase opened;
  const auto stub = stub_file_of(path);
  if (!stub) {
    opened.db = open_newest(path);
  } else {
    std::optional<Error> unreachable;  // the first, when every shard is
    for (const StubShard& shard : read_stub_shards(*stub)) {
      const bool remote = shard.kind != StubShard::Kind::kLocal;
      opened.remote = opened.remote || remote;
      if (remote && std::find(leave_out.begin(), leave_out.end(), shard.line) != leave_out.end()) {
        opened.missing.push_back(shard);
        continue;
      }
      try {
        opened.shards.push_back(open_shard(shard, options));
      } catch (const Xapian::NetworkError& e) {
        Error error(ErrorKind::kUnavailable, "shard '" + shard.line + "' of " + path +
                                                 " is unreachable: " + network_message(e));
        if (!options.allow_partial) throw error;
        if (!unreachable) unreachable = std::move(error);
        opened.missing.push_back(shard);
        continue;
      } catch (const Xapian::DatabaseModifiedError&) {
        throw;
      } catch (const Xapian::Error& e) {
        throw Error(ErrorKind::kUsage,
                    "cannot open shard '" + shard.line + "' of " + path + ": " + e.get_msg());
      }
      opened.db.add_database(opened.shards.back());
      opened.listed.push_back(shard);
    }
    // Nothing left to answer from.
    if (opened.shards.empty() && !opened.missing.empty()) {
      if (unreachable) throw *unreachable;
      throw Error(ErrorKind::kUnavailable, "no shard of " + path + " answers");
    }
  }
  // Every shard carries the schema version; Xapian reads metadata from the first.
  schema::check(opened.db, path);
  return opened;
}

}  // namespace

OpenedDatabase open_database(const std::string& path, const OpenOptions& options,
                             const std::vector<std::string>& leave_out) {
  if (!std::filesystem::exists(path)) throw Error(ErrorKind::kUsage, "no database at " + path);
  // An indexer committing meanwhile may recycle the revision being opened (it keeps one
  // old revision; more likely with several shards, opened one after the other): try again.
  for (int attempt = 0;; ++attempt) {
    try {
      return open_once(path, options, leave_out);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == 5)
        throw Error(ErrorKind::kInternal, "database " + path + " keeps changing while opened");
    } catch (const Xapian::Error& e) {
      throw Error(ErrorKind::kUsage, "cannot open database " + path + ": " + e.get_msg());
    }
  }
}

bool any_reachable(const std::vector<StubShard>& shards, const OpenOptions& options) {
  for (const StubShard& shard : shards) {
    try {
      open_shard(shard, options);
      return true;
    } catch (const Xapian::Error&) {
      // Still down (or not a database at all): try the next one.
    }
  }
  return false;
}

std::string shard_name(const StubShard& shard) {
  switch (shard.kind) {
    case StubShard::Kind::kRemoteTcp: {
      const std::string host =
          shard.host.find(':') != std::string::npos ? "[" + shard.host + "]" : shard.host;
      return host + ":" + std::to_string(shard.port);
    }
    case StubShard::Kind::kRemoteProgram:
      return shard.args.empty() ? shard.program : shard.program + " " + shard.args;
    case StubShard::Kind::kLocal:
      break;
  }
  return shard.path;
}

std::string partial_answer_note(const std::vector<std::string>& missing_shards) {
  std::string names;
  for (const auto& name : missing_shards) names += (names.empty() ? "" : ", ") + name;
  return std::string("partial answer: ") + (missing_shards.size() == 1 ? "shard " : "shards ") +
         names + " did not answer";
}

std::optional<std::string> unresponsive_shard(const std::vector<Xapian::Database>& shards,
                                              const std::vector<StubShard>& listed) {
  for (std::size_t i = 0; i < shards.size() && i < listed.size(); ++i) {
    if (listed[i].kind == StubShard::Kind::kLocal) continue;
    try {
      Xapian::Database probe = shards[i];  // a handle: keep_alive() is not const
      probe.keep_alive();
    } catch (const Xapian::Error&) {
      return listed[i].line;
    }
  }
  return std::nullopt;
}

std::optional<std::string> failed_shard(const Xapian::Error& error,
                                        const std::vector<StubShard>& listed) {
  const std::string context = error.get_context();
  if (context.empty()) return std::nullopt;
  for (const StubShard& shard : listed) {
    if (remote_context(shard) == context) return shard.line;
  }
  return std::nullopt;
}

}  // namespace dossier
