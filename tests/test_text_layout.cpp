#include <gtest/gtest.h>

#include "dossier/output/text_layout.h"

namespace {

TEST(TextLayout, WrapsAtSpacesIndentingLaterLines) {
  struct Case {
    const char* text;
    std::size_t width, indent;
    const char* wrapped;
  };
  const Case cases[] = {
      {"one two three", 0, 2, "one two three\n"},
      {"one two three", 13, 0, "one two three\n"},
      {"one two three", 12, 0, "one two\nthree\n"},
      {"one two three", 9, 2, "one two\n  three\n"},
      {"a verylongword b", 6, 1, "a\n verylongword\n b\n"},
      {"  spaced   out  ", 20, 0, "spaced out\n"},
      {"café café café", 9, 0, "café café\ncafé\n"},                 // code points, not bytes
      {"\x1b[1mone\x1b[22m two", 7, 0, "\x1b[1mone\x1b[22m two\n"},  // escapes take no room
      {"**one** two", 7, 0, "**one**\ntwo\n"},                       // stars do
      {"", 10, 0, "\n"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(dossier::wrap_text(c.text, c.width, c.indent), c.wrapped) << c.text << "/" << c.width;
}

TEST(TextLayout, ColorAndWidthFollowTheOptionsOffATerminal) {
  const int not_a_tty = -1;
  auto layout = dossier::text_layout_for(not_a_tty, dossier::ColorMode::kAuto, std::nullopt);
  EXPECT_FALSE(layout.bold);
  EXPECT_EQ(layout.width, 0u);
  EXPECT_EQ(dossier::mark_start(layout), "**");
  layout = dossier::text_layout_for(not_a_tty, dossier::ColorMode::kAlways, 72);
  EXPECT_TRUE(layout.bold);
  EXPECT_EQ(layout.width, 72u);
  EXPECT_EQ(dossier::mark_start(layout), "\x1b[1m");
  EXPECT_EQ(dossier::mark_end(layout), "\x1b[22m");
  EXPECT_EQ(dossier::color_mode_from_string("never"), dossier::ColorMode::kNever);
  EXPECT_FALSE(dossier::color_mode_from_string("sometimes").has_value());
}

}  // namespace
