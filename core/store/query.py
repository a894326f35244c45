"""The deal list as SQL: DealQuery filters, sort keys, FTS5 search, pages of ids, table rows and facets."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from sqlite_utils import Database

from core.store import display, display_order, facet_counts, search, watch_matches, watches
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
    "usd": "d.usd_value",  # index from m006
    "sectors": "d.sectors",
    "sources": "d.source_count",
    "review": "(d.needs_review <> '[]')",
    "id": "d.id",
}

FACET_KEYS = ("type", "status", "sector", "year", "country", "party", "review", "watched")

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
    edited: bool = False  # a person edited some field by hand
    display_value: float | None = None  # usd_value in the display currency deal_rows was asked for


@dataclass(frozen=True)
class Totals:
    """The deals a query lists, summed: how many, their US-dollar total, how many have no US-dollar value;
    and the same sum in the query's display currency (the dollar's figures again when that is USD)."""

    count: int
    usd: float
    without_usd: int
    currency: str = "USD"
    value: float = 0.0
    without_value: int = 0


def parse_enum(cls: type[_E], value: str, default: _E) -> _E:
    """An enum from a stored string; a value edited in by hand falls back instead of raising."""
    try:
        return cls(value)
    except ValueError:
        return default


def fts_query(text: str) -> str:
    """User words as an FTS5 query that cannot raise: every word quoted, each a prefix."""
    return " ".join(search.quoted(word) + "*" for word in search.words(text))


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def where(query: DealQuery, skip: str = "", match: str | None = None, walk: bool = False) -> tuple[str, list[Any]]:
    """The WHERE clause over `deals d` for a query; `skip` leaves out one facet's own filter.

    `match` is the FTS5 query for query.search (search.match_expression), fts_query's when None.
    With `walk`, SQLite walks the sort key's index and checks each deal against the matches, rather
    than sorting all the matches: the better plan when they are a large part of the list.
    """
    clauses: list[str] = []
    params: list[Any] = []
    if not query.include_deleted:
        clauses.append("d.deleted_at IS NULL")
    fts = fts_query(query.search) if match is None else match
    if fts:
        clauses.append(f"{'+' if walk else ''}d.id IN (SELECT rowid FROM deals_fts WHERE deals_fts MATCH ?)")
        params.append(fts)
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
        clauses.append(f"d.country IN ({_marks(query.countries)})")
        params += list(query.countries)
    if query.parties and skip != "party":
        # Entity ids; the canonical names facets() reports are taken too, so a facet value filters as is.
        ids = [int(p) for p in query.parties if isinstance(p, int) or str(p).isdigit()]
        names = [str(p) for p in query.parties if not (isinstance(p, int) or str(p).isdigit())]
        clauses.append(
            f"d.id IN (SELECT deal_id FROM deal_parties WHERE entity_id IN ({_marks(ids)}) OR entity_id IN "
            f"(SELECT id FROM entities WHERE name IN ({_marks(names)})))"
        )
        params += [*ids, *names]
    if query.periods and skip != "period":
        bounds = [period_bounds(period) for period in query.periods]
        clauses.append("(" + " OR ".join("(d.date >= ? AND d.date < ?)" for _ in bounds) + ")")
        params += [value for pair in bounds for value in pair]
    if query.needs_review and skip != "review":
        clauses.append("d.needs_review <> '[]'")
    if query.watched and skip != "watched":
        clauses.append(watches.WATCHED_CLAUSE)
    if query.inbox and skip != "inbox":
        clauses.append("d.id IN (SELECT deal_id FROM feed_inbox WHERE reviewed_at IS NULL)")
    return (" AND ".join(clauses) or "1"), params


def period_bounds(period: str) -> tuple[str, str]:
    """The ISO dates [start, end) of a period label: "2025", "2025-H2", "2025-Q3" or "2025-09"."""
    try:
        year, part = int(period[:4]), period[5:]
        if len(period) == 4:
            return f"{year:04d}", f"{year + 1:04d}"
        if period[4] == "-" and part[:1] in ("Q", "H") and len(part) == 2:
            months = 3 if part[0] == "Q" else 6
            first = (int(part[1]) - 1) * months + 1
            if 1 <= first <= 12:
                last = first + months
                return f"{year:04d}-{first:02d}", (f"{year:04d}-{last:02d}" if last <= 12 else f"{year + 1:04d}")
        elif period[4] == "-" and part.isdigit() and 1 <= int(part) <= 12:
            month = int(part)
            return f"{year:04d}-{month:02d}", (f"{year:04d}-{month + 1:02d}" if month < 12 else f"{year + 1:04d}")
    except (ValueError, IndexError):
        pass
    raise ValueError(f"unknown period {period!r}: a year (2025), half (2025-H2), quarter (2025-Q3) or month (2025-09)")


def order_by(query: DealQuery) -> str:
    try:
        key = SORT_KEYS[query.sort]
    except KeyError:
        raise ValueError(f"unknown sort key {query.sort!r}; known: {', '.join(SORT_KEYS)}") from None
    direction = "DESC" if query.descending else "ASC"
    if query.sort == "id":
        return f"d.id {direction}"
    if query.sort == "usd" and query.currency != display.BASE:
        # No index holds the converted values: SQLite scans and keeps the page's rows. deal_ids reads pages
        # near either end along deals_usd_value instead (core/store/display_order.py); this is the rest.
        key = display.value_sql(query.currency)
    return f"{key} {direction}, d.id {direction}"


def trashed(db: Database, ids: Sequence[int]) -> set[int]:
    """Those of the deals that are in the trash."""
    wanted = [int(i) for i in ids]
    if not wanted:
        return set()
    marks = ", ".join("?" * len(wanted))
    sql = f"SELECT id FROM deals WHERE deleted_at IS NOT NULL AND id IN ({marks})"
    return {row[0] for row in db.execute(sql, wanted)}


def count_deals(db: Database, query: DealQuery) -> int:
    """How many deals the query lists; cached until the database changes, so a re-sort does not recount."""
    st = search.state(db)
    # Neither the order nor the display currency changes a count.
    key = ("deals", dataclasses.replace(query, sort="id", descending=False, currency=display.BASE))
    if key not in st.counts:
        match = _match(db, query)
        if match is None:
            count = 0
        elif (kept := facet_counts.deal_count(db, query)) is not None:
            count = kept  # one facet's filter: its kept counts (m011), not a pass over its deals
        elif match and _search_only(query):
            count = search.count_matches(db, match, query.include_deleted)
        elif query.watched:
            count = watch_matches.count_watched(db, *where(query, skip="watched", match=match))
        else:
            clause, params = where(query, match=match)
            if clause in ("1", "d.deleted_at IS NULL"):
                # Without a WHERE clause SQLite counts an index's pages instead of its rows; the trash
                # has an index of its own (m003), so live deals are all deals but those.
                count = int(db.execute("SELECT count(*) FROM deals").fetchone()[0])
                if clause != "1":
                    count -= int(db.execute("SELECT count(*) FROM deals WHERE deleted_at IS NOT NULL").fetchone()[0])
            else:
                count = int(db.execute(f"SELECT count(*) FROM deals d WHERE {clause}", params).fetchone()[0])
        st.counts[key] = count
    return st.counts[key]


def filtered(db: Database, query: DealQuery) -> tuple[str, list[Any]] | None:
    """The WHERE clause over `deals d` of the deals the query lists, with its search; None when none can match."""
    match = _match(db, query)
    return None if match is None else where(query, match=match)


def totals(db: Database, query: DealQuery) -> Totals:
    """Count and US-dollar sum of the deals the query lists, in one SQL pass (a scan at a million deals)."""
    code = display.checked(query.currency)
    found = filtered(db, query)
    if found is None:
        return Totals(0, 0.0, 0, code)
    clause, params = found
    if code == display.BASE:
        count, usd, valued = db.execute(
            f"SELECT count(*), total(d.usd_value), count(d.usd_value) FROM deals d WHERE {clause}", params
        ).fetchone()
        return Totals(int(count), float(usd), int(count) - int(valued), code, float(usd), int(count) - int(valued))
    count, usd, valued, shown, converted = display_order.totals(db, code, clause, params)
    return Totals(int(count), float(usd), int(count - valued), code, float(shown), int(count - converted))


def ids_cursor(db: Database, query: DealQuery, offset: int = 0, limit: int = -1, *,
               match: str | None = None, reverse: bool = False) -> sqlite3.Cursor:
    """Ids in the query's order (reversed with `reverse`); `match` as in where()."""
    if query.search and match is None:
        match = _match(db, query)
        if match is None:
            return db.execute("SELECT NULL WHERE 0")
    walk = bool(query.search) and query.sort != "id" and _dense(db, query, match or "")
    clause, params = where(query, match=match, walk=walk)
    if query.sort == "usd" and query.currency != display.BASE:
        display.ensure(db)
    ordered = dataclasses.replace(query, descending=query.descending != reverse)
    sql = f"SELECT d.id FROM deals d WHERE {clause} ORDER BY {order_by(ordered)} LIMIT ? OFFSET ?"
    return db.execute(sql, [*params, int(limit), max(0, int(offset))])


