#include "dossier/schema/schema.h"

#include <algorithm>
#include <charconv>
#include <cinttypes>
#include <cstdio>

#include "dossier/base/errors.h"
#include "dossier/base/hash.h"
#include "dossier/extract/actors/actor.h"
#include "dossier/text/ascii_words.h"

namespace dossier::schema {
namespace {

// Ids longer than this are cut and hashed (id_term). Part of the stored encoding: another
// cut would give long ids other terms than the databases hold.
constexpr std::size_t kMaxIdTermBytes = 200;
static_assert(kMaxIdTermBytes < kMaxTermBytes);

// "PREFIXa\tb" -> {a, b}; nothing when `term` lacks the prefix or the tab. The name and
// alias terms both hold two fields this way.
std::optional<std::pair<std::string_view, std::string_view>> split_after_prefix(
    std::string_view term, std::string_view prefix) {
  if (!term.starts_with(prefix)) return std::nullopt;
  term.remove_prefix(prefix.size());
  const auto tab = term.find('\t');
  if (tab == std::string_view::npos) return std::nullopt;
  return std::pair(term.substr(0, tab), term.substr(tab + 1));
}

std::string version_mismatch(const std::string& path, const std::string& found) {
  return "database " + path + " has schema version " + found + ", this Dossier reads versions " +
         std::to_string(kOldestReadableSchema) + " to " + std::to_string(kSchemaVersion) +
         "; rebuild it with dossier-index";
}

}  // namespace

const std::vector<Field>& fields() {
  static const std::vector<Field> kFields = {
      {"title", kTitlePrefix, FieldKind::kFreeText},
      {"actor", kActorPrefix, FieldKind::kBoolean},
      {"source", kSourcePrefix, FieldKind::kBoolean},
      {"date", "", FieldKind::kBoolean},  // a range over kSlotDate, not a term
      {"mentioned", kMentionedPrefix, FieldKind::kBoolean},
      {"folder", kFolderPrefix, FieldKind::kBoolean},
      {"id", kIdPrefix, FieldKind::kBoolean},  // the article's id term (id_term())
  };
  return kFields;
}

std::optional<Field> find_field(std::string_view name) {
  for (const auto& f : fields()) {
    if (f.name == name) return f;
  }
  return std::nullopt;
}

std::string actor_id(std::string_view type, std::string_view key) {
  std::string id(type);
  return id.append(":").append(key);
}

ActorIdParts split_actor_id(std::string_view actor_id) {
  const auto colon = actor_id.find(':');
  if (colon == std::string_view::npos) return {{}, actor_id};
  return {actor_id.substr(0, colon), actor_id.substr(colon + 1)};
}

std::string actor_term(std::string_view actor_id) {
  return std::string(kActorPrefix).append(actor_id);
}

std::string_view actor_id_of_term(std::string_view actor_term) {
  return actor_term.substr(std::string_view(kActorPrefix).size());
}

std::optional<std::string_view> parse_actor_term(std::string_view term) {
  const std::string_view prefix = kActorPrefix;
  if (!term.starts_with(prefix) || term.size() == prefix.size() ||
      is_ascii_upper(term[prefix.size()]))
    return std::nullopt;
  return term.substr(prefix.size());
}

std::string actor_names_prefix_of_ids(std::string_view id_prefix) {
  return std::string(kActorNamePrefix).append(id_prefix);
}

std::string actor_names_prefix(std::string_view actor_id) {
  return actor_names_prefix_of_ids(actor_id).append("\t");
}

std::string actor_name_term(std::string_view actor_id, std::string_view name) {
  return actor_names_prefix(actor_id).append(name);
}

std::optional<ActorName> parse_actor_name_term(std::string_view term) {
  const auto parts = split_after_prefix(term, kActorNamePrefix);
  if (!parts) return std::nullopt;
  return ActorName{parts->first, parts->second};
}

std::optional<TextTerm> parse_text_term(std::string_view term) {
  TextTerm text;
  text.stem = term.starts_with(kStemPrefix);
  if (text.stem) term.remove_prefix(std::string_view(kStemPrefix).size());
  text.title = term.starts_with(kTitlePrefix);
  if (text.title) term.remove_prefix(std::string_view(kTitlePrefix).size());
  if (term.empty() || is_ascii_upper(term.front())) return std::nullopt;
  text.word = term;
  return text;
}

std::string actor_alias_prefix(std::string_view form) {
  return std::string(kActorFormPrefix).append(form).append("\t");
}

std::string actor_alias_term(std::string_view form, std::string_view actor_id) {
  return actor_alias_prefix(form).append(actor_id);
}

std::optional<ActorAlias> parse_actor_alias_term(std::string_view term) {
  const auto parts = split_after_prefix(term, kActorFormPrefix);
  if (!parts || parts->first.empty() || parts->second.empty()) return std::nullopt;
  return ActorAlias{parts->first, parts->second};
}

std::string legacy_actor_form_term(std::string_view form) {
  return std::string(kActorFormPrefix).append(form);
}

std::string implied_actor_name(std::string_view key) {
  std::string name(key);
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (i == 0 || name[i - 1] == ' ') name[i] = to_ascii_upper(name[i]);
  }
  return name;
}

