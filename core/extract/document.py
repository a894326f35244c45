"""An article as the parser and the store keep it: the Document, and the text every reader hands over."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from core.errors import InputError
from core.extract.byline import Byline, find_byline
from core.text_safety import strip_controls


@dataclass(frozen=True)
class Document:
    """An article's text as the parser and the store keep it, with what the input says about it.

    `published` is an ISO date. `byline_date_end` is the offset in `text` where the byline or
    dateline date that gave `published` ends (0 when none did), so that the deal parser can
    tell the article's own date from the dates it reports. `notes` say what the reader left out
    ("only the first 50 of 120 pages were read"), for the import line.
    """

    text: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    source_path: str | None = None
    byline_date_end: int = 0
    notes: tuple[str, ...] = ()


def document_from_text(
    text: str,
    *,
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    url: str | None = None,
    source_path: str | None = None,
    name: str | None = None,
) -> Document:
    """Build a Document from article text; metadata given here wins over what the text says."""
    text = normalise(text)
    # A page's or a mail's own title and publisher come in beside the text, as hostile as it is.
    title, publisher = _field(title), _field(publisher)
    if not text:
        raise refusal(name or (Path(source_path).name if source_path else "the text"), "there is no text")
    if title and not _starts_with(text, title):
        # The store and the parser expect a reader's copy: headline line, blank line, body.
        text = f"{title.strip()}\n\n{text}"
    byline: Byline = find_byline(text)
    byline_date_end = byline.date_end if not published or published == byline.published else 0
    return Document(
        text=byline.text,
        title=title or byline.title,
        publisher=publisher or byline.publisher,
        published=published or byline.published,
        url=url,
        source_path=source_path,
        byline_date_end=byline_date_end,
    )


def normalise(text: str) -> str:
    """Newlines to \\n, no byte-order mark, no terminal escapes or other control characters (tabs stay),
    no blank lines or trailing spaces at either end."""
    return strip_controls(text.lstrip("\ufeff")).strip()


def _field(value: str | None) -> str | None:
    return (strip_controls(value).strip() or None) if value else value


def decode(data: bytes) -> str:
    """Decode article bytes: a BOM's encoding, else UTF-8, else cp1252, else latin-1; never fails."""
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte.
        return data.decode("latin-1")


BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _starts_with(text: str, title: str) -> bool:
    """Whether the text already opens with the title, on its first line or wrapped over two."""
    lines = text.split("\n", 2)
    wanted = _squash(title)
    return _squash(lines[0]) == wanted or (len(lines) > 1 and _squash(lines[0] + lines[1]) == wanted)


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def refusal(name: str, reason: str) -> InputError:
    reason = " ".join(reason.split())
    return InputError(f"Could not read {name}: {reason}")