def deal_ids(db: Database, query: DealQuery, offset: int, limit: int) -> list[int]:
    """A page of the list. Past the middle it is read from the other end: OFFSET walks the index from
    its start, so the last page of a million would walk a million entries."""
    match = _match(db, query)
    if match is None or limit <= 0:
        return []
    offset = max(0, int(offset))
    count = count_deals(db, query)
    reverse = offset > count // 2
    if reverse:
        end = min(count, offset + limit)
        offset, limit = count - end, end - offset
        if limit <= 0:
            return []
    converted = None
    if query.sort == "usd" and query.currency != display.BASE:
        clause, params = where(query, match=match)
        converted = display_order.page(db, query.currency, clause, params, query.descending != reverse, offset, limit)
    if converted is not None:
        ids = converted
    elif match and _search_only(query) and query.sort == "id":
        ids = search.ids_in_index_order(db, match, query.include_deleted, query.descending != reverse,
                                              offset, limit)
    else:
        ids = [row[0] for row in ids_cursor(db, query, offset, limit, match=match, reverse=reverse)]
    return ids[::-1] if reverse else ids


def _match(db: Database, query: DealQuery) -> str | None:
    """The FTS5 query for the search words ("" without any); None when no deal can match."""
    return search.match_expression(db, query.search) if query.search else ""


