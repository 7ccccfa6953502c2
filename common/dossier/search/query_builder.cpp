#include "dossier/search/query_builder.h"

#include <algorithm>
#include <array>

#include "dossier/base/errors.h"
#include "dossier/schema/schema.h"
#include "dossier/search/query_fields.h"
#include "dossier/search/query_syntax.h"
#include "dossier/text/ascii_words.h"

namespace dossier {
namespace {

// Typographic double quotes behave like '"' in queries typed from word processors.
std::string straighten_quotes(std::string_view q) {
  std::string out;
  out.reserve(q.size());
  for (std::size_t i = 0; i < q.size(); ++i) {
    const auto rest = q.substr(i);
    if (rest.substr(0, 3) == "\xE2\x80\x9C" || rest.substr(0, 3) == "\xE2\x80\x9D" ||
        rest.substr(0, 2) == "\xC2\xAB" || rest.substr(0, 2) == "\xC2\xBB") {
      out += '"';
      i += (rest[0] == '\xE2') ? 2 : 1;
    } else {
      out += q[i];
    }
  }
  return out;
}

// Folds the words of one chunk of free text, keeping the punctuation between them (a
// hyphen makes QueryParser build a phrase, a trailing '*' a wildcard). Adjacent words
// with nothing between them (CJK) get a hyphen so they stay a phrase.
void fold_chunk(std::string_view chunk, Analyzer& analyzer, std::string& out) {
  std::size_t copied = 0;
  bool previous_was_word = false;
  for (const auto& t : analyzer.tokenize(chunk)) {
    const auto between = chunk.substr(copied, t.begin - copied);
    if (between.empty() && previous_was_word) out += '-';
    // Anything but a few syntax characters between words is just a separator.
    for (const char c : between) out += (c == '-' || c == '*' || c == '\'' || c == '.') ? c : ' ';
    out += t.term;
    copied = t.end;
    previous_was_word = true;
  }
  for (const char c : chunk.substr(copied)) {
    if (c == '*') out += c;  // trailing punctuation is dropped
  }
}

// Xapian's QueryParser quietly repairs unbalanced quotes and parentheses, which hides a
// typo from the user; we report them instead.
void check_balanced(std::string_view raw) {
  const std::string q = straighten_quotes(raw);
  bool in_quote = false;
  int depth = 0;
  for (const char c : q) {
    if (c == '"') in_quote = !in_quote;
    if (in_quote) continue;
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) break;
  }
  const std::string where = "malformed query '" + std::string(raw) + "': ";
  if (in_quote) throw Error(ErrorKind::kUsage, where + "unbalanced quote");
  if (depth != 0) throw Error(ErrorKind::kUsage, where + "unbalanced parenthesis");
}

// Length of the item starting at `q[i]`: a quoted phrase, a parenthesised group, or a
// chunk up to the next space.
std::size_t item_length(std::string_view q, std::size_t i) {
  if (q[i] == '"') {
    const std::size_t close = q.find('"', i + 1);
    return (close == std::string_view::npos ? q.size() : close + 1) - i;
  }
  std::size_t j = i;
  for (int depth = 0; j < q.size() && (depth > 0 || !is_line_space(q[j])); ++j) {
    if (q[j] == '(') ++depth;
    if (q[j] == ')') --depth;
  }
  return j - i;
}

}  // namespace

std::optional<MatchMode> match_mode_from_string(std::string_view name) {
  return enum_from_name(kMatchModeNames, name);
}

std::optional<std::string> excluded_items(std::string_view folded) {
  std::string any;
  std::size_t i = 0;
  while (true) {
    while (i < folded.size() && is_line_space(folded[i])) ++i;
    if (i == folded.size()) break;
    if (folded[i] != '-') return std::nullopt;
    if (++i == folded.size() || is_line_space(folded[i])) continue;
    const std::size_t n = item_length(folded, i);
    any.append(any.empty() ? "" : " OR ").append(folded.substr(i, n));
    i += n;
  }
  if (any.empty()) return std::nullopt;
  return any;
}

