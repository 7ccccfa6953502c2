#!/usr/bin/env python3
"""Ranking evaluation: MAP, P@k and nDCG@k of a TREC run against relevance judgments.

Relevance is binary (gain 1). Only queries with at least one relevant document
in QRELS are evaluated; such a query missing from the run scores 0 on every
measure. Run queries without judgments are ignored (as trec_eval does).

QRELS formats (four whitespace-separated columns per line; the format is
decided once for the whole file):
  cisi  "qid docid 0 0.000000"  (CISI.REL): 3rd column is 0 and the 4th is a
        decimal number with a point; every listed pair is relevant.
  trec  "qid iter docid rel"    (standard TREC qrels): the 4th column is an
        integer; the pair is relevant when rel > 0.
  auto (default) picks cisi if every line matches cisi, trec if every line
  matches trec, and fails otherwise.

RUN format: "qid Q0 docid rank score tag". As in trec_eval, the rank column is
ignored: each query's documents are ordered by score (descending), ties broken
by docid in descending byte order (trec_eval's comp_sim_docno); a docid listed
twice for one query is an error.

Measures (per query, then the arithmetic mean over evaluated queries):
  map      sum of precision at the rank of each retrieved relevant document,
           divided by the number of relevant documents (whole run depth)
  P@k      relevant documents in the top k divided by k
  nDCG@k   DCG@k = sum over relevant ranks i <= k of 1/log2(i+1), divided by
           the DCG of an ideal ranking of the judged relevant documents
"""

import argparse
import json
import math
import re
import sys

from dossier_data import UserError, require_file, run_main

_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?\d*\.\d+$")


def _rows(lines, path, columns, what):
    """Splits non-blank lines into fields, checking the column count."""
    rows = []
    for lineno, line in enumerate(lines, 1):
        fields = line.split()
        if not fields:
            continue
        if len(fields) != columns:
            raise UserError(f"{path}:{lineno}: expected {columns} columns in {what}, found {len(fields)}")
        rows.append((lineno, fields))
    return rows


def _is_cisi(fields):
    return fields[2] == "0" and bool(_DECIMAL.match(fields[3]))


def _is_trec(fields):
    return bool(_INTEGER.match(fields[3]))


def detect_qrels_format(rows, path):
    if rows and all(_is_cisi(f) for _, f in rows):
        return "cisi"
    if rows and all(_is_trec(f) for _, f in rows):
        return "trec"
    if not rows:
        raise UserError(f"{path}: no judgments")
    bad = next((n for n, f in rows if not _is_trec(f)), rows[0][0])
    raise UserError(f"{path}:{bad}: cannot tell qrels format (neither 'qid docid 0 0.000000' nor 'qid iter docid rel')")


def parse_qrels(lines, path="qrels", fmt="auto"):
    """Returns {qid: set of relevant docids}; queries with no relevant doc are left out."""
    rows = _rows(lines, path, 4, "qrels")
    if fmt == "auto":
        fmt = detect_qrels_format(rows, path)
    relevant = {}
    for lineno, fields in rows:
        if fmt == "cisi":
            qid, docid = fields[0], fields[1]
            is_relevant = True
        else:
            if not _is_trec(fields):
                raise UserError(f"{path}:{lineno}: relevance '{fields[3]}' is not an integer")
            qid, docid = fields[0], fields[2]
            is_relevant = int(fields[3]) > 0
        if is_relevant:
            relevant.setdefault(qid, set()).add(docid)
    return relevant


def parse_run(lines, path="run"):
    """Returns {qid: [docid, ...]} ordered as trec_eval orders them."""
    scored = {}
    for lineno, fields in _rows(lines, path, 6, "a TREC run"):
        qid, docid = fields[0], fields[2]
        try:
            score = float(fields[4])
        except ValueError:
            raise UserError(f"{path}:{lineno}: score '{fields[4]}' is not a number") from None
        if math.isnan(score):
            raise UserError(f"{path}:{lineno}: score is NaN")
        docs = scored.setdefault(qid, {})
        if docid in docs:
            raise UserError(f"{path}:{lineno}: document {docid} listed twice for query {qid}")
        docs[docid] = score
    # Score descending, then docid descending: sorting (score, docid) pairs in reverse.
    return {qid: [d for _, d in sorted(((s, d) for d, s in docs.items()), reverse=True)] for qid, docs in scored.items()}


def average_precision(ranking, relevant):
    hits, total = 0, 0.0
    for rank, docid in enumerate(ranking, 1):
        if docid in relevant:
            hits += 1
            total += hits / rank
    return total / len(relevant)


