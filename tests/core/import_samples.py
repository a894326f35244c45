"""Articles of our own about a few deals, each told twice, and a dump of the store for before/after comparisons."""

from __future__ import annotations

from typing import Any

from core.importer import prepare_text, store_registry
from core.model import Article
from core.store import Store

from article_files import (  # noqa: F401 (re-exported for the tests here)
    NORTHWIND, NORTHWIND_AGAIN, NORTHWIND_CONTRACT, PUBLISHED, dump, eml, make_pdf, page,
)

# The same acquisition as a third outlet got it: another day, place and a rounder price.
NORTHWIND_DIFFERENT = """Solvane Grid agrees to Northwind takeover

Northwind Energy Inc. will acquire battery developer Solvane Grid for about $1.21 billion, the companies said \
on March 5, 2025. The purchase, announced in Boulder, adds storage projects in Colorado and Texas to \
Northwind's portfolio."""


KESTREL = """Kestrel Robotics and Harbourline Logistics form joint venture

Kestrel Robotics and Harbourline Logistics agreed on Monday, June 2, 2025, to form a joint venture that will \
automate container terminals in Rotterdam, with each side putting in half of the $300 million cost. Work \
starts in September."""

KESTREL_AGAIN = """Harbourline, Kestrel to automate Rotterdam terminals

Harbourline Logistics said on June 3, 2025, that it would set up a $300 million joint venture with Kestrel \
Robotics to bring driverless cranes to its Rotterdam terminals."""


def parsed(store: Store, text: str, url: str | None = None) -> Article:
    """The article as the import pipeline parses it, against the store's registry as it is now."""
    return prepare_text(text, url=url, published=PUBLISHED, registry=store_registry(store))


def fts_ok(store: Store) -> None:
    """Raise unless the search index holds exactly what its content view says (SQLite's own check)."""
    store.db.execute("INSERT INTO deals_fts (deals_fts, rank) VALUES ('integrity-check', 1)")


def search(store: Store, words: str) -> list[int]:
    return [row[0] for row in store.db.execute(
        "SELECT rowid FROM deals_fts WHERE deals_fts MATCH ? ORDER BY rowid", [words])]


