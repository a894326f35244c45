"""Text made inert before it reaches a terminal, a spreadsheet or the store: no escape sequences, no controls."""

from __future__ import annotations

import re

# Terminal escape sequences go whole, so that "\x1b[31m" leaves no "[31m" behind: CSI (ESC [ or the
# C1 byte 0x9b) with its parameters; OSC, DCS, SOS, PM and APC strings up to their terminator; and
# two-character ESC sequences. The bounds keep a hostile run of introducers from costing n² time.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]{0,64}[ -/]{0,8}[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c]{0,2048}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]{0,8}[0-~]"
)
# Vertical tab, form feed (a PDF's page break) and NEL still part lines; a lone carriage return ends one.
_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85]")
# C0 except tab and newline, DEL, and C1.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# What a terminal line must show escaped: every control (newline and tab too), lone surrogates (the
# undecodable bytes of a file name) and the bidirectional overrides that make a name read backwards.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# A spreadsheet reads a cell that starts with one of these as a formula (the full-width forms too, in
# East Asian Excel), even after leading spaces.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# JSON escapes C0 itself; with ensure_ascii=False it passes DEL, C1 and lone surrogates through raw.
_JSON_RAW = re.compile(r"[\x7f-\x9f\ud800-\udfff]")


def strip_controls(text: str) -> str:
    """Article or field text without escape sequences or control characters; newlines and tabs stay."""
    text = _ESCAPES.sub("", text)
    text = _BREAKS.sub("\n", text)
    return _CONTROLS.sub("", text)


def starts_formula(text: str) -> bool:
    """Whether a spreadsheet would take this cell text for a formula (CSV, xlsx alike)."""
    return text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS)


def one_line(text: str) -> str:
    """Field text for one line of a terminal table: no controls, every run of white space one space."""
    return " ".join(strip_controls(text).split())


def printable(text: str) -> str:
    """A message or file name as one terminal line: controls escaped as Python writes them (\\x1b, \\n)."""
    return _UNPRINTABLE.sub(_escaped, text)


def json_safe(text: str) -> str:
    """JSON text (from json.dumps with ensure_ascii=False) with DEL, C1 and lone surrogates as \\u escapes."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte: show the byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
