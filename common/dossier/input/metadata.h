// The optional metadata sidecar of a corpus folder: metadata.jsonl or metadata.csv, giving
// per-article date, title, source and url (format: docs/INPUT.md).
#pragma once

#include <filesystem>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dossier/extract/dates/date.h"
#include "dossier/input/line_issue.h"

namespace dossier {

struct ArticleMetadata {
  std::optional<Date> date;  // any precision: "2019-01-23", "2019-01", "2019"
  std::string title;         // empty when not given
  std::string source;
  std::string url;
};

struct MetadataTable {
  // Article id (path relative to the corpus root, '/'-separated) -> its metadata.
  std::unordered_map<std::string, ArticleMetadata> by_id;
  // Lines that were skipped, with why; the other lines are loaded.
  std::vector<LineIssue> warnings;
  // The sidecar read; empty when the folder has none.
  std::filesystem::path file;

  const ArticleMetadata* find(std::string_view id) const;
};

inline constexpr std::string_view kMetadataJsonlName = "metadata.jsonl";
inline constexpr std::string_view kMetadataCsvName = "metadata.csv";

// Loads `corpus_root`/metadata.jsonl, else `corpus_root`/metadata.csv (when both exist,
// the JSONL one is used and a warning says so). No sidecar: an empty table. Throws
// std::runtime_error only when a sidecar exists but cannot be read.
MetadataTable load_metadata(const std::filesystem::path& corpus_root);

// The two formats, from any stream (for tests and for callers that already opened it).
MetadataTable parse_metadata_jsonl(std::istream& in);
MetadataTable parse_metadata_csv(std::istream& in);

// An id as written by a user, in the form the indexer uses: '\\' -> '/', leading "./"
// removed. "./sub/a.txt" -> "sub/a.txt".
std::string normalize_article_id(std::string_view id);

}  // namespace dossier
