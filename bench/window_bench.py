"""The window over generated databases: start-up, first paint, scrolling, search, sorting and memory.

window_start_100k runs `bench/first_paint.py --db FILE` (main.py's start-up, which prints the monotonic
clock when the deal table first paints, then quits) and takes the time from just before the process was
started. The 1,000,000-deal figures come from child processes (`window_bench.py --child DB`) that
time each step in-process and print one JSON line:

- first_paint: Store.open (gui.app.open_store) + MainWindow + show, until the table's viewport has painted;
  then the child waits for the facet counts (reported as facets_s, not a figure) before going on;
- scroll_end: QTableView.scrollToBottom until the viewport has painted again (the last page comes from the store);
- search: what the model does when the search box changes, for 50 words from most to least frequent:
  set_query with the window's current_query() (the count) and the first page of ids and rows; each
  child reports the 95th percentile;
- sort: a header click (sortByColumn) by value, then by date, each until painted; the slower median counts;
- memory: peak RSS (ru_maxrss) of a child that only opens, paints, scrolls to the end, searches once and sorts once.

Every process runs with QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import gen_db  # noqa: E402

START_ROUNDS = 5
CHILD_ROUNDS = 5
PAINT_TIMEOUT_S = 60.0


def _env() -> dict[str, str]:
    # Start-up as an installed program sees it: with bytecode cached (the sandbox's shell may turn that off).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "QT_QPA_PLATFORM": "offscreen"}


def skip_todays_backup(db: Path) -> None:
    """Tell the window that today's backup of `db` exists, by a hard link under today's backup name.

    The window copies its database on the first open of each day (gui/database/watch.py): 3.6 GB for the
    million deals, minutes of disk and CPU beside the measurements. A generated database needs no backup.
    """
    from core.store.file import backup_folder, list_backups

    if any(b.taken.date() == datetime.now().date() for b in list_backups(db)):
        return
    folder = backup_folder(db)
    folder.mkdir(exist_ok=True)
    for old in folder.glob(f"{db.stem}-*.db"):
        old.unlink()
    os.link(db, folder / f"{db.stem}-{datetime.now():%Y%m%d}-000000.db")


def window_start(db: Path, rounds: int = START_ROUNDS) -> float:
    """Median seconds from starting the window on `db` (bench/first_paint.py) to its first painted table."""
    times = []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as data_dir:
            started = time.monotonic()
            proc = subprocess.Popen([sys.executable, str(ROOT / "bench" / "first_paint.py"), "--db", str(db),
                                     "--data-dir", data_dir], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    text=True, env=_env())
            try:
                out, err = proc.communicate(timeout=120)
            except subprocess.TimeoutExpired:
                proc.kill()  # a dialog waiting for a click, most likely: say so rather than hang
                out, err = proc.communicate()
            painted = [line for line in out.splitlines() if line.startswith("bench: painted at ")]
            if proc.returncode != 0 or not painted:
                raise RuntimeError(f"first_paint.py did not report a paint (exit {proc.returncode}):\n{err[-2000:]}")
            times.append(float(painted[0].rsplit(" ", 1)[1]) - started)
    return statistics.median(times)


def run_child(db: Path, memory_only: bool = False) -> dict[str, Any]:
    args = [sys.executable, __file__, "--child", str(db)] + (["--memory-only"] if memory_only else [])
    proc = subprocess.run(args, capture_output=True, text=True, env=_env(), timeout=1800)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("result: ")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"window_bench child failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    return dict(json.loads(lines[-1].removeprefix("result: ")))


def child(db: Path, memory_only: bool) -> None:
    """One window over `db`, timed step by step; prints `result: {json}`."""
    from PySide6.QtCore import QEvent, QObject, QSettings, Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    from gui.app import open_store
    from gui.deals.model import Column
    from gui.main_window import MainWindow

    class PaintCounter(QObject):
        count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    painter = PaintCounter()

    def until_painted(before: int) -> None:
        deadline = time.perf_counter() + PAINT_TIMEOUT_S
        while painter.count == before:  # processEvents returns once the paint it delivered is done
            app.processEvents()
            if time.perf_counter() > deadline:
                raise RuntimeError("the table never painted")

    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        started = time.perf_counter()
        store = open_store(db)
        result["open_s"] = time.perf_counter() - started
        window = MainWindow(store, settings)
        window.resize(1400, 900)
        window.table.viewport().installEventFilter(painter)
        window.show()
        until_painted(0)
        result["first_paint_s"] = time.perf_counter() - started
        # The facet counts follow on the thread pool; a user looks at the list meanwhile. Wait for them,
        # so that the figures below measure the list, not the list sharing two cores with the counts.
        counted: list[float] = []
        window.list_query.facets.finished.connect(lambda *_: counted.append(time.perf_counter()))
        deadline = time.perf_counter() + 600
        while not counted and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.01)
        result["facets_s"] = counted[0] - started if counted else None

        before, started = painter.count, time.perf_counter()
        window.table.scrollToBottom()
        until_painted(before)
        result["scroll_end_s"] = time.perf_counter() - started
        last = window.table.rowAt(window.table.viewport().height() - 2)
        if last < window.model.rowCount() - 2:
            raise RuntimeError(f"scrolled to row {last} of {window.model.rowCount()}")

        words = gen_db.search_words(50)[:1] if memory_only else gen_db.search_words(50)
        searches, hits = [], []
        search = window.search
        for word in words:
            search.blockSignals(True)  # the query is applied below, timed, instead of after the debounce
            search.setText(word)
            search.blockSignals(False)
            query = window.list_query.current_query()
            started = time.perf_counter()
            window.model.set_query(query)
            window.model.index(0, Column.TITLE).data()  # the first page: ids and rows
            searches.append(time.perf_counter() - started)
            hits.append(window.model.rowCount())
            app.processEvents()
        result["search_ms"] = [s * 1000 for s in searches]
        result["search_hits"] = hits
        result["search_sort"] = window.model.query.sort
        search.blockSignals(True)
        search.clear()
        search.blockSignals(False)
        window.model.set_query(window.list_query.current_query())
        app.processEvents()

        sorts: dict[str, list[float]] = {"value": [], "date": []}
        plan = [(Column.VALUE, Qt.SortOrder.DescendingOrder), (Column.DATE, Qt.SortOrder.AscendingOrder),
                (Column.VALUE, Qt.SortOrder.AscendingOrder), (Column.DATE, Qt.SortOrder.DescendingOrder)]
        for column, order in plan[:2] if memory_only else plan * 2:
            before, started = painter.count, time.perf_counter()
            window.table.sortByColumn(column, order)
            until_painted(before)
            sorts[column.sort_key].append((time.perf_counter() - started) * 1000)
            app.processEvents()
        result["sort_ms"] = sorts
        result["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        window.close()
        store.close()
    print("result: " + json.dumps(result), flush=True)


def figures_1m(db: Path, rounds: int = CHILD_ROUNDS) -> list[tuple[str, float, str]]:
    runs = [run_child(db) for _ in range(rounds)]
    memory_runs = [run_child(db, memory_only=True) for _ in range(3)]
    memory = statistics.median(r["max_rss_mb"] for r in memory_runs)
    # Every child's own numbers (the first search of a session, the facet counts), for whoever digs deeper.
    (gen_db.CACHE / "window-children.json").write_text(json.dumps({"runs": runs, "memory": memory_runs}, indent=1))
    p95 = [statistics.quantiles(r["search_ms"], n=20)[-1] for r in runs]
    sort = max(statistics.median(s for r in runs for s in r["sort_ms"][key]) for key in ("value", "date"))
    return [
        ("first_paint_1m", statistics.median(r["first_paint_s"] for r in runs), "s"),
        ("scroll_end_1m", statistics.median(r["scroll_end_s"] for r in runs), "s"),
        ("search_p95_1m", statistics.median(p95), "ms"),
        ("sort_1m", sort, "ms"),
        ("memory_1m", memory, "MB"),
    ]


def main() -> list[tuple[str, float, str]]:
    small, big = gen_db.database(100_000), gen_db.database(1_000_000)
    for db in (small, big):
        skip_todays_backup(db)
    figures = [("window_start_100k", window_start(small), "s")]
    print(f"bench: {figures[0][0]} {figures[0][1]:.3f} {figures[0][2]}", flush=True)
    for name, value, unit in figures_1m(big):
        print(f"bench: {name} {value:.3f} {unit}", flush=True)
        figures.append((name, value, unit))
    return figures


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]), memory_only="--memory-only" in sys.argv)
    else:
        main()
