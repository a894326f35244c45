"""The File menu's work: new/open/recent databases, import on the thread pool, export."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QThreadPool
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QProgressBar, QPushButton

from core.errors import DealsError
from core.model import ImportOutcome
from gui.commands import ImportArticles
from gui.dialogs import show_error
from gui.workers import ImportWorker, Parsed

if TYPE_CHECKING:
    from gui.main_window import MainWindow

log = logging.getLogger(__name__)

LAST_DATABASE_KEY = "database/last"
RECENT_KEY = "database/recent"
IMPORT_FOLDER_KEY = "import/last_folder"
MAX_RECENT = 8
ARTICLE_FILTER = "Articles (*.txt *.md *.html *.htm *.eml *.pdf);;All files (*)"
DATABASE_FILTER = "Deal databases (*.db *.sqlite *.sqlite3);;All files (*)"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


class FileActions(QObject):
    """Owns the File menu's actions and the running import worker; changes reach the window through it."""

    def __init__(self, window: MainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._worker: ImportWorker | None = None
        self.new_action = QAction("&New database…", self, shortcut=QKeySequence.StandardKey.New)
        self.open_action = QAction("&Open database…", self, shortcut=QKeySequence.StandardKey.Open)
        self.recent_menu = QMenu("Open &recent", window)
        self.import_action = QAction("&Import articles…", self, shortcut=QKeySequence("Ctrl+I"))
        self.samples_action = QAction("Import &sample articles", self)
        self.export_csv_action = QAction("Export &CSV…", self)
        self.export_json_action = QAction("Export &JSON…", self)
        self.progress = QProgressBar(window)
        self.progress.setMaximumWidth(220)
        self.progress.setFormat("Importing %v of %m")
        self.cancel_button = QPushButton("Cancel", window)
        for widget in (self.progress, self.cancel_button):
            window.statusBar().addPermanentWidget(widget)
            widget.hide()
        self.new_action.triggered.connect(self._on_new_triggered)
        self.open_action.triggered.connect(self._on_open_triggered)
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        self.import_action.triggered.connect(self._on_import_triggered)
        self.samples_action.triggered.connect(self.import_samples)
        self.export_csv_action.triggered.connect(lambda: self.export("csv"))
        self.export_json_action.triggered.connect(lambda: self.export("json"))
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self._remember(window.store)

    def add_to_menu(self, menu: QMenu) -> None:
        menu.addAction(self.new_action)
        menu.addAction(self.open_action)
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addAction(self.import_action)
        menu.addAction(self.samples_action)
        menu.addSeparator()
        menu.addAction(self.export_csv_action)
        menu.addAction(self.export_json_action)

    # --- databases ---------------------------------------------------------------------------

    def recent(self) -> list[str]:
        value = self._settings.value(RECENT_KEY, [])
        paths = [value] if isinstance(value, str) else list(value or [])
        return [p for p in paths if p]

    def open_database(self, path: str | Path) -> bool:
        """Open (or create) a database and show it; a bad file gets a readable message."""
        from core.store import Store

        path = Path(path)
        if self._worker is not None:
            show_error(self._window, "Import running", "Wait for the import to finish or cancel it first.")
            return False
        try:
            store = Store.open(path)
        except DealsError as exc:
            show_error(self._window, "Could not open the database", str(exc))
            return False
        old = self._window.store
        self._window.set_store(store)
        if old is not None and old is not store:
            old.close()
        self._remember(store)
        self._window.statusBar().showMessage(f"Opened {path}", 5000)
        return True

    def _remember(self, store: Any) -> None:
        if getattr(store, "path", None) is None:
            return
        path = str(Path(store.path).resolve())
        recent = [path] + [p for p in self.recent() if p != path]
        self._settings.setValue(RECENT_KEY, recent[:MAX_RECENT])
        self._settings.setValue(LAST_DATABASE_KEY, path)

    def _dialog_folder(self) -> str:
        path = getattr(self._window.store, "path", None)
        return str(Path(path).parent) if path else str(Path.home())

    def _on_new_triggered(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self._window, "New database", self._dialog_folder() + "/deals.db",
                                              DATABASE_FILTER)
        if not name:
            return
        if Path(name).exists():
            show_error(self._window, "New database", f"{name} already exists. Use File > Open database to open it.")
            return
        self.open_database(name)

    def _on_open_triggered(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self._window, "Open database", self._dialog_folder(), DATABASE_FILTER)
        if name:
            self.open_database(name)

    def _on_recent_menu_about_to_show(self) -> None:
        self.recent_menu.clear()
        for path in self.recent():
            action = self.recent_menu.addAction(path)
            action.setEnabled(Path(path).exists())
            action.triggered.connect(lambda _=False, p=path: self.open_database(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent databases").setEnabled(False)

    # --- import ------------------------------------------------------------------------------

    @property
    def worker(self) -> ImportWorker | None:
        return self._worker

    def import_samples(self) -> None:
        from gui.app import sample_paths

        self.start_import([str(p) for p in sample_paths()])

    def _on_import_triggered(self) -> None:
        folder = self._settings.value(IMPORT_FOLDER_KEY, str(Path.home()), str)
        names, _ = QFileDialog.getOpenFileNames(self._window, "Import articles", folder, ARTICLE_FILTER)
        if names:
            self._settings.setValue(IMPORT_FOLDER_KEY, str(Path(names[0]).parent))
            self.start_import(names)

    def start_import(self, sources: list[str]) -> ImportWorker | None:
        """Parse `sources` on the pool; the results are stored on this (the GUI) thread when they arrive."""
        if self._worker is not None or not sources:
            return None
        from core.importer import read_source, store_registry

        registry = store_registry(self._window.store)  # a plain dict: safe to hand to another thread

        def parse(source: str) -> Any:
            return read_source(source, registry=registry)

        worker = ImportWorker(sources, parse)
        worker.signals.progress.connect(self._on_worker_progress)
        worker.signals.finished.connect(self._on_worker_finished)
        worker.signals.failed.connect(self._on_worker_failed)
        self._worker = worker
        self._set_importing(True, len(sources))
        QThreadPool.globalInstance().start(worker)
        return worker

    def _set_importing(self, running: bool, total: int = 0) -> None:
        for action in (self.import_action, self.samples_action, self.new_action, self.open_action):
            action.setEnabled(not running)
        self._window.welcome.setEnabled(not running)
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)

    def _from_current_worker(self) -> bool:
        # A result already queued when the window closed (or the worker was dropped) is stale.
        return self._worker is not None and self.sender() is self._worker.signals

    def _on_worker_progress(self, done: int, total: int, name: str) -> None:
        if not self._from_current_worker():
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if name:
            self._window.statusBar().showMessage(f"Reading {Path(name).name}…")

    def _on_worker_finished(self, results: list[Parsed]) -> None:
        if not self._from_current_worker():
            return
        self._worker = None
        self._set_importing(False)
        articles = [r.article for r in results if r.article is not None]
        outcomes: list[ImportOutcome] = []
        if articles:
            text = f"Import {_plural(len(articles), 'article')}"
            self._window.push(ImportArticles(self._window.store, articles, text, outcomes.extend,
                                                        self._window.reload_deals))
        self._report(results, outcomes)

    def _report(self, results: list[Parsed], outcomes: list[ImportOutcome]) -> None:
        added = [i for o in outcomes for i in o.added]
        merged = sum(len(o.merged) for o in outcomes)
        again = sum(1 for o in outcomes if o.already_imported)
        skipped = [r for r in results if r.error]
        parts = [f"Imported {_plural(len(added), 'deal')} from {_plural(len(outcomes) - again, 'article')}"]
        if merged:
            parts.append(f"{merged} merged with existing deals")
        if again:
            parts.append(f"{again} already imported")
        if skipped:
            parts.append(f"{len(skipped)} skipped")
        self._window.statusBar().showMessage("; ".join(parts), 10000)
        if added:
            self._window.select_deal(added[0])
        if skipped:
            details = "\n".join(f"{Path(r.source).name}: {r.error}" for r in skipped)
            show_error(self._window, "Some articles were not imported",
                       f"{_plural(len(skipped), 'article')} could not be imported.", details)

    def _on_worker_failed(self, details: str) -> None:
        if not self._from_current_worker():
            return
        self._worker = None
        self._set_importing(False)
        show_error(self._window, "Import failed", "The import stopped because of an unexpected problem.", details)

    def _on_cancel_clicked(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self._window.statusBar().showMessage("Cancelling after the current article…")

    def shutdown(self) -> None:
        """On close: stop the worker after its current article and wait for it."""
        if self._worker is not None:
            worker, self._worker = self._worker, None
            worker.cancel()
            QThreadPool.globalInstance().waitForDone(10_000)

    # --- export ------------------------------------------------------------------------------

    def export(self, fmt: str, name: str | None = None) -> None:
        """Write the deals in the list to `name` (asked for when None) as "csv" or "json"."""
        from core.export import write_csv, write_json

        if name is None:
            name = self._ask_export_name(fmt)
        if not name:
            return
        query = self._window.model.query  # the list as shown: its search, filters and order
        try:
            with open(name, "w", encoding="utf-8", newline="") as handle:
                count = (write_csv if fmt == "csv" else write_json)(self._window.store, handle, query)
        except OSError as exc:
            show_error(self._window, "Export failed", f"Could not write {name}: {exc.strerror or exc}.")
            return
        self._window.statusBar().showMessage(f"Exported {_plural(count, 'deal')} to {name}", 8000)

    def _ask_export_name(self, fmt: str) -> str:
        suggested = f"{self._dialog_folder()}/deals.{fmt}"
        name, _ = QFileDialog.getSaveFileName(self._window, f"Export {fmt.upper()}", suggested,
                                              f"{fmt.upper()} files (*.{fmt});;All files (*)")
        return name
