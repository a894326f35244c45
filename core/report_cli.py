"""`main.py report`: the Insights view's figures in the terminal, as a table or as JSON for scripts."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any, TextIO

from core.model import ROLES, DealQuery
from core.text_safety import json_safe, one_line, printable

BY = ("month", "quarter", "year", "type", "sector", "country", "party")
LEAGUE_GROUPS = ("acquirer", "investor", "lender", "government")


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """The `report` subcommand on main.py's subparsers."""
    report = sub.add_parser("report", help="print deal flow, breakdowns or league tables of the stored deals")
    report.add_argument("--db", help="the database file (default: your data folder's deals.db)")
    report.add_argument("--by", choices=BY, help="group by period, type, sector, country (from the deal's "
                        "location) or party (default: year; party when --role is given)")
    report.add_argument("--role", choices=(*LEAGUE_GROUPS, *(r for r in ROLES if r not in LEAGUE_GROUPS)),
                        help="with --by party: only parties in this role (acquirer takes buyers too; government "
                        "takes every government party)")
    report.add_argument("--search", default="", help="only deals matching these words")
    report.add_argument("--rank", choices=("count", "value"), default="count",
                        help="with --by party: most deals first (count) or largest US-dollar total (value)")
    report.add_argument("--limit", type=int, default=20, help="with --by party: how many parties (default 20)")
    report.add_argument("--json", action="store_true", help="print JSON rows instead of a table")
    return report


def usd(value: float) -> str:
    """US$9.2bn, as the status bar writes a total."""
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            scaled = value / size
            break
    else:
        scaled, suffix = value, ""
    digits = f"{scaled:.0f}" if abs(scaled) >= 100 else f"{scaled:.2f}".rstrip("0").rstrip(".")
    return f"US${digits}{suffix}"


def rows(store: Any, args: argparse.Namespace) -> tuple[list[str], list[dict[str, Any]]]:
    """The report's column names and rows (dicts), as --json prints them."""
    from core import insights

    query = DealQuery(search=args.search)
    by = args.by or ("party" if args.role else "year")
    if args.role and by != "party":
        raise ValueError(f"--role goes with --by party, not --by {by}")
    if by in insights.PERIODS:
        flow = insights.flow(store, query, by)
        return ["period", "type", "count", "usd_total"], [
            {"period": r.period or "undated", "type": r.type, "count": r.count, "usd_total": r.usd_total} for r in flow]
    if by == "party":
        if args.limit < 1:
            raise ValueError("--limit must be 1 or more")
        league = insights.league(store, query, args.role or "", args.limit, args.rank)
        return ["entity_id", "name", "count", "usd_total"], [
            {"entity_id": r.entity_id, "name": r.name, "count": r.count, "usd_total": r.usd_total} for r in league]
    column = insights.COUNTRY_HEADING if by == "country" else by
    return [column, "count", "usd_total"], [
        {column: r.value or "unknown", "count": r.count, "usd_total": r.usd_total}
        for r in insights.breakdown(store, query, by)]


def write(columns: list[str], found: list[dict[str, Any]], as_json: bool, out: TextIO) -> None:
    if as_json:
        out.write(json_safe(json.dumps(found, ensure_ascii=False, indent=2)) + "\n")
        return
    if not found:
        out.write("no deals\n")
        return
    shown = [c for c in columns if c != "entity_id"]
    cells = [[usd(r[c]) if c == "usd_total" else f"{r[c]:,}" if c == "count" else one_line(str(r[c]))[:48]
              for c in shown] for r in found]
    heads = ["US$" if c == "usd_total" else "deals" if c == "count" else c for c in shown]
    widths = [max([len(h), *(len(row[i]) for row in cells)]) for i, h in enumerate(heads)]
    numeric = {i for i, c in enumerate(shown) if c in ("count", "usd_total")}

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if i in numeric else v.ljust(w) for i, (v, w) in enumerate(zip(values, widths)))

    out.write(printable(line(heads)).rstrip() + "\n")
    for row in cells:
        out.write(printable(line(row)).rstrip() + "\n")
    if columns[0] not in ("sector", "entity_id"):  # a deal is in one period, type and place, but several sectors
        total = sum(r["count"] for r in found)
        out.write(f"{total:,} deals · {usd(sum(r['usd_total'] for r in found))}\n")


def run(args: argparse.Namespace, open_store: Callable[[str | None], Any]) -> int:
    """Print the report; a bad choice of options is one line on standard error and exit code 2."""
    store = open_store(args.db)
    try:
        try:
            columns, found = rows(store, args)
        except ValueError as exc:
            print(f"deal-tracker report: {printable(str(exc))}", file=sys.stderr)
            return 2
        write(columns, found, args.json, sys.stdout)
    finally:
        store.close()
    return 0
