#include "dossier/facets/facets.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <unordered_map>

namespace dossier {
namespace {

using std::chrono::day;
using std::chrono::days;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;

// "YYYYMMDD" -> a calendar day; nullopt for anything malformed.
std::optional<sys_days> parse_ymd(std::string_view s) {
  if (s.size() != 8) return std::nullopt;
  int v[3] = {0, 0, 0};
  const int widths[3] = {4, 2, 2};
  std::size_t pos = 0;
  for (int part = 0; part < 3; ++part) {
    for (int k = 0; k < widths[part]; ++k, ++pos) {
      if (s[pos] < '0' || s[pos] > '9') return std::nullopt;
      v[part] = v[part] * 10 + (s[pos] - '0');
    }
  }
  const year_month_day ymd{year{v[0]}, month{static_cast<unsigned>(v[1])},
                           day{static_cast<unsigned>(v[2])}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

std::string format_day(sys_days d) {
  const year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

// ISO 8601 week label: the week belongs to the year of its Thursday.
std::string iso_week(sys_days d) {
  const std::chrono::weekday wd{d};
  const unsigned iso_weekday = wd.iso_encoding();  // Monday 1 .. Sunday 7
  const sys_days thursday = d + days{4 - static_cast<int>(iso_weekday)};
  const year y = year_month_day{thursday}.year();
  const int week = static_cast<int>((thursday - sys_days{y / 1 / 1}).count() / 7 + 1);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", static_cast<int>(y), week);
  return buf;
}

std::string bucket_of(sys_days d, Granularity g) {
  const std::string full = format_day(d);
  switch (g) {
    case Granularity::Day:
      return full;
    case Granularity::Week:
      return iso_week(d);
    case Granularity::Month:
      return full.substr(0, 7);
    case Granularity::Year:
      return full.substr(0, 4);
  }
  return full;
}

// The first day of the bucket after the one holding `d`.
sys_days next_bucket(sys_days d, Granularity g) {
  const year_month_day ymd{d};
  switch (g) {
    case Granularity::Day:
      return d + days{1};
    case Granularity::Week:
      return d + days{8 - static_cast<int>(std::chrono::weekday{d}.iso_encoding())};
    case Granularity::Month:
      return sys_days{(ymd.year() / ymd.month() / 1) + std::chrono::months{1}};
    case Granularity::Year:
      return sys_days{(ymd.year() + std::chrono::years{1}) / 1 / 1};
  }
  return d + days{1};
}

// Big-endian 8 bytes: spies travel to shard servers of any byte order.
std::string put_u64(std::uint64_t v) {
  std::string out(8, '\0');
  for (int i = 7; i >= 0; --i, v >>= 8)
    out[static_cast<std::size_t>(i)] = static_cast<char>(v & 0xFF);
  return out;
}

std::uint64_t get_u64(std::string_view bytes) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v = v << 8 | static_cast<unsigned char>(bytes[i]);
  return v;
}

}  // namespace

std::string serialise_identities(const FlatCodeMap<schema::ActorCode>* merged) {
  std::string out;
  if (!merged) return out;
  out.reserve(merged->size() * 16);
  merged->for_each([&](std::uint64_t code, schema::ActorCode into) {
    out += put_u64(code);
    out += put_u64(into);
  });
  return out;
}

std::shared_ptr<const FlatCodeMap<schema::ActorCode>> unserialise_identities(
    std::string_view bytes) {
  if (bytes.size() % 16 != 0) throw Xapian::SerialisationError("actor identities: bad length");
  auto merged = std::make_shared<FlatCodeMap<schema::ActorCode>>();
  for (; !bytes.empty(); bytes.remove_prefix(16)) {
    const std::uint64_t code = get_u64(bytes), into = get_u64(bytes.substr(8));
    if (code == 0) throw Xapian::SerialisationError("actor identities: code 0");
    (*merged)[code] = into;
  }
  return merged;
}

void identity_codes(std::string_view slot_value, const FlatCodeMap<schema::ActorCode>* merged,
                    std::vector<schema::ActorCode>& out) {
  out.clear();
  const bool merging = merged && merged->size() != 0;
  schema::for_each_actor_code(slot_value, [&](schema::ActorCode code) {
    if (merging) {
      if (const schema::ActorCode* into = merged->find(code)) code = *into;
      // An article has a few dozen actors at most: a scan beats a set.
      if (std::find(out.begin(), out.end(), code) != out.end()) return;
    }
    out.push_back(code);
  });
}

bool ActorCodeTable::load(const Xapian::Database& db, Xapian::valueno slot, std::size_t max_bytes,
                          const FlatCodeMap<schema::ActorCode>* merged) {
  clear();
  std::vector<schema::ActorCode> codes;
  start_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 2, 0);
  std::unordered_map<schema::ActorCode, std::uint32_t> number_of;
  const auto bytes = [&] {
    return (start_.size() + numbers_.size()) * sizeof(std::uint32_t) +
           code_of_.size() * (sizeof(schema::ActorCode) + 32);  // + the map while loading
  };
  Xapian::docid filled = 0;  // start_ is final up to here
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
    const Xapian::docid did = it.get_docid();
    const std::string value = *it;
    for (Xapian::docid d = filled + 1; d <= did; ++d)
      start_[d] = static_cast<std::uint32_t>(numbers_.size());
    identity_codes(value, merged, codes);
    for (const schema::ActorCode code : codes) {
      const auto [at, added] = number_of.emplace(code, static_cast<std::uint32_t>(code_of_.size()));
      if (added) code_of_.push_back(code);
      numbers_.push_back(at->second | schema::actor_code_type(code) << kTypeShift);
    }
    filled = did;
    if (bytes() > max_bytes || code_of_.size() >= (std::size_t{1} << kTypeShift)) {
      clear();
      return false;
    }
  }
  for (std::size_t d = filled + 1; d < start_.size(); ++d)
    start_[d] = static_cast<std::uint32_t>(numbers_.size());
  return true;
}

void ActorCodeTable::clear() {
  start_ = {};
  numbers_ = {};
  code_of_ = {};
}

SlotValues SlotValues::load(const Xapian::Database& db, Xapian::valueno slot) {
  SlotValues out;
  if ((std::size_t{db.get_lastdocid()} + 1) * sizeof(std::uint32_t) > kMaxTableBytes) return out;
  std::unordered_map<std::string, std::uint32_t> number_by_value;
  out.number.assign(static_cast<std::size_t>(db.get_lastdocid()) + 1, 0);
  std::size_t bytes = out.number.size() * sizeof(std::uint32_t);
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
    const std::string value = *it;
    const auto [at, added] =
        number_by_value.emplace(value, static_cast<std::uint32_t>(out.values.size() + 1));
    if (added) {
      out.values.push_back(value);
      bytes += 2 * (value.size() + 48);  // the value and the map entry while loading
      if (bytes > kMaxTableBytes) return {};
    }
    out.number[it.get_docid()] = at->second;
  }
  return out;
}

