"""Parse files or web addresses and store them: the one import pipeline the CLI and the window share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from core.errors import DealsError
from core.extract import parse_document
from core.model import Article, ImportOutcome
from core.store import Store


@dataclass(frozen=True)
class SourceResult:
    """What became of one input: an outcome when it was stored, an error a user can read when not."""

    source: str
    outcome: ImportOutcome | None = None
    error: str | None = None

    def describe(self) -> str:
        if self.error is not None:
            return f"skipped: {self.error}"
        assert self.outcome is not None
        if self.outcome.already_imported:
            return "already imported"
        parts = [f"added {len(self.outcome.added)} deal{'s' if len(self.outcome.added) != 1 else ''}"]
        if self.outcome.merged:
            parts.append(f"merged into {len(self.outcome.merged)}")
        return ", ".join(parts)


def read_source(source: str | Path, *, published: str | None = None,
                registry: dict | None = None) -> Article:
    """Read and parse one file; raises DealsError with a readable reason."""
    from core.extract.text import read_path

    return parse_document(read_path(source), published=published, registry=registry)


def import_sources(store: Store, sources: Iterable[str | Path], *, published: str | None = None) -> list[SourceResult]:
    """Parse and store each source in its own transaction; a bad one is reported and the rest go on."""
    results = []
    registry = store_registry(store)
    for source in sources:
        name = str(source)
        try:
            article = read_source(source, published=published, registry=registry)
            outcome = store.add_article(article)
        except DealsError as exc:
            results.append(SourceResult(name, error=str(exc)))
            continue
        results.append(SourceResult(name, outcome=outcome))
    return results


def store_registry(store: Store) -> dict:
    """The party registry as the parser takes it: folded alias -> (canonical name, kind)."""
    from core.extract.entities import norm

    registry = {}
    for entity in store.entities():
        for spelling in (entity.name, *entity.aliases):
            registry.setdefault(norm(spelling), (entity.name, entity.kind))
    return registry
