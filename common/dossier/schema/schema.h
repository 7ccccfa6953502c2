// The database schema: every term prefix and value slot, defined once here and used by
// both binaries (like notmuch's prefix table and omega's values.h).
//
// Terms
//   Q<id>            unique id of the article (see IdScheme: a file's path below its
//                    input folder, led by that folder's name, or the JSONL id); long ids
//                    are shortened with a hash (see id_term()).
//   <term>           body and title words, folded by the Analyzer, with positions.
//   Z<stem>          stemmed body and title words (Xapian's convention for STEM_SOME).
//   S<term>          title words with positions; ZS<stem> their stems.
//   XA<type>:<key>   an actor of the article (boolean): type is person|org|country|place,
//                    key its folded canonical name ("XAperson:nicolas maduro").
//   XAF<form>\t<type>:<key>  an alias: a folded surface form of one of the article's
//                    actors that is not the actor's own key ("XAFmaduro\tperson:nicolas
//                    maduro", "XAFuk\tcountry:united kingdom"), or an acronym the article
//                    defines for it ("the European Union (EU)": "XAFeu\torg:european
//                    union"). Its frequency is how many articles used that form for that
//                    actor: the corpus-wide identity of actors (search/actor_identity.h) is
//                    built from these. Schemas 3 to 5 wrote "XAF<form>" alone.
//   XAN<type>:<key>\t<name>  one vote for <name> as the display name of the actor,
//                    unless <name> is implied_actor_name(<key>): that name's votes are the
//                    actor's articles without an XAN term. The most voted spelling family
//                    gives the corpus-wide display name (ActorDirectory).
//   XS<source>       the article's source, folded (boolean).
//   XF<folder>       the top folder of a folder input the article sits in, folded
//                    (boolean): the first component of its path below the input folder,
//                    or the input folder's own name for a file directly in it
//                    ("business" for bbc/business/001.txt, whether bbc or bbc/business
//                    was the input). JSONL records have none. Since schema 8.
//   XM<YYYYMMDD>     a day the article mentions; XM<YYYYMM> a month it mentions (boolean).
//   XU               the article has no publication date (boolean), so "undated" can be
//                    filtered and counted.
//   XR<hex>          the input the article was read from (a corpus folder, a single file or
//                    a JSONL file): 16 lower-case hex digits of fnv1a64 of its absolute,
//                    canonical path (input_term()). `--prune` only deletes documents of
//                    the inputs it was given.
//   XD<bb><hhhh>     retired, not to be reused: a near-duplicate band (boolean), 2 hex
//                    digits of the band's number and 16 of a hash of its rows, written by
//                    schemas 9 and 10 before signature version 3 (dedup/signature.h), which
//                    reads the bands from kSlotSignature instead. Nothing reads these terms;
//                    an article loses them when the next run re-analyses it.
// Positions: title words start at 1, body words after a gap of kFieldPositionGap, so a
// phrase never matches across the title/body boundary. Boolean terms have wdf 0: they do
// not change BM25 document lengths.
//
// Value slots (see enum Slot): the publication date, the actor ids and the source, for
// range filters, sorting and facet counting; the source stamp, for re-runs; the record.
//
// Record: DocumentData::serialise() (see document_data.h), length-prefixed binary fields:
// id, title, text (the cleaned body, source of snippets), date, date_source,
// dates_mentioned, source, url, actors. Since schema 11 it is one LZ4 frame in
// kSlotCompressedRecord: the text is most of it, a quarter of it goes, and a hit's
// snippet reads it cheaply (docs/BENCHMARKS.md, "The record compressed: LZ4, not zstd").
// Schemas 4 to 10 kept it uncompressed in kSlotRecord, schema 3 in the document data,
// which Xapian deflates with zlib and inflates with a new zlib stream on every read; a
// value slot is stored as it is. The place says which form a record has: an older database updated
// since holds records of both forms until every article is indexed again. The document data is
// empty. Only schema::RecordCodec (record_codec.h) writes and reads the record.
//
// Metadata: "dossier:compaction" = a count that a compaction commits until the compacted
// copy's revision passes the original's (index/compaction.h);
// "dossier:schema" = kSchemaVersion as decimal; "dossier:ids" = the IdScheme
// ("folder" or "relative"); "dossier:clusters" = "done" once the near-duplicate clusters
// (kSlotCluster) agree with the documents, "pending" from the first write after that.
// "dossier:spelling" = "1" once Xapian's spelling data holds every article's words
// (index/spelling_data.h); a database indexed before it existed has no such key and no
// spelling data until its next dossier-index run adds them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "dossier/extract/dates/date.h"

