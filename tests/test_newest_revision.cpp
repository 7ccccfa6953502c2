// Reading a database while a writer commits to it: Xapian 1.4.22's reader fails when the
// writer recycles the revision it reads (DatabaseModifiedError) and its reopen or open can
// fail too, sometimes as DatabaseCorruptError although nothing is corrupt. Either ended an
// indexing run (ChangeDetector) or a search on a loaded machine; here they come within some
// thousand opens or a few hundred thousand look-ups, the reader and the writer taking turns
// on one CPU.
#include <filesystem>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <sched.h>
#include <unistd.h>
#include <xapian.h>

#include "dossier/base/newest_revision.h"
#include "dossier/index/change_detector.h"
#include "dossier/schema/schema.h"

namespace {

// Pins the calling thread, and the threads it starts, to one CPU: a reader and a writer
// taking turns on it are interrupted mid-read, as on a loaded machine.
class OneCpu {
 public:
  OneCpu() {
    pinned_ = sched_getaffinity(0, sizeof(saved_), &saved_) == 0;
    if (!pinned_) return;
    cpu_set_t one;
    CPU_ZERO(&one);
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
      if (CPU_ISSET(cpu, &saved_)) {
        CPU_SET(cpu, &one);
        break;
      }
    }
    sched_setaffinity(0, sizeof(one), &one);
  }
  ~OneCpu() {
    if (pinned_) sched_setaffinity(0, sizeof(saved_), &saved_);
  }
  OneCpu(const OneCpu&) = delete;
  OneCpu& operator=(const OneCpu&) = delete;

 private:
  cpu_set_t saved_{};
  bool pinned_ = false;
};

constexpr int kArticles = 5000;

Xapian::Document article(int n, char filler) {
  Xapian::Document doc;
  doc.add_boolean_term(dossier::schema::id_term(std::to_string(n)));
  doc.set_data(std::string(200, filler));
  doc.add_value(dossier::schema::kSlotOrigin, std::string(40, filler));
  return doc;
}

// A database of kArticles articles, and a writer that rewrites them and commits every ten
// until the test ends (or throws), pinned with the test to one CPU.
class WrittenDatabase : public testing::Test {
 protected:
  WrittenDatabase()
      : dir_(std::filesystem::temp_directory_path() /
             ("dossier_newest_revision_" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(dir_);
    db_ = Xapian::WritableDatabase(dir_.string(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
    for (int n = 0; n < kArticles; ++n) db_.add_document(article(n, 'a'));
    db_.commit();
  }
  ~WrittenDatabase() override {
    writer_.request_stop();
    writer_.join();
    db_.close();
    std::filesystem::remove_all(dir_);
  }

  void start_writer() {
    writer_ = std::jthread([this](const std::stop_token& stop) {
      for (int n = 0; !stop.stop_requested(); ++n) {
        db_.replace_document(n % kArticles + 1, article(n % kArticles, 'b'));
        if (n % 10 == 0) db_.commit();
      }
    });
  }

  std::string path() const { return dir_.string(); }

 private:
  std::filesystem::path dir_;
  OneCpu one_cpu_;
  Xapian::WritableDatabase db_;
  std::jthread writer_;
};

TEST_F(WrittenDatabase, OpensAndReopensAtTheNewestRevision) {
  start_writer();
  constexpr int kOpens = 5000;
  int opened = 0;
  Xapian::Database reader = dossier::open_newest(path());
  for (int n = 0; n < kOpens; ++n) {
    opened += dossier::open_newest(path()).get_doccount() == kArticles;
    dossier::reopen_newest(reader);
  }
  EXPECT_EQ(opened, kOpens);
}

TEST_F(WrittenDatabase, ChangeDetectorFindsEveryArticle) {
  dossier::ChangeDetector detector(path());
  start_writer();
  constexpr int kLookups = 300000;
  int found = 0;
  for (int n = 0; n < kLookups; ++n) {
    const auto id = dossier::schema::id_term(std::to_string(n * 7 % kArticles));
    found += detector.find(id, "Qinput").has_value();
  }
  EXPECT_EQ(found, kLookups);
}

}  // namespace
