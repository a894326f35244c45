"""Files, web addresses and pasted text into the store: the one import pipeline the CLI and the window share.

Reading and parsing (prepare, prepare_text, parse_stored) are pure and may run on a worker thread
with a registry taken from the store beforehand; storing (store_article, reparse_article's last
step) belongs to the thread that owns the store. Imports read and parse each input in a worker process
under a Budget (core.budget), so that a hostile input is skipped and the batch goes on.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from core.addresses import without_credentials
from core.budget import Budget, InProcess, ReadCancelled, ReadProcess
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
# Reads a file or web address into a Document; import_sources takes another (tests: a slow or greedy one).
DocumentReader = Callable[[str | Path], Document]


@dataclass(frozen=True)
class SourceResult:
    """What became of one input: an outcome when it was stored, an error a user can read when not.

    `article` is what was parsed, kept so that an undone import can be stored again.
    """

    source: str
    outcome: ImportOutcome | None = None
    error: str | None = None
    article: Article | None = field(default=None, repr=False, compare=False)
    notes: tuple[str, ...] = ()  # what the reader left out ("only the first 50 of 120 pages were read")

    def describe(self) -> str:
        if self.error is not None:
            return f"skipped: {self.error}"
        assert self.outcome is not None
        told = f" ({'; '.join(self.notes)})" if self.notes else ""
        if self.outcome.already_imported:
            return "already imported" + told
        parts = []
        added, merged = self.outcome.added, self.outcome.merged
        if added or not merged:
            parts.append(f"added {len(added)} deal{'s' if len(added) != 1 else ''}")
        if merged:
            ids = ", ".join(f"#{i}" for i in merged)
            parts.append(f"merged into deal{'s' if len(merged) != 1 else ''} {ids}")
        return ", ".join(parts) + told


@dataclass(frozen=True)
class Prepared:
    """A parsed article with the reader's notes on what it left out."""

    article: Article
    notes: tuple[str, ...] = ()


def _is_web(source: str | Path) -> bool:
    return isinstance(source, str) and source.strip().lower().startswith(("http://", "https://"))


def _shown(source: str | Path) -> str:
    """A source as the readers name it in their errors: a file by its name, an address whole."""
    return shown(str(source).strip()) if is_web_address(str(source)) else Path(source).name or str(source)


def read_document(source: str | Path) -> Document:
    """Read a file or fetch an http(s) address; raises DealsError with a readable reason."""
    # Other schemes (file:, ftp:, data:) go to the file reader, which refuses them by name.
    if _is_web(source):
        return fetch_url(str(source))
    document = read_path(shown(source) if isinstance(source, str) else source)
    if document.source_path is not None:
        # The path is only shown, never opened again: escaped, an undecodable byte in a file name
        # (a lone surrogate, which SQLite cannot store) or a terminal escape in it is inert.
        document = dataclasses.replace(document, source_path=printable(document.source_path))
    return document


def prepare(source: str | Path, *, published: str | None = None, registry: Registry | None = None) -> Article:
    """Read a file or fetch an http(s) address and parse it, in this process; raises DealsError."""
    return parse_document(read_document(source), published=published, registry=registry)


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


def reading_process(registry: Registry, budget: Budget | None = Budget(),
                    cancelled: Cancelled | None = None) -> ReadProcess:
    """The worker process a batch reads and parses in, one input at a time under `budget`.

    It keeps its own copy of `registry` and teaches it each article it parses, as `remember` does here;
    a restarted one starts from `registry` as it is by then. With `budget` None, inputs are read in this
    process, without limits (tests that watch the readers from inside).
    """
    if budget is None:
        return InProcess(state=lambda: registry)
    return ReadProcess(budget, state=lambda: registry, cancelled=cancelled)


def prepare_in(process: ReadProcess, source: str | Path, *, published: str | None = None,
               read: DocumentReader = read_document) -> Prepared:
    """Read and parse a file or web address in `process`; raises DealsError (OverBudget when over budget)."""
    return process.run(_shown(source), _prepare_source, read, source, published)