void SlotValueTable::prepare(const Xapian::Database& db) {
  if (values_) return;
  values_ = shared_->peek();
  if (!values_ && rent_.buy_now(db.get_doccount()))
    values_ = &shared_->get([&] { return SlotValues::load(db, slot_); });
  if (values_) number_ = values_->number;
}

std::vector<Xapian::doccount> SlotValueTable::count(
    const std::vector<Xapian::docid>& matches) const {
  std::vector<Xapian::doccount> counts(value_count() + 1, 0);
  for (const Xapian::docid did : matches) ++counts[number_of(did)];
  return counts;
}

std::vector<std::pair<std::string, Xapian::doccount>> SlotValueTable::top(
    const std::vector<Xapian::doccount>& counts, std::size_t size) const {
  std::vector<std::pair<std::string, Xapian::doccount>> out;
  for (std::uint32_t n = 1; n < counts.size(); ++n) {
    if (counts[n] != 0) out.emplace_back(value(n), counts[n]);
  }
  const auto before = [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  if (out.size() > size) {
    std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(size), out.end(),
                      before);
    out.resize(size);
  } else {
    std::sort(out.begin(), out.end(), before);
  }
  return out;
}

void SlotValueTable::share(std::shared_ptr<BuiltOnce<SlotValues>> shared) {
  shared_ = std::move(shared);
  values_ = nullptr;
  number_ = {};
  rent_.reset();
}

