"""Where a deal stands in the list: its row under a DealQuery, worked out in SQL without reading pages of ids."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from core.model import DealQuery
from core.store import display
from core.store.query import SORT_KEYS, filtered


def _key(db: Database, query: DealQuery) -> str:
    """The sort key's SQL expression over `deals d`, as query.order_by orders by it (then by id)."""
    if query.sort == "id":
        return "d.id"
    if query.sort == "usd" and query.currency != display.BASE:
        display.ensure(db)
        return display.value_sql(query.currency)
    return SORT_KEYS[query.sort]


def position(db: Database, query: DealQuery, deal_id: int) -> int | None:
    """The deal's row in the list (0 first), None when the list does not hold it.

    Two statements: the deal's own key (and whether the query lists it at all), then a count of the deals the
    list shows before it, which SQLite reads from the filter's or the sort key's index. Paging through the list
    to find it took a second a page at a million deals, when the filter made SQLite sort its deals.
    """
    if query.sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {query.sort!r}; known: {', '.join(SORT_KEYS)}")
    found = filtered(db, query)
    if found is None:
        return None
    clause, params = found
    key = _key(db, query)
    row = db.execute(f"SELECT {key} FROM deals d WHERE d.id = ? AND {clause}", [int(deal_id), *params]).fetchone()
    if row is None:
        return None
    value = row[0]
    # SQLite puts NULL first going up and last going down; ties go by id, the same way as the key. Each part is
    # counted on its own: an OR of them would keep SQLite from reading one range of the sort key's index.
    after = ">" if query.descending else "<"
    me = int(deal_id)
    parts: list[tuple[str, list[Any]]]
    if query.sort == "id":
        parts = [(f"d.id {after} ?", [me])]
    elif value is None and query.descending:
        parts = [(f"{key} IS NOT NULL", []), (f"{key} IS NULL AND d.id > ?", [me])]
    elif value is None:
        parts = [(f"{key} IS NULL AND d.id < ?", [me])]
    else:
        parts = [(f"{key} {after} ?", [value]), (f"{key} = ? AND d.id {after} ?", [value, me])]
        if not query.descending:
            parts.append((f"{key} IS NULL", []))
    sql = " + ".join(f"(SELECT count(*) FROM deals d WHERE {clause} AND {part})" for part, _ in parts)
    return int(db.execute(f"SELECT {sql}", [v for _, values in parts for v in (*params, *values)]).fetchone()[0])
