#include "dossier/schema/document_data.h"

#include <cstdint>
#include <optional>

namespace dossier {
namespace {

void put_varint(std::string& out, std::uint64_t n) {
  while (n >= 0x80) {
    out += static_cast<char>((n & 0x7F) | 0x80);
    n >>= 7;
  }
  out += static_cast<char>(n);
}

void put_string(std::string& out, std::string_view s) {
  put_varint(out, s.size());
  out.append(s);
}

// Reads fields in order; once anything is cut short, every later read fails too.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  std::optional<std::uint64_t> varint() {
    std::uint64_t n = 0;
    for (int shift = 0; shift < 64 && pos_ < in_.size(); shift += 7) {
      const auto byte = static_cast<unsigned char>(in_[pos_++]);
      n |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return n;
    }
    pos_ = in_.size();
    return std::nullopt;
  }

  // A std::string gets a copy, a std::string_view a view into the input.
  template <class Str>
  bool string(Str& out) {
    const auto n = varint();
    if (!n || *n > in_.size() - pos_) {
      pos_ = in_.size();
      return false;
    }
    out = in_.substr(pos_, *n);
    pos_ += *n;
    return true;
  }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string DocumentData::serialise() const {
  std::string out;
  out.reserve(text.size() + title.size() + 64 * (actors.size() + 1));
  for (const std::string* s : {&id, &title, &text, &date, &date_source}) put_string(out, *s);
  put_varint(out, dates_mentioned.size());
  for (const auto& d : dates_mentioned) put_string(out, d);
  put_string(out, source);
  put_string(out, url);
  put_varint(out, actors.size());
  for (const auto& a : actors) {
    put_string(out, a.id);
    put_string(out, a.name);
    put_string(out, a.type);
    put_varint(out, static_cast<std::uint64_t>(a.mentions < 0 ? 0 : a.mentions));
  }
  return out;
}

namespace {

// One parser for both forms (DocumentData and DocumentView have the same fields).
template <class Data>
Data parse(std::string_view serialised, std::size_t max_actors) {
  Data d;
  Reader in(serialised);
  for (auto* s : {&d.id, &d.title, &d.text, &d.date, &d.date_source}) {
    if (!in.string(*s)) return d;
  }
  const auto dates = in.varint();
  for (std::uint64_t k = 0; dates && k < *dates; ++k) {
    if (!in.string(d.dates_mentioned.emplace_back())) return d;
  }
  if (!in.string(d.source) || !in.string(d.url)) return d;
  const auto actors = in.varint();
  for (std::uint64_t k = 0; actors && k < *actors && k < max_actors; ++k) {
    typename Data::ActorEntry a;
    if (!in.string(a.id) || !in.string(a.name) || !in.string(a.type)) return d;
    const auto mentions = in.varint();
    if (!mentions) return d;
    a.mentions = static_cast<int>(*mentions);
    d.actors.push_back(std::move(a));
  }
  return d;
}

}  // namespace

DocumentData DocumentData::unserialise(std::string_view serialised, std::size_t max_actors) {
  return parse<DocumentData>(serialised, max_actors);
}

DocumentView DocumentView::parse(std::string_view serialised, std::size_t max_actors) {
  return dossier::parse<DocumentView>(serialised, max_actors);
}

bool operator==(const DocumentData::ActorEntry& a, const DocumentData::ActorEntry& b) {
  return a.id == b.id && a.name == b.name && a.type == b.type && a.mentions == b.mentions;
}

bool operator==(const DocumentData& a, const DocumentData& b) {
  return a.id == b.id && a.title == b.title && a.text == b.text && a.date == b.date &&
         a.date_source == b.date_source && a.dates_mentioned == b.dates_mentioned &&
         a.source == b.source && a.url == b.url && a.actors == b.actors;
}

}  // namespace dossier
