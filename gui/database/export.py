"""File > Export: the deals of the filtered list as CSV, JSON or an Excel workbook, a big file written on the pool."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSettings, QStandardPaths, QThreadPool, Signal
from PySide6.QtGui import QAction

from core.errors import DealsError
from core.model import DealQuery
from core.store import Store
from gui.context import Context
from gui.dialogs import show_error
from gui.formatting import plural

log = logging.getLogger(__name__)

FOLDER_KEY = "export/folder"
# Below this a whole export takes well under a second (a workbook of 5,000 deals about one); above it
# it is written from a connection of its own on the pool, and the window stays in use.
THREAD_ABOVE_BYTES = 8 * 1024 * 1024
_FILTERS = {"csv": "CSV files (*.csv)", "json": "JSON files (*.json)", "xlsx": "Excel workbooks (*.xlsx)"}


class ExportSignals(QObject):
    finished = Signal(int, str)  # how many deals, the file
    failed = Signal(str)  # a message a user can read


class ExportWorker(QRunnable):
    """core.export.export_to over a read-only Store of its own; the window's connection stays the window's."""

    def __init__(self, path: Path, target: str, fmt: str, query: DealQuery) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Exporter keeps a reference until it is done with it
        self.signals = ExportSignals()
        self._path, self._target, self._fmt, self._query = path, target, fmt, query

    def run(self) -> None:
        from core.export import export_to

        try:
            reader = Store.open_reader(self._path)
        except sqlite3.Error as exc:
            self.signals.failed.emit(f"Could not read {self._path.name}: {exc}.")
            return
        try:
            count = export_to(self._target, reader, self._fmt, self._query)
        except DealsError as exc:
            self.signals.failed.emit(str(exc))
            return
        except sqlite3.Error as exc:
            self.signals.failed.emit(f"Could not read {self._path.name}: {exc}.")
            return
        finally:
            reader.close()
        self.signals.finished.emit(count, self._target)


class Exporter(QObject):
    """Owns Export CSV, JSON and Excel; the dialog opens in the last export folder (Documents the first time)."""

    def __init__(self, ctx: Context, settings: QSettings, listed: Callable[[], tuple[DealQuery, int]]) -> None:
        super().__init__(ctx)
        self._ctx, self._settings = ctx, settings
        self._listed = listed  # the list in view (search, filters, order) and how many deals it has
        self.worker: ExportWorker | None = None
        self.csv_action = QAction("Export &CSV…", self)
        self.json_action = QAction("Export &JSON…", self)
        self.xlsx_action = QAction("Export to &Excel…", self)
        for action, fmt in ((self.csv_action, "csv"), (self.json_action, "json"), (self.xlsx_action, "xlsx")):
            action.setStatusTip(f"Write the deals in the filtered list to a {fmt.upper()} file")
            action.triggered.connect(lambda _=False, f=fmt: self.export(f))

    def folder(self) -> str:
        saved = self._settings.value(FOLDER_KEY, "")
        if isinstance(saved, str) and saved and Path(saved).is_dir():
            return saved
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return documents if documents and Path(documents).is_dir() else str(Path.home())

    def export(self, fmt: str, name: str | None = None) -> None:
        """Write the deals in the list to `name` (asked for when None) as "csv", "json" or "xlsx"."""
        query, count = self._listed()
        if name is None:
            name = self._ask(fmt, count)
        if not name:
            return
        self._settings.setValue(FOLDER_KEY, str(Path(name).parent))
        store = self._ctx.store
        if self._big(store):
            self._start(Path(store.path or ""), name, fmt, query)
            return
        from core.export import export_to

        try:
            done = export_to(name, store, fmt, query)
        except DealsError as exc:
            self._on_failed(str(exc))
            return
        self._on_finished(done, name)

    def _ask(self, fmt: str, count: int) -> str:
        from PySide6.QtWidgets import QFileDialog

        suggested = str(Path(self.folder()) / f"deals.{fmt}")
        title = f"Export the {plural(count, 'deal')} in the filtered list"
        name, _ = QFileDialog.getSaveFileName(self._ctx.dialog_parent, title, suggested,
                                              f"{_FILTERS[fmt]};;All files (*)")
        if name and not Path(name).suffix:
            name += f".{fmt}"
        return name

    @staticmethod
    def _big(store: Store) -> bool:
        if store.path is None:
            return False
        try:
            return Path(store.path).stat().st_size > THREAD_ABOVE_BYTES
        except OSError:
            return False

    def _start(self, path: Path, name: str, fmt: str, query: DealQuery) -> None:
        worker = self.worker = ExportWorker(path, name, fmt, query)
        worker.signals.finished.connect(self._on_finished)
        worker.signals.failed.connect(self._on_failed)
        self._set_running(True)
        self._ctx.show_status(f"Exporting to {name}…")
        QThreadPool.globalInstance().start(worker)

    def _set_running(self, running: bool) -> None:
        for action in (self.csv_action, self.json_action, self.xlsx_action):
            action.setEnabled(not running)

    def _on_finished(self, count: int, name: str) -> None:
        self.worker = None
        self._set_running(False)
        self._ctx.show_status(f"Exported {plural(count, 'deal')} to {name}", 8000)

    def _on_failed(self, message: str) -> None:
        self.worker = None
        self._set_running(False)
        self._ctx.show_status("")
        show_error(self._ctx.dialog_parent, "Export failed", message)
