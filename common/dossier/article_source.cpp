#include "dossier/article_source.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace dossier {

std::optional<Article> load_article(const CorpusFile& file, std::string& why) {
  const std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(file.path.c_str(), "rb"), &std::fclose);
  if (!f) {
    why = std::string("cannot open file: ") + std::strerror(errno);
    return std::nullopt;
  }
  std::string raw;
  char buffer[1 << 16];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f.get())) > 0) raw.append(buffer, n);
  if (std::ferror(f.get())) {
    why = std::string("read error: ") + std::strerror(errno);
    return std::nullopt;
  }
  return parse_article(file.id, raw);
}

}  // namespace dossier
