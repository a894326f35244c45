"""Watch lists over a generated database: a page's flags, the Watched filter's count and page, every watch's count.

A copy of the cached database (bench/gen_db.py) gets one watch of each kind, chosen to match many deals: the
busiest party, a common sector, the commonest location, a common word and US$2bn. Prints `name: value` lines.

    .venv/bin/python bench/watch_bench.py [--deals N]   # default 100000
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
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


def _ms(work: Callable[[], Any]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def measure(deals: int) -> list[tuple[str, float, str]]:
    source = gen_db.database(deals)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deals.db"
        shutil.copy(source, path)
        with Store.open(path) as store:
            db = store.db
            party = db.execute("SELECT e.name FROM entities e JOIN deal_parties p ON p.entity_id = e.id "
                               "GROUP BY e.id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
            place = db.execute("SELECT location FROM deals WHERE location IS NOT NULL GROUP BY location "
                               "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
            sector = db.execute("SELECT j.value FROM deals, json_each(deals.sectors) j LIMIT 1").fetchone()[0]
            word = gen_db.search_words(5)[0]
            for kind, value in (("party", party), ("sector", sector), ("country", place), ("keyword", word),
                                ("min_usd", "2bn")):
                store.add_watch(kind, value)
            page = store.deal_ids(DealQuery(), 0, 200)
            matched = len(store.watched_deal_ids())
            return [
                ("watch_page_flags_ms", _ms(lambda: store.watched_deal_ids(page)), "200 rows"),
                ("watch_filter_count_ms", _ms(lambda: store.count_deals(DealQuery(watched=True))),
                 f"{matched} watched deals"),
                ("watch_filter_page_ms", _ms(lambda: store.deal_ids(DealQuery(watched=True, sort="title"), 0, 200)),
                 "first page by title"),
                ("watch_counts_ms", _ms(store.watch_counts), "5 watches"),
            ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--deals", type=int, default=100_000)
    args = parser.parse_args()
    for name, value, note in measure(args.deals):
        print(f"{name}: {value:.1f}  # {note}, {args.deals:,} deals")


if __name__ == "__main__":
    main()
