"""Display currency and export figures on the generated databases: prints `name: value` lines.

    .venv/bin/python bench/exports_bench.py [DEALS ...]   # default: 100000 1000000
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import gen_db  # noqa: E402
from core import fx  # noqa: E402
from core.export import write_csv, write_json  # noqa: E402
from core.export_xlsx import write_xlsx  # noqa: E402
from core.model import DealQuery  # noqa: E402
from core.store import Store  # noqa: E402

EXPORTED = 5_000


class _First:
    """The first deals of a store only: the export rate without writing a million deals each run."""

    def __init__(self, store: Store, count: int) -> None:
        self._store, self._count = store, count

    def iter_deals(self, query: DealQuery | None = None) -> Any:
        return itertools.islice(self._store.iter_deals(query), self._count)


def _ms(work: Any, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return round(best * 1000, 1)


def measure(deals: int) -> list[tuple[str, float, str]]:
    path = gen_db.database(deals)
    out: list[tuple[str, float, str]] = []
    started = time.perf_counter()
    rates = fx.per_usd_by_day("EUR")
    out.append(("display_rates_first_s", round(time.perf_counter() - started, 2), "s"))
    store = Store.open(path)
    try:
        out.append(("display_rates_set_ms", _ms(lambda: store.set_display_rates("EUR", rates), 1), "ms"))
        usd = DealQuery(sort="usd", descending=True)
        eur = dataclasses.replace(usd, currency="EUR")
        n = f"_{deals // 1000}k"
        store.count_deals(usd)
        out.append(("sort_usd_page" + n, _ms(lambda: store.deal_rows(store.deal_ids(usd, 0, 200), "USD")), "ms"))
        out.append(("sort_eur_page" + n, _ms(lambda: store.deal_rows(store.deal_ids(eur, 0, 200), "EUR")), "ms"))
        middle = store.count_deals(eur) // 2
        out.append(("sort_eur_middle_page" + n, _ms(lambda: store.deal_ids(eur, middle, 200), 1), "ms"))
        out.append(("rows_eur_by_date" + n, _ms(lambda: store.deal_rows(
            store.deal_ids(dataclasses.replace(eur, sort="date"), 0, 200), "EUR")), "ms"))
        out.append(("totals_usd" + n, _ms(lambda: store.totals(usd), 1), "ms"))
        out.append(("totals_eur" + n, _ms(lambda: store.totals(eur), 1), "ms"))
        first = _First(store, EXPORTED)
        for name, work in (("csv", lambda: write_csv(first, io.StringIO(), bom=True)),
                           ("json", lambda: write_json(first, io.StringIO())),
                           ("xlsx", lambda: write_xlsx(first, io.BytesIO()))):
            seconds = _ms(work, 1) / 1000
            out.append((f"export_{name}_deals_per_s", round(EXPORTED / seconds), "deals/s"))
    finally:
        store.close()
    return out


def main(sizes: tuple[int, ...] = (100_000, 1_000_000)) -> list[tuple[str, float, str]]:
    results = []
    for deals in sizes:
        for name, value, unit in measure(deals):
            print(f"{name}: {value} {unit}", flush=True)
            results.append((name, value, unit))
    return results


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or (100_000, 1_000_000))
