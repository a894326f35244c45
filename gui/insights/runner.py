"""Insights figures off the GUI thread for a big database file, on a read-only connection of their own."""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from core.insights import compute
from core.model import DealQuery
from core.store import Store
from gui.search.facets import THREAD_ABOVE_BYTES

log = logging.getLogger(__name__)


class InsightsSignals(QObject):
    finished = Signal(object)  # core.insights.Insights
    done = Signal()  # after run(), computed or not


class InsightsWorker(QRunnable):
    """core.insights.compute over Store.open_reader, as gui/search/facets.py counts facets; cancel() interrupts."""

    def __init__(self, path: Path, query: DealQuery, period: str, rank_by: str) -> None:
        super().__init__()
        self.setAutoDelete(False)  # InsightsRunner keeps a reference until it is done with it
        self.signals = InsightsSignals()
        self._path, self._args = path, (query, period, rank_by)
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
            self._compute()
        finally:
            try:
                self.signals.done.emit()
            except RuntimeError:  # the application quit while this ran: no one is left to tell
                pass

    def _compute(self) -> None:
        try:
            reader = Store.open_reader(self._path)  # opened on the pool's thread: the window's connection stays its own
        except sqlite3.Error as exc:
            log.warning("Insights: could not read %s: %s", self._path, exc)
            return
        try:
            with self._lock:
                if self._cancelled:
                    return
                self._reader = reader
            found = compute(reader, *self._args)
        except sqlite3.Error as exc:
            if not self._cancelled:  # an interrupt is how a newer query takes over
                log.warning("Insights for %s failed: %s", self._path, exc)
            return
        finally:
            with self._lock:
                self._reader = None
            reader.close()
        if not self._cancelled:
            try:
                self.signals.finished.emit(found)
            except RuntimeError:
                pass


class InsightsRunner(QObject):
    """One InsightsWorker at a time for a big file (a newer request cancels the older); a small one computes here."""

    finished = Signal(object)  # Insights

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker: InsightsWorker | None = None
        self._running: set[InsightsWorker] = set()  # a running QRunnable must keep its Python object

    def start(self, store: Store, query: DealQuery, period: str, rank_by: str) -> None:
        self.stop()
        path = store.path
        try:
            big = path is not None and Path(path).stat().st_size > THREAD_ABOVE_BYTES
        except OSError:
            big = False
        if not big or path is None:
            # Well under a tenth of a second below the threshold; tests see the figures at once.
            self.finished.emit(compute(store, query, period, rank_by))
            return
        worker = self._worker = InsightsWorker(Path(path), query, period, rank_by)
        worker.signals.finished.connect(self.finished)
        worker.signals.done.connect(lambda: self._running.discard(worker))
        self._running.add(worker)
        QThreadPool.globalInstance().start(worker)

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None
