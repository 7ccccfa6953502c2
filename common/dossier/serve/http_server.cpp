#include "dossier/serve/http_server.h"

#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <fstream>
#include <functional>
#include <mutex>
#include <sstream>
#include <thread>
#include <utility>
#include <vector>

#include <httplib.h>

#include "dossier/base/errors.h"
#include "dossier/base/thread_count.h"

namespace dossier {
namespace {

// httplib's task queue with a bound: each accepted connection is a task for one of the
// workers. When `max_waiting` connections already wait, a new one goes to the shedder
// thread, which answers each of its requests 503 (the pre-routing handler asks
// is_worker()); when the shedder is behind too, the accepting thread answers it itself,
// which slows accepting down: the kernel's backlog then holds further clients.
class BoundedPool : public httplib::TaskQueue {
 public:
  BoundedPool(std::size_t threads, std::size_t max_waiting) : max_waiting_(max_waiting) {
    for (std::size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { work(jobs_); });
    shedder_ = std::thread([this] { work(shed_); });
    // Read by request handlers only after a task was queued under mutex_.
    for (const auto& w : workers_) worker_ids_.push_back(w.get_id());
  }

  void enqueue(std::function<void()> fn) override {
    {
      std::unique_lock lock(mutex_);
      if (jobs_.size() < max_waiting_) {
        jobs_.push_back(std::move(fn));
      } else if (shed_.size() < kMaxShed) {
        shed_.push_back(std::move(fn));
      } else {
        lock.unlock();
        fn();  // this thread is no worker: the request is answered 503
        return;
      }
    }
    queued_.notify_all();
  }

  // Called by httplib once it stopped accepting: the queued connections are still served.
  void shutdown() override {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    queued_.notify_all();
    for (auto& w : workers_) w.join();
    shedder_.join();
  }

  bool is_worker(std::thread::id id) const {
    return std::find(worker_ids_.begin(), worker_ids_.end(), id) != worker_ids_.end();
  }

 private:
  static constexpr std::size_t kMaxShed = 64;

  void work(std::deque<std::function<void()>>& tasks) {
    for (;;) {
      std::function<void()> fn;
      {
        std::unique_lock lock(mutex_);
        queued_.wait(lock, [&] { return !tasks.empty() || stopping_; });
        if (tasks.empty()) return;  // stopping, and nothing left
        fn = std::move(tasks.front());
        tasks.pop_front();
      }
      fn();
    }
  }

