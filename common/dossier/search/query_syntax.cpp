#include "dossier/search/query_syntax.h"

#include <array>
#include <optional>
#include <utility>
#include <vector>

#include "dossier/schema/schema.h"
#include "dossier/text/ascii_words.h"

namespace dossier {
namespace {

constexpr std::string_view kNear = "NEAR";
constexpr std::string_view kAdj = "ADJ";

enum class ItemKind { kOpen, kClose, kBoolean, kPositional, kOperand };

enum class OperatorKind { kNone, kBoolean, kNear, kAdj };

// What a chunk of a folded query is as an operator: AND, OR, NOT, XOR, or NEAR and ADJ
// with an optional "/N" window. Case matters: "or" is a word.
OperatorKind operator_kind(std::string_view chunk) {
  static constexpr std::array<std::string_view, 4> kBooleanOps = {"AND", "OR", "NOT", "XOR"};
  for (const auto op : kBooleanOps) {
    if (chunk == op) return OperatorKind::kBoolean;
  }
  for (const auto& [op, kind] :
       {std::pair{kNear, OperatorKind::kNear}, std::pair{kAdj, OperatorKind::kAdj}}) {
    if (chunk.substr(0, op.size()) != op) continue;
    const auto rest = chunk.substr(op.size());
    if (rest.empty()) return kind;
    if (rest.size() < 2 || rest[0] != '/') return OperatorKind::kNone;
    for (const char c : rest.substr(1)) {
      if (!is_ascii_digit(c)) return OperatorKind::kNone;
    }
    return kind;
  }
  return OperatorKind::kNone;
}

// One item of a folded query: a bracket, an operator, or an operand (a word chunk, a
// phrase, a field with its value).
struct Item {
  ItemKind kind;
  std::size_t begin;
  std::size_t end;
  bool excluded = false;     // a '-' mark (on an operand or an opening bracket)
  bool holds_word = false;   // an operand that puts at least one term in the query
  bool single_word = false;  // an operand NEAR and ADJ can take

