// Where articles come from: the inputs named on the command line, each read as a stream of
// items (a file found below a corpus folder, or one record of a JSONL file). The pipeline
// only sees InputSource, so a new input format is one more implementation.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dossier/input/corpus_walker.h"
#include "dossier/input/jsonl_reader.h"
#include "dossier/input/metadata.h"
#include "dossier/input/source_stamp.h"
#include "dossier/schema/schema.h"

namespace dossier {

// One article to index, as listed, before its text is read.
struct InputItem {
  std::string id;  // article id, valid UTF-8
  // File items of a folder: the top folder below the input (schema.h, kFolderPrefix);
  // empty for JSONL records.
  std::string folder;
  std::string origin;  // where it is, for messages: a file path, or "FILE.jsonl:LINE"
  // The absolute, canonical path of the file it is read from (a JSONL record: the JSONL
  // file), stored in schema::kSlotOrigin to tell two files with one id apart.
  std::string source_path;
  std::size_t line = 0;  // JSONL records: the line in the file; 0 for files
  // Size and mtime are known when listed; the content hash only for JSONL records
  // (`hash_known`), files are hashed when read.
  SourceStamp stamp;
  bool hash_known = false;
  std::filesystem::path file;          // file items: where to read the text
  std::optional<JsonlArticle> record;  // JSONL items: the record, already read
  // File items: the folder's metadata sidecar entry, owned by the source (which outlives
  // the item), or null.
  const ArticleMetadata* metadata = nullptr;
};

class InputSource {
 public:
  virtual ~InputSource() = default;
  // The schema's source term of this input (schema::input_term), for --prune.
  virtual const std::string& input_term() const = 0;
  // The input as named on the command line, for messages.
  virtual const std::string& name() const = 0;
  // Fills `item` with the next article; false at the end. Entries that cannot be listed
  // or parsed are reported to the sink given at construction and not returned.
  virtual bool next(InputItem& item) = 0;
  // Bytes this source will read in all, for progress (0 when unknown).
  virtual std::uint64_t total_bytes() const = 0;
  // Articles it will list, for progress (0 when unknown until read, as for JSONL).
  virtual std::uint64_t total_articles() const = 0;
};

// One source per input: a folder (its .txt/.html/.htm files, sorted by id, with its sidecar;
// a folder without any is reported to `problem`), a `.jsonl`/`.ndjson` file or a `.csv`
// file (its records, in file order; a CSV file's columns are named by its header line, or
// by `csv_columns` when given) or any other file (that one article, with the id and the
// sidecar entry it has when its folder is the input). A folder's ids follow `ids`
// (schema::IdScheme). `settings_hash` (the extraction options) goes into every item's
// context hash. Listing problems and bad sidecar lines go to `problem` (skipped), notes to
// `note` (warnings). Throws dossier::Error (kInput) when an input does not exist, a JSONL or
// CSV file or a sidecar cannot be opened, or a CSV file's columns name no text.
std::vector<std::unique_ptr<InputSource>> open_input_sources(
    const std::vector<std::string>& inputs, schema::IdScheme ids, std::uint64_t settings_hash,
    const ProblemSink& problem, const ProblemSink& note,
    const std::vector<std::string>& csv_columns = {});

// Throws dossier::Error (kInput) naming the first input that does not exist.
void check_inputs_exist(const std::vector<std::string>& inputs);

// The absolute, canonical form of `path` (as far as it exists).
std::string canonical_string(const std::filesystem::path& path);

// The fnv1a64 of a JSONL record's fields: its content hash.
std::uint64_t record_hash(const JsonlArticle& record);

// The context hash of an article: `settings_hash` and its sidecar entry (if any).
std::uint64_t context_hash(std::uint64_t settings_hash, const ArticleMetadata* metadata);

}  // namespace dossier