def _search_only(query: DealQuery) -> bool:
    return not (query.types or query.statuses or query.sectors or query.years or query.countries
                or query.parties or query.periods or query.needs_review or query.watched or query.inbox)


def _dense(db: Database, query: DealQuery, match: str) -> bool:
    """Whether the matches are a large part of the list (then walking the sort index finds a page sooner)."""
    if not match:
        return False
    total = count_deals(db, DealQuery(include_deleted=True))
    return search.count_matches(db, match, True) * 20 > total


def deal_rows(db: Database, ids: Sequence[int], currency: str = display.BASE) -> dict[int, DealRow]:
    """The list's rows of these deals; `display_value` is the US-dollar value in `currency`."""
    rows: dict[int, DealRow] = {}
    unique = list(dict.fromkeys(int(i) for i in ids))
    value = display.value_sql(currency)
    if value != "d.usd_value":
        display.ensure(db)
    for start in range(0, len(unique), 500):
        chunk = unique[start : start + 500]
        for r in db.execute(
            "SELECT id, title, type, status, date, date_precision, parties_text, value, currency, "
            f"usd_value, sectors, source_count, needs_review, edited, {value} FROM deals d WHERE id IN ({_marks(chunk)})",
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
                edited=(r[13] or "[]") != "[]",
                display_value=r[14],
            )
    return rows


def facets(db: Database, query: DealQuery, keys: Sequence[str] = FACET_KEYS) -> dict[str, list[tuple[str, int]]]:
    """Counts per value for each facet in `keys`, each under every filter of the query but its own.

    Values are what a DealQuery filter takes: a party is its entity's canonical name, and
    review has the single value "yes" (deals that need review), and so has watched (deals a watch matches).
    Counts under no filter, or one facet's, come from deal_facets (core.store.facet_counts); others are counted.
    """
    match = _match(db, query)
    if match is None:
        return {key: [] for key in keys}
    chosen = facet_counts.selected(db, query)
    result: dict[str, list[tuple[str, int]]] = {}
    counted = [key for key in keys if not facet_counts.answerable(query, chosen, key)]
    full = where(query, match=match)
    # Facets without a filter of their own share the query's whole clause: find its deals once
    # (the Watched filter's matches take seconds at a million deals), then count over those.
    shared = [key for key in counted if where(query, skip=key, match=match) == full]
    if len(shared) > 1:
        db.execute("DROP TABLE IF EXISTS temp.facet_ids")
        db.execute(f"CREATE TEMP TABLE facet_ids AS SELECT d.id FROM deals d WHERE {full[0]}", full[1])
    try:
        for key in keys:
            if key in counted:
                ids = len(shared) > 1 and key in shared
                result[key] = _counted_facet(db, key, *(("d.id IN temp.facet_ids", []) if ids else
                                                               where(query, skip=key, match=match)))
            else:
                result[key] = _kept_facet(db, key, facet_counts.counts(db, query, chosen, key))
    finally:
        if len(shared) > 1:
            db.execute("DROP TABLE IF EXISTS temp.facet_ids")
    return result


