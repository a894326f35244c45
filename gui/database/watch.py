"""Keeping the window in step with its database file: another program's writes, and the daily backup copy."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget

from core.store.file import backup_if_due
from core.errors import DealsError
from core.model import DealQuery
from core.store import Store
from gui.context import Context
from gui.dialogs import show_error

log = logging.getLogger(__name__)

POLL_MS = 1500


class BackupSignals(QObject):
    finished = Signal(object)  # the backup made (Path), or None when one was taken today already
    failed = Signal(str)  # DatabaseError's words


class BackupTask(QRunnable):
    """core.store.file.backup_if_due off the window's thread: it reads the file over a connection of its own."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the watch keeps it until its signal has arrived
        self.signals = BackupSignals()
        self._path = path

    def run(self) -> None:
        try:
            made = backup_if_due(self._path)
        except DealsError as exc:
            self.signals.failed.emit(str(exc))
            return
        self.signals.finished.emit(made)


class DatabaseWatch(QObject):
    """Polls PRAGMA data_version (every POLL_MS and when the window is activated) and reloads when it moves.

    The store's own writes leave data_version alone, so only another connection's commits (`main.py
    import`, a second window, a restore) cause a reload. Each database opened gets its daily backup
    on a pool of its own, so closing the window never waits behind an import's threads for it.
    """

    backup_done = Signal(object)  # Path | None, after the daily backup ran (tests wait for it)

    def __init__(self, ctx: Context, window: QWidget) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self._window = window  # watched for activation only
        self._store = ctx.store
        self._version: int | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._tasks: list[BackupTask] = []
        self._checked: object = None  # the background integrity check already reported
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        window.installEventFilter(self)
        ctx.store_replaced.connect(self.attach)
        self.attach(ctx.store)
        self.timer.start()

    def attach(self, store: Store) -> None:
        """Watch a newly opened store from its current state, and back it up if today's copy is due."""
        self._store = store
        self._version = self._read()
        self._start_backup(store)

    def check(self) -> bool:
        """Reload the window if another connection has committed since the last look; True if it had."""
        version = self._read()
        if version is None or version == self._version:
            return False
        self._version = version
        self._ctx.deals_changed.emit()
        return True

    def stop(self) -> None:
        self.timer.stop()
        self._window.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.WindowActivate:
            self.check()
        return False

    def _on_timer_timeout(self) -> None:
        self.check()
        self.report_damage()

    def report_damage(self) -> bool:
        """A big file opens before its integrity check ends; when the check finds damage, say so once."""
        check = getattr(getattr(self._store, "db", None), "check", None)
        if check is None or check is self._checked or not check.problems.done() or check.problems.cancelled():
            return False
        self._checked = check
        problems = check.problems.result()
        if not problems:
            return False
        show_error(self._ctx.dialog_parent, "The database is damaged",
                   f"{check.path} failed its integrity check. The deals that can be read are shown, but some may "
                   "be missing or wrong. Use File > Restore backup… or open another database; the file is left "
                   "as it is, so keep a copy of it.", "\n".join(problems[:50]))
        return True

    def _read(self) -> int | None:
        try:
            return int(self._store.data_version())
        except (sqlite3.Error, DealsError, AttributeError):
            return None  # closed or not a file store: nothing to compare

    def _start_backup(self, store: Store) -> None:
        path = store.path
        if path is None or store.read_only or not _has_content(store):
            return  # a database with nothing in it has nothing to lose; one opened read-only cannot change
        task = BackupTask(Path(path))
        task.signals.finished.connect(self._on_backup_finished)
        task.signals.failed.connect(self._on_backup_failed)
        self._tasks.append(task)
        self._pool.start(task)

    def _forget(self) -> None:
        sender = self.sender()
        self._tasks = [t for t in self._tasks if t.signals is not sender]

    def _on_backup_finished(self, made: Path | None) -> None:
        self._forget()
        if made is not None:
            log.info("Backed up the database to %s", made)
        self.backup_done.emit(made)

    def _on_backup_failed(self, message: str) -> None:
        self._forget()
        log.warning("%s", message)
        # A warning, not a dialog: the database itself is fine, and the next opening tries again.
        self._ctx.show_status(f"Warning: today's backup was not made. {message}", 15000)
        self.backup_done.emit(None)


def _has_content(store: Store) -> bool:
    try:
        return bool(store.article_count() or store.count_deals(DealQuery(include_deleted=True)))
    except (sqlite3.Error, DealsError):
        return False
