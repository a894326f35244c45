"""Migration m006's fill of US-dollar values (core.store.usd_fill) over a generated database, scaled to a million deals.

A copy of the cached database has its dollar columns emptied (as a file from before m006) and is filled again
in one transaction, in a fresh process so the ECB table is read inside the timing as the migration reads it.
The fill is linear in amounts, so by default it runs on 100,000 deals and reports ten times that; pass
`--deals 1000000` to measure the million itself. Also reports the status bar's sum over every deal.

    .venv/bin/python bench/usd_fill_bench.py [--deals N]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import gen_db  # noqa: E402
from sqlite_utils import Database  # noqa: E402

from core.model import DealQuery  # noqa: E402


def measure(deals: int) -> list[tuple[str, float, str]]:
    from core.store import query
    from core.store.usd_fill import fill_usd

    source = gen_db.database(deals)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deals.db"
        shutil.copyfile(source, path)
        db = Database(path)
        with db.atomic():
            db.execute("UPDATE amounts SET usd = NULL, usd_source = NULL, usd_rate = NULL, usd_rate_date = NULL")
        t = time.perf_counter()
        with db.atomic():
            filled = fill_usd(db)
        fill_s = time.perf_counter() - t
        amounts = int(db.execute("SELECT count(*) FROM amounts").fetchone()[0])
        t = time.perf_counter()
        totals = query.totals(db, DealQuery())
        sum_ms = (time.perf_counter() - t) * 1000
        db.close()
    scale = 1_000_000 / deals
    print(f"bench: usd_fill of {deals:,} deals ({amounts:,} amounts, {filled:,} with a value): {fill_s:.2f} s; "
          f"{totals.count:,} deals sum to US${totals.usd / 1e12:.1f}tn, {totals.without_usd:,} without a value")
    results = [("usd_fill_1m", round(fill_s * scale, 1), "s"),
               (f"usd_sum_{'1m' if deals == 1_000_000 else f'{deals // 1000}k'}", round(sum_ms, 1), "ms")]
    for name, value, unit in results:
        print(f"bench: {name} {value} {unit}")
    return results


def main(argv: list[str] | None = None) -> list[tuple[str, float, str]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deals", type=int, default=100_000)
    args = parser.parse_args(argv or [])
    return measure(args.deals)


if __name__ == "__main__":
    main(sys.argv[1:])