def _counted_facet(db: Database, key: str, clause: str, params: list[Any]) -> list[tuple[str, int]]:
    if key == "sector":
        return _sector_facet(db, clause, params)
    if key == "watched":
        return _watched_facet(db, clause, params)
    sql = _FACET_SQL[key].format(where=clause)
    rows = [(str(value), int(count)) for value, count in db.execute(sql, params)]
    if key == "review":
        rows = [("yes", count) for value, count in rows if value == "1"]
    return rows


def slow_facets(db: Database, query: DealQuery) -> list[str]:
    """The facets whose counts facets() must count over the deals (the others are read from deal_facets)."""
    chosen = facet_counts.selected(db, query)
    return [key for key in FACET_KEYS if not facet_counts.answerable(query, chosen, key)]


def _kept_facet(db: Database, key: str, rows: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """deal_facets' rows in the order and form the counting SQL gives them."""
    if key == "party":
        names = dict(db.execute("SELECT id, name FROM entities").fetchall())
        rows = [(str(names[int(value)]), n) for value, n in rows if int(value) in names]
    if key == "year":
        return sorted(rows, reverse=True)
    return sorted(rows, key=lambda item: (-item[1], item[0]))


def _sector_facet(db: Database, clause: str, params: list[Any]) -> list[tuple[str, int]]:
    # Deals share a few hundred sector lists: count the lists on their index, then split them here,
    # rather than json_each over every deal (10 s at a million).
    counts: dict[str, int] = {}
    for sectors, n in db.execute(f"SELECT d.sectors, count(*) FROM deals d WHERE {clause} GROUP BY d.sectors",
                                 params):
        for value in json.loads(sectors or "[]"):
            counts[str(value)] = counts.get(str(value), 0) + int(n)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _watched_facet(db: Database, clause: str, params: list[Any]) -> list[tuple[str, int]]:
    # Without a watch the filter would list nothing: no value to offer, and no pass over the deals.
    if not watches.has_watches(db):
        return []
    return [("yes", watch_matches.count_watched(db, clause, params))]


_FACET_SQL = {
    "type": "SELECT d.type, count(*) AS n FROM deals d WHERE {where} GROUP BY d.type ORDER BY n DESC, 1",
    "status": "SELECT d.status, count(*) AS n FROM deals d WHERE {where} GROUP BY d.status ORDER BY n DESC, 1",
    "year": "SELECT substr(d.date, 1, 4) AS y, count(*) AS n FROM deals d "
    "WHERE d.date IS NOT NULL AND {where} GROUP BY y ORDER BY y DESC",
    # The country the store worked out from each deal's location (m009), on its own index.
    "country": "SELECT d.country, count(*) AS n FROM deals d WHERE d.country IS NOT NULL AND {where} "
    "GROUP BY d.country ORDER BY n DESC, 1",
    "party": "SELECT e.name, count(DISTINCT d.id) AS n FROM deals d JOIN deal_parties p ON p.deal_id = d.id "
    "JOIN entities e ON e.id = p.entity_id WHERE {where} GROUP BY e.id ORDER BY n DESC, 1",
    "review": "SELECT d.needs_review <> '[]' AS r, count(*) AS n FROM deals d WHERE {where} "
    "GROUP BY r ORDER BY r DESC",
}


def deals_from_publisher(db: Database, publisher: str) -> list[int]:
    """Live deals whose every source article is from `publisher` (a deal another article also reports is kept)."""
    rows = db.execute(
        "SELECT d.id FROM deals d WHERE d.deleted_at IS NULL AND d.id IN ("
        "SELECT s.deal_id FROM deal_sources s JOIN articles a ON a.id = s.article_id "
        "GROUP BY s.deal_id HAVING min(a.publisher IS ?) = 1) ORDER BY d.id",
        [publisher],
    )
    return [int(row[0]) for row in rows]
