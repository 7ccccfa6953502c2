// Building and updating a Dossier database from corpus folders and JSONL files.
#pragma once

#include <string>

#include "dossier/extract/actors/lexicon.h"
#include "dossier/index/index_options.h"
#include "dossier/index/index_report.h"

namespace dossier {

// The built-in actor lexicon plus the user's dictionary when given; throws dossier::Error
// (kInput) for an unreadable or malformed dictionary.
ActorLexicon load_lexicon(const std::string& actors_file);

// Indexes every article of `options.inputs` into the database (created if needed): new
// and changed sources are analysed in parallel and written in a fixed order (the output
// does not depend on `jobs`), unchanged ones cost a stat, and each shard is committed
// after every batch of articles written to it (index/commit_batch.h), so a killed run
// leaves every shard at its last batch and a re-run completes them. Problems with single sources go
// to `report` and count as skipped; problems with the database throw dossier::Error (kUsage when
// locked by another indexer, kInternal for I/O errors such as a full disk: the last commit stays
// intact).
IndexStats index_corpus(const IndexOptions& options, IndexReport& report);

}  // namespace dossier
