"""The deal list as SQL: DealQuery filters, sort keys, FTS5 search, pages of ids, table rows and facets."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from sqlite_utils import Database

from core.model import DealQuery, DealType, Precision, Status

# Each key's expression matches an index in m001, so ORDER BY ... LIMIT walks the index
# and never sorts a million rows; the index's implicit rowid makes `id` a free tiebreak.
SORT_KEYS: dict[str, str] = {
    "title": "d.title COLLATE NOCASE",
    "type": "d.type",
    "status": "d.status",
    "date": "d.date",
    "parties": "d.parties_text COLLATE NOCASE",
    "value": "d.sort_value",
    "sectors": "d.sectors",
    "sources": "d.source_count",
    "review": "(d.needs_review <> '[]')",
    "id": "d.id",
}

FACET_KEYS = ("type", "status", "sector", "year", "country", "party", "review")

_E = TypeVar("_E", bound=StrEnum)


@dataclass(frozen=True)
class DealRow:
    """One line of the deal list, read from the denormalised columns of `deals` alone."""

    id: int
    title: str
    type: DealType
    status: Status
    date: str | None
    date_precision: Precision | None
    parties: str  # ", "-joined names
    value: float | None
    currency: str | None
    usd_value: float | None
    sectors: str  # ", "-joined
    sources: int
    needs_review: bool


def parse_enum(cls: type[_E], value: str, default: _E) -> _E:
    """An enum from a stored string; a value edited in by hand falls back instead of raising."""
    try:
        return cls(value)
    except ValueError:
        return default


def fts_query(text: str) -> str:
    """User words as an FTS5 query that cannot raise: every word quoted, each a prefix."""
    # Control characters end an FTS5 string early ("unterminated string"), so they split words.
    text = "".join(" " if unicodedata.category(c).startswith("C") else c for c in text)
    words = [word for word in text.split() if any(c.isalnum() for c in word)]
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def where(query: DealQuery, skip: str = "") -> tuple[str, list[Any]]:
    """The WHERE clause over `deals d` for a query; `skip` leaves out one facet's own filter."""
    clauses: list[str] = []
    params: list[Any] = []
    if not query.include_deleted:
        clauses.append("d.deleted_at IS NULL")
    search = fts_query(query.search)
    if search:
        clauses.append("d.id IN (SELECT rowid FROM deals_fts WHERE deals_fts MATCH ?)")
        params.append(search)
    if query.types and skip != "type":
        clauses.append(f"d.type IN ({_marks(query.types)})")
        params += [str(t) for t in query.types]
    if query.statuses and skip != "status":
        clauses.append(f"d.status IN ({_marks(query.statuses)})")
        params += [str(s) for s in query.statuses]
    if query.sectors and skip != "sector":
        clauses.append(
            f"EXISTS (SELECT 1 FROM json_each(d.sectors) j WHERE j.value IN ({_marks(query.sectors)}))"
        )
        params += list(query.sectors)
    if query.years and skip != "year":
        clauses.append("(" + " OR ".join("(d.date >= ? AND d.date < ?)" for _ in query.years) + ")")
        for year in query.years:
            params += [f"{int(year):04d}", f"{int(year) + 1:04d}"]
    if query.countries and skip != "country":
        marks = _marks(query.countries)
        clauses.append(
            f"(d.location IN ({marks}) OR d.id IN (SELECT p.deal_id FROM deal_parties p "
            f"JOIN entities e ON e.id = p.entity_id WHERE e.country IN ({marks})))"
        )
        params += [*query.countries, *query.countries]
    if query.parties and skip != "party":
        # Entity ids; the canonical names facets() reports are taken too, so a facet value filters as is.
        ids = [int(p) for p in query.parties if isinstance(p, int) or str(p).isdigit()]
        names = [str(p) for p in query.parties if not (isinstance(p, int) or str(p).isdigit())]
        clauses.append(
            f"d.id IN (SELECT deal_id FROM deal_parties WHERE entity_id IN ({_marks(ids)}) OR entity_id IN "
            f"(SELECT id FROM entities WHERE name IN ({_marks(names)})))"
        )
        params += [*ids, *names]
    if query.needs_review and skip != "review":
        clauses.append("d.needs_review <> '[]'")
    return (" AND ".join(clauses) or "1"), params


