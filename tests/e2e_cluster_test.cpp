// End-to-end: a cluster stub (two shards served by dossier-shard-server on loopback ports,
// one local shard) answers every kind of search byte for byte as the same three shards
// opened locally through a stub, and as one database of all the articles (date-sorted
// hits up to the order of ties, e2e_compare.h), tables and co-actors byte for byte (their spy
// cannot travel: they are counted by passes of the actor facet's). A shard that is down or silent
// fails the query with one line naming it, exit 3; with --allow-partial the others answer,
// as a stub of only them would, saying which shard is missing.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <memory>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e_compare.h"
#include "e2e_support.h"

namespace {

using namespace dossier::e2e;
using nlohmann::json;

const std::string kShardServer = DOSSIER_SHARD_SERVER_BIN;

// Articles naming countries, most dated by their dateline (a few undated), with a source
// in the sidecar; lengths differ, so most ranked hits have scores of their own.
void write_corpus(const std::string& folder) {
  static const char* const kCountries[] = {"France", "Brazil", "Japan", "Kenya", "Canada"};
  static const char* const kTopics[] = {"trade", "election", "drought", "summit"};
  static const char* const kMonths[] = {"January", "March", "June", "October"};
  std::string metadata;
  for (int i = 0; i < 36; ++i) {
    const std::string id = std::string("a").append(std::to_string(i)).append(".txt");
    const char* country = kCountries[i % 5];
    const char* other = kCountries[(i / 5) % 5];
    const char* topic = kTopics[i % 4];
    std::ostringstream text;
    text << country << " and " << other << " discuss " << topic << "\n\n";
    if (i % 7 != 3) text << "PARIS, " << 1 + i % 28 << " " << kMonths[i % 4] << " 2019 - ";
    text << "Officials of " << country << " met counterparts from " << other
         << " to talk about the " << topic << ".";
    for (int k = 0; k < i % 6; ++k) text << " The " << topic << " talks went on for hours.";
    // An organisation under two names, one identity (the acronym is defined in some).
    if (i % 5 == 1) text << " Envoys of the European Union (EU) attended.";
    if (i % 5 == 3) text << " The EU sent observers.";
    text << "\n";
    write_file(folder + "/" + id, text.str());
    metadata += json{{"id", id}, {"source", i % 3 == 0 ? "Wire" : "Gazette"}}.dump() + "\n";
  }
  write_file(folder + "/metadata.jsonl", metadata);
}

// A loopback port nobody listens on now (the kernel's pick, released at once).
int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), len);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

// One dossier-shard-server in its own process group (it forks per connection), killed
// with its children when this object goes, or when the test process dies.
class ShardServer {
 public:
  // Its stderr goes to `log`. On `port` when given (a restart), else on a free one.
  ShardServer(const std::string& db, const std::string& log, int port = 0) : log_(log) {
    for (int attempt = 0; attempt < 5 && pid_ <= 0; ++attempt) {
      port_ = port ? port : free_port();
      start(db);
    }
  }
  ~ShardServer() { stop(); }
  ShardServer(const ShardServer&) = delete;
  ShardServer& operator=(const ShardServer&) = delete;

  int port() const { return port_; }
  bool running() const { return pid_ > 0; }
  void stop() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

