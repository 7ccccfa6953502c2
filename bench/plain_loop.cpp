// The baseline for bench/batch_throughput.sh: the plainest Xapian search loop over a
// Dossier database. Opens the database once, parses each query with Xapian's own
// QueryParser (English stemmer, STEM_SOME, default BM25), asks for the top 10 and reads
// each hit's record (what any search must do to show a result: schema.h), no snippets.
//
//   dossier-plain-loop DB QUERIES.tsv     (lines "ID<TAB>QUERY")
//
// Prints "queries hits seconds" on stdout; the hit count lets the caller check the loop
// did the work.
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "dossier/schema/record_codec.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: dossier-plain-loop DB QUERIES.tsv\n";
    return 2;
  }
  try {
    std::vector<std::string> queries;
    std::ifstream in(argv[2]);
    for (std::string line; std::getline(in, line);) {
      const auto tab = line.find('\t');
      queries.push_back(tab == std::string::npos ? line : line.substr(tab + 1));
    }
    const auto start = std::chrono::steady_clock::now();
    Xapian::Database db(argv[1]);
    Xapian::Enquire enquire(db);
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    dossier::schema::RecordCodec records;
    std::size_t hits = 0, data_bytes = 0;
    for (const auto& q : queries) {
      enquire.set_query(parser.parse_query(q));
      const Xapian::MSet mset = enquire.get_mset(0, 10);
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        data_bytes += records.read(it.get_document()).size();
        ++hits;
      }
    }
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
    std::cout << queries.size() << " " << hits << " " << seconds.count() << "\n";
    return data_bytes > 0 || hits == 0 ? 0 : 3;
  } catch (const Xapian::Error& e) {
    std::cerr << "dossier-plain-loop: " << e.get_description() << "\n";
    return 3;
  }
}