std::vector<std::string> wildcard_prefixes(std::string_view folded) {
  // Folded words hold no ASCII punctuation: a wildcard's word runs back from its '*' to the
  // first punctuation or space; what leads its chunk says whether it is excluded or in a
  // field.
  const auto ends_word = [](char c) {
    return static_cast<unsigned char>(c) < 0x80 && !is_ascii_alnum(c);
  };
  std::vector<std::string> out;
  for (std::size_t star = folded.find('*'); star != std::string_view::npos;
       star = folded.find('*', star + 1)) {
    std::size_t begin = star;
    while (begin > 0 && !ends_word(folded[begin - 1])) --begin;
    if (begin == star) continue;
    std::size_t chunk = begin;
    while (chunk > 0 && !is_line_space(folded[chunk - 1]) && folded[chunk - 1] != '(' &&
           folded[chunk - 1] != '"')
      --chunk;
    std::string_view lead = folded.substr(chunk, begin - chunk);
    if (!lead.empty() && lead[0] == '-') continue;
    if (!lead.empty() && lead[0] == '+') lead.remove_prefix(1);
    std::string prefix;
    if (const auto colon = lead.find(':'); colon != std::string_view::npos) {
      const auto field = schema::find_field(lead.substr(0, colon));
      if (!field || field->kind != schema::FieldKind::kFreeText) continue;
      prefix = field->prefix;
    }
    prefix.append(folded.substr(begin, star - begin));
    if (std::find(out.begin(), out.end(), prefix) == out.end()) out.push_back(std::move(prefix));
  }
  return out;
}

std::string fold_query_words(std::string_view raw, Analyzer& analyzer) {
  const std::string q = straighten_quotes(raw);
  std::string out;
  std::size_t i = 0;
  while (i < q.size()) {
    const char c = q[i];
    if (is_line_space(c) || c == '"' || c == '(' || c == ')') {
      out += c;
      ++i;
      continue;
    }
    // A chunk: everything up to the next space, quote or parenthesis.
    std::size_t j = i;
    while (j < q.size() && !is_line_space(q[j]) && q[j] != '"' && q[j] != '(' && q[j] != ')') ++j;
    std::string_view chunk = std::string_view(q).substr(i, j - i);
    if (is_query_operator(chunk)) {
      out += chunk;
      i = j;
      continue;
    }
    if (chunk[0] == '+' || chunk[0] == '-') {  // love/hate marks stay
      out += chunk[0];
      chunk.remove_prefix(1);
      ++i;
    }
    // field:value, where field is one of the schema's query fields.
    std::size_t name_end = 0;
    while (name_end < chunk.size() && is_ascii_letter(chunk[name_end])) ++name_end;
    if (name_end > 0 && name_end < chunk.size() && chunk[name_end] == ':') {
      if (const auto field = schema::find_field(chunk.substr(0, name_end))) {
        out.append(chunk.substr(0, name_end + 1));
        i += name_end + 1;
        if (field->kind == schema::FieldKind::kBoolean) {
          // Boolean values are matched by the field's own processor, verbatim.
          const std::size_t n = boolean_value_end(q, i) - i;
          out.append(q, i, n);
          i += n;
        }
        continue;  // a free-text value is folded as the next chunk or phrase
      }
    }
    fold_chunk(std::string_view(q).substr(i, j - i), analyzer, out);
    i = j;
  }
  return out;
}

