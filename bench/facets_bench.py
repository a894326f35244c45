"""The filter panel's counts over the generated million deals: from a filter change to every facet counted.

Each figure is what the window's worker does after a click (gui/search/facets.py): open a reader on the file,
then Store.facets for the new query. `facets_1m` is the slowest of single clicks from the unfiltered list (a
type, a status, a sector, a year, a country, the busiest party, Needs review), each the median of ROUNDS;
`facets_1m_unfiltered` is the list with no filter. For context (no goal): two filters at once, a search, the
trash shown, the Watched facet with five watches, and the registry windows' counts. Prints `name: value` lines.

    .venv/bin/python bench/facets_bench.py [--db FILE] [--deals N]   # default: the cached 1,000,000
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import gen_db  # noqa: E402

from core.model import DealQuery  # noqa: E402
from core.store import Store  # noqa: E402

ROUNDS = 3


def _ms(work: Callable[[], Any], rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _click(path: Path, query: DealQuery) -> Callable[[], Any]:
    def count() -> Any:
        with Store.open_reader(path) as reader:  # as the worker does: a connection of its own per query
            return reader.facets(query)
    return count


def clicks(store: Store) -> dict[str, DealQuery]:
    db = store.db
    party = db.execute("SELECT value FROM deal_facets WHERE by_key = '' AND key = 'party' "
                       "ORDER BY live DESC LIMIT 1").fetchone()[0]
    sector = db.execute("SELECT value FROM deal_facets WHERE by_key = '' AND key = 'sector' "
                        "ORDER BY live DESC LIMIT 1").fetchone()[0]
    country = db.execute("SELECT value FROM deal_facets WHERE by_key = '' AND key = 'country' "
                         "ORDER BY live DESC LIMIT 1").fetchone()
    return {
        "type": DealQuery(types=("acquisition",)),
        "status": DealQuery(statuses=("announced",)),
        "sector": DealQuery(sectors=(sector,)),
        "year": DealQuery(years=(2021,)),
        "country": DealQuery(countries=(country[0],) if country else ("France",)),
        "party": DealQuery(parties=(int(party),)),
        "review": DealQuery(needs_review=True),
    }


def measure(path: Path) -> list[tuple[str, float, str]]:
    with Store.open(path) as store:
        singles = clicks(store)
    figures: list[tuple[str, float, str]] = []
    per_click = {name: _ms(_click(path, query)) for name, query in singles.items()}
    worst = max(per_click, key=per_click.__getitem__)
    figures.append(("facets_1m", per_click[worst], f"slowest single click ({worst}); "
                    + ", ".join(f"{k} {v:.0f}" for k, v in per_click.items())))
    figures.append(("facets_1m_unfiltered", _ms(_click(path, DealQuery())), "no filter"))
    both = DealQuery(types=("acquisition",), years=(2021,))
    figures.append(("facets_1m_two_filters", _ms(_click(path, both), 1), "type and year (counted, not kept)"))
    figures.append(("facets_1m_search", _ms(_click(path, DealQuery(search="battery")), 1), "search 'battery'"))
    figures.append(("facets_1m_trash", _ms(_click(path, DealQuery(include_deleted=True))), "Show deleted deals"))
    with Store.open_reader(path) as reader:
        figures.append(("party_counts_1m", _ms(reader.party_counts), "the party registry's Deals column"))
        figures.append(("sector_counts_1m", _ms(reader.sector_counts), "the sector registry's Deals column"))
    return figures


def main(argv: list[str] | None = None) -> list[tuple[str, float, str]]:
    """Prints each figure and returns them as (name, ms, "ms") for bench/run.py; reads no arguments from there."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="a generated database (default: bench/gen_db.py's, built if missing)")
    parser.add_argument("--deals", type=int, default=1_000_000)
    args = parser.parse_args([] if argv is None else argv)
    path = args.db or gen_db.database(args.deals)
    results = []
    for name, value, note in measure(path):
        print(f"{name}: {value:.0f}  # ms, {note}", flush=True)
        results.append((name, value, "ms"))
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