 private:
  void start(const std::string& db) {
    std::filesystem::remove(log_);
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::setpgid(0, 0);
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (!std::freopen(log_.c_str(), "w", stderr)) ::_exit(127);
      const std::string port = std::to_string(port_);
      ::execl(kShardServer.c_str(), kShardServer.c_str(), "--port", port.c_str(), db.c_str(),
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::setpgid(pid, pid);
    for (int i = 0; i < 500; ++i) {  // up to 5 s
      // It says so once it listens.
      if (slurp(log_).find("serving") != std::string::npos) {
        pid_ = pid;
        return;
      }
      if (::waitpid(pid, nullptr, WNOHANG) == pid) return;  // the port was taken: retry
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::kill(-pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
  }

  std::string log_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// A suite's temporary folder and its `Servers` shard servers on loopback, stopped and
// removed after the suite; search() runs dossier-search on a database or stub.
template <std::size_t Servers>
class ShardServerSuite : public ::testing::Test {
 protected:
  static void TearDownTestSuite() {
    for (auto*& server : servers_) {
      delete server;
      server = nullptr;
    }
    delete dir_;
    dir_ = nullptr;
  }

  static RunResult search(const std::string& db, const std::string& args,
                          const std::string& input = "") {
    return run(kSearch + " --db " + quote(db) + " " + args, input);
  }

  inline static TempDir* dir_ = nullptr;
  inline static std::array<ShardServer*, Servers> servers_{};
};

class ClusterSearch : public ShardServerSuite<2> {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("e2e_cluster");
    write_corpus(*dir_ / "corpus");
    auto r = run(kIndex + " --quiet --db " + quote(*dir_ / "one") + " " + quote(*dir_ / "corpus"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run(kIndex + " --quiet --shards 3 --db " + quote(*dir_ / "sharded") + " " +
            quote(*dir_ / "corpus"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    servers_[0] = new ShardServer(*dir_ / "sharded/shard-0", *dir_ / "server0.log");
    servers_[1] = new ShardServer(*dir_ / "sharded/shard-1", *dir_ / "server1.log");
    ASSERT_TRUE(servers_[0]->running() && servers_[1]->running());
    cluster_ = *dir_ / "cluster";
    write_file(cluster_, "# two remote shards and a local one\nremote 127.0.0.1:" +
                             std::to_string(servers_[0]->port()) + "\nremote 127.0.0.1:" +
                             std::to_string(servers_[1]->port()) + "\nglass sharded/shard-2\n");
    local_ = *dir_ / "local";
    write_file(local_, "glass sharded/shard-0\nglass sharded/shard-1\nglass sharded/shard-2\n");
  }
  inline static std::string cluster_, local_;
};

// Every form of search, as JSON or tables: the cluster's bytes are the local stub's, and
// its answers are one database's up to the order of tied hits.
TEST_F(ClusterSearch, AnswersAsTheSameShardsLocallyAndAsOneDatabase) {
  const std::vector<std::string> queries = {
      "--format json -n 100 trade",
      "--format json -n 100 " + quote("France drought"),
      "--format json -n 3 --offset 2 talks",
      "--format json -n 100 --facets actor,date,source,folder --facet-size 50 " +
          quote("summit OR election"),
      "--format json -n 100 --facets significant talks",
      "--format json -n 100 --actor Kenya --facets actor,date talks",
      "--format json -n 100 --source Wire --from 2019-03 --to 2019-10 --facets date officials",
      "--format json -n 100 --sort date talks",
      "--format json -n 4 --offset 26 --sort date --facets date talks",
      "--format json -n 100 --sort -date --facets source talks",
      // Full pages sorted by a value (relevance then id, or date): shard servers count the
      // facets, never the client again (Searcher::rank_by_xapian()).
      "--format json -n 3 --facets actor,date,source,folder talks",
      "--format json -n 3 --offset 2 --sort -date --facets actor,date,source talks",
      "--format json -n 2 --sort date --facets actor,source talks",
      "--format json -n 100 --collapse --facets actor talks",
      "--format json actors",
      "--format json actors --type country",
      "--format json sources",
      "--table actor-by-date talks",
      "--table actor-by-date --granularity year --format csv summit",
      // Remotely by passes of the actor facet's spy (one per actor asked about).
      "--table actor-by-actor talks",
      "--table actor-by-actor --facet-size 3 --format json " + quote("summit OR election"),
      "--table actor-by-actor --actor Kenya --format graphml talks",
      "--format json -n 0 --actor Kenya --facets co-actors talks",
      "--format json -n 0 --actor EU --facets co-actors,actor --facet-size 50 talks",
      "--format json -n 0 --actor " + quote("European Union") + " --collapse --facets co-actors " +
          quote("officials OR talks"),
  };
  for (const auto& q : queries) {
    const auto local = search(local_, q), remote = search(cluster_, q),
               one = search(*dir_ / "one", q);
    ASSERT_EQ(local.exit_code, 0) << q << "\n" << local.err;
    EXPECT_EQ(remote.exit_code, 0) << q << "\n" << remote.err;
    EXPECT_EQ(remote.out, local.out) << q;
    // Ranked by relevance, ties go by id: the bytes are one database's. Sorted by date,
    // hits of one date and score go by docid, which differ.
    if (q.find("--sort") != std::string::npos) {
      EXPECT_EQ(canonical_hits(json::parse(remote.out)), canonical_hits(json::parse(one.out))) << q;
    } else {
      EXPECT_EQ(remote.out, one.out) << q;
    }
  }
}

// A batch on two threads, each with its own connections: the same lines, but for the
// header's revision, which a remote shard does not report (null).
TEST_F(ClusterSearch, BatchOnTwoThreadsAnswersAsTheLocalShards) {
  const std::string input =
      "{\"id\":\"a\",\"q\":\"talks\",\"facets\":[\"actor\",\"date\",\"source\"]}\n"
      "t1\tFrance OR Japan\n"
      "{\"id\":\"c\",\"q\":\"summit\",\"actor\":[\"Brazil\"],\"limit\":2,\"offset\":1}\n"
      "{\"id\":\"d\",\"q\":\"trade\",\"sort\":\"date\"}\n"
      "drought\nelection\nofficials\n"
      "{\"id\":\"e\",\"q\":\"talks\",\"actor\":\"Kenya\",\"facets\":\"co-actors\"}\n";
  const auto local = search(local_, "--batch - --jobs 2 --facets actor", input);
  const auto remote = search(cluster_, "--batch - --jobs 2 --facets actor", input);
  ASSERT_EQ(local.exit_code, 0) << local.err;
  ASSERT_EQ(remote.exit_code, 0) << remote.err;
  const auto header_end = local.out.find('\n');
  EXPECT_EQ(remote.out.substr(remote.out.find('\n')), local.out.substr(header_end));
  auto header = json::parse(remote.out.substr(0, remote.out.find('\n')));
  EXPECT_TRUE(header["database"]["revision"].is_null()) << header;
  header["database"]["revision"] =
      json::parse(local.out.substr(0, header_end))["database"]["revision"];
  EXPECT_EQ(header, json::parse(local.out.substr(0, header_end)));
  const auto tables = search(cluster_, "--batch - --table actor-by-date --format jsonl", input);
  const auto local_tables = search(local_, "--batch - --table actor-by-date --format jsonl", input);
  EXPECT_EQ(tables.out.substr(tables.out.find('\n')),
            local_tables.out.substr(local_tables.out.find('\n')));
  const auto pairs =
      search(cluster_, "--batch - --jobs 2 --table actor-by-actor --format csv", input);
  const auto local_pairs =
      search(local_, "--batch - --jobs 2 --table actor-by-actor --format csv", input);
  ASSERT_EQ(local_pairs.exit_code, 0) << local_pairs.err;
  EXPECT_EQ(pairs.exit_code, 0) << pairs.err;
  EXPECT_EQ(pairs.out, local_pairs.out);
}

// An article by id: the same record (the database line differs: a remote shard reports no
// revision).
TEST_F(ClusterSearch, ShowsAnArticleAsTheLocalShards) {
  const auto local = search(local_, "--format json show corpus/a7.txt");
  const auto remote = search(cluster_, "--format json show corpus/a7.txt");
  ASSERT_EQ(local.exit_code, 0) << local.err;
  ASSERT_EQ(remote.exit_code, 0) << remote.err;
  EXPECT_EQ(json::parse(remote.out)["document"], json::parse(local.out)["document"]);
}

// Articles whose lengths all differ (each repeats a filler sentence once more), so no
// two of them score alike for any query below and ranked hits keep one order whatever the
// docids: dated over 2019-2020 (every ninth undated), people and an organisation under two
// names among the actors.
void write_untied_corpus(const std::string& folder) {
  static const char* const kCountries[] = {"France", "Brazil", "Japan", "Kenya", "Canada", "Peru"};
  static const char* const kPeople[] = {"Foreign Minister Jorge Arreaza",
                                        "President Emmanuel Macron", "Prime Minister Shinzo Abe"};
  static const char* const kTopics[] = {"trade", "election", "drought", "summit", "oil"};
  std::string metadata;
  for (int i = 0; i < 45; ++i) {
    // (append(): GCC 12 warns wrongly about "p" + std::to_string(i) + ".txt", -Wrestrict)
    const std::string id = std::string("p").append(std::to_string(i)).append(".txt");
    const char* country = kCountries[i % 6];
    const char* other = kCountries[(i / 6 + 1 + i % 6) % 6];
    const char* topic = kTopics[i % 5];
    std::ostringstream text;
    text << country << " and " << other << " weigh " << topic << " plans\n\n";
    if (i % 9 != 4) text << "LIMA, " << 1 + i % 27 << " May " << 2019 + i % 2 << " - ";
    text << "Officials of " << country << " met counterparts from " << other << " about " << topic
         << ". " << kPeople[i % 3] << " spoke of the " << topic << ".";
    if (i % 4 == 1) text << " Envoys of the European Union (EU) attended.";
    if (i % 4 == 3) text << " The EU sent observers on " << topic << ".";
    // Xapian's BM25 reads a length under half the average as half of it (min_normlen):
    // every article is longer than that, so lengths tell all of them apart.
    for (int k = 0; k <= 30 + i; ++k) text << " Delegates talked late.";
    text << "\n";
    write_file(folder + "/" + id, text.str());
    metadata += json{{"id", id}, {"source", i % 3 == 0 ? "Wire" : "Gazette"}}.dump() + "\n";
  }
  write_file(folder + "/metadata.jsonl", metadata);
}

// One corpus indexed whole, and as three partitions (dossier-index --partition K/3) each
// served by its own shard server: the stub of the three answers every query with the
// whole database's bytes, scores included.
class PartitionedCluster : public ShardServerSuite<3> {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("e2e_partitioned");
    write_untied_corpus(*dir_ / "corpus");
    const std::string corpus = quote(*dir_ / "corpus");
    auto r = run(kIndex + " --quiet --db " + quote(*dir_ / "whole") + " " + corpus);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string stub;
    for (int k = 0; k < 3; ++k) {
      const std::string name = std::string("part").append(std::to_string(k));
      const std::string part = *dir_ / name;
      r = run(kIndex + " --quiet --partition " + std::to_string(k) + "/3 --db " + quote(part) +
              " " + corpus);
      ASSERT_EQ(r.exit_code, 0) << r.err;
      servers_[k] = new ShardServer(part, part + ".log");
      ASSERT_TRUE(servers_[k]->running());
      stub += "remote 127.0.0.1:" + std::to_string(servers_[k]->port()) + "\n";
    }
    cluster_ = *dir_ / "cluster";
    write_file(cluster_, stub);
  }
  inline static std::string cluster_;
};

TEST_F(PartitionedCluster, EveryAnswerIsTheWholeDatabasesByteForByte) {
  const std::vector<std::string> queries = {
      "delegates",
      "--format json -n 100 delegates",
      "--format json -n 100 " + quote("France trade"),
      "--format json -n 7 --offset 5 --match any " + quote("oil summit"),
      "--format json -n 100 --facets actor,date,source,folder --facet-size 50 " +
          quote("summit OR election"),
      "--format json -n 100 --facets significant --facet-size 20 officials",
      "--format json -n 100 --actor EU --facets actor,date --granularity day delegates",
      "--format json -n 100 --sort date --facets date delegates",
      "--format json -n 6 --offset 4 --sort date delegates",
      "--format json -n 100 --sort -date --facets source officials",
      "--format json -n 0 --actor Arreaza --facets co-actors --facet-size 20 delegates",
      "--format json actors",
      "--format json actors --type person",
      "--format json sources",
      "--table actor-by-date --granularity month delegates",
      "--table actor-by-date --granularity year --format csv --actor Kenya officials",
      "--table actor-by-actor --facet-size 8 delegates",
      "--table actor-by-actor --facet-size 5 --format json " + quote("trade OR oil"),
  };
  for (const auto& q : queries) {
    const auto whole = search(*dir_ / "whole", q), remote = search(cluster_, q);
    ASSERT_EQ(whole.exit_code, 0) << q << "\n" << whole.err;
    EXPECT_EQ(remote.exit_code, 0) << q << "\n" << remote.err;
    EXPECT_EQ(remote.out, whole.out) << q;
  }
  // The answers are not empty: the corpus names what the queries ask about.
  const auto co = json::parse(search(cluster_, queries[10]).out);
  EXPECT_GE(co["facets"]["co_actors"].size(), 5u) << co;
  EXPECT_EQ(json::parse(search(cluster_, queries[1]).out)["total"], 45);
}

// A batch on two threads, each with its connections to the three servers: the whole
// database's lines (the header, which names the databases, left out).
TEST_F(PartitionedCluster, BatchOnTwoThreadsIsTheWholeDatabasesByteForByte) {
  const std::string input =
      "{\"id\":\"a\",\"q\":\"delegates\",\"facets\":[\"actor\",\"date\",\"source\"],\"limit\":50}\n"
      "t1\tFrance OR Japan\n"
      "{\"id\":\"c\",\"q\":\"summit\",\"actor\":[\"Brazil\"],\"limit\":2,\"offset\":1}\n"
      "{\"id\":\"d\",\"q\":\"trade\",\"sort\":\"date\",\"limit\":20}\n"
      "{\"id\":\"e\",\"q\":\"officials\",\"sort\":\"-date\",\"facets\":\"significant\"}\n"
      "{\"id\":\"f\",\"q\":\"delegates\",\"actor\":\"EU\",\"facets\":\"co-actors\"}\n"
      "drought\nelection\noil\n";
  for (const std::string args : {"--batch - --jobs 2 --no-header --facets actor",
                                 "--batch - --jobs 2 --no-header --table actor-by-date",
                                 "--batch - --jobs 2 --no-header --table actor-by-actor"}) {
    const auto whole = search(*dir_ / "whole", args, input);
    const auto remote = search(cluster_, args, input);
    ASSERT_EQ(whole.exit_code, 0) << args << "\n" << whole.err;
    EXPECT_EQ(remote.exit_code, 0) << args << "\n" << remote.err;
    EXPECT_EQ(remote.out, whole.out) << args;
  }
}

TEST_F(ClusterSearch, AShardThatIsDownFailsTheQueryNamingIt) {
  const int port = free_port();
  const auto stub = *dir_ / "down";
  write_file(stub, "glass sharded/shard-2\nremote 127.0.0.1:" + std::to_string(port) + "\n");
  const auto r = search(stub, "--format json talks");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "dossier-search: shard 'remote 127.0.0.1:" + std::to_string(port) + "' of " +
                       stub + " is unreachable: Couldn't connect (Connection refused)\n");
  EXPECT_EQ(r.out, "");
}

// A loopback listener that takes connections into its backlog and never answers them.
class SilentListener {
 public:
  SilentListener() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
        ::listen(fd_, 4) != 0 || ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
      return;
    port_ = ntohs(addr.sin_port);
  }
  ~SilentListener() {
    if (fd_ >= 0) ::close(fd_);
  }
  SilentListener(const SilentListener&) = delete;
  SilentListener& operator=(const SilentListener&) = delete;
  bool listening() const { return port_ != 0; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  int fd_;
  int port_ = 0;
};

// A listener that never answers: the handshake times out after --remote-timeout.
TEST_F(ClusterSearch, AShardThatDoesNotAnswerTimesOutNamingIt) {
  const SilentListener listener;
  ASSERT_TRUE(listener.listening());
  const std::string shard = "remote " + listener.address();
  const auto stub = *dir_ / "silent";
  write_file(stub, shard + "\n");
  const auto start = std::chrono::steady_clock::now();
  const auto r = search(stub, "--remote-timeout 0.3 talks");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "dossier-search: shard '" + shard + "' of " + stub +
                       " is unreachable: Timeout expired while trying to read\n");
  EXPECT_LT(seconds, 5.0);
}

// A shard server that dies between the queries of a batch: that query fails naming the
// shard (an error record, exit 2 for the batch), within the timeout.
TEST_F(ClusterSearch, AShardServerKilledMidBatchFailsItsQueryNamingIt) {
  ShardServer doomed(*dir_ / "sharded/shard-0", *dir_ / "doomed.log");
  ASSERT_TRUE(doomed.running());
  const auto stub = *dir_ / "doomed";
  const std::string shard = "remote 127.0.0.1:" + std::to_string(doomed.port());
  write_file(stub, shard + "\nglass sharded/shard-1\nglass sharded/shard-2\n");
  // The searcher connects when it opens; the server goes before the first query is read.
  const auto out = *dir_ / "doomed.out";
  const std::string command = kSearch + " --db " + quote(stub) +
                              " --remote-timeout 2 --batch - --no-header >" + quote(out) + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "w");
  ASSERT_NE(pipe, nullptr);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  doomed.stop();
  std::fputs("talks\n", pipe);
  const int status = ::pclose(pipe);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 2) << status;
  const auto answer = json::parse(slurp(out));
  EXPECT_NE(answer.value("error", "").find("shard '" + shard + "' of " + stub + " failed"),
            std::string::npos)
      << answer;
}

// `answer` (JSON or JSON Lines of the surviving shards) as an answer without `shard` says
// it: "partial" and "missing_shards" after "total_exact", "partial" after the facets'
// "exact".
std::string as_partial(std::string answer, const std::string& shard) {
  const auto insert_after = [&](const std::string& key, const std::string& fields) {
    for (const std::string value : {"true", "false"}) {
      const std::string at = key + value;
      for (auto pos = answer.find(at); pos != std::string::npos;
           pos = answer.find(at, pos + at.size() + fields.size()))
        answer.insert(pos + at.size(), fields);
    }
  };
  insert_after("\"total_exact\":", ",\"partial\":true,\"missing_shards\":[\"" + shard + "\"]");
  insert_after("\"exact\":", ",\"partial\":true");
  return answer;
}

// Two shard servers (shard-0 and shard-1) and a local shard; the stub of all three and
// the stub of the two that stay up when shard-0's server goes.
class PartialCluster : public ClusterSearch {
 protected:
  void SetUp() override {
    first_ = std::make_unique<ShardServer>(*dir_ / "sharded/shard-0", *dir_ / "first.log");
    second_ = std::make_unique<ShardServer>(*dir_ / "sharded/shard-1", *dir_ / "second.log");
    ASSERT_TRUE(first_->running() && second_->running());
    first_name_ = "127.0.0.1:" + std::to_string(first_->port());
    const std::string second = "remote 127.0.0.1:" + std::to_string(second_->port()) + "\n";
    all_ = *dir_ / "all";
    write_file(all_, "remote " + first_name_ + "\n" + second + "glass sharded/shard-2\n");
    survivors_ = *dir_ / "survivors";
    write_file(survivors_, second + "glass sharded/shard-2\n");
  }

  std::unique_ptr<ShardServer> first_, second_;
  std::string first_name_, all_, survivors_;
};

TEST_F(PartialCluster, AllowPartialAnswersAsTheShardsThatAreUp) {
  first_->stop();
  const auto refused = search(all_, "--format json talks");
  EXPECT_EQ(refused.exit_code, 3);
  EXPECT_EQ(refused.err, "dossier-search: shard 'remote " + first_name_ + "' of " + all_ +
                             " is unreachable: Couldn't connect (Connection refused)\n");
  EXPECT_EQ(refused.out, "");

  for (const std::string& q : std::vector<std::string>{
           "--format json -n 100 talks",
           "--format json -n 100 --facets actor,date,source,folder --facet-size 50 " +
               quote("summit OR election"),
           "--format json -n 5 --estimate --facets actor,source talks",
           "--format json -n 100 --facets significant talks",
           "--format json -n 100 --sort date --facets date talks",
           "--format json -n 100 --collapse --facets actor talks",
           "--format json -n 0 --actor EU --facets co-actors,actor talks",
           "--format json nosuchword",
       }) {
    const auto expected = search(survivors_, q), partial = search(all_, "--allow-partial " + q);
    ASSERT_EQ(expected.out.empty(), false) << q << "\n" << expected.err;
    EXPECT_EQ(partial.exit_code, expected.exit_code) << q << "\n" << partial.err;
    EXPECT_EQ(partial.out, as_partial(expected.out, first_name_)) << q;
    EXPECT_EQ(partial.err, "") << q;
  }
  // Without a missing shard, nothing changes.
  const auto whole = search(survivors_, "--allow-partial --format json --facets actor talks");
  EXPECT_EQ(whole.out, search(survivors_, "--format json --facets actor talks").out);
  EXPECT_EQ(whole.out.find("partial"), std::string::npos);

  // Text, tsv, csv: the answer of the shards that are up, and a warning line.
  const std::string warning = "partial answer: shard " + first_name_ + " did not answer\n";
  const auto text = search(all_, "--allow-partial --color never talks");
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_EQ(text.out, search(survivors_, "--color never talks").out);
  EXPECT_EQ(text.err, "dossier-search: " + warning);
  const std::string input =
      "a\ttalks\nb\tnosuchword\n{\"id\":\"c\",\"q\":\"trade\",\"offset\":-1}\n";
  for (const std::string args :
       {"--batch - --format tsv", "--batch - --format csv --count", "--batch - --format trec"}) {
    const auto expected = search(survivors_, args, input);
    const auto partial = search(all_, "--allow-partial " + args, input);
    EXPECT_EQ(partial.exit_code, 2) << args;  // c is malformed
    EXPECT_EQ(partial.out, expected.out) << args;
    EXPECT_EQ(partial.err, "dossier-search: line 1, id a: " + warning +
                               "dossier-search: line 2, id b: " + warning + expected.err)
        << args;
  }
  const auto jsonl = search(all_, "--allow-partial --batch - --count", input);
  EXPECT_EQ(jsonl.out, as_partial(search(survivors_, "--batch - --count", input).out, first_name_));
  EXPECT_EQ(jsonl.err, "");

  // Tables and subcommands count without saying what they lack: refused.
  const auto table = search(all_, "--allow-partial --table actor-by-date talks");
  EXPECT_EQ(table.exit_code, 2);
  EXPECT_EQ(table.err,
            "dossier-search: --allow-partial applies to searches (one query or --batch), not to "
            "--table\n");
  EXPECT_EQ(search(all_, "--allow-partial actors").exit_code, 2);

  // With no shard up, the query fails as without the flag.
  const auto none = *dir_ / "none";
  write_file(none, "remote " + first_name_ + "\n");
  const auto down = search(none, "--allow-partial --format json talks");
  EXPECT_EQ(down.exit_code, 3);
  EXPECT_EQ(down.err, "dossier-search: shard 'remote " + first_name_ + "' of " + none +
                          " is unreachable: Couldn't connect (Connection refused)\n");
}

// A listener that never answers is left out once the handshake times out.
TEST_F(PartialCluster, AllowPartialLeavesOutAShardThatTimesOut) {
  const SilentListener listener;
  ASSERT_TRUE(listener.listening());
  const std::string silent = listener.address();
  const auto stub = *dir_ / "silent-partial";
  write_file(stub, "remote " + silent + "\n" + slurp(survivors_));
  const auto partial = search(stub, "--allow-partial --remote-timeout 0.3 --format json talks");
  EXPECT_EQ(partial.exit_code, 0) << partial.err;
  EXPECT_EQ(partial.out, as_partial(search(survivors_, "--format json talks").out, silent));
}

// A shard server killed mid-batch: the next queries are answered without it, and once it
// is back on its port, with it again (on one searcher thread or two).
TEST_F(PartialCluster, AllowPartialBatchGoesOnAndPicksUpARestartedShard) {
  const std::string args = "--batch - --no-header --facets actor,source --remote-timeout 5";
  // Each with its id: the expected lines come from batches of one query.
  const std::vector<std::string> queries = {"a\ttalks", "b\ttrade", "c\tsummit", "d\tdrought",
                                            "e\tofficials"};
  std::vector<std::string> whole, partial;
  for (const auto& q : queries) {
    whole.push_back(search(local_, args, q + "\n").out);
    partial.push_back(as_partial(search(survivors_, args, q + "\n").out, first_name_));
    ASSERT_NE(whole.back(), partial.back());
  }
  for (const char* jobs : {"1", "2"}) {
    SCOPED_TRACE(std::string("--jobs ") + jobs);
    InteractiveBatch batch(kSearch + " --db " + quote(all_) + " --allow-partial --jobs " + jobs +
                           " " + args + " 2>" + quote(*dir_ / "batch.err"));
    EXPECT_EQ(batch.ask(queries[0]), whole[0]);
    const int port = first_->port();
    first_->stop();
    EXPECT_EQ(batch.ask(queries[1]), partial[1]);
    EXPECT_EQ(batch.ask(queries[2]), partial[2]);
    first_ = std::make_unique<ShardServer>(*dir_ / "sharded/shard-0", *dir_ / "first.log", port);
    ASSERT_TRUE(first_->running());
    EXPECT_EQ(batch.ask(queries[3]), whole[3]);
    EXPECT_EQ(batch.ask(queries[4]), whole[4]);
    EXPECT_EQ(batch.finish(), 0);
    EXPECT_EQ(slurp(*dir_ / "batch.err"), "");
  }
}

}  // namespace
