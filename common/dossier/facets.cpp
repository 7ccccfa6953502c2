#include "dossier/facets.h"

#include <chrono>
#include <cstdio>

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

void put_count(std::string& out, Xapian::doccount n) {
  out += std::to_string(n);
  out += '\n';
}

}  // namespace

void ActorCountSpy::operator()(const Xapian::Document& doc, double) {
  ++seen_;
  const std::string value = doc.get_value(slot_);
  const std::string_view ids = value;
  std::size_t start = 0;
  while (start < ids.size()) {
    std::size_t end = ids.find('\n', start);
    if (end == std::string_view::npos) end = ids.size();
    if (end > start) add(ids.substr(start, end - start), 1);
    start = end + 1;
  }
}

void ActorCountSpy::add(std::string_view id, Xapian::doccount n) {
  if (n == 0) return;
  const HashedId key{id, std::hash<std::string_view>{}(id)};
  auto it = numbers_.find(key);
  if (it == numbers_.end()) {
    const auto number = static_cast<std::uint32_t>(ids_.size());
    it = numbers_.emplace(HashedId{ids_.emplace_back(id), key.hash}, number).first;
    counts_.push_back(0);
  }
  Xapian::doccount& count = counts_[it->second];
  if (count == 0) counted_.push_back(it->second);
  count += n;
}

void ActorCountSpy::clear() {
  for (const std::uint32_t number : counted_) counts_[number] = 0;
  counted_.clear();
  seen_ = 0;
}

std::vector<std::pair<std::string_view, Xapian::doccount>> ActorCountSpy::counts() const {
  std::vector<std::pair<std::string_view, Xapian::doccount>> out;
  out.reserve(counted_.size());
  for (const std::uint32_t number : counted_) out.emplace_back(ids_[number], counts_[number]);
  return out;
}

std::string ActorCountSpy::serialise() const {
  return std::to_string(slot_);
}

Xapian::MatchSpy* ActorCountSpy::unserialise(const std::string& serialised,
                                             const Xapian::Registry&) const {
  return new ActorCountSpy(static_cast<Xapian::valueno>(std::stoul(serialised)));
}

// Results as lines: documents seen, then "count\nid" pairs (ids never contain '\n').
std::string ActorCountSpy::serialise_results() const {
  std::string out;
  put_count(out, seen_);
  for (const auto& [id, n] : counts()) {
    put_count(out, n);
    out += id;
    out += '\n';
  }
  return out;
}

void ActorCountSpy::merge_results(const std::string& serialised) {
  std::size_t pos = 0;
  auto next_line = [&]() {
    const std::size_t end = serialised.find('\n', pos);
    std::string line =
        serialised.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    pos = end == std::string::npos ? serialised.size() : end + 1;
    return line;
  };
  if (serialised.empty()) return;
  seen_ += static_cast<Xapian::doccount>(std::stoul(next_line()));
  while (pos < serialised.size()) {
    const auto n = static_cast<Xapian::doccount>(std::stoul(next_line()));
    add(next_line(), n);
  }
}

std::optional<Granularity> granularity_from_string(std::string_view name) {
  if (name == "day") return Granularity::Day;
  if (name == "week") return Granularity::Week;
  if (name == "month") return Granularity::Month;
  if (name == "year") return Granularity::Year;
  return std::nullopt;
}

std::string date_bucket(std::string_view yyyymmdd, Granularity granularity) {
  const auto d = parse_ymd(yyyymmdd);
  return d ? bucket_of(*d, granularity) : std::string();
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

std::vector<BucketCount> date_histogram(const std::map<std::string, Xapian::doccount>& per_day,
                                        Granularity granularity) {
  std::map<std::string, Xapian::doccount> by_bucket;
  std::string first, last;
  for (const auto& [ymd, n] : per_day) {
    const std::string bucket = date_bucket(ymd, granularity);
    if (bucket.empty()) continue;
    by_bucket[bucket] += n;
    if (first.empty()) first = ymd;
    last = ymd;
  }
  std::vector<BucketCount> out;
  for (auto& label : bucket_labels(first, last, granularity)) {
    const auto it = by_bucket.find(label);
    out.push_back({std::move(label), it == by_bucket.end() ? 0 : it->second});
  }
  return out;
}

}  // namespace dossier
