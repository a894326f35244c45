"""The list sorted by its value in a display currency: a bounded read along the dollar index, proved complete."""

# No index holds converted values (the rates live in the connection's temp schema), so ORDER BY the
# converted value scans and converts every listed deal: 3 s for a first page at a million deals. But a
# deal's converted value is its dollar value times a day rate between the table's least and greatest,
# so walking deals_usd_value from the top bounds every deal not yet read: the walk stops once the page's
# last converted value lies beyond what any unread deal can reach (greatest rate times the dollar value
# reached). The page is then exactly what the full sort gives (tests/core/store/test_display_order.py).
# Deals with no converted value (no dollar value, or no rate for their day) sort as SQL puts NULLs: first
# when ascending, by id; the few dollar-valued ones without a rate are found by day on deals_date_usd (m012).

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from typing import Any

from sqlite_utils import Database

from core.store import display

# Pages further than this from an end are left to the full sort (a read that long would not pay).
MOST_ROWS = 5_000
# Rows of the dollar index read at most before the bounded read gives up for the full sort.
MOST_READ = 200_000

_LIVE = "d.deleted_at IS NULL"
_KEPT: weakref.WeakKeyDictionary[Database, tuple[tuple[Any, ...], dict[str, Any]]] = weakref.WeakKeyDictionary()


def page(db: Database, currency: str, clause: str, params: Sequence[Any], descending: bool,
         offset: int, limit: int) -> list[int] | None:
    """Ids [offset, offset + limit) of the deals WHERE `clause` in the order of their value in `currency`
    (ties by id, in the same direction), or None when only the full sort can tell.

    `clause` is query.where's for live deals (it starts with their condition) or for the trash view."""
    wanted = offset + limit
    code = display.checked(currency)
    live = clause.startswith(_LIVE)
    if wanted > MOST_ROWS or code == display.BASE or not (descending or live):
        return None
    display.ensure(db)
    walk = _Walk(db, code, clause, list(params), live)
    if walk.rates is None:
        return None
    if descending:
        found = walk.priced(True, wanted)
        return None if found is None or len(found) < wanted else found[offset:]
    blank = _unvalued(db, code, clause, params, wanted)
    if len(blank) >= wanted:
        return blank[offset:wanted]
    # Every deal without a value is in `blank`: the valued ones follow, smallest first.
    found = walk.priced(False, wanted - len(blank))
    return None if found is None else (blank + found)[offset:wanted]


def totals(db: Database, code: str, clause: str, params: Sequence[Any]) -> tuple[float, ...]:
    """Deals WHERE `clause`: how many, their dollar total, how many have dollars, their total in `code`
    and how many have a value in it."""
    display.ensure(db)
    # Summed per date first, then each date's sum times its day's rate: one rate lookup a date, not a
    # deal, on m012's (date, usd_value) index when nothing is filtered (4.4 s -> under 0.5 s at a million).
    dated = db.execute(
        "SELECT total(g.n), total(g.usd), total(g.valued), total(g.usd * r.rate), total(g.valued * (r.rate IS NOT NULL)) "
        "FROM (SELECT d.date, count(*) AS n, total(d.usd_value) AS usd, count(d.usd_value) AS valued FROM deals d "
        f"WHERE {clause} AND d.date IS NOT NULL GROUP BY d.date) g "
        f"LEFT JOIN {display.RATES} r ON r.currency = ? AND r.day = substr(g.date, 1, 10)", [*params, code]
    ).fetchone()
    undated = db.execute(  # converted at their first article's day, deal by deal
        f"SELECT count(*), total(d.usd_value), count(d.usd_value), total(v), count(v) FROM "
        f"(SELECT d.usd_value, {display.value_sql(code)} AS v FROM deals d WHERE {clause} AND d.date IS NULL) d", params
    ).fetchone()
    return tuple(float(a) + float(b) for a, b in zip(dated, undated, strict=True))


