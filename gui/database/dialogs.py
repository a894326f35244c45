"""A database that will not open, and backups: the broken-database dialog, the backup list, restoring.

A broken file is never written to: "Open another…" leaves it alone, and a restore first copies it aside
(core.store.file.restore_backup). The questions are asked through a Chooser, which tests replace.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget,
)

from core.errors import DatabaseError, NewerDatabaseError
from core.store import Store
from core.store.file import Backup, backup_folder, list_backups, restore_backup
from gui.context import Context
from gui.dialogs import show_error

OPEN_ANOTHER = "open"
RESTORE = "restore"
REASONS = {"": "Daily copy", "before-upgrade": "Before an upgrade", "before-restore": "Set aside before a restore"}
DATABASE_FILTER = "Deal databases (*.db *.sqlite *.sqlite3 *.dealsdb);;All files (*)"


def taken_text(backup: Backup) -> str:
    return backup.taken.strftime("%d %b %Y, %H:%M").lstrip("0")


def restored_note(backup: Backup, aside: Path | None) -> str:
    """The status-bar line after a restore: which backup, and where the database as it was went."""
    note = f"Restored the backup of {taken_text(backup)}"
    return note + (f"; the database as it was is kept in {aside}" if aside else "")


def opened_note(store: Store) -> str:
    """The status-bar line on how a database opened: what was repaired, that it is read-only; "" when plainly."""
    parts = [store.note] if store.note else []
    if store.read_only:
        parts.append(f"Opened {Path(store.path or '').name} read-only: {store.read_only}. Edits and imports are refused.")
    return " ".join(parts)


class BackupsDialog(QDialog):
    """The backups of one database, newest first, by date and reason; Restore gives back the chosen one."""

    def __init__(self, db_path: Path, backups: Sequence[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore backup")
        self.setMinimumSize(460, 280)
        self._backups = list(backups)
        folder = backup_folder(db_path)
        if backups:
            text = (f"Backups of {db_path.name}, kept in {folder}. Restoring puts the chosen copy in place of "
                    "the database; the database as it is now is copied aside first.")
        else:
            text = (f"There are no backups of {db_path.name} yet. A copy is made in {folder} the first time "
                    "the database is opened each day.")
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QTreeWidget(self)
        self.list.setHeaderLabels(["Taken", "Reason", "Size"])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for backup in self._backups:
            item = QTreeWidgetItem([taken_text(backup), REASONS.get(backup.reason, backup.reason), _size(backup)])
            item.setToolTip(0, str(backup.path))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        for column in range(3):
            self.list.resizeColumnToContents(column)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(self.accept)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        first = self.list.topLevelItem(0)
        if self._backups and first is not None:
            self.list.setCurrentItem(first)
        self._on_list_current_item_changed()

    def chosen(self) -> Backup | None:
        current = self.list.currentItem()
        row = self.list.indexOfTopLevelItem(current) if current is not None else -1
        return self._backups[row] if 0 <= row < len(self._backups) else None

    def _on_list_current_item_changed(self, *_: Any) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)


class BrokenDatabaseDialog(QMessageBox):
    """Names the file and why it will not open; offers another file, or (unless it is newer) a backup."""

    def __init__(self, path: Path, error: DatabaseError, backups: Sequence[Backup],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        newer = isinstance(error, NewerDatabaseError)
        self.setIcon(QMessageBox.Icon.Warning if newer else QMessageBox.Icon.Critical)
        self.setWindowTitle("Could not open the database")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(f"Deal Tracker cannot open {path.name}.")
        advice = ("You can open another database." if newer
                  else "You can open another database, or put a backup copy in its place.")
        self.setInformativeText(f"{error}\n\nThe file has been left exactly as it is. {advice}")
        self.open_button = self.addButton("&Open another…", QMessageBox.ButtonRole.AcceptRole)
        self.restore_button = None
        if not newer:
            self.restore_button = self.addButton("&Restore a backup…", QMessageBox.ButtonRole.ActionRole)
            self.restore_button.setEnabled(bool(backups))
            if not backups:
                self.restore_button.setToolTip(f"There are no backups in {backup_folder(path)}")
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.open_button)

    def choice(self) -> str | None:
        clicked = self.clickedButton()
        if clicked is self.open_button:
            return OPEN_ANOTHER
        if clicked is not None and clicked is self.restore_button:
            return RESTORE
        return None


class Chooser:
    """The questions recovery asks, each in its own modal dialog."""

    def broken(self, parent: QWidget | None, path: Path, error: DatabaseError,
               backups: Sequence[Backup]) -> str | None:
        dialog = BrokenDatabaseDialog(path, error, backups, parent)
        dialog.exec()
        return dialog.choice()

    def database(self, parent: QWidget | None, folder: Path) -> str | None:
        name, _ = QFileDialog.getOpenFileName(parent, "Open database", str(folder), DATABASE_FILTER)
        return name or None

    def backup(self, parent: QWidget | None, path: Path, backups: Sequence[Backup]) -> Backup | None:
        dialog = BackupsDialog(path, backups, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


def open_or_recover(parent: QWidget | None, path: Path, open_store: Callable[[Path], Any],
                    chooser: Chooser | None = None) -> tuple[Any, str]:
    """`open_store(path)`; while the file is broken or newer, offer another file or a backup instead.

    Returns the store (None when the person gave up) and a status-bar line about a restore ("" if none).
    """
    chooser = chooser or Chooser()
    note = ""
    while True:
        try:
            return open_store(path), note
        except DatabaseError as exc:
            backups = [] if isinstance(exc, NewerDatabaseError) else list_backups(path)
            choice = chooser.broken(parent, path, exc, backups)
        if choice == OPEN_ANOTHER:
            name = chooser.database(parent, path.parent)
            path = Path(name) if name else path  # a cancelled file dialog asks again about the same file
        elif choice == RESTORE and backups:
            backup = chooser.backup(parent, path, backups)
            if backup is not None:
                try:
                    note = restored_note(backup, restore_backup(backup.path, path))
                except DatabaseError as exc:
                    show_error(parent, "Could not restore the backup", str(exc))
        else:
            return None, ""


def restore_into(ctx: Context, chooser: Chooser) -> bool:
    """File > Restore backup…: put a backup in place of the open database and show it; True when restored."""
    window = ctx.dialog_parent
    if ctx.store.path is None:
        show_error(window, "Restore backup", "This database is kept in memory only; it has no backups.")
        return False
    if ctx.importing:
        show_error(window, "Import running", "Wait for the import to finish or cancel it first.")
        return False
    path = Path(ctx.store.path)
    backup = chooser.backup(window, path, list_backups(path))
    if backup is None:
        return False
    try:
        aside = restore_backup(backup.path, path)
        # A fresh connection reads the restored file from its first page, and migrates a backup
        # taken before an upgrade.
        store = Store.open(path)
    except DatabaseError as exc:
        show_error(window, "Could not restore the backup", str(exc))
        return False
    old = ctx.store
    ctx.replace_store(store)  # undo steps named deals of the database as it was: the stack starts afresh
    old.close()
    ctx.show_status(restored_note(backup, aside), 20000)
    return True


def _size(backup: Backup) -> str:
    try:
        size = backup.path.stat().st_size
    except OSError:
        return ""
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(size // 1024, 1)} KB"
