"""What a filter click costs at a million deals beyond the counts: keeping the selected deal, and the Watched facet.

Selection (a window over the file, offscreen): the list shows deal D; then a filter changes and the model resets,
and the window looks for D in the new list (MainWindow._on_model_reset). Each figure is the time from set_query
to the new list's first row read, the median of ROUNDS, for D left out by the filter (`select_gone_ms`:
Acquisition while D is no acquisition), for D still listed (`select_kept_ms`: D's own type, D at its top) and
for D at row 5,000 of its type's list (`select_deep_ms`), each with the row of D read too.

Watches (Store.open_reader, as the filter panel's worker counts): five watches of bench/watch_bench.py's kinds
are added, timed (`watch_add_ms`, the slowest), then the Watched facet under no filter (`watched_facet_ms`),
every facet with the Watched filter on (`watched_filter_facets_ms`), the filter's first page by date and the
watches' counts; the watches are removed at the end, so the file is left as it was. Prints `name: value` lines.

    .venv/bin/python bench/filter_click_bench.py [--db FILE] [--deals N] [--skip-window]   # default: the 1,000,000
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import gen_db  # noqa: E402
from window_bench import skip_todays_backup  # noqa: E402

from facets_bench import ROUNDS, _ms  # noqa: E402 - the same median of rounds the facet figures use
from core.model import DealQuery  # noqa: E402
from core.store import Store  # noqa: E402


def selection(path: Path) -> list[tuple[str, float, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from gui.app import open_store
    from gui.deals.model import Column
    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    skip_todays_backup(path)
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        store = open_store(path)
        window = MainWindow(store, settings)
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        window.list_query.facets.stop()  # counts on the pool would share the two cores with what is timed
        everything = window.model.query
        first = window.model.deal_id(0)
        assert first is not None
        kind = str(store.deal(first).type)
        gone = DealQuery(types=("acquisition" if kind != "acquisition" else "merger",), sort=everything.sort,
                         descending=everything.descending)
        kept = DealQuery(types=(kind,), sort=everything.sort, descending=everything.descending)
        deep = store.deal_ids(kept, 5000, 1)[0]  # row 5,000 of its type's list: past any page a search would read
        for name, query, deal in (("select_gone_ms", gone, first), ("select_kept_ms", kept, first),
                                  ("select_deep_ms", kept, deep)):
            def click(query: DealQuery = query, deal: int = deal) -> None:
                window.model.set_query(everything)
                window._show_deal(store.deal(deal))  # the deal on show before the click, wherever it stands
                started = time.perf_counter()
                window.model.set_query(query)  # modelReset: MainWindow._on_model_reset looks for the deal
                window.model.index(0, Column.TITLE).data()  # the page the view paints first
                window.model.index(max(0, window.table.currentIndex().row()), Column.TITLE).data()  # and the deal's
                times.append((time.perf_counter() - started) * 1000)
                window.list_query.facets.stop()
            times: list[float] = []
            for _ in range(ROUNDS):
                click()
            shown = window.detail.deal.id if window.detail.deal else None
            figures.append((name, statistics.median(times), f"{query.types[0]}, deal {deal} shown after: {shown}"))
        window.close()
        store.close()
    return figures


def _watches(store: Store) -> list[tuple[str, str]]:
    db = store.db
    party = db.execute("SELECT e.name FROM deal_facets f JOIN entities e ON e.id = CAST(f.value AS INTEGER) "
                       "WHERE f.by_key = '' AND f.key = 'party' ORDER BY f.live DESC LIMIT 1").fetchone()[0]
    place = db.execute("SELECT location FROM deals WHERE location IS NOT NULL LIMIT 1").fetchone()[0]
    sector = db.execute("SELECT value FROM deal_facets WHERE by_key = '' AND key = 'sector' "
                        "ORDER BY live DESC LIMIT 1 OFFSET 5").fetchone()[0]
    word = gen_db.search_words(5)[1]
    return [("party", party), ("sector", sector), ("country", place), ("keyword", word), ("min_usd", "2bn")]


def watched(path: Path) -> list[tuple[str, float, str]]:
    figures: list[tuple[str, float, str]] = []
    with Store.open(path) as store:
        if store.watches():
            raise SystemExit(f"{path} has watches already: this bench adds its own and removes them")
        added = []
        try:
            adds = {}
            for kind, value in _watches(store):
                started = time.perf_counter()
                added.append(store.add_watch(kind, value))
                adds[kind] = (time.perf_counter() - started) * 1000
            worst = max(adds, key=adds.__getitem__)
            figures.append(("watch_add_ms", adds[worst], "slowest of five (" + ", ".join(
                f"{k} {v:.0f}" for k, v in adds.items()) + ")"))
            with Store.open_reader(path) as reader:
                matched = reader.count_deals(DealQuery(watched=True))
                figures.append(("watched_facet_ms", _ms(lambda: reader.facets(DealQuery(), ["watched"])),
                                f"{matched} watched deals"))
                on = DealQuery(watched=True)
                figures.append(("watched_filter_facets_ms", _ms(lambda: reader.facets(on), 1), "every facet"))
                figures.append(("watched_filter_page_ms", _ms(lambda: reader.deal_ids(on, 0, 200), 1),
                                "first page by date"))
                figures.append(("watch_counts_ms", _ms(reader.watch_counts, 1), "5 watches"))
        finally:
            for watch in added:
                store.remove_watch(watch.id)
    return figures


def main(argv: list[str] | None = None) -> list[tuple[str, float, str]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="a generated database (default: bench/gen_db.py's, built if missing)")
    parser.add_argument("--deals", type=int, default=1_000_000)
    parser.add_argument("--skip-window", action="store_true", help="only the watch figures")
    parser.add_argument("--skip-watches", action="store_true", help="only the selection figures")
    args = parser.parse_args([] if argv is None else argv)  # bench/run.py passes none
    path = args.db or gen_db.database(args.deals)
    results = []
    parts = ([] if args.skip_window else [selection]) + ([] if args.skip_watches else [watched])
    for part in parts:
        for name, value, note in part(path):
            print(f"{name}: {value:.0f}  # ms, {note}", flush=True)
            results.append((name, value, "ms"))
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