class _Walk:
    """The valued deals WHERE a clause, read along deals_usd_value until the rates prove the page whole."""

    def __init__(self, db: Database, code: str, clause: str, params: list[Any], live: bool) -> None:
        self.db, self.code, self.clause, self.params = db, code, clause, params
        self.extra: list[tuple[float, int]] = []  # (value, id) of valued deals read apart from the walk
        if live:
            # Dated deals convert at a rate of the days between the first and last live date (two index
            # ends), often a narrower range than the whole table's; the undated few are read apart.
            self.rates = _kept(db, code, "dated", lambda: self._range(
                f"SELECT substr((SELECT min(d.date) FROM deals d WHERE {_LIVE} AND d.date IS NOT NULL), 1, 10), "
                f"substr((SELECT max(d.date) FROM deals d WHERE {_LIVE} AND d.date IS NOT NULL), 1, 10)"))
            self.clause += " AND d.date IS NOT NULL"
            undated = db.execute(
                f"SELECT {display.value_sql(code)}, d.id FROM deals d WHERE {clause} AND d.date IS NULL "
                f"AND d.usd_value IS NOT NULL LIMIT ?", [*params, MOST_READ + 1]).fetchall()
            if len(undated) > MOST_READ:
                self.rates = None
            self.extra = [(float(value), int(deal_id)) for value, deal_id in undated if value is not None]
        else:
            self.rates = _kept(db, code, "all", lambda: self._range("SELECT '', '~'"))

    def _range(self, days_sql: str) -> tuple[float, float] | None:
        first, last = self.db.execute(days_sql).fetchone()
        least, most = self.db.execute(f"SELECT min(rate), max(rate) FROM {display.RATES} WHERE currency = ? "
                                      "AND day BETWEEN ? AND ?", [self.code, first, last]).fetchone()
        return None if least is None or least <= 0 else (float(least), float(most))

    def priced(self, descending: bool, wanted: int) -> list[int] | None:
        """The first `wanted` ids of the valued deals in their value's order (all of them when fewer)."""
        assert self.rates is not None
        least, most = self.rates
        direction = "DESC" if descending else "ASC"
        sql = (f"SELECT d.id, d.usd_value, {display.value_sql(self.code)} FROM deals d WHERE {self.clause} "
               f"AND d.usd_value IS NOT NULL ORDER BY d.usd_value {direction}, d.id {direction} LIMIT ? OFFSET ?")
        sign = -1 if descending else 1
        keyed = [(sign * value, sign * deal_id) for value, deal_id in self.extra]
        read, chunk = 0, max(2 * wanted, 64)
        while read < MOST_READ:
            rows = self.db.execute(sql, [*self.params, chunk, read]).fetchall()
            read += len(rows)
            keyed += [(sign * value, sign * deal_id) for deal_id, _, value in rows if value is not None]
            keyed.sort()
            if len(rows) < chunk:  # the walk reached the end: every valued deal is in `keyed`
                return [sign * deal_id for _, deal_id in keyed[:wanted]]
            if len(keyed) >= wanted:
                reached = float(rows[-1][1])
                # The furthest any unread deal can convert to: its dollars are beyond `reached` in the walk.
                if descending and -keyed[wanted - 1][0] > reached * (most if reached >= 0 else least):
                    return [-deal_id for _, deal_id in keyed[:wanted]]
                if not descending and keyed[wanted - 1][0] < reached * (least if reached >= 0 else most):
                    return [deal_id for _, deal_id in keyed[:wanted]]
            chunk *= 2
        return None


def _unvalued(db: Database, code: str, clause: str, params: Sequence[Any], wanted: int) -> list[int]:
    """The first `wanted` ids (ascending) of the deals without a converted value: those without dollars,
    and those whose day has no rate; all of them when fewer."""
    no_usd = [row[0] for row in db.execute(
        f"SELECT d.id FROM deals d WHERE {clause} AND d.usd_value IS NULL ORDER BY d.id LIMIT ?", [*params, wanted])]
    days = _unpriced_days(db, code)
    # Two queries, not an OR: each finds its few deals on an index of the date.
    no_rate = [row[0] for row in db.execute(
        f"SELECT d.id FROM deals d WHERE {clause} AND d.usd_value IS NOT NULL AND d.date IN "
        f"(SELECT value FROM json_each(?)) ORDER BY d.id LIMIT ?", [*params, days, wanted])]
    no_rate += [row[0] for row in db.execute(
        f"SELECT d.id FROM deals d WHERE {clause} AND d.date IS NULL AND d.usd_value IS NOT NULL "
        f"AND {display.value_sql(code)} IS NULL ORDER BY d.id LIMIT ?", [*params, wanted])]
    return sorted(no_usd + no_rate)[:wanted]


def _unpriced_days(db: Database, code: str) -> str:
    """The dates (a JSON list) of live dollar-valued deals that have no rate in `code`, read on m012's
    (date, usd_value) index: a tenth of a second at a million deals, once per change of data or rates."""
    return str(_kept(db, code, "days", lambda: db.execute(
        f"SELECT json_group_array(g.date) FROM (SELECT d.date FROM deals d WHERE {_LIVE} "
        "AND d.date IS NOT NULL AND d.usd_value IS NOT NULL GROUP BY d.date) g WHERE NOT EXISTS "
        f"(SELECT 1 FROM {display.RATES} r WHERE r.currency = ? AND r.day = substr(g.date, 1, 10))", [code]
    ).fetchone()[0]))


def _kept(db: Database, code: str, name: str, work: Callable[[], Any]) -> Any:
    """work()'s result, kept until the data or the rates change (each moves data_version or total_changes)."""
    key = (code, int(db.execute("PRAGMA data_version").fetchone()[0]), db.conn.total_changes)
    kept = _KEPT.get(db)
    if kept is None or kept[0] != key:
        kept = _KEPT[db] = (key, {})
    if name not in kept[1]:
        kept[1][name] = work()
    return kept[1][name]