  const std::size_t max_waiting_;
  std::mutex mutex_;
  std::condition_variable queued_;
  std::deque<std::function<void()>> jobs_, shed_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
  std::thread shedder_;
  std::vector<std::thread::id> worker_ids_;
};

std::string read_token(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw Error(ErrorKind::kInput, "cannot read token file " + path);
  std::string token((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back()))) token.pop_back();
  if (token.empty()) throw Error(ErrorKind::kInput, "token file " + path + " is empty");
  return token;
}

// What the start-up line says about who may ask.
std::string access_policy(const ServeOptions& o, const ListenAddress& address) {
  if (!o.token_file.empty()) return "every request needs the bearer token of " + o.token_file;
  if (is_loopback(address.host)) return "loopback only, no token";
  if (!o.no_auth) {
    throw Error(ErrorKind::kUsage, "--listen " + o.listen +
                                       " is not a loopback address: give --token-file FILE, or "
                                       "--no-auth to serve anyone who can reach it");
  }
  return "NO AUTHENTICATION (--no-auth) on a non-loopback address";
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

// The error message of a refusal made by httplib itself, before any handler ran.
std::string_view refusal_message(int status) {
  switch (status) {
    case 400:
      return "malformed request";
    case 404:
      return "not found";
    case 413:
      return "request body too large";
    case 414:
      return "request line too long";
    case 431:
      return "request headers too large";
    default:
      return "request refused";
  }
}

void set_json_error(httplib::Response& res, int status, std::string_view message) {
  const ApiResponse error = error_response(status, message);
  res.status = status;
  res.set_content(error.body, error.content_type.c_str());
}

// The query string's parameters only: httplib also adds those of a form-encoded body to
// Request::params, and a batch posted by `curl --data-binary` is labelled as one.
std::multimap<std::string, std::string> query_parameters(const httplib::Request& req) {
  httplib::Params params;
  const auto question = req.target.find('?');
  if (question != std::string::npos)
    httplib::detail::parse_query_text(req.target.substr(question + 1), params);
  return params;
}

// An ostream's buffer that sends what it holds as one chunk of a chunked answer. A failed
// send (the client went away) throws out of the writing code, which then stops.
class ChunkBuffer : public std::streambuf {
 public:
  explicit ChunkBuffer(httplib::DataSink& sink) : sink_(sink) { setp(buffer_, buffer_ + kSize); }

 protected:
  int_type overflow(int_type c) override {
    send();
    if (!traits_type::eq_int_type(c, traits_type::eof())) sputc(traits_type::to_char_type(c));
    return traits_type::not_eof(c);
  }
  int sync() override {
    send();
    return 0;
  }

 private:
  static constexpr std::size_t kSize = 16 * 1024;
  void send() {
    const auto n = static_cast<std::size_t>(pptr() - pbase());
    if (n > 0 && !sink_.write(pbase(), n)) throw std::runtime_error("client gone");
    setp(buffer_, buffer_ + kSize);
  }
  httplib::DataSink& sink_;
  char buffer_[kSize];
};

// Runs a streamed answer's writer into the chunks of the response; false (httplib then
// drops the connection) when the client went away or the writer failed half-way.
bool send_stream(const std::function<void(std::ostream&)>& writer, httplib::DataSink& sink) {
  try {
    ChunkBuffer buffer(sink);
    std::ostream out(&buffer);
    out.exceptions(std::ios::badbit);
    writer(out);
    out.flush();
  } catch (const std::exception&) {
    return false;
  }
  sink.done();
  return true;
}

void write_answer(ApiResponse answer, httplib::Response& res) {
  res.status = answer.status;
  if (answer.revision) res.set_header("X-Dossier-Revision", std::to_string(*answer.revision));
  if (!answer.allow.empty()) res.set_header("Allow", answer.allow);
  res.set_header("X-Content-Type-Options", "nosniff");
  if (answer.stream) {
    res.set_chunked_content_provider(
        answer.content_type, [writer = answer.stream](std::size_t, httplib::DataSink& sink) {
          return send_stream(writer, sink);
        });
    return;
  }
  // What Response::set_content does, without copying the body (httplib 0.11 has no
  // overload that takes it by value).
  res.body = std::move(answer.body);
  const auto [first, last] = res.headers.equal_range("Content-Type");
  res.headers.erase(first, last);
  res.set_header("Content-Type", answer.content_type);
}

// Waits for SIGINT or SIGTERM (blocked in every thread, so only this one sees them) and
// stops the server; gives up once `done` is set.
void watch_signals(httplib::Server& server, const std::atomic<bool>& done, std::ostream& log,
                   std::mutex& log_mutex) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  const timespec tick{0, 200'000'000};
  while (!done) {
    const int sig = sigtimedwait(&signals, nullptr, &tick);
    if (sig == SIGINT || sig == SIGTERM) {
      {
        std::lock_guard lock(log_mutex);
        log << "dossier-serve: " << (sig == SIGINT ? "SIGINT" : "SIGTERM")
            << ": finishing the requests in flight" << std::endl;
      }
      server.stop();
      return;
    }
  }
}

void block_stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

}  // namespace

ListenAddress parse_listen_address(std::string_view text) {
  ListenAddress address;
  std::string_view port;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':')
      throw Error(ErrorKind::kUsage, "--listen " + std::string(text) + ": expected [IPv6]:PORT");
    address.host = std::string(text.substr(1, close - 1));
    port = text.substr(close + 2);
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0)
      throw Error(ErrorKind::kUsage, "--listen " + std::string(text) + ": expected HOST:PORT");
    address.host = std::string(text.substr(0, colon));
    port = text.substr(colon + 1);
  }
  int n = 0;
  for (const char c : port) {
    if (c < '0' || c > '9' || n > 65535) n = -1;
    if (n < 0) break;
    n = n * 10 + (c - '0');
  }
  if (port.empty() || n < 0 || n > 65535)
    throw Error(ErrorKind::kUsage, "--listen " + std::string(text) + ": bad port");
  address.port = n;
  return address;
}

bool is_loopback(std::string_view host) {
  return host == "localhost" || host == "::1" || host.substr(0, 4) == "127.";
}