Xapian::Query without_absent_terms(const Xapian::Query& query, const Xapian::Database& db) {
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM:
      // A new empty query, never a copy of the static MatchNothing (see build()).
      return db.term_exists(*query.get_terms_begin()) ? query : Xapian::Query();
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
      break;  // operators without parameters: rebuilt from their parts
    default:
      return query;
  }
  std::vector<Xapian::Query> parts;
  parts.reserve(query.get_num_subqueries());
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
    parts.push_back(without_absent_terms(query.get_subquery(i), db));
  return Xapian::Query(query.get_type(), parts.begin(), parts.end());
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, Analyzer& analyzer, ActorDirectory& actors)
    : db_(db), analyzer_(analyzer) {
  parser_.set_database(db);
  parser_.set_stemmer(analyzer.stemmer());
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser_.set_stopper(&english_stopper());
  set_match(MatchMode::kAll);
  for (const auto& field : schema::fields()) {
    if (field.kind == schema::FieldKind::kFreeText)
      parser_.add_prefix(std::string(field.name), std::string(field.prefix));
  }
  add_field_processors(parser_, actors, analyzer, field_errors_);
}

void QueryBuilder::set_match(MatchMode match) {
  parser_.set_default_op(match == MatchMode::kAll ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
}

void QueryBuilder::set_stemming(bool on) {
  parser_.set_stemming_strategy(on ? Xapian::QueryParser::STEM_SOME
                                   : Xapian::QueryParser::STEM_NONE);
}

void QueryBuilder::set_stopwords(bool on) {
  parser_.set_stopper(on ? &english_stopper() : nullptr);
}

Xapian::Query QueryBuilder::build(std::string_view query, bool plain) {
  if (!plain) check_balanced(query);
  const std::string folded =
      plain ? fold_phrase(query, analyzer_) : fold_query_words(query, analyzer_);
  wildcards_ = plain ? std::vector<std::string>{} : wildcard_prefixes(folded);
  bool blank = true;
  for (const char c : folded) blank = blank && is_line_space(c);
  if (blank) {
    // Every article: a new Query(""), never a copy of Xapian::Query::MatchAll, a static
    // shared by all threads whose reference count is not atomic (batch threads building
    // empty queries at once corrupted it and crashed).
    if (plain || query.find_first_not_of(kLineSpaces) == std::string_view::npos)
      return Xapian::Query(std::string());
    // The query had words but none survived folding (only punctuation): match nothing.
    return Xapian::Query();
  }
  if (!plain) {
    // Only exclusions: Xapian's parser would search for the excluded words instead.
    if (const auto excluded = excluded_items(folded)) {
      return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(std::string()),
                           parse(query, *excluded, plain));
    }
  }
  return parse(query, folded, plain);
}

Xapian::Query QueryBuilder::parse(std::string_view query, const std::string& folded, bool plain) {
  const unsigned flags = plain ? 0u
                               : Xapian::QueryParser::FLAG_DEFAULT |
                                     Xapian::QueryParser::FLAG_WILDCARD |
                                     Xapian::QueryParser::FLAG_PURE_NOT;
  // A plain query has no operators to check: Xapian parses the folded text itself.
  QuerySyntax syntax;
  if (!plain) {
    syntax = check_query_syntax(folded);
    if (!syntax.problem.empty())
      throw Error(ErrorKind::kUsage,
                  "malformed query '" + std::string(query) + "': " + syntax.problem);
  }
  const std::string& parsable = plain ? folded : syntax.parsable;
  try {
    field_errors_ = {};
    Xapian::Query parsed = parser_.parse_query(parsable, flags);
    if (field_errors_.first) std::rethrow_exception(field_errors_.first);
    return without_absent_terms(parsed, db_);
  } catch (const Xapian::QueryParserError& e) {
    throw Error(ErrorKind::kUsage, "malformed query '" + std::string(query) + "': " + e.get_msg());
  } catch (const Xapian::NetworkError&) {
    throw;  // a remote shard's failure, not the query's: the searcher names the shard
  } catch (const Xapian::Error& e) {
    throw Error(ErrorKind::kUsage,
                "cannot parse query '" + std::string(query) + "': " + e.get_msg());
  }
}

}  // namespace dossier