def precision_at(ranking, relevant, k):
    return sum(1 for d in ranking[:k] if d in relevant) / k


def ndcg_at(ranking, relevant, k):
    dcg = sum(1 / math.log2(rank + 1) for rank, d in enumerate(ranking[:k], 1) if d in relevant)
    ideal = sum(1 / math.log2(rank + 1) for rank in range(1, min(len(relevant), k) + 1))
    return dcg / ideal


def evaluate(relevant_by_query, run, k):
    """Per-query and mean measures; see the module doc for the definitions."""
    per_query = {}
    for qid in sorted(relevant_by_query, key=_natural_key):
        relevant, ranking = relevant_by_query[qid], run.get(qid, [])
        per_query[qid] = {
            "map": average_precision(ranking, relevant),
            "p_at_k": precision_at(ranking, relevant, k),
            "ndcg_at_k": ndcg_at(ranking, relevant, k),
            "relevant": len(relevant),
            "retrieved": len(ranking),
        }
    count = len(per_query)

    def mean(measure):
        return sum(q[measure] for q in per_query.values()) / count if count else 0.0

    return {
        "k": k,
        "queries": count,
        "missing_from_run": sum(1 for q in relevant_by_query if q not in run),
        "ignored_run_queries": sum(1 for q in run if q not in relevant_by_query),
        "map": mean("map"),
        "p_at_k": mean("p_at_k"),
        "ndcg_at_k": mean("ndcg_at_k"),
        "per_query": per_query,
    }


def _natural_key(qid):
    return (0, int(qid), "") if qid.isdigit() else (1, 0, qid)


def format_table(result, per_query):
    k = result["k"]
    lines = []
    if per_query:
        lines.append(f"{'query':<10} {'rel':>4} {'ret':>6} {'AP':>7} {f'P@{k}':>7} {f'nDCG@{k}':>8}")
        for qid, q in result["per_query"].items():
            lines.append(f"{qid:<10} {q['relevant']:>4} {q['retrieved']:>6} {q['map']:>7.4f} "
                         f"{q['p_at_k']:>7.4f} {q['ndcg_at_k']:>8.4f}")
        lines.append("")
    lines += [
        f"queries    {result['queries']}  (judged with >= 1 relevant; {result['missing_from_run']} missing"
        f" from run, {result['ignored_run_queries']} unjudged run queries ignored)",
        f"MAP        {result['map']:.4f}",
        f"P@{k:<8} {result['p_at_k']:.4f}",
        f"nDCG@{k:<5} {result['ndcg_at_k']:.4f}",
    ]
    return "\n".join(lines) + "\n"


