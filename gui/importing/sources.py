"""What the user hands in to import (files, web addresses, text) as plain values, and how a worker parses each."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData

from core.addresses import without_credentials

if TYPE_CHECKING:
    from core.budget import ReadProcess
    from core.importer import Prepared, Registry
    from core.model import Article

PASTED = "pasted text"


@dataclass(frozen=True)
class ImportSource:
    """One input: a file path or web address (`location`), or pasted `text` with what the user said of it."""

    name: str  # as the progress and the summary show it
    location: str | None = None
    text: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None


def parse_source(source: ImportSource, registry: Registry | None = None,
                 process: ReadProcess | None = None) -> Article | Prepared:
    """Read and parse one source: pure, for the worker thread; raises DealsError with a readable reason.

    With `process`, the reading and parsing happen there, under its budget, with its copy of the registry.
    """
    from core.importer import prepare, prepare_in, prepare_text, prepare_text_in

    if process is not None:
        if source.text is not None:
            return prepare_text_in(process, source.text, title=source.title, url=source.url,
                                   published=source.published)
        return prepare_in(process, source.location or "", published=source.published)
    if source.text is not None:
        return prepare_text(source.text, title=source.title, url=source.url, published=source.published,
                            registry=registry)
    return prepare(source.location or "", published=source.published, registry=registry)


def from_text(text: str, *, title: str = "", url: str = "", published: str = "") -> ImportSource:
    title, url = title.strip(), url.strip()
    return ImportSource(name=title or without_credentials(url) or PASTED, text=text, title=title or None,
                        url=url or None, published=published.strip() or None)


def from_locations(locations: Iterable[str]) -> list[ImportSource]:
    """Files (a folder stands for the articles in it) and web addresses, each once, in the order given."""
    out: list[ImportSource] = []
    seen: set[str] = set()
    for location in locations:
        for item in _expanded(location.strip()):
            if item and item not in seen:
                seen.add(item)
                out.append(ImportSource(name=without_credentials(item), location=item))
    return out


def from_address(text: str) -> ImportSource:
    """A web address as typed: one without a scheme ("example.com/news") is taken as https."""
    from core.fetch import is_web_address

    address = text.strip()
    if address and not is_web_address(address) and "." in address.split("/")[0] and " " not in address:
        address = "https://" + address
    return ImportSource(name=without_credentials(address), location=address)


def from_mime(mime: QMimeData) -> list[ImportSource]:
    """What a drop or the clipboard holds: files and addresses as such, other text as pasted text."""
    from core.fetch import is_web_address

    if mime.hasUrls():
        locations = [url.toLocalFile() if url.isLocalFile() else url.toString() for url in mime.urls()]
        return from_locations(x for x in locations if x)
    if mime.hasText():
        text = mime.text()
        stripped = text.strip()
        if not stripped:
            return []
        lines = stripped.splitlines()
        # A browser's address bar or a list of links: every line an address.
        if all(is_web_address(line.strip()) and " " not in line.strip() for line in lines):
            return from_locations(lines)
        return [from_text(text)]
    return []


def _expanded(location: str) -> list[str]:
    from core.extract.text import SUPPORTED_SUFFIXES

    path = Path(location)
    try:
        is_dir = path.is_dir()
    except OSError:
        is_dir = False
    if not is_dir:
        return [location]
    # Only the articles directly inside: a dropped folder of notes should not pull in a whole tree.
    files = sorted(p for p in path.iterdir()
                   if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SUPPORTED_SUFFIXES - {""})
    return [str(p) for p in files]
