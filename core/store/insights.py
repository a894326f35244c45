"""Deal flow, breakdowns and league tables: SQL aggregates over the deals a DealQuery lists."""

from __future__ import annotations

import dataclasses
import json
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from core.model import DealQuery
from core.store.query import filtered, period_bounds

PERIODS = ("month", "quarter", "year")
BREAKDOWNS = ("type", "sector", "country")
# A deal's country, derived from its location with place data (core/places.py, migration m009).
COUNTRY_COLUMN, COUNTRY_HEADING = "d.country", "country"
# League tables: a group of party roles each. Governments are also every party whose registry kind is
# government, whatever its role in the deal (a state that signs an MoU is a "partner" there).
LEAGUE_ROLES: dict[str, tuple[str, ...]] = {
    "acquirer": ("acquirer", "buyer"),
    "investor": ("investor",),
    "lender": ("lender",),
    "government": ("government",),
}


@dataclass(frozen=True)
class FlowRow:
    """Deals of one type in one period ("" for deals without a date), counted and summed in US dollars."""

    period: str
    type: str
    count: int
    usd_total: float


@dataclass(frozen=True)
class BreakdownRow:
    """Deals with one value of a field ("" when unknown); a deal in two sectors counts in each."""

    value: str
    count: int
    usd_total: float


@dataclass(frozen=True)
class LeagueRow:
    """A party's deals in a role: how many, and their US-dollar total (each deal's value once)."""

    entity_id: int
    name: str
    count: int
    usd_total: float


# A deal's period is the chosen one, or its date's own when that is coarser: a deal known only to the
# quarter sits in "2025-Q3", never in the quarter's first month, so a month's bar holds only its month.
_YEAR = "substr(d.date, 1, 4)"
_HALF = f"{_YEAR} || '-H' || (CASE WHEN substr(d.date, 6, 2) <= '06' THEN 1 ELSE 2 END)"
_QUARTER = f"{_YEAR} || '-Q' || ((CAST(substr(d.date, 6, 2) AS INTEGER) + 2) / 3)"
_COARSE = f"WHEN length(d.date) < 7 OR d.date_precision = 'year' THEN {_YEAR} WHEN d.date_precision = 'half' THEN {_HALF}"
PERIOD_SQL = {
    "year": _YEAR,
    "quarter": f"CASE {_COARSE} ELSE {_QUARTER} END",
    "month": f"CASE {_COARSE} WHEN d.date_precision = 'quarter' THEN {_QUARTER} ELSE substr(d.date, 1, 7) END",
}


# The deals a query lists, narrowed to the columns the figures read, in a temp table: the flow, three
# breakdowns and four league tables then read short rows by id instead of the wide deals table eight
# times (a league joins each party's deals: 350 ms a role at 100,000 deals, 20 ms against this).
_SELECTION = "temp.insight_deals"
_BUILT: weakref.WeakKeyDictionary[Database, tuple[Any, ...]] = weakref.WeakKeyDictionary()
# Every live deal, the view's first and slowest case, needs no copy: m012's covering indexes hold each
# figure's columns in its GROUP BY's order, so SQLite walks them and sorts nothing (390 ms -> ~100 ms).
_LIVE = "d.deleted_at IS NULL"
_WHOLE_INDEXES = ("deals_flow", "deals_sectors_usd", "deals_country_usd", "deals_id_usd")
_HAS_INDEXES: weakref.WeakKeyDictionary[Database, bool] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class _Source:
    """Where a figure reads its deals: FROM and WHERE over `d`, each index named when reading the table."""

    table: str
    where: str = "1"
    whole: bool = False

    def deals(self, index: str) -> str:
        return f"{self.table} INDEXED BY {index}" if self.whole else self.table


def _data_key(db: Database) -> tuple[int, int]:
    return int(db.execute("PRAGMA data_version").fetchone()[0]), db.conn.total_changes


def _has_indexes(db: Database) -> bool:
    # A reader never migrates: a file from before m012 is read through the selection, as before.
    if db not in _HAS_INDEXES:
        marks = ", ".join("?" * len(_WHOLE_INDEXES))
        found = db.execute(f"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ({marks})",
                           _WHOLE_INDEXES).fetchone()[0]
        _HAS_INDEXES[db] = int(found) == len(_WHOLE_INDEXES)
    return _HAS_INDEXES[db]


def _source(db: Database, query: DealQuery) -> _Source:
    """The live deals' table itself for a query without filters, else the selection of its deals."""
    found = filtered(db, query)
    if found is not None and found[0] == _LIVE and _has_indexes(db):
        return _Source("deals d", _LIVE, whole=True)
    _select(db, query, found)
    return _Source(f"{_SELECTION} d")


def _select(db: Database, query: DealQuery, found: tuple[str, list[Any]] | None) -> None:
    """Fill the selection with the query's deals, unless it holds them already (same filters, same data)."""
    wanted = dataclasses.replace(query, sort="id", descending=False)  # the order changes no figure
    if _BUILT.get(db) == (wanted, *_data_key(db)):
        return
    db.execute(f"DROP TABLE IF EXISTS {_SELECTION}")
    db.execute(f"CREATE TABLE {_SELECTION} (id INTEGER PRIMARY KEY, type TEXT, date TEXT, date_precision TEXT, "
               f"country TEXT, sectors TEXT, usd_value REAL)")
    if found is not None:
        clause, params = found
        db.execute(f"INSERT INTO {_SELECTION} SELECT d.id, d.type, d.date, d.date_precision, {COUNTRY_COLUMN}, "
                   f"d.sectors, d.usd_value FROM deals d WHERE {clause} ORDER BY d.id", params)
    _BUILT[db] = (wanted, *_data_key(db))  # after our own writes to temp, which move total_changes


