// JSON-lines output of a batch: a header naming the database, then one line per query.
#pragma once

#include <optional>
#include <string>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "dossier/batch/batch_runner.h"

namespace dossier {

// {"database":{"uuid","revision","documents","schema"}}: what a batch was answered
// from, for reproducibility. `revision` is Searcher::revision(): for a sharded database
// the sum of the shards' revisions, null when unknown. For a database made of several
// shards, "uuid" lists the shards' uuids (Xapian joins them with ':').
nlohmann::ordered_json database_header_json(const Xapian::Database& db,
                                            std::optional<Xapian::rev> revision);

// The version of the batch output's JSON lines (their keys and what they mean), the
// header's "format": bumped whenever a key is renamed, removed or changes meaning, so a
// script can refuse output it was not written for. Added keys do not bump it.
inline constexpr int kBatchFormatVersion = 1;

// {"format":kBatchFormatVersion,"database":{...}}: the first line of a JSONL batch.
nlohmann::ordered_json batch_header_json(const Xapian::Database& db,
                                         std::optional<Xapian::rev> revision);

// One line per query: {"id", then the keys of result_to_json} or {"id","error"}.
std::string jsonl_answer_line(const BatchAnswer& answer);

// One line per query for --count: {"id","query","total","total_exact"} or {"id","error"}.
std::string jsonl_count_line(const BatchAnswer& answer);
// {"id","query","matches","exact","table":[{"actor","type","bucket","count"}]} (actor-by-date),
// {"id","query","matches","exact","actors":[...],"pairs":[...]} (actor-by-actor, see
// actor_network_json()) or an error record.
std::string jsonl_table_line(const BatchAnswer& answer);

// JSON text that never throws on invalid UTF-8 (replaced by U+FFFD).
std::string json_line(const nlohmann::ordered_json& j);

}  // namespace dossier
