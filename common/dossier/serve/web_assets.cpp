#include "dossier/serve/web_assets.h"

namespace dossier {

std::optional<WebAsset> find_web_asset(std::string_view path) {
  if (path == "/") path = "/index.html";
  for (const WebAsset& asset : web_assets())
    if (asset.path == path) return asset;
  return std::nullopt;
}

}  // namespace dossier
