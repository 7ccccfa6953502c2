// Units of the indexing pipeline: stamps, ids from file names, content checks, hand-offs.
#include <atomic>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "dossier/base/utf8.h"
#include "dossier/index/commit_batch.h"
#include "dossier/index/spelling_data.h"
#include "dossier/index/work_queue.h"
#include "dossier/input/corpus_walker.h"
#include "dossier/input/source_file.h"
#include "dossier/input/source_stamp.h"
#include "dossier/search/spelling.h"

namespace {

using dossier::SourceStamp;

TEST(SourceStamp, EncodesToThirtyTwoBytesAndBack) {
  const SourceStamp stamps[] = {
      {0, 0, 0, 0},
      {1234, 1700000000123456789, 0xcbf29ce484222325ULL, 42},
      {~0ULL, -1, ~0ULL, ~0ULL},
  };
  for (const auto& s : stamps) {
    const auto value = s.encode();
    EXPECT_EQ(value.size(), 32u);
    EXPECT_EQ(SourceStamp::decode(value), s);
  }
  EXPECT_EQ(SourceStamp::decode(""), std::nullopt);
  EXPECT_EQ(SourceStamp::decode(std::string(31, 'x')), std::nullopt);
  // Big-endian: the size comes first, most significant byte first.
  EXPECT_EQ((SourceStamp{0x0102, 0, 0}.encode().substr(6, 2)), "\x01\x02");
}

TEST(SourceStamp, FileStateNeedsAModificationTime) {
  EXPECT_TRUE((SourceStamp{10, 5, 1}.same_file_state({10, 5, 2})));
  EXPECT_FALSE((SourceStamp{10, 5, 1}.same_file_state({11, 5, 1})));
  EXPECT_FALSE((SourceStamp{10, 5, 1}.same_file_state({10, 6, 1})));
  EXPECT_FALSE((SourceStamp{10, 0, 1}.same_file_state({10, 0, 1})));        // JSONL: no mtime
  EXPECT_FALSE((SourceStamp{10, 5, 1, 7}.same_file_state({10, 5, 1, 8})));  // new metadata
  EXPECT_TRUE((SourceStamp{10, 5, 1, 7}.same_content({10, 9, 1, 7})));
  EXPECT_FALSE((SourceStamp{10, 5, 1, 7}.same_content({10, 5, 1, 8})));
}

TEST(IdFromPathBytes, EscapesWhatIsNotUtf8AndPercent) {
  const std::pair<std::string, std::string> rows[] = {
      {"sub/a.txt", "sub/a.txt"},
      {"caf\xC3\xA9.txt", "caf\xC3\xA9.txt"},  // valid UTF-8 kept
      {"caf\xE9.txt", "caf%E9.txt"},           // Latin-1 byte
      {"100%.txt", "100%25.txt"},              // '%' escaped: distinct names stay distinct
      {"\xC3.txt", "%C3.txt"},                 // truncated sequence
      {"\xED\xA0\x80.txt", "%ED%A0%80.txt"},   // surrogate
      {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},
  };
  for (const auto& [bytes, id] : rows) {
    EXPECT_EQ(dossier::id_from_path_bytes(bytes), id) << bytes;
    EXPECT_TRUE(dossier::is_valid_utf8(dossier::id_from_path_bytes(bytes)));
  }
}

TEST(SourceFileChecks, RefusesBinaryEmptyAndTooBig) {
  using dossier::refuse_content;
  EXPECT_EQ(refuse_content("Headline\n\nBody.\n"), std::nullopt);
  EXPECT_EQ(refuse_content(""), "empty file");
  EXPECT_EQ(refuse_content(" \n\t\r\n"), "empty file (only blanks)");
  EXPECT_NE(refuse_content(std::string("PK\x03\x04\0\0", 6)), std::nullopt);
  // A NUL past the probe is not enough to call a text binary.
  std::string late(dossier::kBinaryProbeBytes + 10, 'a');
  late.back() = '\0';
  EXPECT_EQ(refuse_content(late), std::nullopt);
  EXPECT_EQ(dossier::refuse_by_size(100, 100), std::nullopt);
  EXPECT_EQ(dossier::refuse_by_size(0, 100), std::nullopt);  // /proc files say 0: read them
  EXPECT_NE(dossier::refuse_by_size(101, 100), std::nullopt);
}

// Reader, three workers and a taker, as the indexing pipeline has them; hand-offs one by
// one and by batches.
void expect_results_in_sequence(std::uint64_t queue_batch, std::uint64_t result_batch) {
  constexpr std::uint64_t kItems = 2000;
  dossier::BoundedQueue<std::uint64_t> jobs(8, queue_batch);
  dossier::ReorderBuffer<std::uint64_t> results(16, result_batch);
  std::atomic<int> workers_left{3};
  std::vector<std::jthread> threads;
  threads.emplace_back([&] {
    for (std::uint64_t seq = 0; seq < kItems; ++seq) {
      ASSERT_TRUE(results.wait_for_room(seq, [&] { jobs.flush(); }));  // as the pipeline does
      ASSERT_TRUE(jobs.push(seq));
    }
    jobs.close();
  });
  for (int w = 0; w < 3; ++w) {
    threads.emplace_back([&] {
      while (auto seq = jobs.pop()) {
        if (*seq % 7 == 0) std::this_thread::yield();
        results.put(*seq, *seq * 10);
      }
      if (--workers_left == 0) results.finish();
    });
  }
  std::uint64_t expected = 0;
  while (auto value = results.take()) EXPECT_EQ(*value, 10 * expected++);
  EXPECT_EQ(expected, kItems);
}

TEST(ReorderBuffer, HandsResultsOutInSequenceWhateverTheFinishingOrder) {
  // Repeated: a lost wake-up shows as a hang only in some interleavings.
  for (int round = 0; round < 10; ++round) {
    expect_results_in_sequence(1, 1);
    expect_results_in_sequence(2, 4);
    // Batches as large as the queue and the window: without the reader's flush, or
    // without the taker waking when all the reader handed out is ready, this hangs.
    expect_results_in_sequence(1, 16);
    expect_results_in_sequence(8, 16);
  }
}

TEST(BoundedQueue, BatchedHandOffsDeliverEveryItemOnceAndCloseFlushesAShortBatch) {
  // Two producers, three consumers, wake-ups by batches of 3 in a queue of 8.
  constexpr std::uint64_t kPerProducer = 5000;
  dossier::BoundedQueue<std::uint64_t> queue(8, 3);
  std::atomic<std::uint64_t> sum{0}, count{0};
  {
    std::vector<std::jthread> consumers;
    for (int c = 0; c < 3; ++c) {
      consumers.emplace_back([&] {
        while (auto v = queue.pop()) {
          if (*v % 11 == 0) std::this_thread::yield();
          sum += *v;
          ++count;
        }
      });
    }
    {
      std::vector<std::jthread> producers;
      for (std::uint64_t p = 0; p < 2; ++p) {
        producers.emplace_back([&, p] {
          for (std::uint64_t i = 0; i < kPerProducer; ++i) {
            if (i % 13 == 0) std::this_thread::yield();
            ASSERT_TRUE(queue.push(p * kPerProducer + i));
          }
        });
      }
    }
    queue.close();
  }
  EXPECT_EQ(count, 2 * kPerProducer);
  EXPECT_EQ(sum, (2 * kPerProducer) * (2 * kPerProducer - 1) / 2);

  // Fewer items than a batch reach a sleeping consumer when the queue closes.
  dossier::BoundedQueue<int> short_batch(8, 4);
  std::vector<int> got;
  std::jthread consumer([&] {
    while (auto v = short_batch.pop()) got.push_back(*v);
  });
  ASSERT_TRUE(short_batch.push(1));
  ASSERT_TRUE(short_batch.push(2));
  short_batch.close();
  consumer.join();
  EXPECT_EQ(got, (std::vector<int>{1, 2}));
  EXPECT_FALSE(short_batch.push(3));
}

TEST(ReorderBuffer, AbortWakesAProducerWaitingForRoom) {
  dossier::ReorderBuffer<int> results(1);
  std::jthread producer([&] { EXPECT_FALSE(results.wait_for_room(5, [] {})); });
  results.abort();
}

}  // namespace

