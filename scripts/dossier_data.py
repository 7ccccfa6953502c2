"""Helpers shared by the Dossier data scripts (standard library only).

- UserError + run_main: user mistakes (missing file, bad format) become one
  "script: error: ..." line on stderr and exit status 1, never a traceback.
- decode_bytes: tolerant decoding for the real corpora (UTF-8, with stray
  Latin-1 bytes such as Reuters' 0xFC or BBC's 0xA3 kept as Latin-1).
- parse_smart: the SMART record format of the CISI collection.
- iter_bbc_articles: the BBC folder layout (headline line, blank line, paragraphs).
- data_path / require_data: where the shared data sets are (../shared/data beside
  the checkout, or $DOSSIER_DATA), and one clear error when one is missing.
"""

import codecs
import json
import os
import re
import sys


class UserError(Exception):
    """An error caused by the input or the command line; reported without a traceback."""


def run_main(main):
    """Runs main() and maps user errors, I/O errors and broken pipes to exit codes."""
    prog = os.path.basename(sys.argv[0])
    try:
        status = main()
    except UserError as err:
        print(f"{prog}: error: {err}", file=sys.stderr)
        status = 1
    except OSError as err:
        # Also covers BrokenPipeError from `| head`.
        if isinstance(err, BrokenPipeError):
            # Python would complain again while flushing stdout at exit.
            sys.stdout = None
            status = 0
        else:
            name = f": {err.filename}" if err.filename else ""
            print(f"{prog}: error: {err.strerror or err}{name}", file=sys.stderr)
            status = 1
    except KeyboardInterrupt:
        status = 130
    sys.exit(status or 0)


def _latin1_fallback(err):
    # Any byte that is not valid UTF-8 is taken as Latin-1: in these corpora such
    # bytes are old Latin-1 characters (0xFC = u-umlaut, 0xA3 = pound sign).
    bad = err.object[err.start : err.end]
    return bad.decode("latin-1"), err.end


codecs.register_error("dossier-latin1", _latin1_fallback)


def decode_bytes(raw):
    """Decodes UTF-8; invalid bytes become their Latin-1 characters.

    Returns (text, had_invalid_bytes)."""
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="dossier-latin1"), True


def read_text(path):
    """Reads a whole file with decode_bytes; returns (text, had_invalid_bytes)."""
    with open(path, "rb") as f:
        return decode_bytes(f.read())


def require_file(path, what):
    if not os.path.isfile(path):
        raise UserError(f"{what} not found: {path}")


def require_dir(path, what):
    if not os.path.isdir(path):
        raise UserError(f"{what} is not a directory: {path}")


# The data sets live beside the checkout (../shared/data), never inside it; one
# environment variable moves them for every script and benchmark.
DATA_ENV = "DOSSIER_DATA"
_CHECKOUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def data_path(*parts):
    """A path under the data folder: $DOSSIER_DATA, else ../shared/data beside the checkout."""
    base = os.environ.get(DATA_ENV) or os.path.join(os.path.dirname(_CHECKOUT), "shared", "data")
    return os.path.join(os.path.normpath(base), *parts)


def require_data(path, what):
    """Raises UserError naming the data set and how to point at it when PATH is missing."""
    if not os.path.exists(path):
        raise UserError(f"{what} not found at {path}: put the data sets in ../shared/data "
                        f"beside the checkout or set {DATA_ENV} to their folder")


_WHITESPACE = re.compile(r"\s+")


def collapse_whitespace(text):
    """Single spaces, no tabs or newlines, no leading/trailing space."""
    return _WHITESPACE.sub(" ", text).strip()


def json_line(record):
    """One JSONL line; UTF-8 text kept as is rather than \\u-escaped."""
    return json.dumps(record, ensure_ascii=False) + "\n"


# A SMART field marker: a dot, one upper-case letter, then end of line or a
# space (".I 12", ".T", ".W  " with trailing blanks all occur in CISI).
_SMART_MARKER = re.compile(r"^\.([A-Z])(?:\s+(.*))?$")


def parse_smart(text, path="input"):
    """Parses SMART records: '.I id' starts a record, '.X' style lines start fields.

    Returns a list of (id, {letter: text}); a repeated field is appended with a
    newline. Raises UserError when the text does not look like SMART."""
    records = []
    fields = None
    current = None
    for lineno, line in enumerate(text.splitlines(), 1):
        marker = _SMART_MARKER.match(line.rstrip())
        if marker:
            letter, arg = marker.group(1), (marker.group(2) or "").strip()
            if letter == "I":
                if not arg:
                    raise UserError(f"{path}:{lineno}: '.I' without a record id")
                fields = {}
                records.append((arg, fields))
                current = None
                continue
            if fields is None:
                raise UserError(f"{path}:{lineno}: field '.{letter}' before the first '.I' record")
            current = letter
            if letter in fields:
                fields[letter] += "\n"
            else:
                fields[letter] = ""
            # Text on the marker line itself (not seen in CISI, legal in SMART).
            if arg:
                fields[letter] += arg + "\n"
            continue
        if current is None:
            if line.strip():
                where = "before the first '.I' record" if fields is None else "outside any field"
                raise UserError(f"{path}:{lineno}: text {where}; not a SMART file?")
            continue
        fields[current] += line + "\n"
    if not records:
        raise UserError(f"{path}: no '.I' records found; not a SMART file?")
    return records


def iter_bbc_articles(bbc_dir):
    """Yields (path, headline, [paragraphs]) for bbc_dir/*/*.txt in sorted order.

    Line 1 is the headline; the body is paragraphs separated by blank lines."""
    require_dir(bbc_dir, "BBC folder")
    paths = []
    for category in sorted(os.listdir(bbc_dir)):
        folder = os.path.join(bbc_dir, category)
        if os.path.isdir(folder):
            paths += [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.endswith(".txt")]
    if not paths:
        raise UserError(f"no BBC articles (*/*.txt) under {bbc_dir}")
    for path in paths:
        text, _ = read_text(path)
        headline, _, body = text.partition("\n")
        paragraphs = [collapse_whitespace(p) for p in re.split(r"\n\s*\n", body)]
        yield path, headline.strip(), [p for p in paragraphs if p]
