"""The Insights view at 100,000 deals: recomputing every figure after a filter change, and redrawing the charts.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/insights_bench.py            # prints `name: value` lines
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/insights_bench.py --screenshot docs/insights.png [WxH]

insights_100k is what the view waits for after a filter change: core.insights.compute (the flow, three
breakdowns and four league tables) on a read-only connection, as the view's worker runs it, the median over
several filters. insights_100k_all is the same with no filter (every live deal), the slowest case.
insights_redraw_100k is the view drawing those figures (offscreen), month by month.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from core.insights import compute  # noqa: E402
from core.model import DealQuery  # noqa: E402
from core.store import Store  # noqa: E402
from core.store.insights import forget_selection  # noqa: E402

# Filter changes a person makes: a type, a year, a sector, a search word, a type within a year.
FILTERS = (
    DealQuery(types=("acquisition",)), DealQuery(years=(2020,)), DealQuery(sectors=("semiconductors",)),
    DealQuery(search="solar"), DealQuery(types=("investment",), years=(2023,)), DealQuery(periods=("2019-Q2",)),
)
ROUNDS = 3


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def measure(path: Path) -> list[tuple[str, float, str]]:
    reader = Store.open_reader(path)
    try:
        compute(reader, DealQuery())  # pages into the cache, as the window's first view does
        changes = []
        for _ in range(ROUNDS):
            for query in FILTERS:
                start = time.perf_counter()
                compute(reader, query)
                changes.append(_ms(start))
        whole = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            found = compute(reader, DealQuery(), "month")
            whole.append(_ms(start))
            forget_selection(reader.db)
    finally:
        reader.close()
    return [("insights_100k", round(statistics.median(changes)), "ms"),
            ("insights_100k_all", round(statistics.median(whole)), "ms"),
            ("insights_redraw_100k", round(_redraw(found)), "ms")]


def _redraw(found: object) -> float:
    from PySide6.QtWidgets import QApplication

    from gui.insights.view import InsightsView

    app = QApplication.instance() or QApplication([])
    view = InsightsView()
    view.setMinimumSize(800, 300)  # the offscreen platform warns when a window derives one itself
    view.resize(1600, 450)
    view.show()
    app.processEvents()
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        view.show_insights(found)  # type: ignore[arg-type]
        view.grab()  # the paint, not only the scene's new items
        times.append(_ms(start))
    view.close()
    return statistics.median(times)


def screenshot(target: Path, size: tuple[int, int]) -> int:
    """The window on the bundled sample articles, with the Insights dock shown."""
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from core.importer import import_sources
    from gui.main_window import MainWindow
    from gui.resources import sample_paths

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "deals.db")
        import_sources(store, sample_paths(), published=None)
        window = MainWindow(store, QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
        window.resize(*size)
        window.show()
        window.insights.action.setChecked(True)
        QTest.qWait(900)
        app.processEvents()
        ok = window.grab().save(str(target))
        window.close()
        store.close()
    print(f"{target}: {size[0]}x{size[1]}" + ("" if ok else " (could not save)"))
    return 0 if ok else 1


def main() -> list[tuple[str, float, str]]:
    import gen_db

    results = measure(gen_db.database(100_000))
    for name, value, unit in results:
        print(f"{name}: {value:g} {unit}")
    return results


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--screenshot":
        width, _, height = (sys.argv[3] if len(sys.argv) > 3 else "1600x1000").partition("x")
        sys.exit(screenshot(Path(sys.argv[2]), (int(width), int(height))))
    main()
