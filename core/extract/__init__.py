"""Article text in, deals out: the parser's one entry point for the CLI, the importer and the tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from core.model import Article, PartyKind

if TYPE_CHECKING:
    from core.extract.text import Document


def parse_document(doc: "Document", *, published: str | None = None,
                   registry: dict[str, tuple[str, PartyKind]] | None = None,
                   today: date | None = None) -> Article:
    """The article with its deals. `published` overrides the document's own date; relative dates hang on it.

    `today` (default: the real today) only bounds the year of a weekday with a month and day ("Monday,
    May 9"). Without a published date, "on Tuesday" or "last month" cannot be placed, so those deals
    get no date rather than one guessed from today; a wire dateline with its weekday still dates the story.
    """
    from core.extract.dates import dateline_date
    from core.extract.deals import extract_deals

    when = published or doc.published
    now = today or date.today()
    story_date = date.fromisoformat(when) if when else dateline_date(doc.text, now)
    # With no story date, `now` is passed only as the weekday bound: deal_date drops what was resolved against it.
    deals = extract_deals(doc.text, reference=story_date or now, published=story_date, title=doc.title,
                          registry=registry)
    return Article(text=doc.text, title=doc.title, publisher=doc.publisher, url=doc.url, published=when,
                   source_path=doc.source_path, deals=tuple(deals))


def parse_path(path: str | Path, *, published: str | None = None,
               registry: dict[str, tuple[str, PartyKind]] | None = None) -> Article:
    from core.extract.text import read_path

    return parse_document(read_path(path), published=published, registry=registry)


def parse_text(text: str, *, published: str | None = None, title: str | None = None, url: str | None = None,
               registry: dict[str, tuple[str, PartyKind]] | None = None) -> Article:
    from core.extract.text import document_from_text

    doc = document_from_text(text, title=title, url=url, published=published)
    return parse_document(doc, published=published, registry=registry)

