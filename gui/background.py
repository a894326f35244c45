"""Counts read from the store on the thread pool, over a read-only connection of their own (as the facets are)."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from core.store import Store
from gui.search import facets

log = logging.getLogger(__name__)

Read = Callable[[Store], Any]


class _Signals(QObject):
    finished = Signal(object)  # what the read returned
    done = Signal()  # after run(), read or not


class ReadWorker(QRunnable):
    """Runs one read on Store.open_reader(path); cancel() interrupts it, and a cancelled read reports nothing."""

    def __init__(self, path: Path, read: Read) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps a reference until it is done with it
        self.signals = _Signals()
        self._path, self._read = path, read
        self._reader: Store | None = None
        self._lock = threading.Lock()
        self._cancelled = False

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._reader is not None:
                self._reader.interrupt()

    def run(self) -> None:
        try:
            self._run()
        finally:
            try:
                self.signals.done.emit()
            except RuntimeError:  # the application quit while this ran: no one is left to tell
                pass

    def _run(self) -> None:
        try:
            reader = Store.open_reader(self._path)  # on the pool's thread: the window's connection stays its own
        except sqlite3.Error as exc:
            log.warning("Counts: could not read %s: %s", self._path, exc)
            return
        try:
            with self._lock:
                if self._cancelled:
                    return
                self._reader = reader
            result = self._read(reader)
        except sqlite3.Error as exc:
            if not self._cancelled:  # an interrupt is how a newer read takes over
                log.warning("Counts of %s failed: %s", self._path, exc)
            return
        finally:
            with self._lock:
                self._reader = None
            reader.close()
        if not self._cancelled:
            try:
                self.signals.finished.emit(result)
            except RuntimeError:
                pass


class ReadRunner(QObject):
    """One read at a time: a new start() cancels the one before. `finished` carries the result.

    A big file is read on the pool; an in-memory store or a small file (well under a tenth of a second
    to read) is read here, and `finished` comes before start() returns.
    """

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker: ReadWorker | None = None
        self._running: set[ReadWorker] = set()  # a running QRunnable must keep its Python object

    def start(self, store: Store, read: Read) -> None:
        self.stop()
        path = Path(store.path) if store.path is not None else None
        try:
            big = path is not None and path.stat().st_size > facets.THREAD_ABOVE_BYTES
        except OSError:
            big = False
        if path is None or not big:
            self.finished.emit(read(store))
            return
        worker = self._worker = ReadWorker(path, read)
        # A result sent just before a newer start() cancelled its worker may still be queued: drop it.
        worker.signals.finished.connect(lambda result: self.finished.emit(result) if worker is self._worker else None)
        worker.signals.done.connect(lambda: self._done(worker))
        self._running.add(worker)
        QThreadPool.globalInstance().start(worker)

    def _done(self, worker: ReadWorker) -> None:
        self._running.discard(worker)
        if worker is self._worker:
            self._worker = None

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None

    @property
    def busy(self) -> bool:
        return self._worker is not None