void ActorCountSpy::use_table(const ActorCodeTable* table) {
  table_ = table && !table->empty() ? table : nullptr;
  counts_by_number_.assign(table_ ? table_->actor_count() : 0, 0);
  // + 1: an entry is written before it is known to be new, also once all are counted.
  numbers_counted_.assign(table_ ? table_->actor_count() + 1 : 0, 0);
  numbers_counted_size_ = 0;
}

void ActorCountSpy::operator()(const Xapian::Document& doc, double) {
  if (table_) return count(doc.get_docid());
  ++seen_;
  identity_codes(doc.get_value(slot_), merged_, document_codes_);
  for (const schema::ActorCode code : document_codes_) add(code, 1);
}

void ActorCountSpy::add(schema::ActorCode code, Xapian::doccount n) {
  if (n == 0 || code == 0) return;
  Xapian::doccount& count = counts_by_code_[code];
  if (count == 0) codes_counted_.push_back(code);
  count += n;
}

void ActorCountSpy::clear() {
  for (const schema::ActorCode code : codes_counted_) *counts_by_code_.find(code) = 0;
  codes_counted_.clear();
  for (const std::uint32_t entry : std::span(numbers_counted_).first(numbers_counted_size_))
    counts_by_number_[ActorCodeTable::number_of(entry)] = 0;
  numbers_counted_size_ = 0;
  seen_ = 0;
}

// The slot (8 bytes), then each merged code and its canonical code (8 bytes each).
std::string ActorCountSpy::serialise() const {
  return put_u64(slot_) + serialise_identities(merged_);
}

Xapian::MatchSpy* ActorCountSpy::unserialise(const std::string& serialised,
                                             const Xapian::Registry&) const {
  const std::string_view bytes(serialised);
  if (bytes.size() < 8) throw Xapian::SerialisationError("ActorCountSpy: no slot");
  auto spy = std::make_unique<ActorCountSpy>(static_cast<Xapian::valueno>(get_u64(bytes)));
  spy->owned_merged_ = unserialise_identities(bytes.substr(8));
  spy->use_identity(spy->owned_merged_.get());
  return spy.release();
}

// Results as lines: documents seen, then "count code" pairs in decimal.
std::string ActorCountSpy::serialise_results() const {
  std::string out = std::to_string(seen_) + '\n';
  for_each_count([&](unsigned, Xapian::doccount n, const auto& code) {
    out += std::to_string(n);
    out += ' ';
    out += std::to_string(code());
    out += '\n';
  });
  return out;
}

void ActorCountSpy::merge_results(const std::string& serialised) {
  std::istringstream in(serialised);
  Xapian::doccount seen = 0;
  if (!(in >> seen)) return;
  seen_ += seen;
  Xapian::doccount n = 0;
  schema::ActorCode code = 0;
  while (in >> n >> code) add(code, n);
}

std::optional<Granularity> granularity_from_string(std::string_view name) {
  return enum_from_name(kGranularityNames, name);
}

std::string_view granularity_name(Granularity granularity) {
  return enum_name(kGranularityNames, granularity);
}

std::string date_bucket(std::string_view yyyymmdd, Granularity granularity) {
  const auto d = parse_ymd(yyyymmdd);
  return d ? bucket_of(*d, granularity) : std::string();
}

