// What each part of a Dossier document costs Xapian's write path: reads every document
// of a database into memory, then times adding them to a new database (commit every 250,
// as dossier-index does on BBC) with parts left out. Only Xapian's work is timed: the
// documents are built before the clock starts.
//
//   dossier-write-parts DB OUT_DB [PARTS] [ROUNDS]
//
// PARTS: letters of the parts to leave out, one row each ("-" for none): a actor terms,
// t title terms (S, ZS), z stems, p positions of plain words, d the record (schema.h), v
// the other values.
// Default "-atzpdv". Each row is the fastest of ROUNDS rounds (default 5), the rows
// taking turns within a round, as the machine's speed drifts.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "dossier/schema/record_codec.h"
#include "dossier/schema/schema.h"

namespace {

bool starts_with(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

Xapian::Document without(const Xapian::Document& source, char part,
                         dossier::schema::RecordCodec& records) {
  namespace schema = dossier::schema;
  Xapian::Document out;
  for (auto t = source.termlist_begin(); t != source.termlist_end(); ++t) {
    const std::string term = *t;
    const bool actor = starts_with(term, schema::kActorPrefix);
    const bool title =
        starts_with(term, schema::kTitlePrefix) ||
        starts_with(term, (std::string(schema::kStemPrefix) + schema::kTitlePrefix).c_str());
    const bool stem = !title && starts_with(term, schema::kStemPrefix);
    const bool plain = !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
    if ((part == 'a' && actor) || (part == 't' && title) || (part == 'z' && stem)) continue;
    if (t.positionlist_count() > 0 && !(part == 'p' && plain)) {
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
        out.add_posting(term, *p, 0);
    }
    out.add_term(term, t.get_wdf());
  }
  if (part != 'd') records.store(out, records.read(source));
  if (part != 'v') {
    for (auto v = source.values_begin(); v != source.values_end(); ++v) {
      const Xapian::valueno slot = v.get_valueno();
      if (slot != schema::kSlotRecord && slot != schema::kSlotCompressedRecord)
        out.add_value(slot, *v);
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: dossier-write-parts DB OUT_DB [PARTS] [ROUNDS]\n");
    return 2;
  }
  try {
    const Xapian::Database in(argv[1]);
    const std::string parts = argc > 3 ? argv[3] : "-atzpdv";
    const int rounds = argc > 4 ? std::max(1, std::atoi(argv[4])) : 5;
    std::map<char, std::vector<Xapian::Document>> docs;
    dossier::schema::RecordCodec records;
    for (const char part : parts) {
      for (Xapian::docid d = 1; d <= in.get_lastdocid(); ++d) {
        try {
          docs[part].push_back(without(in.get_document(d), part, records));
        } catch (const Xapian::DocNotFoundError&) {
        }
      }
    }
    std::map<char, double> best;
    for (int round = 0; round < rounds; ++round) {
      for (const char part : parts) {
        const auto start = std::chrono::steady_clock::now();
        Xapian::WritableDatabase out(argv[2], Xapian::DB_CREATE_OR_OVERWRITE);
        int n = 0;
        for (const auto& doc : docs[part]) {
          out.add_document(doc);
          if (++n % 250 == 0) out.commit();
        }
        out.commit();
        const std::chrono::duration<double> s = std::chrono::steady_clock::now() - start;
        if (!best.count(part) || s.count() < best[part]) best[part] = s.count();
      }
    }
    const double all = best.count('-') ? best['-'] : 0;
    std::printf("| left out | seconds | vs everything |\n|---|---:|---:|\n");
    for (const char part : parts) {
      std::printf(
          "| %c | %.2f | %s |\n", part, best[part],
          all > 0 ? (std::to_string(static_cast<int>(100 * best[part] / all + 0.5)) + "%").c_str()
                  : "-");
    }
    return 0;
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "dossier-write-parts: %s\n", e.get_description().c_str());
    return 3;
  }
}