TEST(CommitBatch, GrowsWithTheShardBetweenItsBounds) {
  dossier::CommitBatch batch(0, 0);
  EXPECT_EQ(batch.articles(), 250u);
  EXPECT_EQ(batch.bytes(), 250u * 4096);
  EXPECT_FALSE(batch.full(249, 0));
  EXPECT_TRUE(batch.full(250, 0));
  EXPECT_TRUE(batch.full(1, 250u * 4096));
  batch.resize(24'000);
  EXPECT_EQ(batch.articles(), 250u);
  batch.resize(100'000);
  EXPECT_EQ(batch.articles(), 1000u);
  EXPECT_EQ(batch.bytes(), 1000u * 4096);
  EXPECT_FALSE(batch.full(999, 0));
  batch.resize(10'000'000);
  EXPECT_EQ(batch.articles(), 5000u);
}

TEST(CommitBatch, KeepsTheSizesTheUserFixed) {
  dossier::CommitBatch articles_only(20, 0);
  articles_only.resize(10'000'000);
  EXPECT_EQ(articles_only.articles(), 20u);
  EXPECT_EQ(articles_only.bytes(), 20u * 4096);
  dossier::CommitBatch bytes_only(0, 1000);
  bytes_only.resize(100'000);
  EXPECT_EQ(bytes_only.articles(), 1000u);
  EXPECT_TRUE(bytes_only.full(1, 1000));
}

// The spelling words of a document: unprefixed words, the words of actor keys and alias
// forms, nothing with a digit, nothing from other prefixes; sorted, distinct.
TEST(SpellingWords, AreTheWordsAndActorNamesOfADocument) {
  struct Case {
    std::vector<std::string> terms;
    std::vector<std::string> words;
  };
  const std::vector<Case> cases = {
      {{"oil", "prices", "Zoil", "Soil", "XSreuters", "Q1.txt"}, {"oil", "prices"}},
      {{"freed", "XAperson:mikhail khodorkovsky"}, {"freed", "khodorkovsky", "mikhail"}},
      {{"uk", "XAFbritain\tcountry:united kingdom", "XAcountry:united kingdom"},
       {"britain", "kingdom", "uk", "united"}},
      {{"2019", "g8", "summit", "XM201901"}, {"summit"}},
      {{"XANperson:nicolas maduro\tNicolás Maduro", "maduro"}, {"maduro"}},
  };
  for (const auto& c : cases) {
    Xapian::Document doc;
    for (const auto& t : c.terms) doc.add_term(t);
    EXPECT_EQ(dossier::spelling_words(doc), c.words) << c.terms.front();
  }
}

TEST(SpellingEditDistance, CountsCharactersAndNeighboursExchanged) {
  struct Case {
    std::string_view a, b;
    std::size_t edits;
  };
  const std::vector<Case> cases = {
      {"election", "election", 0},
      {"electoin", "election", 1},
      {"elction", "election", 1},
      {"electionz", "election", 1},
      {"tycon", "tycoon", 1},
      {"mikhial", "mikhail", 1},
      {"guaido", "guaidó", 1},  // one character, two bytes
      {"", "abc", 3},
      {"abc", "cab", 2},
  };
  for (const auto& c : cases) EXPECT_EQ(dossier::edit_distance(c.a, c.b), c.edits) << c.a;
}
