// dossier-serve's helpers: listen addresses, loopback, secrets, the page's files.
#include <gtest/gtest.h>

#include "dossier/base/errors.h"
#include "dossier/serve/http_server.h"
#include "dossier/serve/web_assets.h"

namespace dossier {
namespace {

std::string address_text(std::string_view listen) {
  try {
    const auto a = parse_listen_address(listen);
    return a.host + " " + std::to_string(a.port);
  } catch (const Error& e) {
    return std::string("error: ") + e.what();
  }
}

TEST(ServeTest, ParsesListenAddresses) {
  const std::pair<std::string_view, std::string_view> rows[] = {
      {"127.0.0.1:8080", "127.0.0.1 8080"},
      {"localhost:0", "localhost 0"},
      {"0.0.0.0:65535", "0.0.0.0 65535"},
      {"[::1]:80", "::1 80"},
      {"127.0.0.1", "error: --listen 127.0.0.1: expected HOST:PORT"},
      {":80", "error: --listen :80: expected HOST:PORT"},
      {"host:", "error: --listen host:: bad port"},
      {"host:65536", "error: --listen host:65536: bad port"},
      {"host:8o", "error: --listen host:8o: bad port"},
      {"[::1]80", "error: --listen [::1]80: expected [IPv6]:PORT"},
  };
  for (const auto& [listen, expected] : rows) EXPECT_EQ(address_text(listen), expected) << listen;
}

TEST(ServeTest, KnowsLoopbackHosts) {
  EXPECT_TRUE(is_loopback("127.0.0.1"));
  EXPECT_TRUE(is_loopback("127.1.2.3"));
  EXPECT_TRUE(is_loopback("::1"));
  EXPECT_TRUE(is_loopback("localhost"));
  EXPECT_FALSE(is_loopback("0.0.0.0"));
  EXPECT_FALSE(is_loopback("10.0.0.1"));
  EXPECT_FALSE(is_loopback("::"));
  EXPECT_FALSE(is_loopback("localhost.example.org"));
}

TEST(ServeTest, ComparesSecrets) {
  EXPECT_TRUE(same_secret("Bearer abc", "Bearer abc"));
  EXPECT_FALSE(same_secret("Bearer abd", "Bearer abc"));
  EXPECT_FALSE(same_secret("Bearer ab", "Bearer abc"));
  EXPECT_FALSE(same_secret("", "Bearer abc"));
  EXPECT_TRUE(same_secret("", ""));
}

TEST(ServeTest, ServesTheEmbeddedPage) {
  const auto index = find_web_asset("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->path, "/index.html");
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  ASSERT_TRUE(find_web_asset("/app.js"));
  EXPECT_EQ(find_web_asset("/app.js")->content_type, "text/javascript; charset=utf-8");
  ASSERT_TRUE(find_web_asset("/style.css"));
  EXPECT_EQ(find_web_asset("/style.css")->content_type, "text/css; charset=utf-8");
  EXPECT_FALSE(find_web_asset("/../CMakeLists.txt"));
  EXPECT_FALSE(find_web_asset("/index.htm"));
}

}  // namespace
}  // namespace dossier
