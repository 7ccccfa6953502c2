// The operator structure of a query, checked before Xapian's QueryParser sees it.
//
// Xapian 1.4's parser does two things with a query whose operators lack their operands
// ("OR oil", "oil y NEAR gas", "oil (-gas)"): it refuses some ("Syntax: <expression> OR
// <expression>"), and it quietly parses others again with every operator taken as a word,
// so "brexit deal NEAR/5 vote" searched for the words "near" and "5" and "oil (-gas)"
// searched for gas. On both paths its error recovery can lose the Term objects it holds
// (about 100 bytes a query, for the life of the process). Dossier therefore checks the
// structure itself: every query it hands to Xapian parses at the first attempt, and
// every other one is refused with one line naming the operator.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dossier {

// A query operator chunk: AND, OR, NOT, XOR, or NEAR and ADJ with an optional "/N"
// window. Case matters: "or" is a word.
bool is_query_operator(std::string_view chunk);

// Where a boolean field's value starting at `q[v]` ends, as Xapian's parser reads it: a
// quoted value after its closing quote ("" is a quote inside it), any other at a space, a
// control character or ')' (a '(' inside it is part of the value). Query folding copies
// exactly this much verbatim.
std::size_t boolean_value_end(std::string_view q, std::size_t v);

// What check_query_syntax() found: the query to parse, or why there is none.
struct QuerySyntax {
  // The folded query with each NEAR/ADJ chain in brackets ("x (y NEAR z)"): Xapian
  // joins words written one after the other into a group, and a group cannot take part
  // in NEAR, so "x y NEAR z" only parses as "x (y NEAR z)".
  std::string parsable;
  // Empty when the query is well formed; otherwise one sentence naming the operator
  // ("Syntax: <expression> OR <expression>", Xapian's own words where it has them).
  std::string problem;
};

// Checks a query after fold_query_words() (operators upper case, words folded, quotes
// and brackets balanced). The rules, each what Xapian's grammar accepts:
// - AND, OR, XOR and NOT join two operands in the same brackets; NOT may also start an
//   operand ("NOT x", "x AND NOT y", "x OR NOT y"). An operand after OR, XOR or NOT may
//   not start with an excluded item ("x OR -y z"); after AND it may ("x AND -y" is
//   "x AND NOT y").
// - An operand, or a bracket, needs an item that is not excluded ("x (-y)" and
//   "-y OR x" are refused; a whole query of exclusions is handled before this check).
// - NEAR and ADJ stand between single words (a field prefix allowed, no phrase, wildcard,
//   bracket or +/- mark), one kind per chain, windows of at least 1.
QuerySyntax check_query_syntax(std::string_view folded);

}  // namespace dossier
