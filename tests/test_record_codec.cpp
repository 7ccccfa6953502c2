// The record's one encoder and decoder (schema/record_codec.h): what it writes reads back,
// records of older schemas are read where they were kept, and a corrupt compressed record
// is an error naming the document, never a crash or a huge allocation.
#include "dossier/schema/record_codec.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dossier/base/errors.h"
#include "dossier/schema/document_data.h"
#include "dossier/schema/schema.h"

namespace {

namespace schema = dossier::schema;
using namespace std::string_literals;

std::string sample_record() {
  dossier::DocumentData d;
  d.id = "business/001.txt";
  d.title = "Ministers back the port deal";
  for (int i = 0; i < 40; ++i) d.text += "The port deal was backed by ministers on Monday. ";
  d.date = "2019-01-23";
  d.source = "Example News";
  d.actors = {{"person:juan guaido", "Juan Guaid\xC3\xB3", "person", 7}};
  return d.serialise();
}

TEST(RecordCodec, WhatItStoresReadsBackCompressed) {
  struct Case {
    std::string serialised;
    bool smaller;  // the stored frame is shorter than the record
  };
  const std::vector<Case> cases = {{"", false},
                                   {"record bytes", false},
                                   {sample_record(), true},
                                   {std::string(200000, 'x'), true}};
  schema::RecordCodec codec;
  for (const auto& c : cases) {
    Xapian::Document doc;
    codec.store(doc, c.serialised);
    const std::string stored = doc.get_value(schema::kSlotCompressedRecord);
    EXPECT_EQ(stored.substr(0, 4), "\x28\xB5\x2F\xFD"s) << c.serialised.size();  // zstd's magic
    EXPECT_EQ(stored.size() < c.serialised.size(), c.smaller) << stored.size();
    EXPECT_EQ(doc.get_value(schema::kSlotRecord), "");
    EXPECT_EQ(doc.get_data(), "");  // Xapian would deflate it on every write
    EXPECT_EQ(codec.read(doc), c.serialised);
    EXPECT_EQ(codec.decompress(codec.compress(c.serialised)), c.serialised);
  }
}

TEST(RecordCodec, ReadsTheRecordWhereEachSchemaKeptIt) {
  struct Case {
    const char* what;
    std::string compressed, uncompressed, data;  // kSlotCompressedRecord, kSlotRecord, data
    std::string expected;
  };
  // "record bytes" as the zstd command line writes it (zstd -1 --no-check): any encoder's
  // frame reads, not only this codec's.
  const std::string frame = "\x28\xB5\x2F\xFD\x20\x0C\x61\x00\x00record bytes"s;
  const std::vector<Case> cases = {
      {"schema 11", frame, "", "", "record bytes"},
      {"schemas 4 to 10", "", "older record", "", "older record"},
      {"schema 3", "", "", "oldest record", "oldest record"},
      {"re-indexed in an updated database", frame, "older record", "", "record bytes"},
      {"none", "", "", "", ""},
  };
  schema::RecordCodec codec;
  for (const auto& c : cases) {
    Xapian::Document doc;
    if (!c.compressed.empty()) doc.add_value(schema::kSlotCompressedRecord, c.compressed);
    if (!c.uncompressed.empty()) doc.add_value(schema::kSlotRecord, c.uncompressed);
    doc.set_data(c.data);
    EXPECT_EQ(codec.read(doc), c.expected) << c.what;
  }
}

std::string decompress_error(const std::string& frame) {
  try {
    schema::RecordCodec().decompress(frame);
  } catch (const dossier::Error& e) {
    EXPECT_EQ(e.kind(), dossier::ErrorKind::kInternal);
    return e.what();
  }
  return "no error";
}

TEST(RecordCodec, ACorruptFrameIsAnErrorSayingWhy) {
  const std::string frame = "\x28\xB5\x2F\xFD\x20\x0C\x61\x00\x00record bytes"s;
  struct Case {
    const char* what;
    std::string frame;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"not zstd", "record bytes", "corrupt record: not a zstd frame stating its size"},
      {"empty", "", "corrupt record: not a zstd frame stating its size"},
      {"no size", "\x28\xB5\x2F\xFD\x00\x48\x61\x00\x00record bytes"s,
       "corrupt record: not a zstd frame stating its size"},
      {"cut short", frame.substr(0, frame.size() - 1),
       "corrupt record: zstd: Src size is incorrect"},
      {"header only", frame.substr(0, 6), "corrupt record: zstd: Src size is incorrect"},
      {"bad block type", frame.substr(0, 6) + "\x67\x00\x00record bytes"s,
       "corrupt record: zstd: Data corruption detected"},
      {"two frames", frame + frame, "corrupt record: zstd: Destination buffer is too small"},
      {"longer than it says", "\x28\xB5\x2F\xFD\x20\x0B\x61\x00\x00record bytes"s,
       "corrupt record: zstd: Destination buffer is too small"},
      // Claims 2^40 bytes: refused before anything is allocated.
      {"huge", "\x28\xB5\x2F\xFD\xE0\x00\x00\x00\x00\x00\x01\x00\x00\x61\x00\x00record bytes"s,
       "corrupt record: it claims 1099511627776 bytes, more than a record holds"},
  };
  for (const auto& c : cases) EXPECT_EQ(decompress_error(c.frame), c.error) << c.what;
}

TEST(RecordCodec, ACorruptStoredRecordNamesItsDocument) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document doc;
  doc.add_value(schema::kSlotCompressedRecord, "\x28\xB5\x2F\xFD\x20\x0C\x61"s);
  const Xapian::docid did = db.add_document(doc);
  try {
    schema::RecordCodec().read(db.get_document(did));
    FAIL() << "expected an error";
  } catch (const dossier::Error& e) {
    EXPECT_EQ(e.kind(), dossier::ErrorKind::kInternal);
    EXPECT_EQ(std::string(e.what()),
              "document 1: corrupt record: zstd: Src size is incorrect; index the article again");
  }
}

TEST(RecordCodec, ARecordPastTheLimitIsNotWritten) {
  try {
    schema::RecordCodec().compress(std::string(schema::kMaxRecordBytes + 1, 'x'));
    FAIL() << "expected an error";
  } catch (const dossier::Error& e) {
    EXPECT_EQ(std::string(e.what()), "record of 67108865 bytes, more than a record may hold");
  }
}

}  // namespace
