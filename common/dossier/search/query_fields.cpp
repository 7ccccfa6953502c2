#include "dossier/search/query_fields.h"

#include <functional>

#include "dossier/base/errors.h"
#include "dossier/schema/schema.h"
#include "dossier/text/analyzer.h"
#include "dossier/text/ascii_words.h"

namespace dossier {
namespace {

std::string_view trim_quotes(std::string_view v) {
  return trim(v, " \"");
}

// Adapts a value -> Query function to Xapian's FieldProcessor, keeping exceptions out of
// the parser (see FieldErrors).
class FieldProcessor : public Xapian::FieldProcessor {
 public:
  FieldProcessor(std::function<Xapian::Query(std::string_view)> make, FieldErrors& errors)
      : make_(std::move(make)), errors_(errors) {}

  Xapian::Query operator()(const std::string& value) override {
    try {
      return make_(trim_quotes(value));
    } catch (const Error&) {
      errors_.record(std::current_exception());
      return Xapian::Query::MatchNothing;
    }
  }

 private:
  std::function<Xapian::Query(std::string_view)> make_;
  FieldErrors& errors_;
};

}  // namespace

Date parse_date_bound(std::string_view text, std::string_view what) {
  std::string why;
  const auto date = Date::parse_iso(text, &why);
  if (!date) {
    throw Error(ErrorKind::kUsage, std::string(what) + ": " + why);  // why quotes the text
  }
  return *date;
}

Xapian::Query date_range_query(const std::optional<Date>& from, const std::optional<Date>& to) {
  // A reversed range is a typo, not a question whose answer is "nothing".
  if (from && to && to->last_day() < from->first_day())
    throw Error(ErrorKind::kUsage,
                "date range " + from->iso() + ".." + to->iso() + " ends before it starts");
  // Both open: every dated article.
  if (!from && !to)
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, std::string("0"));
  // A date overlaps the range when it starts on or before its end and ends on or after its
  // start. A coarse date's kSlotDate compares with days as its first day does; its end is
  // kSlotDateLast (a day's end is its start, which has no kSlotDateLast).
  std::optional<Xapian::Query> starts_in_time, ends_in_time;
  if (to)
    starts_in_time =
        Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, to->last_day().yyyymmdd());
  if (from) {
    const std::string first = from->first_day().yyyymmdd();
    ends_in_time = Xapian::Query(
        Xapian::Query::OP_OR, Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, first),
        Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDateLast, first));
  }
  if (starts_in_time && ends_in_time)
    return Xapian::Query(Xapian::Query::OP_AND, *starts_in_time, *ends_in_time);
  return starts_in_time ? *starts_in_time : *ends_in_time;
}

Xapian::Query date_field_query(std::string_view value) {
  if (value == "undated" || value == "none") return Xapian::Query(schema::kUndatedTerm);
  const auto dots = value.find("..");
  if (dots == std::string_view::npos) {
    const Date d = parse_date_bound(value, "date");
    return date_range_query(d, d);
  }
  const auto lo = value.substr(0, dots);
  const auto hi = value.substr(dots + 2);
  std::optional<Date> from, to;
  if (!lo.empty()) from = parse_date_bound(lo, "date");
  if (!hi.empty()) to = parse_date_bound(hi, "date");
  return date_range_query(from, to);
}

Xapian::Query mentioned_field_query(std::string_view value) {
  const Date d = parse_date_bound(value, "mentioned");
  const std::string ymd = d.yyyymmdd();
  switch (d.precision) {
    case DatePrecision::Day:
      return Xapian::Query(schema::kMentionedPrefix + ymd);
    case DatePrecision::Month:
      return Xapian::Query(schema::kMentionedPrefix + ymd.substr(0, 6));
    case DatePrecision::Year:
      // Any month of the year: month terms are "XM" + YYYYMM, day terms one longer.
      return Xapian::Query(Xapian::Query::OP_WILDCARD, schema::kMentionedPrefix + ymd.substr(0, 4),
                           0, Xapian::Query::WILDCARD_LIMIT_ERROR, Xapian::Query::OP_OR);
  }
  return Xapian::Query::MatchNothing;
}

Xapian::Query source_query(std::string_view value, Analyzer& analyzer) {
  const std::string folded = fold_phrase(value, analyzer);
  if (folded.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(schema::kSourcePrefix + folded);
}

Xapian::Query folder_query(std::string_view value, Analyzer& analyzer) {
  const std::string folded = fold_phrase(value, analyzer);
  if (folded.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(schema::kFolderPrefix + folded);
}

void add_field_processors(Xapian::QueryParser& parser, ActorDirectory& actors, Analyzer& analyzer,
                          FieldErrors& errors) {
  auto processor = [&errors](std::function<Xapian::Query(std::string_view)> make) {
    return (new FieldProcessor(std::move(make), errors))->release();
  };
  for (const auto& field : schema::fields()) {
    if (field.kind != schema::FieldKind::kBoolean) continue;
    const std::string name(field.name);
    if (name == "actor") {
      // Repeated actor: filters must all hold (exclusive = false ANDs them); repeated
      // dates or sources are alternatives (Xapian's default: OR within a field).
      parser.add_boolean_prefix(
          name, processor([&actors](std::string_view v) { return actors.filter(v); }), false);
    } else if (name == "date") {
      parser.add_boolean_prefix(name, processor(date_field_query));
    } else if (name == "mentioned") {
      parser.add_boolean_prefix(name, processor(mentioned_field_query));
    } else if (name == "source") {
      parser.add_boolean_prefix(
          name, processor([&analyzer](std::string_view v) { return source_query(v, analyzer); }));
    } else if (name == "folder") {
      parser.add_boolean_prefix(
          name, processor([&analyzer](std::string_view v) { return folder_query(v, analyzer); }));
    } else if (name == "id") {
      parser.add_boolean_prefix(
          name, processor([](std::string_view v) { return Xapian::Query(schema::id_term(v)); }));
    } else {
      throw Error(ErrorKind::kInternal, "schema field " + name + " has no query processor");
    }
  }
}

}  // namespace dossier
