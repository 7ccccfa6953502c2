// The data stored with each document: what search needs to show a hit without going back
// to the corpus files.
#pragma once

#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

struct DocumentData {
  struct ActorEntry {
    std::string id;    // "<type>:<key>", as in the XA term
    std::string name;  // this article's display form
    std::string type;
    int mentions = 0;
  };

  std::string id;
  std::string title;
  std::string text;         // cleaned body, the source of snippets
  std::string date;         // "YYYY-MM-DD" (or coarser), empty when undated
  std::string date_source;  // "metadata", "dateline", ... empty when undated
  std::vector<std::string> dates_mentioned;
  std::string source;
  std::string url;
  std::vector<ActorEntry> actors;  // most mentioned first

  // A compact binary form: every field in declaration order, strings and lists prefixed
  // with their length as a varint. Search reads the data of every hit it shows, and
  // parsing JSON (unescaping each text) cost more than the rest of a hit's snippet.
  std::string serialise() const;
  // Tolerant: data cut short leaves the remaining fields empty rather than failing.
  // Reads at most `max_actors` actors: a hit shows its first few, and copying the rest
  // cost a dozen allocations per hit.
  static DocumentData unserialise(std::string_view serialised,
                                  std::size_t max_actors = std::numeric_limits<std::size_t>::max());
};

// The same fields as views into a serialised DocumentData, which must outlive them: search
// reads each hit's text only to make its snippet, and copying the text, the dates and the
// actors' strings out of the data cost allocations and a copy of every hit.
struct DocumentView {
  struct ActorEntry {
    std::string_view id, name, type;
    int mentions = 0;
  };

  std::string_view id, title, text, date, date_source;
  std::vector<std::string_view> dates_mentioned;
  std::string_view source, url;
  std::vector<ActorEntry> actors;

  // As DocumentData::unserialise.
  static DocumentView parse(std::string_view serialised,
                            std::size_t max_actors = std::numeric_limits<std::size_t>::max());
};

bool operator==(const DocumentData::ActorEntry& a, const DocumentData::ActorEntry& b);
bool operator==(const DocumentData& a, const DocumentData& b);

}  // namespace dossier
