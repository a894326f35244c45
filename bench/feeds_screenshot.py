"""Render docs/feeds.png: the window after a real round with feeds (subscribe, poll, the inbox chosen, one deal
accepted), the feed list drawn over it. The feeds come from the tests' local site on 127.0.0.1.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/feeds_screenshot.py docs/feeds.png [WIDTHxHEIGHT]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "core"))

from PySide6.QtCore import QPoint, QSettings  # noqa: E402
from PySide6.QtGui import QColor, QPainter, QPen  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.feeds.poll import poll_feeds  # noqa: E402
from core.importer import import_sources  # noqa: E402
from core.store import Store  # noqa: E402
from core.store.feeds import Feed  # noqa: E402
from feed_site import feed_site  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from gui.resources import sample_paths  # noqa: E402
from gui.search.query import FACETS_DELAY_MS  # noqa: E402


def main(argv: list[str]) -> int:
    target = Path(argv[1] if len(argv) > 1 else "docs/feeds.png")
    width, _, height = (argv[2] if len(argv) > 2 else "1600x1000").partition("x")
    app = QApplication.instance() or QApplication(argv[:1])
    with feed_site() as site, tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "deals.db")
        import_sources(store, sample_paths()[:4], published=None)
        for path, name in (("/rss.xml", ""), ("/atom.xml", ""), ("/busy.xml", "Harbour Post")):
            store.add_feed(Feed(None, site.url + path, name=name or ("Ledger Wire deals" if "rss" in path else
                                                                     "Ledger Wire Atom"), keywords=""))
        report = poll_feeds(store, pause=0, budget=None)
        window = MainWindow(store, QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
        window.resize(int(width), int(height))
        window.show()
        app.processEvents()
        window.filters.set_checked("inbox", "yes")
        QTest.qWait(FACETS_DELAY_MS * 3)
        window.table.selectRow(0)
        window.feeds.accept_selected()
        QTest.qWait(FACETS_DELAY_MS * 3)
        window.table.selectRow(0)
        dialog = window.feeds.show_dialog()
        dialog.resize(int(int(width) * 0.72), 300)
        dialog.table.selectRow(2)
        dialog.status.setText(f"Polled {len(report.per_feed)} feeds: {len(report.new_deal_ids)} new deals; "
                              f"{len(report.failed)} failed (see Last error).")
        app.processEvents()
        picture = window.grab()
        painter = QPainter(picture)
        corner = QPoint(picture.width() - dialog.width() - 40, picture.height() - dialog.height() - 60)
        painter.drawPixmap(corner, dialog.grab())
        painter.setPen(QPen(QColor("#555555"), 2))  # the offscreen platform draws no window frame
        painter.drawRect(corner.x() - 1, corner.y() - 1, dialog.width() + 1, dialog.height() + 1)
        painter.end()
        ok = picture.save(str(target))
        title = window.windowTitle()
        window.close()
        store.close()
    print(f"{target}: {width}x{height}, title {title!r}" + ("" if ok else " (could not save)"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
