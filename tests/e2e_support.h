// Helpers for end-to-end tests: run the real binaries, capture their output.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace dossier::e2e {

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

inline std::string quote(const std::string& arg) {
  std::string q = "'";
  for (const char c : arg) q += (c == '\'') ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs `command` (already quoted) through the shell; stderr is captured via a temp file.
inline RunResult run(const std::string& command, const std::string& stdin_text = "") {
  static int counter = 0;
  const auto base = std::filesystem::temp_directory_path() /
                    ("dossier_e2e_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  const auto err_path = base.string() + ".err";
  const auto in_path = base.string() + ".in";
  std::ofstream(in_path, std::ios::binary) << stdin_text;
  RunResult r;
  FILE* pipe = ::popen((command + " <" + quote(in_path) + " 2>" + quote(err_path)).c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf;
  for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0;)
    r.out.append(buf.data(), n);
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.err = slurp(err_path);
  std::filesystem::remove(err_path);
  std::filesystem::remove(in_path);
  return r;
}

// A fresh temp folder removed at the end of the test.
class TempDir {
 public:
  explicit TempDir(const std::string& tag) {
    path_ = std::filesystem::temp_directory_path() /
            ("dossier_" + tag + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// Writes `text` to `path`, creating its folders.
inline void write_file(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// The binaries under test and the bundled corpus (paths given by CMake).
inline const std::string kIndex = DOSSIER_INDEX_BIN;
inline const std::string kSearch = DOSSIER_SEARCH_BIN;
inline const std::string kCorpus = DOSSIER_SOURCE_DIR "/corpus";

// A suite over a database of the bundled corpus, built once per suite by the real indexer.
class CorpusDatabase : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir(
        "e2e_" + std::string(::testing::UnitTest::GetInstance()->current_test_suite()->name()));
    db_ = *dir_ / "db";
    const auto r = run(kIndex + " --db " + quote(db_) + " " + quote(kCorpus));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  inline static TempDir* dir_ = nullptr;
  inline static std::string db_;
};

// A batch process (`command`, run by sh) fed one query at a time, its answer line read
// before the next query is written.
class InteractiveBatch {
 public:
  explicit InteractiveBatch(const std::string& command) {
    // Close-on-exec: a shard server started later must not hold the input open.
    int to_child[2], from_child[2];
    if (::pipe2(to_child, O_CLOEXEC) != 0 || ::pipe2(from_child, O_CLOEXEC) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(to_child[0], 0);
      ::dup2(from_child[1], 1);
      for (const int fd : {to_child[0], to_child[1], from_child[0], from_child[1]}) ::close(fd);
      ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(to_child[0]);
    ::close(from_child[1]);
    in_ = to_child[1];
    out_ = from_child[0];
  }
  ~InteractiveBatch() {
    if (pid_ > 0) finish();
  }
  InteractiveBatch(const InteractiveBatch&) = delete;
  InteractiveBatch& operator=(const InteractiveBatch&) = delete;

  // The answer line to `query` (empty when none came within 30 s).
  std::string ask(const std::string& query) {
    const std::string line = query + "\n";
    if (::write(in_, line.data(), line.size()) != static_cast<ssize_t>(line.size())) return "";
    std::string answer;
    while (answer.empty() || answer.back() != '\n') {
      pollfd ready{out_, POLLIN, 0};
      char c = 0;
      if (::poll(&ready, 1, 30000) <= 0 || ::read(out_, &c, 1) != 1) return "";
      answer += c;
    }
    return answer;
  }
  // Ends the input; the exit status.
  int finish() {
    ::close(in_);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    ::close(out_);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  }

 private:
  pid_t pid_ = -1;
  int in_ = -1, out_ = -1;
};

}  // namespace dossier::e2e
