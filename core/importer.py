"""Files, web addresses and pasted text into the store: the one import pipeline the CLI and the window share.

Reading and parsing (prepare, prepare_text, parse_stored) are pure and may run on a worker thread
with a registry taken from the store beforehand; storing (store_article, reparse_article's last
step) belongs to the thread that owns the store.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from core.addresses import without_credentials
from core.errors import DealsError
from core.extract import parse_document
from core.extract.byline import find_byline
from core.extract.entities import norm
from core.extract.text import Document, document_from_text, read_path
from core.fetch import fetch_url, is_web_address
from core.model import Article, Deal, ImportOutcome, PartyKind, ReparseOutcome
from core.store import Store
from core.text_safety import printable

# The parser's view of the party registry: folded spelling -> (canonical name, kind).
Registry = dict[str, tuple[str, PartyKind]]
Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class SourceResult:
    """What became of one input: an outcome when it was stored, an error a user can read when not.

    `article` is what was parsed, kept so that an undone import can be stored again.
    """

    source: str
    outcome: ImportOutcome | None = None
    error: str | None = None
    article: Article | None = field(default=None, repr=False, compare=False)

    def describe(self) -> str:
        if self.error is not None:
            return f"skipped: {self.error}"
        assert self.outcome is not None
        if self.outcome.already_imported:
            return "already imported"
        parts = []
        added, merged = self.outcome.added, self.outcome.merged
        if added or not merged:
            parts.append(f"added {len(added)} deal{'s' if len(added) != 1 else ''}")
        if merged:
            ids = ", ".join(f"#{i}" for i in merged)
            parts.append(f"merged into deal{'s' if len(merged) != 1 else ''} {ids}")
        return ", ".join(parts)


def prepare(source: str | Path, *, published: str | None = None, registry: Registry | None = None) -> Article:
    """Read a file or fetch an http(s) address and parse it; raises DealsError with a readable reason."""
    # Other schemes (file:, ftp:, data:) go to the file reader, which refuses them by name.
    if isinstance(source, str) and source.strip().lower().startswith(("http://", "https://")):
        document = fetch_url(source)
    else:
        document = read_path(shown(source) if isinstance(source, str) else source)
        if document.source_path is not None:
            # The path is only shown, never opened again: escaped, an undecodable byte in a file name
            # (a lone surrogate, which SQLite cannot store) or a terminal escape in it is inert.
            document = dataclasses.replace(document, source_path=printable(document.source_path))
    return parse_document(document, published=published, registry=registry)


# The window's worker calls it by this name.
read_source = prepare


def shown(source: str | Path) -> str:
    """A source as messages, progress and results name it: an address without its user name and password."""
    text = str(source)
    return without_credentials(text) if is_web_address(text) else text


def prepare_text(text: str, *, title: str | None = None, url: str | None = None, published: str | None = None,
                 registry: Registry | None = None) -> Article:
    """Parse pasted text; title, address and date given here win over what the text says about itself."""
    url = without_credentials(url) if url else None
    document = document_from_text(text, title=title or None, url=url, published=published,
                                  name="the pasted text")
    return parse_document(document, published=published, registry=registry)


def parse_stored(article: Article, *, registry: Registry | None = None) -> tuple[Deal, ...]:
    """The current parser's deals for a stored article, with evidence pointing into its stored text.

    Relative dates ("on Monday", "last month") resolve against the day it was published; without one they
    stay unplaced and the deal undated, never guessed from the day it was imported. That day only stands in
    for today when a dateline weekday with a month and day ("Monday, May 9") picks its year, as at import.
    """
    byline = find_byline(article.text)
    document = Document(
        text=article.text, title=article.title, publisher=article.publisher, published=article.published,
        url=article.url, source_path=article.source_path,
        byline_date_end=byline.date_end if byline.text == article.text else 0,
    )
    imported = datetime.date.fromisoformat(article.imported_at[:10]) if article.imported_at else None
    return parse_document(document, published=article.published, registry=registry, today=imported).deals


def store_article(store: Store, article: Article) -> ImportOutcome:
    """Store a parsed article in one transaction; its deals that stored deals already report are merged into them."""
    return store.add_article(article, merge=True)


def import_sources(store: Store, sources: Iterable[str | Path], *, published: str | None = None,
                   cancelled: Cancelled | None = None, progress: Progress | None = None) -> list[SourceResult]:
    """Read, parse and store each source in its own transaction; a bad one is reported and the rest go on.

    `progress(done, total, name)` is called before each source and once at the end; when `cancelled()`
    turns true the import stops before the next source, and the results cover what was done.
    """
    items = list(sources)
    results = []
    registry = store_registry(store)
    for done, source in enumerate(items):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(done, len(items), shown(source))
        results.append(_import_one(store, shown(source), registry,
                                   functools.partial(prepare, source, published=published, registry=registry)))
    if progress is not None:
        progress(len(results), len(items), "")
    return results


def import_text(store: Store, text: str, *, title: str | None = None, url: str | None = None,
                published: str | None = None) -> SourceResult:
    """Parse and store pasted text, as import_sources does a file."""
    registry = store_registry(store)
    name = title or (without_credentials(url) if url else "") or "pasted text"
    return _import_one(store, name, registry, lambda: prepare_text(
        text, title=title, url=url, published=published, registry=registry))


def _import_one(store: Store, name: str, registry: Registry, parse: Callable[[], Article]) -> SourceResult:
    try:
        article = parse()
        outcome = store_article(store, article)
    except DealsError as exc:
        return SourceResult(name, error=str(exc))
    remember(registry, article)
    return SourceResult(name, outcome=outcome, article=article)


def reparse_article(store: Store, article_id: int, registry: Registry | None = None) -> ReparseOutcome:
    """Run the current parser over a stored article and update its deals; a person's edits stay exactly as they are.

    Changes are written by "parser" in the deals' history; store.undo_reparse takes them back.
    """
    article = store.article(article_id)
    deals = parse_stored(article, registry=store_registry(store) if registry is None else registry)
    return store.apply_reparse(article_id, deals)


def reparse_deal(store: Store, deal_id: int, registry: Registry | None = None) -> list[ReparseOutcome]:
    """Re-parse every article a deal came from, oldest first: one transaction, and one outcome, per article."""
    registry = store_registry(store) if registry is None else registry
    return [reparse_article(store, article.id, registry) for article in store.articles_for_deal(deal_id)
            if article.id is not None]


def store_registry(store: Store) -> Registry:
    """The party registry as the parser takes it: every spelling a person or an import gave a party maps
    to its current name, so renames and merges in the registry hold for the next import."""
    registry: Registry = {}
    for entity in store.entities():
        for spelling in (entity.name, *entity.aliases):
            registry.setdefault(norm(spelling), (entity.name, entity.kind))
    return registry


def remember(registry: Registry, article: Article) -> None:
    """Teach a batch's registry the parties of an article just stored, so the next article folds onto them."""
    for deal in article.deals:
        for party in deal.parties:
            for spelling in (party.name, *party.aliases):
                registry.setdefault(norm(spelling), (party.name, party.kind))