def order_by(query: DealQuery) -> str:
    try:
        key = SORT_KEYS[query.sort]
    except KeyError:
        raise ValueError(f"unknown sort key {query.sort!r}; known: {', '.join(SORT_KEYS)}") from None
    direction = "DESC" if query.descending else "ASC"
    if query.sort == "id":
        return f"d.id {direction}"
    return f"{key} {direction}, d.id {direction}"


def count_deals(db: Database, query: DealQuery) -> int:
    clause, params = where(query)
    return int(db.execute(f"SELECT count(*) FROM deals d WHERE {clause}", params).fetchone()[0])


def ids_cursor(db: Database, query: DealQuery, offset: int = 0, limit: int = -1) -> sqlite3.Cursor:
    clause, params = where(query)
    sql = f"SELECT d.id FROM deals d WHERE {clause} ORDER BY {order_by(query)} LIMIT ? OFFSET ?"
    return db.execute(sql, [*params, int(limit), max(0, int(offset))])


def deal_ids(db: Database, query: DealQuery, offset: int, limit: int) -> list[int]:
    return [row[0] for row in ids_cursor(db, query, offset, limit)]


def deal_rows(db: Database, ids: Sequence[int]) -> dict[int, DealRow]:
    rows: dict[int, DealRow] = {}
    unique = list(dict.fromkeys(int(i) for i in ids))
    for start in range(0, len(unique), 500):
        chunk = unique[start : start + 500]
        for r in db.execute(
            "SELECT id, title, type, status, date, date_precision, parties_text, value, currency, "
            f"usd_value, sectors, source_count, needs_review FROM deals WHERE id IN ({_marks(chunk)})",
            chunk,
        ):
            rows[r[0]] = DealRow(
                id=r[0],
                title=r[1],
                type=parse_enum(DealType, r[2], DealType.OTHER),
                status=parse_enum(Status, r[3], Status.ANNOUNCED),
                date=r[4],
                date_precision=parse_enum(Precision, r[5], Precision.DAY) if r[5] else None,
                parties=r[6],
                value=r[7],
                currency=r[8],
                usd_value=r[9],
                sectors=", ".join(json.loads(r[10] or "[]")),
                sources=r[11],
                needs_review=(r[12] or "[]") != "[]",
            )
    return rows


def facets(db: Database, query: DealQuery) -> dict[str, list[tuple[str, int]]]:
    """Counts per value for each facet, each under every filter of the query but its own.

    Values are what a DealQuery filter takes: a party is its entity's canonical name, and
    review has the single value "yes" (deals that need review).
    """
    result: dict[str, list[tuple[str, int]]] = {}
    for key in FACET_KEYS:
        clause, params = where(query, skip=key)
        sql = _FACET_SQL[key].format(where=clause)
        if key == "country":
            params = params * 2
        rows = [(str(value), int(count)) for value, count in db.execute(sql, params)]
        if key == "review":
            rows = [("yes", count) for value, count in rows if value == "1"]
        result[key] = rows
    return result


_FACET_SQL = {
    "type": "SELECT d.type, count(*) AS n FROM deals d WHERE {where} GROUP BY d.type ORDER BY n DESC, 1",
    "status": "SELECT d.status, count(*) AS n FROM deals d WHERE {where} GROUP BY d.status ORDER BY n DESC, 1",
    "sector": "SELECT j.value, count(*) AS n FROM deals d, json_each(d.sectors) j WHERE {where} "
    "GROUP BY j.value ORDER BY n DESC, 1",
    "year": "SELECT substr(d.date, 1, 4) AS y, count(*) AS n FROM deals d "
    "WHERE d.date IS NOT NULL AND {where} GROUP BY y ORDER BY y DESC",
    "country": "SELECT c, count(*) AS n FROM ("
    "SELECT d.id, d.location AS c FROM deals d WHERE d.location IS NOT NULL AND {where} "
    "UNION SELECT d.id, e.country FROM deals d JOIN deal_parties p ON p.deal_id = d.id "
    "JOIN entities e ON e.id = p.entity_id WHERE e.country IS NOT NULL AND {where}"
    ") GROUP BY c ORDER BY n DESC, 1",
    "party": "SELECT e.name, count(DISTINCT d.id) AS n FROM deals d JOIN deal_parties p ON p.deal_id = d.id "
    "JOIN entities e ON e.id = p.entity_id WHERE {where} GROUP BY e.id ORDER BY n DESC, 1",
    "review": "SELECT d.needs_review <> '[]' AS r, count(*) AS n FROM deals d WHERE {where} "
    "GROUP BY r ORDER BY r DESC",
}
