// A streaming JSON writer for the hot output path: a batch writes one result object per
// query, and building it as an nlohmann::ordered_json tree first (a heap node per value,
// then a second pass to serialise) cost more than the search of a small query. Text as
// nlohmann's compact dump() gives it: keys in call order, non-ASCII kept as UTF-8, invalid
// UTF-8 replaced by U+FFFD; doubles in their shortest round-trip form (where nlohmann at
// times prints 17 digits, 13.114953999999999 for 13.114954: both read back as one double).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view name);  // then exactly one value or container

  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(bool b);
  JsonWriter& value(std::int64_t n);
  JsonWriter& value(std::uint64_t n);
  JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
  JsonWriter& value(unsigned n) { return value(static_cast<std::uint64_t>(n)); }
  JsonWriter& value(double d);
  JsonWriter& null();
  JsonWriter& string_or_null(std::string_view s) { return s.empty() ? null() : value(s); }
  // Already serialised JSON (e.g. an id kept as the user wrote it), written as it is.
  JsonWriter& raw(std::string_view json);

 private:
  void separate();  // the comma before a value or key that is not the first
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  template <class Integer>
  JsonWriter& integer(Integer n);

  std::string& out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

// `s` as a JSON string literal (quotes included) appended to `out`.
void append_json_string(std::string& out, std::string_view s);
// `d` laid out as nlohmann::json lays out a double ("1.0" for whole numbers, exponent form
// outside 1e-4 .. 1e15), with the shortest digits that read back as `d`.
void append_json_double(std::string& out, double d);

}  // namespace dossier