def self_test():
    """Tiny cases with values computed by hand; returns the number of failures."""
    log2_3 = math.log2(3)
    qrels_cisi = ["1 d1 0 0.000000", "1 d3 0 0.000000", "1 d6 0 0.000000", "2 d9 0 0.000000", "4 b 0 0.000000"]
    run = [
        # q1: retrieved d1..d5 in score order; relevant d1 (rank 1) and d3 (rank 3) of 3.
        "1 Q0 d1 1 10 t", "1 Q0 d2 2 9 t", "1 Q0 d3 3 8 t", "1 Q0 d4 4 7 t", "1 Q0 d5 5 6 t",
        # q2 is judged but absent from the run. q3 has no judgments: ignored.
        "3 Q0 d1 1 5 t",
        # q4: tie on score; trec_eval puts docid 'b' before 'a'; the rank column is ignored.
        "4 Q0 a 1 1.0 t", "4 Q0 b 2 1.0 t",
    ]
    relevant = parse_qrels(qrels_cisi, fmt="auto")
    ranked = parse_run(run)
    res = evaluate(relevant, ranked, 10)
    q1_ndcg = (1 + 1 / 2) / (1 + 1 / log2_3 + 1 / 2)
    checks = [
        ("q1 AP = (1/1 + 2/3) / 3", res["per_query"]["1"]["map"], (1 + 2 / 3) / 3),
        ("q1 P@10 = 2/10", res["per_query"]["1"]["p_at_k"], 0.2),
        ("q1 nDCG@10 = 1.5 / (1 + 1/log2(3) + 1/2)", res["per_query"]["1"]["ndcg_at_k"], q1_ndcg),
        ("q2 missing from run: AP 0", res["per_query"]["2"]["map"], 0.0),
        ("q4 tie broken by docid desc: AP 1", res["per_query"]["4"]["map"], 1.0),
        ("q4 P@10 = 1/10", res["per_query"]["4"]["p_at_k"], 0.1),
        ("q4 nDCG@10 = 1", res["per_query"]["4"]["ndcg_at_k"], 1.0),
        ("3 evaluated queries", res["queries"], 3),
        ("1 judged query missing from run", res["missing_from_run"], 1),
        ("1 unjudged run query ignored", res["ignored_run_queries"], 1),
        ("MAP = mean(5/9, 0, 1)", res["map"], (5 / 9 + 0 + 1) / 3),
        ("P@10 = mean(0.2, 0, 0.1)", res["p_at_k"], 0.1),
        ("nDCG@10 = mean(q1, 0, 1)", res["ndcg_at_k"], (q1_ndcg + 1) / 3),
    ]
    # k = 2: q1 top 2 = d1, d2 -> P@2 = 1/2, nDCG@2 = 1 / (1 + 1/log2(3)).
    res2 = evaluate(relevant, ranked, 2)
    checks += [
        ("q1 P@2 = 1/2", res2["per_query"]["1"]["p_at_k"], 0.5),
        ("q1 nDCG@2 = 1 / (1 + 1/log2(3))", res2["per_query"]["1"]["ndcg_at_k"], 1 / (1 + 1 / log2_3)),
    ]
    # TREC qrels: rel 0 is judged non-relevant; a query with only rel 0 is not evaluated.
    trec = parse_qrels(["7 0 x 0", "7 0 y 2", "8 0 z 0"])
    res3 = evaluate(trec, parse_run(["7 Q0 x 1 3 t", "7 Q0 y 2 2 t", "8 Q0 z 1 1 t"]), 10)
    checks += [
        ("trec qrels: only q7 evaluated", res3["queries"], 1),
        ("trec qrels: q7 AP = 1/2", res3["map"], 0.5),
        ("trec qrels: q7 nDCG@10 = 1/log2(3)", res3["ndcg_at_k"], 1 / log2_3),
    ]
    failures = 0
    for name, got, want in checks:
        if abs(got - want) > 1e-9:
            print(f"FAIL {name}: got {got}, want {want}")
            failures += 1
    errors = [
        ("mixed qrels formats", lambda: parse_qrels(["1 d1 0 0.000000", "1 0 d2 1"])),
        ("3-column qrels", lambda: parse_qrels(["1 d1 1"])),
        ("duplicate run doc", lambda: parse_run(["1 Q0 a 1 2 t", "1 Q0 a 2 1 t"])),
        ("non-numeric score", lambda: parse_run(["1 Q0 a 1 high t"])),
        ("5-column run", lambda: parse_run(["1 Q0 a 1 2"])),
    ]
    for name, call in errors:
        try:
            call()
        except UserError:
            continue
        print(f"FAIL {name}: accepted, expected a UserError")
        failures += 1
    total = len(checks) + len(errors)
    print(f"self-test: {total - failures}/{total} checks passed")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("qrels", metavar="QRELS", nargs="?", help="relevance judgments")
    parser.add_argument("run", metavar="RUN", nargs="?", help="TREC run file")
    parser.add_argument("--k", type=int, default=10, help="cutoff for P@k and nDCG@k (default 10)")
    parser.add_argument("--qrels-format", choices=["auto", "cisi", "trec"], default="auto",
                        help="QRELS format (default: auto-detect, see above)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--per-query", action="store_true", help="include per-query figures")
    parser.add_argument("--self-test", action="store_true", help="run built-in cases and exit (status 1 on failure)")
    args = parser.parse_args()

    if args.self_test:
        return 1 if self_test() else 0
    if not args.qrels or not args.run:
        parser.error("QRELS and RUN are required (or --self-test)")
    if args.k < 1:
        parser.error("--k must be at least 1")
    require_file(args.qrels, "qrels file")
    require_file(args.run, "run file")
    with open(args.qrels, encoding="utf-8", errors="replace") as f:
        relevant = parse_qrels(f, args.qrels, args.qrels_format)
    if not relevant:
        raise UserError(f"{args.qrels}: no query has a relevant document")
    with open(args.run, encoding="utf-8", errors="replace") as f:
        run = parse_run(f, args.run)

    result = evaluate(relevant, run, args.k)
    if not args.per_query:
        del result["per_query"]
    if args.json:
        json.dump(result, sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_table(result, args.per_query))
    return 0


if __name__ == "__main__":
    run_main(main)