def prepare_text_in(process: ReadProcess, text: str, *, title: str | None = None, url: str | None = None,
                    published: str | None = None) -> Prepared:
    """Parse pasted text in `process`, as prepare_text does here."""
    return process.run(title or (without_credentials(url) if url else "") or "the pasted text", _prepare_text, text,
                       title, url, published)


def _prepare_source(registry: Registry, read: DocumentReader, source: str | Path, published: str | None) -> Prepared:
    document = read(source)
    article = parse_document(document, published=published, registry=registry)
    remember(registry, article)
    return Prepared(article, document.notes)


def _prepare_text(registry: Registry, text: str, title: str | None, url: str | None,
                  published: str | None) -> Prepared:
    article = prepare_text(text, title=title, url=url, published=published, registry=registry)
    remember(registry, article)
    return Prepared(article)


def store_article(store: Store, article: Article) -> ImportOutcome:
    """Store a parsed article in one transaction; its deals that stored deals already report are merged into them."""
    return store.add_article(article, merge=True)


def import_sources(store: Store, sources: Iterable[str | Path], *, published: str | None = None,
                   cancelled: Cancelled | None = None, progress: Progress | None = None,
                   on_result: Callable[[SourceResult], None] | None = None, budget: Budget | None = Budget(),
                   read: DocumentReader = read_document, publisher: str | None = None) -> list[SourceResult]:
    """Read, parse and store each source in its own transaction; a bad one is reported and the rest go on.

    `publisher`, when given, is stored as every article's publisher (the window's sample articles say so).

    Each source is read and parsed under `budget` in a worker process (None: here, without limits), by
    `read` and the parser.
    `progress(done, total, name)` is called before each source and once at the end, `on_result(result)`
    as each source is done; when `cancelled()` turns true the import stops (the source being read is
    abandoned after a short grace), and the results cover what was done.
    """
    items = list(sources)
    results: list[SourceResult] = []
    registry = store_registry(store)
    with reading_process(registry, budget, cancelled) as process:
        for done, source in enumerate(items):
            if cancelled is not None and cancelled():
                break
            if progress is not None:
                progress(done, len(items), shown(source))
            try:
                result = _import_one(store, shown(source), registry, functools.partial(
                    prepare_in, process, source, published=published, read=read), publisher)
            except ReadCancelled:
                break
            results.append(result)
            if on_result is not None:
                on_result(result)
    if progress is not None:
        progress(len(results), len(items), "")
    return results


def import_text(store: Store, text: str, *, title: str | None = None, url: str | None = None,
                published: str | None = None, budget: Budget | None = Budget()) -> SourceResult:
    """Parse and store pasted text, as import_sources does a file."""
    registry = store_registry(store)
    name = title or (without_credentials(url) if url else "") or "pasted text"
    with reading_process(registry, budget) as process:
        return _import_one(store, name, registry, lambda: prepare_text_in(
            process, text, title=title, url=url, published=published))


def _import_one(store: Store, name: str, registry: Registry, parse: Callable[[], Prepared],
                publisher: str | None = None) -> SourceResult:
    try:
        prepared = parse()
        if publisher is not None:
            prepared = dataclasses.replace(prepared, article=labelled(prepared.article, publisher))
        outcome = store_article(store, prepared.article)
    except DealsError as exc:
        return SourceResult(name, error=str(exc))
    except ReadCancelled:
        raise
    except RecursionError:
        return SourceResult(name, error=f"Could not import {name}: it is nested too deeply to store")
    except MemoryError:
        return SourceResult(name, error=f"Could not import {name}: it needed too much memory")
    except Exception as exc:  # noqa: BLE001 - one input never stops the others; the type names a bug
        return SourceResult(name, error=f"Could not import {name}: {type(exc).__name__}: {exc}"[:400])
    remember(registry, prepared.article)
    return SourceResult(name, outcome=outcome, article=prepared.article, notes=prepared.notes)


def labelled(article: Article, publisher: str) -> Article:
    """The article as from `publisher`, and each of its deals' notes saying so (the detail pane shows notes)."""
    note = f"From {publisher} articles."
    return article.replace(publisher=publisher, deals=tuple(
        d.replace(notes=f"{note} {d.notes}".strip()) if note not in d.notes else d for d in article.deals))


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