bool same_secret(std::string_view a, std::string_view b) {
  unsigned char differ = a.size() != b.size() ? 1 : 0;
  const std::size_t n = std::max(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    differ |= static_cast<unsigned char>(x ^ y);
  }
  return differ == 0;
}

int serve(const ServeOptions& o, std::ostream& log) {
  block_stop_signals();  // before any thread starts: they all inherit the mask
  const ListenAddress address = parse_listen_address(o.listen);
  const std::string policy = access_policy(o, address);
  const std::string token = o.token_file.empty() ? "" : read_token(o.token_file);
  // A keep-alive connection holds its worker: a few cores still serve several clients.
  const unsigned threads = o.threads > 0 ? o.threads : std::max(8u, thread_count(0));
  SearcherPool searchers(o.db_path, threads, o.open);
  Api api(searchers, o.limits, o.version);
  std::mutex log_mutex;  // one access-log line at a time

  httplib::Server server;
  BoundedPool* pool = nullptr;  // owned by httplib while it listens
  server.new_task_queue = [&] { return pool = new BoundedPool(threads, o.queue); };
  server.set_payload_max_length(o.max_body_bytes);
  server.set_read_timeout(o.io_timeout_seconds);
  server.set_write_timeout(o.io_timeout_seconds);
  // httplib writes the head and the body of an answer separately: with Nagle's algorithm
  // the body waits for the client's delayed ACK, 40 ms per request on keep-alive.
  server.set_tcp_nodelay(true);
  // A keep-alive connection holds its worker until it closes: after this many requests it
  // is closed, and the clients queued behind it get their turn.
  server.set_keep_alive_max_count(100);
  server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    if (!pool->is_worker(std::this_thread::get_id())) {
      set_json_error(res, 503, "the server is busy; try again shortly");
      res.set_header("Retry-After", "1");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!token.empty() && !same_secret(req.get_header_value("Authorization"), "Bearer " + token)) {
      set_json_error(res, 401, "a valid 'Authorization: Bearer TOKEN' header is required");
      res.set_header("WWW-Authenticate", "Bearer");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  const auto handler = [&](const httplib::Request& req, httplib::Response& res) {
    write_answer(api.handle({req.method, req.path, query_parameters(req), req.body}), res);
  };
  server.Get(".*", handler);
  server.Post(".*", handler);
  server.Put(".*", handler);
  server.Delete(".*", handler);
  server.Patch(".*", handler);
  server.Options(".*", handler);
  // httplib's own refusals (413, 414, 400 on a malformed request) get the API's JSON body.
  server.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        const int status = res.status;
        set_json_error(res, status, refusal_message(status));
        return httplib::Server::HandlerResponse::Handled;
      }));
  if (!o.quiet) {
    server.set_logger([&](const httplib::Request& req, const httplib::Response& res) {
      std::ostringstream line;
      // A streamed answer's length is not known here: "-".
      const bool streamed = res.body.empty() && res.has_header("Transfer-Encoding");
      line << utc_now() << ' ' << req.remote_addr << ' ' << req.method << ' ' << req.target << ' '
           << res.status << ' ' << (streamed ? "-" : std::to_string(res.body.size())) << '\n';
      std::lock_guard lock(log_mutex);
      log << line.str() << std::flush;
    });
  }

  const int port = address.port == 0
                       ? server.bind_to_any_port(address.host)
                       : (server.bind_to_port(address.host, address.port) ? address.port : -1);
  if (port < 0) throw Error(ErrorKind::kUsage, "cannot listen on " + o.listen);
  {
    std::lock_guard lock(log_mutex);
    log << "dossier-serve: serving " << o.db_path << " on http://"
        << (address.host.find(':') != std::string::npos ? "[" + address.host + "]" : address.host)
        << ':' << port << "/ with " << threads << " threads; " << policy << std::endl;
  }
  std::atomic<bool> done = false;
  std::thread signal_watcher(watch_signals, std::ref(server), std::cref(done), std::ref(log),
                             std::ref(log_mutex));
  const bool listened = server.listen_after_bind();
  done = true;
  signal_watcher.join();
  if (!listened) throw Error(ErrorKind::kInternal, "the server stopped on an error");
  return 0;
}

}  // namespace dossier