ActorCode actor_code(std::string_view actor_id) {
  const auto type = actor_type_from_string(split_actor_id(actor_id).type);
  const ActorCode type_bits = type ? static_cast<ActorCode>(*type) : 0;
  const ActorCode code = type_bits << 62 | (fnv1a64(actor_id) >> 2);
  return code == 0 ? 1 : code;
}

void append_actor_code(std::string& slot_value, ActorCode code) {
  for (int shift = 56; shift >= 0; shift -= 8)
    slot_value += static_cast<char>((code >> shift) & 0xFF);
}

std::vector<ActorCode> actor_codes(std::string_view slot_value) {
  std::vector<ActorCode> codes;
  for_each_actor_code(slot_value, [&](ActorCode code) { codes.push_back(code); });
  return codes;
}

std::string id_term(std::string_view id) {
  std::string term(kIdPrefix);
  if (id.size() <= kMaxIdTermBytes) return term.append(id);
  // Cut at a UTF-8 character boundary, then add a hash of the full id.
  std::size_t cut = kMaxIdTermBytes - 17;
  while (cut > 0 && (static_cast<unsigned char>(id[cut]) & 0xC0) == 0x80) --cut;
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016" PRIx64, fnv1a64(id));
  return term.append(id.substr(0, cut)).append("#").append(hash);
}

std::string id_order_value(std::string_view id) {
  return id_term(id).substr(std::string_view(kIdPrefix).size());
}

std::optional<std::string_view> id_in_order_value(std::string_view value) {
  if (value.empty()) return std::nullopt;
  // What id_term() appends to a long id it cuts: "#" and 16 lower-case hex digits.
  constexpr std::size_t kHashSuffix = 17;
  if (value.size() >= kHashSuffix && value[value.size() - kHashSuffix] == '#' &&
      std::all_of(value.end() - (kHashSuffix - 1), value.end(),
                  [](char c) { return is_ascii_digit(c) || (c >= 'a' && c <= 'f'); }))
    return std::nullopt;
  return value;
}

std::string cluster_key(std::string_view representative_id) {
  const std::uint64_t h = fnv1a64(representative_id);
  std::string key;
  for (int shift = 56; shift >= 0; shift -= 8) key += static_cast<char>((h >> shift) & 0xFF);
  return key;
}

bool has_clusters(const Xapian::Database& db) {
  int version = 0;
  const std::string found = db.get_metadata(kSchemaKey);
  std::from_chars(found.data(), found.data() + found.size(), version);
  return version >= kFirstClusteredSchema;
}

std::string input_term(std::string_view canonical_input_path) {
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016" PRIx64, fnv1a64(canonical_input_path));
  return std::string(kInputPrefix) + hash;
}

std::string_view id_scheme_name(IdScheme scheme) {
  return scheme == IdScheme::kFolder ? "folder" : "relative";
}

std::optional<IdScheme> stored_id_scheme(const Xapian::Database& db) {
  const std::string stored = db.get_metadata(kIdSchemeKey);
  for (const IdScheme scheme : {IdScheme::kFolder, IdScheme::kRelative}) {
    if (stored == id_scheme_name(scheme)) return scheme;
  }
  return std::nullopt;
}

void check(const Xapian::Database& db, const std::string& path) {
  const std::string found = db.get_metadata(kSchemaKey);
  if (found.empty()) {
    if (db.get_doccount() == 0) return;  // an empty database is fine to read
    throw Error(ErrorKind::kUsage,
                "database " + path + " was not written by dossier-index (no schema version)");
  }
  int version = 0;
  const auto [end, error] = std::from_chars(found.data(), found.data() + found.size(), version);
  if (error != std::errc() || end != found.data() + found.size() ||
      version < kOldestReadableSchema || version > kSchemaVersion)
    throw Error(ErrorKind::kUsage, version_mismatch(path, found));
}

void stamp_or_check(Xapian::WritableDatabase& db, const std::string& path) {
  const std::string current = std::to_string(kSchemaVersion);
  if (db.get_metadata(kSchemaKey).empty() && db.get_doccount() == 0) {
    db.set_metadata(kSchemaKey, current);
    return;
  }
  check(db, path);
  // An older readable schema becomes the current one: what this indexer writes from now
  // on is current, and what it leaves is still read (RecordCodec::read()).
  if (db.get_metadata(kSchemaKey) != current) db.set_metadata(kSchemaKey, current);
}

std::string date_value(const Date& date) {
  return date.yyyymmdd();  // "00" for the parts a coarse date does not have
}

std::string date_last_value(const Date& date) {
  return date.precision == DatePrecision::Day ? std::string() : date.last_day().yyyymmdd();
}

std::optional<Date> parse_date_value(std::string_view value) {
  if (value.size() != 8) return std::nullopt;
  for (const char c : value) {
    if (!is_ascii_digit(c)) return std::nullopt;
  }
  const auto number = [&](std::size_t at, std::size_t width) {
    int n = 0;
    for (std::size_t i = at; i < at + width; ++i) n = n * 10 + (value[i] - '0');
    return n;
  };
  const int year = number(0, 4), month = number(4, 2), day = number(6, 2);
  const Date date = month == 0 ? Date::of_year(year)
                    : day == 0 ? Date::of_month(year, month)
                               : Date::of_day(year, month, day);
  if (!date.valid() || (month == 0 && day != 0)) return std::nullopt;
  return date;
}

}  // namespace dossier::schema