namespace dossier::schema {

// 2: binary document data (was JSON); 3: actor codes in kSlotActors (were id strings);
// 4: the record in kSlotRecord (was the document data); 5: no name term for an actor named
// as its key implies (implied_actor_name); 6: the id scheme in the metadata (kIdSchemeKey)
// and each article's source file in kSlotOrigin; 7: alias terms name their actor
// (actor_alias_term), and acronyms an article defines are aliases; 8: the folder term and
// slot (kFolderPrefix, kSlotFolder); 9: near-duplicate signatures (kSlotSignature, band
// terms) and clusters (kSlotCluster); 10: a date known to the month or year keeps its
// precision in kSlotDate and has kSlotDateLast (9 stored such a date as its first day);
// 11: the record compressed, in kSlotCompressedRecord (was kSlotRecord as it is): an LZ4
// frame; before release it was a zstd frame (8f5aaaf), which the decoder refuses as a
// corrupt record (no released database holds one); 12: the id order (kSlotIdOrder)
inline constexpr int kSchemaVersion = 12;
// The oldest schema this Dossier still reads and updates: 3 differs from 4 only in where
// the record is (RecordCodec::read() reads either), and 4 from 5 only in leaving out implied name
// terms (a database that has them all implies no votes), so neither needs a rebuild; 5
// from 6 in its ids (it keeps IdScheme::kRelative) and in having no kSlotOrigin. 3 to 6
// wrote a form term without its actor: a filter still finds those articles by the form
// (ActorDirectory::filter), and re-indexed articles get alias terms. Before 9 articles
// have no signature: the first update re-analyses them all (the context hash of their
// stamps includes dedup::kSignatureVersion), and until then each is its own cluster.
// Articles of 9 and 10 signed before signature version 3 have 32-bit bins and XD terms:
// their bins are read as version 3's (dedup::decode()), so they cluster with new articles
// until the next run re-analyses them (the same stamps). That is a change of encoding
// within schema 10: a Dossier older than version 3 reads a new signature as none. 3 to
// 9 stored every date as a day: their month- and year-precision dates read as their first
// day until the article is indexed again. 3 to 10 stored the record uncompressed
// (RecordCodec reads it where it is). 3 to 11 have no kSlotIdOrder: their articles rank
// before the others among equal scores, by docid, until indexed again, which the first
// update does (kLastDocumentChange).
inline constexpr int kOldestReadableSchema = 3;
// The last schema that changed what every document holds: the stamps' context hash
// includes it, so the first update of a database written before it re-analyses every
// article (index/indexer.cpp).
inline constexpr int kLastDocumentChange = 12;
// The first schema with near-duplicate clusters.
inline constexpr int kFirstClusteredSchema = 9;
inline constexpr const char* kClustersKey = "dossier:clusters";
// A run reclusters only what it changed when it finds "done": a change to the clustering
// rule (dedup/clusters.h) must change this value, so that every database is reclustered
// whole once by the new rule.
inline constexpr const char* kClustersDone = "done";
inline constexpr const char* kClustersPending = "pending";
inline constexpr const char* kSchemaKey = "dossier:schema";
inline constexpr const char* kCompactionKey = "dossier:compaction";
inline constexpr const char* kSpellingKey = "dossier:spelling";
inline constexpr const char* kSpellingVersion = "1";  // the spelling data equals the documents
// Committed with a run's first document, replaced by kSpellingVersion in the run's last
// commit: a run that did not get there leaves it, and the next one recounts the words.
inline constexpr const char* kSpellingPending = "pending";
inline constexpr const char* kIdSchemeKey = "dossier:ids";
// "K/N" in a database built with dossier-index --partition K/N (shard_layout.h), absent
// otherwise: a re-run stays inside its partition.
inline constexpr const char* kPartitionKey = "dossier:partition";

// How a folder's files are named. Databases created since schema 6 lead each id with the
// name of the input folder ("business/001.txt"), so two folders given in one run, or in
// two runs, do not hand out the same ids; older databases keep the ids they have (the
// path below the folder, "001.txt"), or every article would be indexed twice.
enum class IdScheme {
  kFolder,    // "<folder name>/<path below it>"; stored as "folder"
  kRelative,  // "<path below the folder>"; stored as "relative"
};
std::string_view id_scheme_name(IdScheme scheme);
// The scheme stored in `db`'s metadata, or nothing when it has none (written before
// schema 6, or new).
std::optional<IdScheme> stored_id_scheme(const Xapian::Database& db);

inline constexpr const char* kIdPrefix = "Q";
inline constexpr const char* kStemPrefix = "Z";
inline constexpr const char* kTitlePrefix = "S";
inline constexpr const char* kActorPrefix = "XA";
inline constexpr const char* kActorFormPrefix = "XAF";
inline constexpr const char* kActorNamePrefix = "XAN";
inline constexpr const char* kSourcePrefix = "XS";
inline constexpr const char* kFolderPrefix = "XF";
inline constexpr const char* kMentionedPrefix = "XM";
inline constexpr const char* kUndatedTerm = "XU";
inline constexpr const char* kInputPrefix = "XR";

// A free-text term taken apart: its word, whether it is a stem (kStemPrefix) and whether
// it is a title word (kTitlePrefix); nothing for any other term (a filter's, an id's: their
// prefixes are capitals, which folded words never start with).
struct TextTerm {
  std::string_view word;
  bool stem = false;
  bool title = false;
};
std::optional<TextTerm> parse_text_term(std::string_view term);

// Value slots, each with its encoding.
enum Slot : Xapian::valueno {
  // Publication date, 8 ASCII digits (date_value()): "YYYYMMDD", or for a date known
  // only to the month "YYYYMM00", to the year "YYYY0000" (a coarse date sorts before its
  // days and compares with any day as its first day does); absent when undated.
  kSlotDate = 0,
  kSlotActors = 1,  // the article's actor codes (actor_code()), 8 bytes big-endian each
  kSlotSource = 2,  // the source as given (UTF-8), for facet counting; absent when none
  // What the article's source looked like when indexed, so a re-run skips what has not
  // changed: 32 bytes, four big-endian uint64 — size in bytes; modification time in ns
  // since the epoch (0 for JSONL records, which have none); fnv1a64 of the content (the
  // file's bytes, or a JSONL record's fields); a hash of everything else the document
  // depends on (its metadata sidecar entry, the extraction options). index/source_stamp.h.
  kSlotSourceStamp = 3,
  // The serialised DocumentData as it is, schemas 4 to 10 (see "Record" above); since
  // schema 11 only in documents an updated older database has not indexed again.
  kSlotRecord = 4,
  // The absolute, canonical path of the file the article was read from (for a JSONL
  // record, the JSONL file), as bytes: an id already held by an article of another file
  // is a collision, reported, never a silent replace. Absent before schema 6.
  kSlotOrigin = 5,
  kSlotFolder = 6,  // the folder as named (UTF-8), for facet counting; absent when none
  // The article's MinHash signature (dedup/signature.h): dedup::kHashes big-endian uint16
  // (bits 32 to 47 of each bin's minimum); signature version 2 stored uint32 (bits 32 to
  // 63), which dedup::decode() still reads. Absent when the body is too short to have one,
  // and before schema 9.
  kSlotSignature = 7,
  // The article's near-duplicate cluster: 8 bytes, big-endian fnv1a64 of the id of the
  // cluster's representative (cluster_key()). Absent for an article that has no copy, so
  // Xapian's collapse (Enquire::set_collapse_key) keeps it as its own.
  kSlotCluster = 8,
  // The last day a month- or year-precision publication date covers, "YYYYMMDD", so a
  // range filter matches every date that overlaps it; absent for a day (and before
  // schema 10).
  kSlotDateLast = 9,
  // The serialised DocumentData as one LZ4 frame (see "Record" above). Since schema 11.
  kSlotCompressedRecord = 10,
  // The article's id term without its prefix (id_order_value()): unique and bounded, so
  // equal scores rank by id (Enquire::set_sort_by_relevance_then_value), the same order
  // whatever the history of the database: the order its articles were indexed in, the
  // runs that skipped or re-indexed one, the shard each sits in. By docid, the tie order
  // was all of these. Absent before schema 12.
  kSlotIdOrder = 11,
};

// The kSlotDate value of a publication date, and its kSlotDateLast value (empty for a
// day, which has none).
std::string date_value(const Date& date);
std::string date_last_value(const Date& date);
// A kSlotDate value as a date of its precision; nullopt when malformed.
std::optional<Date> parse_date_value(std::string_view value);

inline constexpr Xapian::termpos kFieldPositionGap = 100;
// Title words count this many times in the general text: a word in the headline says more
// about the article than one in the body.
inline constexpr Xapian::termcount kTitleWeight = 2;

// How a query field is searched.
enum class FieldKind {
  kFreeText,  // words, stemmed, ranked (QueryParser::add_prefix)
  kBoolean,   // exact filter, never changes scores; the value is interpreted by the
              // field's processor (QueryBuilder), not folded as words
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

// The actor id term's suffix: "<type>:<key>".
std::string actor_id(std::string_view type, std::string_view key);
// An actor id taken apart: "person:nicolas maduro" -> ("person", "nicolas maduro"); an id
// without a type ("nicolas maduro") is all key.
struct ActorIdParts {
  std::string_view type;
  std::string_view key;
};
ActorIdParts split_actor_id(std::string_view actor_id);

// The actor id term of `actor_id` ("XAperson:nicolas maduro"), and the id it holds (the
// term of an actor id, or of an id prefix, with the prefix removed).
std::string actor_term(std::string_view actor_id);
std::string_view actor_id_of_term(std::string_view actor_term);
// The actor id of an actor id term; nullopt for any other term (alias and name terms share
// its prefix, followed by a capital).
std::optional<std::string_view> parse_actor_term(std::string_view term);
// The name term of a spelling of actor `actor_id` ("XANperson:nicolas maduro\tNicolás
// Maduro"); the prefix of every name term of that actor (`actor_id` then a tab); and the
// prefix of every name term of the actors whose ids start with `id_prefix`.
std::string actor_name_term(std::string_view actor_id, std::string_view name);
std::string actor_names_prefix(std::string_view actor_id);
std::string actor_names_prefix_of_ids(std::string_view id_prefix);
// The actor id and spelling of a name term; nullopt for anything else.
struct ActorName {
  std::string_view actor_id;
  std::string_view name;
};
std::optional<ActorName> parse_actor_name_term(std::string_view term);

// The longest term Xapian stores is 245 bytes; boolean terms longer than this are left
// out (rare junk: an actor "name" that is a whole paragraph).
inline constexpr std::size_t kMaxTermBytes = 240;

// The alias term of a folded form of actor `actor_id` ("XAFuk\tcountry:united kingdom"),
// and the prefix of every alias term of a form ("XAFuk\t").
std::string actor_alias_term(std::string_view form, std::string_view actor_id);
std::string actor_alias_prefix(std::string_view form);
// The form and actor id of an alias term; nullopt for anything else (a schema 3-5 form
// term, which names no actor).
struct ActorAlias {
  std::string_view form;
  std::string_view actor_id;
};
std::optional<ActorAlias> parse_actor_alias_term(std::string_view term);
// The schema 3-5 term of a folded form, without its actor ("XAFuk").
std::string legacy_actor_form_term(std::string_view form);

// The name an actor's key implies: each word's first letter upper-cased ("nicolas maduro"
// -> "Nicolas Maduro"). Since schema 5 an article that names an actor this way (most actor
// mentions) has no kActorNamePrefix term for it: that spelling's votes are the actor's
// articles (its kActorPrefix term's frequency) less those of the spellings written out.
// Writing a name term for every mention cost an index build time for nothing it could not
// work out (docs/BENCHMARKS.md, "Figures behind the code").
std::string implied_actor_name(std::string_view key);

// A number standing for an actor id in kSlotActors: the facet counts every actor of every
// match, and adding up numbers costs a fraction of hashing and comparing id strings. The
// top two bits are the actor's type (ActorType, so counts split by type without looking
// ids up), the other 62 bits fnv1a64 of the id: two of a million actors share a code with
// a chance of about 1e-7, and then their counts would add up. Never 0.
using ActorCode = std::uint64_t;
ActorCode actor_code(std::string_view actor_id);
// static_cast<unsigned>(ActorType); inline: the facet asks it of every counted actor.
inline unsigned actor_code_type(ActorCode code) {
  return static_cast<unsigned>(code >> 62);
}
void append_actor_code(std::string& slot_value, ActorCode code);
// Calls f(code) for each code of a kSlotActors value, in order, without copying them (a
// trailing partial code is ignored): the facet and the actor-by-date table do this for
// every match.
template <class F>
void for_each_actor_code(std::string_view slot_value, F&& f) {
  for (std::size_t i = 0; i + 8 <= slot_value.size(); i += 8) {
    ActorCode code = 0;
    for (std::size_t k = 0; k < 8; ++k)
      code = code << 8 | static_cast<unsigned char>(slot_value[i + k]);
    f(code);
  }
}
// The codes of a kSlotActors value, in order.
std::vector<ActorCode> actor_codes(std::string_view slot_value);

// The unique-id term for an article id; ids too long for a Xapian term are cut and
// suffixed with a hash of the whole id so they stay unique.
std::string id_term(std::string_view id);
// kSlotIdOrder's value for the article `id`: id_term() without its prefix.
std::string id_order_value(std::string_view id);
// The article id a kSlotIdOrder value holds whole: nothing for none (before schema 12) and
// for what may be a long id cut and hashed (ending "#" and 16 hex digits, as a few short
// ids may too: the record has those).
std::optional<std::string_view> id_in_order_value(std::string_view value);

// kSlotCluster's value for a cluster whose representative has id `representative_id`.
std::string cluster_key(std::string_view representative_id);

// Whether a database of this schema has near-duplicate clusters (schema 9 and later).
bool has_clusters(const Xapian::Database& db);

// The input term (XR) of a corpus folder, file or JSONL file, from its canonical path.
std::string input_term(std::string_view canonical_input_path);

// Stamps a new database with the schema version, or checks an existing one: throws
// dossier::Error (kUsage) naming the database when its schema is one this Dossier cannot
// read (outside kOldestReadableSchema..kSchemaVersion). An older readable one is stamped
// current, since what is written from then on is.
void stamp_or_check(Xapian::WritableDatabase& db, const std::string& path);
void check(const Xapian::Database& db, const std::string& path);

}  // namespace dossier::schema
