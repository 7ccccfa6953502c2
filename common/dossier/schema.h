// The database schema: every term prefix and value slot, defined once here and used by
// both binaries (like notmuch's prefix table and omega's values.h).
//
// Terms
//   Q<id>            unique id of the article (its path relative to the corpus root, or the
//                    JSONL id); long ids are shortened with a hash (see id_term()).
//   <term>           body and title words, folded by the Analyzer, with positions.
//   Z<stem>          stemmed body and title words (Xapian's convention for STEM_SOME).
//   S<term>          title words with positions; ZS<stem> their stems.
//   XR<hex>          the input the article was read from (a corpus folder, a single file or
//                    a JSONL file): 16 lower-case hex digits of fnv1a64 of its absolute,
//                    canonical path (source_term()). `--prune` only deletes documents of
//                    the inputs it was given.
// Positions: title words start at 1, body words after a gap of kFieldPositionGap, so a
// phrase never matches across the title/body boundary.
//
// Values
//   kSourceStampSlot (10)  what the source looked like when it was indexed, so a re-run
//                    skips what has not changed: 24 bytes, three big-endian uint64 —
//                    size in bytes, modification time in nanoseconds since the epoch (0 for
//                    JSONL records, which have none), fnv1a64 of the content (the file's
//                    bytes; for a JSONL record, its fields). See index/source_stamp.h.
//                    Slots 0-9 are left for article fields.
//
// Document data: a JSON object {"id","title","text"} (see document_data.h); `text` is the
// cleaned article text used for snippets.
//
// Metadata: "dossier:schema" = kSchemaVersion as decimal.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace dossier::schema {

inline constexpr int kSchemaVersion = 1;
inline constexpr const char* kSchemaKey = "dossier:schema";

inline constexpr const char* kIdPrefix = "Q";
inline constexpr const char* kStemPrefix = "Z";
inline constexpr const char* kTitlePrefix = "S";
inline constexpr const char* kSourcePrefix = "XR";

inline constexpr Xapian::valueno kSourceStampSlot = 10;

inline constexpr Xapian::termpos kFieldPositionGap = 100;
// Title words count this many times in the general text: a word in the headline says more
// about the article than one in the body.
inline constexpr Xapian::termcount kTitleWeight = 2;

// How a query field is searched.
enum class FieldKind {
  kFreeText,  // words, stemmed, ranked (QueryParser::add_prefix)
  kBoolean,   // exact filter, never changes scores (QueryParser::add_boolean_prefix)
};

// A user-facing query field ("title:") and the term prefix behind it.
struct Field {
  std::string_view name;
  std::string_view prefix;
  FieldKind kind;
};

// Every query field; the QueryParser is configured from this table in one loop.
const std::vector<Field>& fields();
std::optional<Field> find_field(std::string_view name);

// The unique-id term for an article id; ids too long for a Xapian term are cut and
// suffixed with a hash of the whole id so they stay unique.
std::string id_term(std::string_view id);

// The source term of an input, from its canonical absolute path.
std::string source_term(std::string_view canonical_input_path);

// Stamps a new database with the schema version, or checks an existing one: throws
// dossier::Error (kUsage) naming the database when its schema is another version.
void stamp_or_check(Xapian::WritableDatabase& db, const std::string& path);
void check(const Xapian::Database& db, const std::string& path);

}  // namespace dossier::schema