def forget_selection(db: Database) -> None:
    """Drop the kept selection, so the next figure selects afresh (the benchmark measures a first view)."""
    db.execute(f"DROP TABLE IF EXISTS {_SELECTION}")
    _BUILT.pop(db, None)


def period_key(period: str) -> tuple[str, int]:
    """Periods in time order; a year before its halves, quarters and months, which start with it."""
    if not period:
        return ("~", 0)  # undated last
    start = period_bounds(period)[0]
    return (start if len(start) == 7 else f"{start}-01", -len(period))


def flow(db: Database, query: DealQuery, period: str) -> list[FlowRow]:
    if period not in PERIOD_SQL:
        raise ValueError(f"unknown period {period!r}; known: {', '.join(PERIODS)}")
    src = _source(db, query)
    # Deals first grouped by their date's month (and precision): a few thousand cells, in the order of
    # m012's deals_flow, then by period; substr(date, 1, 7) gives each period what it needs of the date.
    cells = (f"SELECT d.type, substr(d.date, 1, 7) AS date, d.date_precision, count(*) AS n, "
             f"total(d.usd_value) AS v FROM {src.deals('deals_flow')} WHERE {src.where} GROUP BY 1, 2, 3")
    sql = (f"SELECT coalesce({PERIOD_SQL[period]}, '') AS period, d.type, sum(d.n), total(d.v) "
           f"FROM ({cells}) d GROUP BY period, d.type")
    rows = [FlowRow(str(p), str(t), int(n), float(v)) for p, t, n, v in db.execute(sql)]
    return sorted(rows, key=lambda row: (period_key(row.period), -row.count, row.type))


def breakdown(db: Database, query: DealQuery, by: str) -> list[BreakdownRow]:
    """Count and US-dollar total per type, sector or country, most deals first."""
    if by not in BREAKDOWNS:
        raise ValueError(f"unknown breakdown {by!r}; known: {', '.join(BREAKDOWNS)}")
    src = _source(db, query)
    column, index = {"type": ("type", "deals_flow"), "sector": ("sectors", "deals_sectors_usd"),
                     "country": ("country", "deals_country_usd")}[by]
    grouped = db.execute(f"SELECT d.{column} AS v, count(*), total(d.usd_value) FROM {src.deals(index)} "
                         f"WHERE {src.where} GROUP BY d.{column}").fetchall()
    if by == "sector":
        # Deals share a few hundred sector lists: sum per list in SQL, then split the lists here.
        sums: dict[str, tuple[int, float]] = {}
        for sectors, n, usd in grouped:
            for sector in json.loads(sectors or "[]") or [""]:
                count, total = sums.get(str(sector), (0, 0.0))
                sums[str(sector)] = (count + int(n), total + float(usd))
        grouped = [(sector, n, usd) for sector, (n, usd) in sums.items()]
    rows = [BreakdownRow(str(v or ""), int(n), float(usd)) for v, n, usd in grouped]
    return sorted(rows, key=lambda row: (-row.count, -row.usd_total, row.value))


def _role_parties(role: str) -> tuple[str, list[Any]]:
    """A SELECT of (entity_id, deal_id) pairs in a role group, each pair once."""
    if not role:
        return "SELECT DISTINCT entity_id, deal_id FROM deal_parties", []
    roles: Sequence[str] = LEAGUE_ROLES.get(role, (role,))
    sql = f"SELECT entity_id, deal_id FROM deal_parties WHERE role IN ({', '.join('?' * len(roles))})"
    if role == "government":
        # A union, not an OR on the join: each side walks an index of its own (m010's role index, m003's entity one).
        sql += (" UNION SELECT entity_id, deal_id FROM deal_parties "
                "WHERE entity_id IN (SELECT id FROM entities WHERE kind = 'government')")
    elif len(roles) > 1:
        sql = sql.replace("SELECT", "SELECT DISTINCT", 1)
    return sql, list(roles)


def league(db: Database, query: DealQuery, role: str = "", limit: int = 20, by: str = "count") -> list[LeagueRow]:
    """The parties in `role` (a LEAGUE_ROLES group or any party role; "" for any) with the most deals the
    query lists, or the largest US-dollar total with by="value"."""
    if by not in ("count", "value"):
        raise ValueError(f"unknown league order {by!r}; known: count, value")
    src = _source(db, query)
    pairs, role_params = _role_parties(role)
    order = "n DESC, v DESC" if by == "count" else "v DESC, n DESC"
    # A party named twice in one deal (acquirer and buyer) counts and sums that deal once: pairs are distinct.
    sql = (f"SELECT x.entity_id, e.name, x.n, x.v FROM (SELECT p.entity_id, count(*) AS n, total(d.usd_value) AS v "
           f"FROM ({pairs}) p JOIN {src.deals('deals_id_usd')} ON d.id = p.deal_id AND {src.where} GROUP BY p.entity_id) x "
           f"JOIN entities e ON e.id = x.entity_id ORDER BY {order}, e.name LIMIT ?")
    rows = db.execute(sql, [*role_params, int(limit)])
    return [LeagueRow(int(i), str(name), int(n), float(v)) for i, name, n, v in rows]
