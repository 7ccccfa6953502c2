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
    EXPECT_EQ(stored.substr(0, 4), "\x04\x22\x4D\x18"s) << c.serialised.size();  // LZ4's magic
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
  // "record bytes" as the lz4 command line writes it (lz4 -B4 --content-size
  // --no-frame-crc; stored, LZ4 finds nothing to compress): any encoder's frame reads, not
  // only this codec's, with a content checksum too (lz4 -B4 --content-size).
  const std::string frame =
      "\x04\x22\x4D\x18\x68\x40\x0C\0\0\0\0\0\0\0\x5D\x0C\0\0\x80record bytes\0\0\0\0"s;
  const std::string checked =
      "\x04\x22\x4D\x18\x6C\x40\x0C\0\0\0\0\0\0\0\x3B\x0C\0\0\x80record bytes\0\0\0\0"s
      "\x06\xAD\x47\x40"s;
  const std::vector<Case> cases = {
      {"schema 11", frame, "", "", "record bytes"},
      {"schema 11, a content checksum", checked, "", "", "record bytes"},
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

// An LZ4 frame of "record bytes" stating `size` as its content size, with the header
// checksum that goes with it, its one block stored.
std::string frame_claiming(const std::string& size_and_checksum) {
  return "\x04\x22\x4D\x18\x68\x40"s + size_and_checksum + "\x0C\0\0\x80record bytes\0\0\0\0"s;
}

TEST(RecordCodec, ACorruptFrameIsAnErrorSayingWhy) {
  const std::string frame = frame_claiming("\x0C\0\0\0\0\0\0\0\x5D"s);
  struct Case {
    const char* what;
    std::string frame;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"not lz4", "record bytes", "corrupt record: not an LZ4 frame"},
      {"empty", "", "corrupt record: not an LZ4 frame"},
      // What schema 11 stored before its records were LZ4 (never released).
      {"a zstd frame", "\x28\xB5\x2F\xFD\x20\x0C\x61\x00\x00record bytes"s,
       "corrupt record: not an LZ4 frame"},
      {"no size", "\x04\x22\x4D\x18\x60\x40\x82\x0C\0\0\x80record bytes\0\0\0\0"s,
       "corrupt record: not an LZ4 frame stating its size"},
      {"cut short", frame.substr(0, frame.size() - 1), "corrupt record: its frame is cut short"},
      {"header only", frame.substr(0, 15), "corrupt record: its frame is cut short"},
      {"header cut short", frame.substr(0, 6), "corrupt record: lz4: ERROR_frameHeader_incomplete"},
      {"header checksum wrong", frame_claiming("\x0C\0\0\0\0\0\0\0\x5E"s),
       "corrupt record: lz4: ERROR_headerChecksum_invalid"},
      {"bad block", frame.substr(0, 18) + "\0record bytes\0\0\0\0"s,
       "corrupt record: lz4: ERROR_decompressionFailed"},
      {"two frames", frame + frame, "corrupt record: bytes follow its frame"},
      {"longer than it says", frame_claiming("\x0B\0\0\0\0\0\0\0\x58"s),
       "corrupt record: it holds more than the 11 bytes it claims"},
      {"shorter than it says", frame_claiming("\x0D\0\0\0\0\0\0\0\x8C"s),
       "corrupt record: lz4: ERROR_frameSize_wrong"},
      // Claims 2^40 bytes: refused before anything is allocated.
      {"huge", frame_claiming("\0\0\0\0\0\x01\0\0\xB7"s),
       "corrupt record: it claims 1099511627776 bytes, more than a record holds"},
  };
  for (const auto& c : cases) EXPECT_EQ(decompress_error(c.frame), c.error) << c.what;
}

TEST(RecordCodec, AFrameAfterACorruptOneReads) {
  schema::RecordCodec codec;
  const std::string frame = frame_claiming("\x0C\0\0\0\0\0\0\0\x5D"s);
  EXPECT_THROW(codec.decompress(frame.substr(0, 20)), dossier::Error);
  EXPECT_EQ(codec.decompress(frame), "record bytes");
}

TEST(RecordCodec, ACorruptStoredRecordNamesItsDocument) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document doc;
  doc.add_value(schema::kSlotCompressedRecord, "\x28\xB5\x2F\xFD\x20\x0C\x61"s);  // zstd
  const Xapian::docid did = db.add_document(doc);
  try {
    schema::RecordCodec().read(db.get_document(did));
    FAIL() << "expected an error";
  } catch (const dossier::Error& e) {
    EXPECT_EQ(e.kind(), dossier::ErrorKind::kInternal);
    EXPECT_EQ(std::string(e.what()),
              "document 1: corrupt record: not an LZ4 frame; index the article again");
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
