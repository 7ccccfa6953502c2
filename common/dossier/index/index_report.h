// Every problem met while indexing, told once: one line on stderr ("dossier-index: skipped
// PATH: reason", or "dossier-index: warning: PATH: reason" for what was indexed anyway) and,
// with --report FILE, one JSON line {"path","reason"} per problem (plus "skipped": bool).
// Thread-safe: the reader and the analysis workers all report here.
#pragma once

#include <cstddef>
#include <fstream>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>

namespace dossier {

class IndexReport {
 public:
  // `report_path` empty: no report file. Throws dossier::Error (kUsage) when it cannot be
  // created. `err` gets the stderr lines; `program` starts each. With `clear_line`, each
  // line first erases the progress line drawn on the terminal.
  IndexReport(std::ostream& err, const std::string& report_path, bool clear_line = false,
              std::string program = "dossier-index");

  // A source that was left out of the index.
  void skipped(const std::string& path, const std::string& reason);
  // A source indexed with a caveat (e.g. its name had to be escaped into a valid id).
  void warning(const std::string& path, const std::string& reason);

  std::size_t skipped_count() const;

  // Flushes the report file; throws dossier::Error (kInternal) when writing it failed.
  void close();

 private:
  void add(const std::string& path, const std::string& reason, bool skipped);

  mutable std::mutex mutex_;
  std::ostream& err_;
  bool clear_line_;
  std::string program_;
  std::string report_path_;
  std::optional<std::ofstream> file_;
  std::size_t skipped_ = 0;
};

}  // namespace dossier
