// Turning a listed input item into an Article: the one conversion shared by indexing and
// `dossier-index analyze`, so what analyze shows is what gets indexed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dossier/extract/article.h"
#include "dossier/input/input_source.h"
#include "dossier/input/jsonl_reader.h"
#include "dossier/input/metadata.h"

namespace dossier {

// Bytes of one article that are analysed and indexed. Analysis holds many bytes per byte
// of text (words, their terms and positions, date tokens, the Xapian document), so one
// huge file would take a large share of the memory (docs/BENCHMARKS.md, "Memory of one
// very long article"); past this limit the text is cut at the last line end before it and
// a warning names the article (docs/INPUT.md). News articles are a few KB; what passes
// 4 MB is a book or a log scraped by mistake.
inline constexpr std::size_t kMaxArticleBytes = std::size_t{4} << 20;

// `text` cut to kMaxArticleBytes: after its last line end within the limit, else at the
// last UTF-8 character boundary; `text` itself when it is not longer.
std::string_view within_article_limit(std::string_view text);

// The warning for an article of `bytes` bytes, or nothing when it is within the limit.
std::optional<std::string> article_limit_warning(std::size_t bytes);

// A JSONL or CSV record: with a title, title + body as given; without, the text is read like a
// scraped page (headline detection). Its date, source and url are metadata. HTML
// character references in its title and text are decoded (`caf&#233;`). Its text is cut
// to within_article_limit.
Article article_from_record(JsonlArticle& record);

// A file's bytes, without a leading byte-order mark: an .html/.htm page through the HTML
// parser (read_html_page), any other file as a scraped page with its character references
// decoded; then its modification day and its folder's metadata sidecar entry applied. The
// bytes are first cut to within_article_limit.
Article article_from_file(const InputItem& item, std::string_view bytes);

// Applies a sidecar entry: given fields win over what the text says (a title's character
// references decoded).
void apply_metadata(Article& article, const ArticleMetadata& metadata);

}  // namespace dossier
