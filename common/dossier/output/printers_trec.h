// TREC run output: "qid Q0 docid rank score tag" per hit, as trec_eval reads it.
#pragma once

#include <string>
#include <string_view>

#include "dossier/batch/batch_runner.h"

namespace dossier {

// The run lines of one query (none when it failed or matched nothing). docid is the
// article id; whitespace inside an id is written as '_' so that every line keeps six
// columns. Scores are printed with 6 decimals; hits whose printed scores are equal are
// listed by docid in descending byte order, the order trec_eval (and
// scripts/trec_eval.py) evaluates ties in, so the rank column agrees with the evaluation.
// Ranks start at the request's offset + 1.
std::string trec_run_lines(const BatchAnswer& answer, std::string_view run_tag);

}  // namespace dossier
