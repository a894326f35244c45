"""Reading an article: a file, a page or pasted text into a Document with clean text and its metadata."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from core.errors import InputError
from core.extract.document import Document, BOMS, refusal, decode, document_from_text, normalise
from core.extract.html import read_html_named

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

TEXT_SUFFIXES = frozenset({"", ".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".eml", ".pdf"}


def read_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read an article file (.txt, .md, .html, .eml, .pdf); refuse anything else with an InputError."""
    given = str(path)
    path = Path(path)
    name = path.name or str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise _missing(given) from None
    except OSError as exc:
        raise refusal(name, _os_reason(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise refusal(name, "it is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise refusal(name, "it is not a regular file")
    suffix = _suffix(path)
    if suffix not in SUPPORTED_SUFFIXES:
        raise refusal(name, f"{suffix} files are not supported (use .txt, .md, .html, .eml or .pdf)")
    if info.st_size == 0:
        raise refusal(name, "the file is empty")
    if info.st_size > max_bytes:
        raise refusal(name, f"the file is {readable_size(info.st_size)}, over the {readable_size(max_bytes)} limit")
    try:
        with path.open("rb") as handle:
            # Read one byte past the limit: the file may have grown since stat().
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise refusal(name, _os_reason(exc)) from None
    if len(data) > max_bytes:
        raise refusal(name, f"the file is over the {readable_size(max_bytes)} limit")
    return read_bytes(data, name=name, suffix=suffix, source_path=str(path))


def read_bytes(data: bytes, *, name: str, suffix: str = ".txt", source_path: str | None = None) -> Document:
    """Read the bytes of an article file; `suffix` says what the file claims to be, `name` names it in errors."""
    if not data:
        raise refusal(name, "the file is empty")
    kind = _sniff(data, suffix, name)
    if kind == "pdf":
        from core.extract.files import read_pdf

        return _with_source(read_pdf(data, name), source_path)
    if kind == "eml":
        from core.extract.files import read_eml

        return _with_source(read_eml(data, name), source_path)
    if not _has_wide_bom(data) and b"\x00" in data:
        raise refusal(name, "it holds binary data, not text")
    text = decode(data)
    if _looks_binary(text):
        raise refusal(name, "it holds binary data, not text")
    if not text.strip():
        raise refusal(name, "it holds only whitespace, no text")
    if kind == "html" or (suffix in TEXT_SUFFIXES and _starts_like_html(text)):
        return _with_source(read_html_named(text, None, name), source_path)
    return document_from_text(text, source_path=source_path, name=name)


def read_text(text: str, source_path: str | None = None) -> Document:
    """Read plain article text (a file's or pasted): normalise newlines and find its metadata."""
    return document_from_text(text, source_path=source_path)


# Magic numbers of formats people drop by mistake, with what to call them.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word, Excel or other Office file)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"SQLite format 3\x00", "a SQLite database"),
    (b"\x7fELF", "a program"),
)


def _sniff(data: bytes, suffix: str, name: str) -> str:
    """What to read the bytes as: "pdf", "eml", "html" or "text"; refuse known binary formats."""
    head = data[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise refusal(name, f"it is {what}, not an article")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        raise refusal(name, "it is a WebP image, not an article")
    if head[4:8] == b"ftyp":
        raise refusal(name, "it is a video or audio file, not an article")
    # A PDF named .txt is still a PDF: read it by what it holds (the header may follow a little junk).
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if suffix == ".pdf":
        raise refusal(name, "it is not a PDF file (no PDF header)")
    if suffix == ".eml":
        return "eml"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def _has_wide_bom(data: bytes) -> bool:
    """UTF-16 and UTF-32 text is full of NUL bytes; a BOM says that it is text all the same."""
    return any(data.startswith(bom) for bom, _ in BOMS[1:])


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    return len(_CONTROL.findall(sample)) > max(8, len(sample) // 50)


def _starts_like_html(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:100].lower()
    return head.startswith(("<!doctype html", "<html"))


def _with_source(document: Document, source_path: str | None) -> Document:
    if source_path is None:
        return document
    return Document(
        text=document.text,
        title=document.title,
        publisher=document.publisher,
        published=document.published,
        url=document.url,
        source_path=source_path,
        byline_date_end=document.byline_date_end,
        notes=document.notes,
    )


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    # "Q3 results.2025" has no extension; only a short alphabetic tail names a format.
    return suffix if re.fullmatch(r"\.[a-z][a-z0-9]{0,9}", suffix) else ""


# A scheme has two letters or more: "C:" is a Windows drive.
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]+):")


def _missing(given: str) -> InputError:
    """No such file; a web address that reached the file reader gets its own reason."""
    scheme = _SCHEME.match(given)
    if scheme is None:
        return InputError(f"Could not read {given}: there is no such file")
    if scheme[1].lower() in ("http", "https"):
        return refusal(given, "it is a web address, not a file")
    return refusal(
        given, f"{scheme[1].lower()}: addresses are not supported; only http:// and https:// web addresses are"
    )


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    return (exc.strerror or os.strerror(exc.errno or 0) or type(exc).__name__).lower()


def readable_size(count: int) -> str:
    """A byte count as a user reads it in a refusal: "12.3 MB", "40 KB", "12 bytes"."""
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB"
    if count >= 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count} bytes"
