// Text as web pages write it: HTML character references in any article text, and the
// title and text of an .html page, read with libxml2's HTML parser (a real parser, so
// tags, scripts and comments never become words).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace dossier {

// `text` with its HTML character references decoded: decimal (`&#233;`), hexadecimal
// (`&#xE9;`) and the named ones of HTML 4 (`&amp;`, `&eacute;`, `&nbsp;`). A reference
// must end with ';'; one that names no character (an unknown name, a NUL, a surrogate, a
// control character, past U+10FFFF) stays as written.
std::string decode_character_references(std::string_view text);

// Files read as web pages: `.html` and `.htm` (any case).
bool is_html_path(const std::filesystem::path& path);

struct HtmlPage {
  std::string title;  // the first <h1>, else <title>, else empty; blanks collapsed
  std::string text;   // one line per block (paragraph, heading, list item, cell...)
};

// The title and text of an HTML page. What is not the article is dropped: <head> (but its
// <title>), <script>, <style>, <noscript>, <template>, <nav>, <header>, <footer>, <aside>,
// <form>, <iframe>, <svg>, <button>, <select> and comments; the <h1> taken as title is not
// repeated in the text. The encoding is UTF-8 when the bytes are valid UTF-8, else the
// page's own <meta charset>, else Windows-1252's subset ISO-8859-1; title and text are
// valid UTF-8 whatever the bytes.
HtmlPage read_html_page(std::string_view bytes);

}  // namespace dossier
