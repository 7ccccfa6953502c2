#include "dossier/input/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <memory>

#include "dossier/base/utf8.h"

namespace dossier {
namespace {

// Longest reference looked at: "&#x10FFFF;" and the longest HTML 4 name ("&thetasym;").
constexpr std::size_t kMaxReferenceBytes = 12;

bool is_character(char32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  const bool control =
      (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F);
  return !control;
}

// The code point of a numeric reference's digits ("233", "xE9"), or 0.
char32_t numeric_value(std::string_view digits) {
  const bool hex = !digits.empty() && (digits[0] == 'x' || digits[0] == 'X');
  if (hex) digits.remove_prefix(1);
  if (digits.empty() || digits.size() > (hex ? 6u : 7u)) return 0;
  char32_t value = 0;
  for (const char c : digits) {
    const auto u = static_cast<unsigned char>(c);
    if (hex ? !std::isxdigit(u) : !std::isdigit(u)) return 0;
    const int digit = std::isdigit(u) ? c - '0' : std::tolower(u) - 'a' + 10;
    value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
  }
  return value;
}

// The character of the reference whose text between '&' and ';' is `name`, or 0.
char32_t reference_value(std::string_view name) {
  if (name.starts_with('#')) return numeric_value(name.substr(1));
  const std::string z(name);
  const htmlEntityDesc* entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(z.c_str()));
  return entity ? static_cast<char32_t>(entity->value) : 0;
}

void init_libxml2() {
  // xmlInitParser is not safe to race on its first call; indexing threads parse at once.
  static const bool initialised = [] {
    xmlInitParser();
    return true;
  }();
  (void)initialised;
}

bool tag_is(const xmlNode* node, std::string_view name) {
  return node->type == XML_ELEMENT_NODE && node->name &&
         name == reinterpret_cast<const char*>(node->name);
}

bool is_dropped_element(const xmlNode* node) {
  static constexpr std::array<std::string_view, 14> kDropped = {
      "head",   "script", "style", "noscript", "template", "nav",    "header",
      "footer", "aside",  "form",  "iframe",   "svg",      "button", "select"};
  return std::any_of(kDropped.begin(), kDropped.end(),
                     [node](std::string_view name) { return tag_is(node, name); });
}

// Elements that start a line of their own.
bool is_block_element(const xmlNode* node) {
  static constexpr std::array<std::string_view, 30> kBlocks = {
      "p",  "div",    "br",         "h1",      "h2",      "h3",   "h4",         "h5",
      "h6", "li",     "ul",         "ol",      "dl",      "dt",   "dd",         "tr",
      "td", "th",     "table",      "section", "article", "main", "blockquote", "pre",
      "hr", "figure", "figcaption", "address", "title",   "body"};
  return std::any_of(kBlocks.begin(), kBlocks.end(),
                     [node](std::string_view name) { return tag_is(node, name); });
}

// Appends `text` with every run of blanks made one space.
void append_collapsed(std::string& out, std::string_view text) {
  for (const char c : text) {
    const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (!blank) {
      out += c;
    } else if (!out.empty() && out.back() != ' ' && out.back() != '\n') {
      out += ' ';
    }
  }
}

void end_line(std::string& out) {
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.back() != '\n') out += '\n';
}

// The text below `node`, blocks on lines of their own, dropped elements and `skip` left out.
void collect_text(const xmlNode* node, const xmlNode* skip, std::string& out) {
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (child == skip) continue;
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (child->content) append_collapsed(out, reinterpret_cast<const char*>(child->content));
    } else if (child->type == XML_ELEMENT_NODE && !is_dropped_element(child)) {
      const bool block = is_block_element(child);
      if (block) end_line(out);
      collect_text(child, skip, out);
      if (block) end_line(out);
    }
  }
}

// The first element named `name` below `node`, in document order (an article's <h1> is
// often inside a <header>, which is dropped from the text).
const xmlNode* find_element(const xmlNode* node, std::string_view name) {
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (tag_is(child, name)) return child;
    if (child->type != XML_ELEMENT_NODE) continue;
    if (const xmlNode* found = find_element(child, name)) return found;
  }
  return nullptr;
}

std::string text_of(const xmlNode* node) {
  std::string out;
  if (node) collect_text(node, nullptr, out);
  std::replace(out.begin(), out.end(), '\n', ' ');
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

}  // namespace

std::string decode_character_references(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t done = 0;
  for (std::size_t amp = text.find('&'); amp != std::string_view::npos;
       amp = text.find('&', amp + 1)) {
    const std::size_t semicolon = text.substr(amp, kMaxReferenceBytes).find(';');
    if (semicolon == std::string_view::npos || semicolon < 2) continue;
    const char32_t cp = reference_value(text.substr(amp + 1, semicolon - 1));
    if (!is_character(cp)) continue;
    out.append(text.substr(done, amp - done));
    append_utf8(out, cp);
    done = amp + semicolon + 1;
  }
  out.append(text.substr(done));
  return out;
}

bool is_html_path(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".html" || ext == ".htm";
}

HtmlPage read_html_page(std::string_view bytes) {
  init_libxml2();
  HtmlPage page;
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) return page;
  const char* encoding = is_valid_utf8(bytes) ? "UTF-8" : nullptr;
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_COMPACT;
  const std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc(
      htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding, options),
      &xmlFreeDoc);
  if (!doc) return page;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) return page;
  const xmlNode* h1 = find_element(root, "h1");
  page.title = text_of(h1);
  const xmlNode* skip = page.title.empty() ? nullptr : h1;
  if (page.title.empty()) page.title = text_of(find_element(root, "title"));
  const xmlNode* body = find_element(root, "body");
  collect_text(body ? body : root, skip, page.text);
  // libxml2 can hand back a lone byte of a page that is broken after a UTF-8 byte-order
  // mark (a fuzzed page did: "&\x94"). The text goes on as UTF-8, so it is repaired.
  page.title = repair_utf8(page.title);
  page.text = repair_utf8(page.text);
  return page;
}

}  // namespace dossier
