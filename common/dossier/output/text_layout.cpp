#include "dossier/output/text_layout.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>

namespace dossier {
namespace {

constexpr std::string_view kBoldOn = "\x1b[1m";
constexpr std::string_view kBoldOff = "\x1b[22m";
constexpr std::string_view kStars = "**";
constexpr std::size_t kDefaultWidth = 80;

std::size_t terminal_width(int fd) {
  winsize size{};
  if (::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    const long n = std::strtol(columns, nullptr, 10);
    if (n > 0) return static_cast<std::size_t>(n);
  }
  return kDefaultWidth;
}

// The length of the ANSI escape sequence (ESC '[' ... final byte) at `i`, 0 if none.
std::size_t escape_length(std::string_view text, std::size_t i) {
  if (text[i] != '\x1b' || i + 1 >= text.size() || text[i + 1] != '[') return 0;
  std::size_t j = i + 2;
  while (j < text.size() && !(text[j] >= 0x40 && text[j] <= 0x7e)) ++j;
  return j < text.size() ? j + 1 - i : text.size() - i;
}

}  // namespace

std::optional<ColorMode> color_mode_from_string(std::string_view name) {
  return enum_from_name(kColorModeNames, name);
}

TextLayout text_layout_for(int fd, ColorMode color, std::optional<std::size_t> width) {
  const bool terminal = ::isatty(fd) == 1;
  TextLayout layout;
  layout.bold = color == ColorMode::kAlways || (color == ColorMode::kAuto && terminal);
  layout.width = width ? *width : terminal ? terminal_width(fd) : 0;
  return layout;
}

std::string_view mark_start(const TextLayout& layout) {
  return layout.bold ? kBoldOn : kStars;
}

std::string_view mark_end(const TextLayout& layout) {
  return layout.bold ? kBoldOff : kStars;
}

std::size_t display_width(std::string_view text) {
  std::size_t columns = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t n = escape_length(text, i)) {
      i += n;
      continue;
    }
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++columns;  // not a continuation
    ++i;
  }
  return columns;
}

std::string wrap_text(std::string_view text, std::size_t width, std::size_t indent) {
  if (width == 0) return std::string(text) + "\n";
  const std::size_t room = width > indent ? width - indent : 1;
  std::string out;
  std::size_t used = 0;  // columns on the current line
  bool line_empty = true;
  for (std::size_t i = 0; i < text.size();) {
    while (i < text.size() && text[i] == ' ') ++i;
    if (i == text.size()) break;
    std::size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(i, end - i);
    const std::size_t w = display_width(word);
    if (!line_empty && used + 1 + w > room) {
      out += '\n';
      out.append(indent, ' ');
      used = 0;
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++used;
    }
    out += word;
    used += w;
    line_empty = false;
    i = end;
  }
  return out + "\n";
}

}  // namespace dossier
