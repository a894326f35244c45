"""The Insights figures of the deals a query lists: deal flow, breakdowns and league tables, for the window and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

from core.model import DealQuery
from core.store import BreakdownRow, FlowRow, LeagueRow, Store
from core.store.insights import BREAKDOWNS, COUNTRY_HEADING, LEAGUE_ROLES, PERIODS, period_key
from core.store.query import period_bounds

__all__ = ["BREAKDOWNS", "BreakdownRow", "COUNTRY_HEADING", "FlowRow", "Insights", "LEAGUE_ROLES", "LeagueRow",
           "PERIODS", "breakdown", "compute", "flow", "league", "period_bounds", "period_key"]

# The league tables the view shows, in its order, with their headings.
LEAGUE_HEADINGS = {"acquirer": "Acquirers", "investor": "Investors", "lender": "Lenders", "government": "Governments"}


def flow(store: Store, query: DealQuery, period: str = "year") -> list[FlowRow]:
    """Count and US-dollar total per period and type, in time order; period "" holds the undated deals."""
    return store.deal_flow(query, period)


def breakdown(store: Store, query: DealQuery, by: str) -> list[BreakdownRow]:
    """Count and US-dollar total per type, sector or country, most deals first."""
    return store.breakdown(query, by)


def league(store: Store, query: DealQuery, role: str = "", limit: int = 20, by: str = "count") -> list[LeagueRow]:
    """The most active parties in a role group (LEAGUE_ROLES), by deal count or by US-dollar total ("value")."""
    return store.league(query, role, limit, by)


@dataclass(frozen=True)
class Insights:
    """Everything the Insights view shows for one query, worked out together."""

    query: DealQuery
    period: str
    flow: tuple[FlowRow, ...]
    breakdowns: dict[str, tuple[BreakdownRow, ...]]  # "type", "sector", "country"
    leagues: dict[str, tuple[LeagueRow, ...]]  # LEAGUE_HEADINGS' keys
    rank_by: str = "count"


def compute(store: Store, query: DealQuery, period: str = "year", rank_by: str = "count",
            limit: int = 20) -> Insights:
    """Every figure of the view; the store selects the query's deals once and aggregates them in SQL."""
    return Insights(
        query=query,
        period=period,
        flow=tuple(flow(store, query, period)),
        breakdowns={by: tuple(breakdown(store, query, by)) for by in BREAKDOWNS},
        leagues={role: tuple(league(store, query, role, limit, rank_by)) for role in LEAGUE_HEADINGS},
        rank_by=rank_by,
    )
