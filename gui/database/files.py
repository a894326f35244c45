"""The File menu's work: new, open and recent databases, restoring a backup; export is gui.database.export's."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from core.errors import DealsError
from core.store import Store
from gui.context import Context
from gui.database.dialogs import DATABASE_FILTER, Chooser, open_or_recover, opened_note, restore_into
from gui.database.export import Exporter
from gui.deals.model import DealsTableModel
from gui.dialogs import show_error

log = logging.getLogger(__name__)

LAST_DATABASE_KEY = "database/last"
RECENT_KEY = "database/recent"
MAX_RECENT = 8


class FileActions(QObject):
    """Owns the File menu's database and export actions; another database reaches the window through the context."""

    def __init__(self, ctx: Context, settings: QSettings, model: DealsTableModel) -> None:
        super().__init__(ctx)
        self._ctx, self._settings, self._model = ctx, settings, model
        self._parent = ctx.dialog_parent
        # The questions a broken file raises (another file? a backup?); tests put a stand-in here.
        self.chooser = Chooser()
        self.new_action = QAction("&New database…", self, shortcut=QKeySequence(QKeySequence.StandardKey.New))
        self.open_action = QAction("&Open database…", self, shortcut=QKeySequence(QKeySequence.StandardKey.Open))
        self.recent_menu = QMenu("Open &recent", self._parent)
        self.restore_backup_action = QAction("Restore &backup…", self)
        self.restore_backup_action.setStatusTip("Put one of the database's backup copies in its place")
        self.exporter = Exporter(ctx, settings, lambda: (model.query, model.rowCount()))
        self.export_csv_action = self.exporter.csv_action
        self.export_json_action = self.exporter.json_action
        self.export_xlsx_action = self.exporter.xlsx_action
        self.new_action.triggered.connect(self._on_new_triggered)
        self.open_action.triggered.connect(self._on_open_triggered)
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        self.restore_backup_action.triggered.connect(lambda: restore_into(ctx, self.chooser))
        ctx.importing_changed.connect(self._on_importing_changed)
        self._remember(ctx.store)

    def _on_importing_changed(self, running: bool) -> None:
        # Another database while articles are being stored into this one would split the import.
        self.new_action.setEnabled(not running)
        self.open_action.setEnabled(not running)

    # --- databases ---------------------------------------------------------------------------

    def recent(self) -> list[str]:
        value = self._settings.value(RECENT_KEY, [])
        paths = [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple)) else []
        return [p for p in paths if p]

    def open_database(self, path: str | Path) -> bool:
        """Open (or create) a database and show it; a bad file gets a readable message."""
        path = Path(path)
        if self._ctx.importing:
            show_error(self._parent, "Import running", "Wait for the import to finish or cancel it first.")
            return False
        try:
            # A broken or newer file is offered another file or a backup, and is never overwritten.
            store, note = open_or_recover(self._parent, Path(path), Store.open, self.chooser)
        except DealsError as exc:
            show_error(self._parent, "Could not open the database", str(exc))
            return False
        if store is None:
            return False
        if note:
            self._ctx.show_status(note, 8000)
        old = self._ctx.store
        self._ctx.replace_store(store)
        if old is not None and old is not store:
            old.close()
        self._remember(store)
        note = opened_note(store)
        self._ctx.show_status(note or f"Opened {path}", 30000 if note else 5000)
        return True

    def _remember(self, store: Store) -> None:
        if store.path is None:
            return
        path = str(Path(store.path).resolve())
        recent = [path] + [p for p in self.recent() if p != path]
        self._settings.setValue(RECENT_KEY, recent[:MAX_RECENT])
        self._settings.setValue(LAST_DATABASE_KEY, path)

    def _dialog_folder(self) -> str:
        path = self._ctx.store.path
        return str(Path(path).parent) if path else str(Path.home())

    def _on_new_triggered(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self._parent, "New database", self._dialog_folder() + "/deals.db",
                                              DATABASE_FILTER)
        if not name:
            return
        if Path(name).exists():
            show_error(self._parent, "New database", f"{name} already exists. Use File > Open database to open it.")
            return
        self.open_database(name)

    def _on_open_triggered(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self._parent, "Open database", self._dialog_folder(), DATABASE_FILTER)
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

    # --- export ---------------------------------------------------------------------------------

    def export(self, fmt: str, name: str | None = None) -> None:
        """Write the deals in the list to `name` (asked for when None) as "csv", "json" or "xlsx"."""
        self.exporter.export(fmt, name)
