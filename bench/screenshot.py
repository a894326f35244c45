"""Render screenshots of the window on a fresh database of the bundled samples, one a size.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/screenshot.py docs/screenshot.png [WIDTHxHEIGHT]
(1600x1000 when no size is given: the README's).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.importer import import_sources  # noqa: E402
from core.store import Store  # noqa: E402
from gui.app import APPLICATION, ORGANIZATION  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from gui.resources import app_icon, sample_paths  # noqa: E402
from gui.search.query import FACETS_DELAY_MS  # noqa: E402

SIZE = (1600, 1000)


def main(argv: list[str]) -> int:
    target = Path(argv[1] if len(argv) > 1 else "docs/screenshot.png")
    size = SIZE
    if len(argv) > 2:
        width, _, height = argv[2].partition("x")
        if not (width.isdigit() and height.isdigit()):
            print(f"screenshot: {argv[2]!r} is not a size like 1366x768", file=sys.stderr)
            return 2
        size = (int(width), int(height))
    target.parent.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setWindowIcon(app_icon())
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "deals.db")
        results = import_sources(store, sample_paths(), published=None)
        refused = [r for r in results if r.error]
        for result in refused:
            print(f"{result.source}: {result.error}", file=sys.stderr)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(store, settings)
        window.resize(*size)
        window.show()
        app.processEvents()
        window.table.selectRow(0)
        window.table.setFocus()
        # Point the article pane at the first field that has evidence, so the highlight shows.
        deal = window.detail.deal
        if deal is not None:
            for field in ("amounts", "parties", "date", "type", "title", "location"):
                if window.evidence_for(deal, field) is not None:
                    window.detail.field_selected.emit(field, -1)
                    break
        # The filter panel's counts follow the list after a short pause (FACETS_DELAY_MS): wait for them.
        QTest.qWait(FACETS_DELAY_MS * 3)
        ok = window.grab().save(str(target))
        rows = window.model.rowCount()
        window.close()
        store.close()
    print(f"{target}: {size[0]}x{size[1]}, {rows} deals" + ("" if ok else " (could not save)"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