Granularity fitting_granularity(std::string_view first, std::string_view last, Granularity asked) {
  const auto a = parse_ymd(first);
  const auto b = parse_ymd(last);
  if (!a || !b || *b < *a) return asked;
  const long span_days = (*b - *a).count();
  const year_month_day ya{*a}, yb{*b};
  const long span_months = (static_cast<int>(yb.year()) - static_cast<int>(ya.year())) * 12L +
                           static_cast<long>(static_cast<unsigned>(yb.month())) -
                           static_cast<long>(static_cast<unsigned>(ya.month()));
  // Buckets needed at each granularity, at most (a week may straddle either end).
  const auto buckets = [&](Granularity g) {
    switch (g) {
      case Granularity::Day:
        return span_days + 1;
      case Granularity::Week:
        return span_days / 7 + 2;
      case Granularity::Month:
        return span_months + 1;
      case Granularity::Year:
        return span_months / 12 + 1;
    }
    return span_days + 1;
  };
  Granularity g = asked;
  while (g != Granularity::Year && buckets(g) > static_cast<long>(kMaxDateBuckets))
    g = static_cast<Granularity>(static_cast<int>(g) + 1);
  return g;
}

std::vector<std::string> bucket_labels(std::string_view first, std::string_view last,
                                       Granularity granularity) {
  std::vector<std::string> labels;
  const auto a = parse_ymd(first);
  const auto b = parse_ymd(last);
  if (!a || !b || *b < *a) return labels;
  const std::string last_label = bucket_of(*b, granularity);
  for (sys_days d = *a;; d = next_bucket(d, granularity)) {
    labels.push_back(bucket_of(d, granularity));
    if (labels.back() == last_label || d > *b) break;
  }
  return labels;
}

bool fits_bucket(DatePrecision precision, Granularity granularity) {
  switch (precision) {
    case DatePrecision::Day:
      return true;
    case DatePrecision::Month:
      return granularity == Granularity::Month || granularity == Granularity::Year;
    case DatePrecision::Year:
      return granularity == Granularity::Year;
  }
  return true;
}

std::string date_value_bucket(std::string_view value, Granularity granularity) {
  const auto date = schema::parse_date_value(value);
  if (!date) return std::string();
  if (!fits_bucket(date->precision, granularity)) return date->iso();
  return date_bucket(date->first_day().yyyymmdd(), granularity);
}

DateHistogram date_histogram(const std::map<std::string, Xapian::doccount>& per_date,
                             Granularity granularity) {
  // Each date that a bucket can hold, as its first day; coarse values sort before their
  // days, so the days stay in order.
  std::map<std::string, Xapian::doccount> per_day;
  DateHistogram out;
  out.granularity = granularity;
  std::vector<std::pair<Date, Xapian::doccount>> coarse;
  for (const auto& [value, n] : per_date) {
    const auto date = schema::parse_date_value(value);
    if (!date) continue;
    per_day[date->first_day().yyyymmdd()] += n;
    if (date->precision != DatePrecision::Day) coarse.emplace_back(*date, n);
  }
  if (!per_day.empty())
    out.granularity =
        fitting_granularity(per_day.begin()->first, per_day.rbegin()->first, granularity);
  for (const auto& [date, n] : coarse) {
    if (fits_bucket(date.precision, out.granularity)) continue;
    out.coarse.push_back({date.iso(), n, std::nullopt});
    const auto day = per_day.find(date.first_day().yyyymmdd());
    if ((day->second -= n) == 0) per_day.erase(day);
  }
  if (per_day.empty()) return out;
  const std::string first = per_day.begin()->first, last = per_day.rbegin()->first;
  std::map<std::string, Xapian::doccount> by_bucket;
  for (const auto& [ymd, n] : per_day) by_bucket[date_bucket(ymd, out.granularity)] += n;
  for (auto& label : bucket_labels(first, last, out.granularity)) {
    const auto it = by_bucket.find(label);
    out.buckets.push_back({std::move(label), it == by_bucket.end() ? 0 : it->second, std::nullopt});
  }
  return out;
}

}  // namespace dossier
