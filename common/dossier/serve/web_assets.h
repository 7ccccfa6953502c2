// The search page's files (server/web/), compiled into the binary at build time by
// scripts/embed_files.py: the server never reads the source tree, and the browser never
// fetches anything from elsewhere.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace dossier {

struct WebAsset {
  std::string_view path;  // "/index.html", "/app.js", ...
  std::string_view content_type;
  std::string_view body;
};

// Every embedded file (generated).
std::span<const WebAsset> web_assets();

// The file served for a request path ("/" is "/index.html"), or nothing.
std::optional<WebAsset> find_web_asset(std::string_view path);

}  // namespace dossier
