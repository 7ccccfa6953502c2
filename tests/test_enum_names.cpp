// The name tables of the enums users name: every value has one name, each name parses
// back to its value, and the lists messages print are exact.
#include "dossier/base/enum_names.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "dossier/output/output_format.h"
#include "dossier/output/printers_tsv.h"
#include "dossier/output/text_layout.h"
#include "dossier/search/searcher.h"
#include "dossier/tables/table_kind.h"

namespace {

// Every value of a table parses back from its name, and no name is given twice.
template <class Enum, std::size_t N>
void expect_round_trip(const dossier::EnumNames<Enum, N>& names) {
  std::set<std::string_view> seen;
  for (const auto& [value, name] : names) {
    EXPECT_TRUE(seen.insert(name).second) << name;
    EXPECT_EQ(dossier::enum_from_name(names, name), value) << name;
    EXPECT_EQ(dossier::enum_name(names, value), name);
  }
  EXPECT_FALSE(dossier::enum_from_name(names, "").has_value());
  EXPECT_FALSE(dossier::enum_from_name(names, "none of these").has_value());
}

TEST(EnumNames, EveryTableRoundTrips) {
  expect_round_trip(dossier::kFacetNames);
  expect_round_trip(dossier::kSortOrderNames);
  expect_round_trip(dossier::kOutputFormatNames);
  expect_round_trip(dossier::kGranularityNames);
  expect_round_trip(dossier::kMatchModeNames);
  expect_round_trip(dossier::kColorModeNames);
  expect_round_trip(dossier::kTableKindNames);
  expect_round_trip(dossier::kHitFieldNames);
}

TEST(EnumNames, OnlyTsvAndCsvAreTableFormats) {
  using dossier::OutputFormat;
  using dossier::TableFormat;
  for (const auto& [format, name] : dossier::kOutputFormatNames) {
    const auto table = dossier::table_format_of(format);
    if (format == OutputFormat::kTsv) {
      EXPECT_EQ(table, TableFormat::kTsv);
    } else if (format == OutputFormat::kCsv) {
      EXPECT_EQ(table, TableFormat::kCsv);
    } else {
      EXPECT_FALSE(table.has_value()) << name;
    }
  }
}

TEST(EnumNames, ListsForMessagesAndOptions) {
  using dossier::NameListStyle;
  EXPECT_EQ(dossier::enum_names_text(dossier::kFacetNames),
            "actor, date, source, significant, folder, co-actors");
  EXPECT_EQ(dossier::enum_names_text(dossier::kSortOrderNames, NameListStyle::kQuotedOr),
            "\"relevance\", \"date\" or \"-date\"");
  EXPECT_EQ(dossier::enum_names_text(dossier::kMatchModeNames, NameListStyle::kQuotedOr),
            "\"all\" or \"any\"");
  EXPECT_EQ(dossier::enum_name_list(dossier::kSortOrderNames),
            (std::vector<std::string>{"relevance", "date", "-date"}));
}

TEST(EnumNames, FacetSetHoldsEachFacetOnce) {
  using dossier::Facet;
  dossier::FacetSet facets;
  EXPECT_TRUE(facets.empty());
  facets.insert(Facet::kCoActors);
  facets.insert(Facet::kCoActors);
  EXPECT_FALSE(facets.empty());
  EXPECT_TRUE(facets.contains(Facet::kCoActors));
  EXPECT_FALSE(facets.contains(Facet::kActor));
  EXPECT_EQ(facets, dossier::FacetSet{Facet::kCoActors});
  EXPECT_NE(facets, (dossier::FacetSet{Facet::kCoActors, Facet::kActor}));
}

}  // namespace
