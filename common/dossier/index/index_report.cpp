#include "dossier/index/index_report.h"

#include <cerrno>
#include <cstring>

#include <nlohmann/json.hpp>

#include "dossier/base/errors.h"
#include "dossier/base/utf8.h"

namespace dossier {

IndexReport::IndexReport(std::ostream& err, const std::string& report_path, bool clear_line,
                         std::string program)
    : err_(err), clear_line_(clear_line), program_(std::move(program)), report_path_(report_path) {
  if (report_path.empty()) return;
  file_.emplace(report_path, std::ios::binary | std::ios::trunc);
  if (!*file_) throw Error(ErrorKind::kUsage, "cannot create report file " + report_path);
}

void IndexReport::skipped(const std::string& path, const std::string& reason) {
  add(path, reason, true);
}

void IndexReport::warning(const std::string& path, const std::string& reason) {
  add(path, reason, false);
}

void IndexReport::add(const std::string& path, const std::string& reason, bool skipped) {
  std::lock_guard lock(mutex_);
  if (skipped) ++skipped_;
  // stderr gets the path's bytes as they are (what a shell user can paste back); the JSON
  // report must be UTF-8, so there a non-UTF-8 path is repaired.
  if (clear_line_) err_ << "\r\033[K";
  err_ << program_ << (skipped ? ": skipped " : ": warning: ") << path << ": " << reason << "\n";
  if (file_) {
    const nlohmann::ordered_json line = {
        {"path", repair_utf8(path)}, {"reason", repair_utf8(reason)}, {"skipped", skipped}};
    *file_ << line.dump() << "\n";
  }
}

std::size_t IndexReport::skipped_count() const {
  std::lock_guard lock(mutex_);
  return skipped_;
}

void IndexReport::close() {
  std::lock_guard lock(mutex_);
  if (!file_) return;
  errno = 0;
  file_->flush();
  if (!*file_) {
    throw Error(ErrorKind::kInternal,
                "cannot write report file " + report_path_ +
                    (errno != 0 ? std::string(": ") + std::strerror(errno) : std::string()));
  }
  file_.reset();
}

}  // namespace dossier
