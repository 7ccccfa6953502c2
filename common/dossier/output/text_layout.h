// How the text printer fits the terminal: the width to wrap at, whether to mark matched
// words in bold, and the wrapping itself.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "dossier/base/enum_names.h"

namespace dossier {

enum class ColorMode { kAuto, kAlways, kNever };
inline constexpr EnumNames<ColorMode, 3> kColorModeNames = {{
    {ColorMode::kAuto, "auto"},
    {ColorMode::kAlways, "always"},
    {ColorMode::kNever, "never"},
}};
// "auto", "always", "never"; nothing for anything else.
std::optional<ColorMode> color_mode_from_string(std::string_view name);

struct TextLayout {
  std::size_t width = 0;  // columns to wrap long lines at; 0: no wrapping
  bool bold = false;      // matched words in bold (ANSI), else between "**"
};

// The layout for output to file descriptor `fd`: on a terminal, its width (the terminal's
// size, else $COLUMNS, else 80) and bold marks unless `color` is kNever; elsewhere no
// wrapping and "**" marks unless `color` is kAlways. `width`, when given, wins (0: none).
TextLayout text_layout_for(int fd, ColorMode color, std::optional<std::size_t> width);

// The marks around matched words for `layout`: ANSI bold on and off, or "**" twice.
std::string_view mark_start(const TextLayout& layout);
std::string_view mark_end(const TextLayout& layout);

// `text` as lines of at most `width` columns (code points; ANSI escape sequences take
// none), broken at spaces, each line after the first led by `indent` spaces and the
// first by nothing (the caller has written its lead), every line ended by '\n'. A word
// longer than a line stays whole on a line of its own. `width` 0: one line, as it is.
std::string wrap_text(std::string_view text, std::size_t width, std::size_t indent);

// The columns `text` takes on a terminal (as wrap_text counts them).
std::size_t display_width(std::string_view text);

}  // namespace dossier
