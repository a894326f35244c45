"""The File menu's work: new/open/recent databases and export; importing is gui.importing.runner's."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from core.errors import DealsError
from gui.database.dialogs import Chooser, open_or_recover, opened_note
from gui.dialogs import show_error

if TYPE_CHECKING:
    from gui.main_window import MainWindow

log = logging.getLogger(__name__)

LAST_DATABASE_KEY = "database/last"
RECENT_KEY = "database/recent"
MAX_RECENT = 8
DATABASE_FILTER = "Deal databases (*.db *.sqlite *.sqlite3);;All files (*)"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


class FileActions(QObject):
    """Owns the File menu's database and export actions; changes reach the window through it."""

    def __init__(self, window: MainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        # The questions a broken file raises (another file? a backup?); tests put a stand-in here.
        self.chooser = Chooser()
        self.new_action = QAction("&New database…", self, shortcut=QKeySequence.StandardKey.New)
        self.open_action = QAction("&Open database…", self, shortcut=QKeySequence.StandardKey.Open)
        self.recent_menu = QMenu("Open &recent", window)
        self.export_csv_action = QAction("Export &CSV…", self)
        self.export_json_action = QAction("Export &JSON…", self)
        self.new_action.triggered.connect(self._on_new_triggered)
        self.open_action.triggered.connect(self._on_open_triggered)
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        self.export_csv_action.triggered.connect(lambda: self.export("csv"))
        self.export_json_action.triggered.connect(lambda: self.export("json"))
        self._remember(window.store)

    def add_to_menu(self, menu: QMenu) -> None:
        menu.addAction(self.new_action)
        menu.addAction(self.open_action)
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        self._window.importer.add_to_menu(menu)
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
        if self._window.importer.running:
            show_error(self._window, "Import running", "Wait for the import to finish or cancel it first.")
            return False
        try:
            # A broken or newer file is offered another file or a backup, and is never overwritten.
            store, note = open_or_recover(self._window, Path(path), Store.open, self.chooser)
        except DealsError as exc:
            show_error(self._window, "Could not open the database", str(exc))
            return False
        if store is None:
            return False
        if note:
            self._window.statusBar().showMessage(note, 8000)
        old = self._window.store
        self._window.set_store(store)
        if old is not None and old is not store:
            old.close()
        self._remember(store)
        note = opened_note(store)
        self._window.statusBar().showMessage(note or f"Opened {path}", 30000 if note else 5000)
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

    # --- export ------------------------------------------------------------------------------

    def export(self, fmt: str, name: str | None = None) -> None:
        """Write the deals in the list to `name` (asked for when None) as "csv" or "json"."""
        from core.export import export_to

        if name is None:
            name = self._ask_export_name(fmt)
        if not name:
            return
        query = self._window.model.query  # the list as shown: its search, filters and order
        try:
            count = export_to(name, self._window.store, fmt, query)
        except DealsError as exc:
            show_error(self._window, "Export failed", str(exc))
            return
        self._window.statusBar().showMessage(f"Exported {_plural(count, 'deal')} to {name}", 8000)

    def _ask_export_name(self, fmt: str) -> str:
        suggested = f"{self._dialog_folder()}/deals.{fmt}"
        name, _ = QFileDialog.getSaveFileName(self._window, f"Export {fmt.upper()}", suggested,
                                              f"{fmt.upper()} files (*.{fmt});;All files (*)")
        return name