  std::string_view text(std::string_view q) const { return q.substr(begin, end - begin); }
};

// Folded words are ASCII letters and digits or non-ASCII text (the analyser's tokens).
bool is_word_byte(char c) {
  return is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80;
}

bool holds_word_byte(std::string_view text) {
  for (const char c : text) {
    if (is_word_byte(c)) return true;
  }
  return false;
}

// The end of a quoted text whose opening quote is at `open`.
std::size_t quoted_end(std::string_view q, std::size_t open) {
  const std::size_t close = q.find('"', open + 1);
  return close == std::string_view::npos ? q.size() : close + 1;
}

// A field prefix at `p` as Xapian's parser takes one: a schema field's name, ':', and a
// character that is neither a space (nor control character) nor ')'. Sets `value` to
// where the value starts.
std::optional<schema::Field> field_at(std::string_view q, std::size_t p, std::size_t& value) {
  std::size_t colon = p;
  while (colon < q.size() && (is_ascii_alnum(q[colon]) || q[colon] == '_')) ++colon;
  if (colon == p || colon + 1 >= q.size() || q[colon] != ':') return std::nullopt;
  const unsigned char next = static_cast<unsigned char>(q[colon + 1]);
  if (next <= ' ' || next == ')') return std::nullopt;
  auto field = schema::find_field(q.substr(p, colon - p));
  if (field) value = colon + 1;
  return field;
}

// A chunk NEAR and ADJ can take: one word, perhaps in a free-text field, no marks.
bool is_single_word(std::string_view chunk) {
  std::size_t value = 0;
  if (const auto field = field_at(chunk, 0, value)) {
    if (field->kind != schema::FieldKind::kFreeText) return false;
  }
  const auto word = chunk.substr(value);
  if (word.empty()) return false;
  for (const char c : word) {
    if (!is_word_byte(c)) return false;
  }
  return true;
}

// Splits a folded query into items the way Xapian's parser will read it. Quotes and
// brackets are balanced (check_balanced()), except that a boolean field's value may hold
// a bracket, which is then the value's.
std::vector<Item> query_items(std::string_view q) {
  std::vector<Item> items;
  std::size_t i = 0;
  while (i < q.size()) {
    const char c = q[i];
    if (is_line_space(c)) {
      ++i;
      continue;
    }
    if (c == '(' || c == ')') {
      items.push_back({c == '(' ? ItemKind::kOpen : ItemKind::kClose, i, i + 1});
      ++i;
      continue;
    }
    const bool marked = c == '-' || c == '+';
    const bool excluded = c == '-';
    const std::size_t p = marked ? i + 1 : i;
    std::size_t value = 0;
    const auto field = field_at(q, p, value);
    if (field && field->kind == schema::FieldKind::kBoolean) {
      // 'source:bbc', '-source:"associated press"': a filter, whatever its value.
      const std::size_t end = boolean_value_end(q, value);
      items.push_back({ItemKind::kOperand, i, end, excluded, true});
      i = end;
      continue;
    }
    const std::size_t lead_end = field ? value : p;  // after the mark and the field name
    if (lead_end < q.size() && q[lead_end] == '(' && (marked || field)) {
      // "-(", "+(", "title:(": the bracket opens here, with the mark.
      items.push_back({ItemKind::kOpen, i, lead_end + 1, excluded});
      i = lead_end + 1;
      continue;
    }
    if (lead_end < q.size() && q[lead_end] == '"') {
      // '"a b"', '-"a b"', 'title:"a b"'; after a word ('oil"gas"') the word is an item
      // and the quote starts the next.
      const std::size_t end = quoted_end(q, lead_end);
      const auto quoted = q.substr(lead_end + 1, end - lead_end - 1);
      items.push_back({ItemKind::kOperand, i, end, excluded, holds_word_byte(quoted)});
      i = end;
      continue;
    }
    std::size_t j = i;
    while (j < q.size() && !is_line_space(q[j]) && q[j] != '(' && q[j] != ')' && q[j] != '"') ++j;
    const std::string_view chunk = q.substr(i, j - i);
    if (const auto op = operator_kind(chunk); op != OperatorKind::kNone) {
      const auto kind = op == OperatorKind::kBoolean ? ItemKind::kBoolean : ItemKind::kPositional;
      items.push_back({kind, i, j});
    } else {
      const auto words = q.substr(lead_end, j > lead_end ? j - lead_end : 0);
      items.push_back({ItemKind::kOperand, i, j, excluded, holds_word_byte(words),
                       !marked && is_single_word(chunk)});
    }
    i = j;
  }
  return items;
}

std::string missing_operand(std::string_view op) {
  return "Syntax: <expression> " + std::string(op) + " <expression>";
}

// The state of one bracket level (the query itself is the outermost).
struct Level {
  bool excluded = false;          // the bracket is marked '-'
  std::string pending;            // the boolean operator waiting for its right operand
  bool any_kept = false;          // an operand of the level is not excluded
  std::size_t operand_items = 0;  // operands since the pending operator (or the start)
  bool operand_starts_excluded = false;
  bool operand_has_kept = false;
};

void add_operand(Level& level, bool excluded) {
  if (level.operand_items == 0) level.operand_starts_excluded = excluded;
  ++level.operand_items;
  level.operand_has_kept = level.operand_has_kept || !excluded;
  level.any_kept = level.any_kept || !excluded;
}

// The operand that has just ended (before `next_op`, or at the end of its level when
// `next_op` is empty): what is wrong with it, or nothing.
std::string operand_problem(const Level& level, std::string_view next_op) {
  if (level.pending.empty()) {
    // The level's first operand: excluded items alone exclude from nothing.
    if (!next_op.empty() && level.operand_items > 0 && !level.operand_has_kept)
      return missing_operand(next_op);
    return {};
  }
  if (level.operand_items == 0) return missing_operand(level.pending);
  // "x AND -y" is Xapian's "x AND NOT y"; after any other operator an operand cannot
  // start with an exclusion.
  if (level.pending != "AND" && level.operand_starts_excluded)
    return missing_operand(level.pending);
  return {};
}

// A NEAR or ADJ item at `k` between its two words, one kind per chain, window >= 1.
std::string positional_problem(std::string_view q, const std::vector<Item>& items, std::size_t k) {
  const auto op = items[k].text(q);
  const auto op_kind = operator_kind(op);
  const auto kind = op_kind == OperatorKind::kNear ? kNear : kAdj;
  const auto takes = [&](std::size_t i) {
    return i < items.size() && items[i].kind == ItemKind::kOperand && items[i].single_word;
  };
  if (k == 0 || !takes(k - 1) || !takes(k + 1))
    return std::string(kind) + " needs one word on each side (not a phrase, wildcard, " +
           "bracket or marked word)";
  if (k >= 2 && items[k - 2].kind == ItemKind::kPositional &&
      operator_kind(items[k - 2].text(q)) != op_kind)
    return "NEAR and ADJ cannot be mixed in one chain of words";
  if (op.size() > kind.size() &&
      op.substr(kind.size() + 1).find_first_not_of('0') == std::string_view::npos)
    return std::string(op) + ": the window must be at least 1";
  return {};
}

}  // namespace

bool is_query_operator(std::string_view chunk) {
  return operator_kind(chunk) != OperatorKind::kNone;
}

std::size_t boolean_value_end(std::string_view q, std::size_t v) {
  if (v < q.size() && q[v] == '"') {
    for (std::size_t k = v + 1; k < q.size(); ++k) {
      if (q[k] != '"') continue;
      if (k + 1 < q.size() && q[k + 1] == '"') {
        ++k;
        continue;
      }
      return k + 1;
    }
    return q.size();
  }
  std::size_t k = v;
  while (k < q.size() && static_cast<unsigned char>(q[k]) > ' ' && q[k] != ')') ++k;
  return k;
}

QuerySyntax check_query_syntax(std::string_view folded) {
  const auto items = query_items(folded);
  std::vector<Level> levels(1);
  std::vector<std::size_t> chain_opens;   // offsets where a NEAR/ADJ chain starts
  std::vector<std::size_t> chain_closes;  // and where it ends
  const auto fail = [](std::string problem) { return QuerySyntax{{}, std::move(problem)}; };
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Item& item = items[k];
    Level& level = levels.back();
    switch (item.kind) {
      case ItemKind::kOpen:
        levels.emplace_back();
        levels.back().excluded = item.excluded;
        break;
      case ItemKind::kClose: {
        if (levels.size() == 1) break;  // unbalanced: refused before this check
        if (auto problem = operand_problem(level, {}); !problem.empty()) return fail(problem);
        // operand_problem() passed: a pending operator has its right operand, so the level
        // holds operands exactly when its last operand has items.
        const bool has_operands = level.operand_items > 0;
        if (has_operands && !level.any_kept)
          return fail("a bracket of exclusions only excludes from nothing");
        const bool excluded = level.excluded;
        levels.pop_back();
        if (has_operands) add_operand(levels.back(), excluded);
        break;
      }
      case ItemKind::kOperand:
        if (item.holds_word) add_operand(level, item.excluded);
        break;
      case ItemKind::kPositional: {
        if (auto problem = positional_problem(folded, items, k); !problem.empty())
          return fail(problem);
        if (k < 2 || items[k - 2].kind != ItemKind::kPositional)
          chain_opens.push_back(items[k - 1].begin);
        if (k + 2 >= items.size() || items[k + 2].kind != ItemKind::kPositional)
          chain_closes.push_back(items[k + 1].end);
        break;
      }
      case ItemKind::kBoolean: {
        std::string op(item.text(folded));
        // "NOT x" at the start of a level or after another operator ("x OR NOT y"); not
        // after NOT itself ("x NOT NOT y").
        const bool not_starts_operand = op == "NOT" && level.operand_items == 0 &&
                                        level.pending != "NOT" && level.pending != "AND NOT";
        if (not_starts_operand) {
          op = level.pending == "AND" ? "AND NOT" : "NOT";
        } else if (level.operand_items == 0) {
          const bool and_not = op == "AND" && k + 1 < items.size() &&
                               items[k + 1].kind == ItemKind::kBoolean &&
                               items[k + 1].text(folded) == "NOT";
          return fail(
              missing_operand(level.pending.empty() ? (and_not ? "AND NOT" : op) : level.pending));
        } else if (auto problem = operand_problem(level, op); !problem.empty()) {
          return fail(problem);
        }
        level.pending = op;
        level.operand_items = 0;
        level.operand_starts_excluded = false;
        level.operand_has_kept = false;
        break;
      }
    }
  }
  if (auto problem = operand_problem(levels.front(), {}); !problem.empty()) return fail(problem);

  QuerySyntax out;
  out.parsable.reserve(folded.size() + chain_opens.size() * 2);
  std::size_t open = 0;
  std::size_t close = 0;
  for (std::size_t i = 0; i <= folded.size(); ++i) {
    while (close < chain_closes.size() && chain_closes[close] == i) {
      out.parsable += ')';
      ++close;
    }
    while (open < chain_opens.size() && chain_opens[open] == i) {
      out.parsable += '(';
      ++open;
    }
    if (i < folded.size()) out.parsable += folded[i];
  }
  return out;
}

}  // namespace dossier
