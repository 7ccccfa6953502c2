// An article as Dossier understands it: an id, a headline and the body text with the
// page furniture (menus, "READ MORE" teasers, player widgets) taken out.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/extract/dates/date.h"

namespace dossier {

struct Article {
  std::string id;     // path relative to the corpus root (or the JSONL id)
  std::string title;  // the headline; may be empty when nothing looks like one
  std::string body;   // cleaned text: kept lines joined by '\n', title line removed once

  // Given by the user (metadata sidecar or JSONL record): wins over what the text says.
  std::optional<Date> metadata_date;
  std::string source;
  std::string url;
  // The file's modification day, for --date-fallback file-mtime.
  std::optional<Date> file_date;
};

// Builds an Article from raw bytes of a scraped page: repairs the UTF-8, picks the
// headline, drops boilerplate lines from the body.
Article parse_article(std::string id, std::string_view raw_bytes);

// Same, for text already split into title and body by its source (JSONL, metadata): the
// body is still cleaned of boilerplate lines.
Article make_article(std::string id, std::string_view title, std::string_view body);

// Exposed for tests: line classification used by parse_article.
bool is_boilerplate_line(std::string_view line);
bool looks_like_headline(std::string_view line);

}  // namespace dossier
