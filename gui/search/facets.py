"""Facet counts for a big database on the thread pool, so the list and the search box never wait for them."""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from core.model import DealQuery
from core.store import Store

log = logging.getLogger(__name__)

# Below this the counts take well under a tenth of a second on the window's own connection, and tests
# see them at once; above it (tens of thousands of deals) they run on a connection of their own.
THREAD_ABOVE_BYTES = 32 * 1024 * 1024


class FacetsSignals(QObject):
    counted = Signal(object, object, object)  # the DealQuery, the facets counted so far, the keys still coming
    finished = Signal(object, object)  # the DealQuery, its facets: dict[str, list[tuple[str, int]]]
    totals = Signal(object, object)  # the DealQuery, its core.store.query.Totals
    done = Signal()  # after run(), counted or not


class FacetsWorker(QRunnable):
    """Store.facets over a read-only Store of its own (Store.open_reader); cancel() interrupts the query."""

    def __init__(self, path: Path, query: DealQuery) -> None:
        super().__init__()
        self.setAutoDelete(False)  # FacetsRunner keeps a reference until it is done with it
        self.signals = FacetsSignals()
        self._path, self._query = path, query
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
            self._count()
        finally:
            self.signals.done.emit()

    def _count(self) -> None:
        try:
            # Opened here, on the pool's thread: the window's connection stays the window's.
            reader = Store.open_reader(self._path)
        except sqlite3.Error as exc:
            log.warning("Facet counts: could not read %s: %s", self._path, exc)
            return
        try:
            with self._lock:
                if self._cancelled:
                    return
                self._reader = reader
            if self._query.currency != "USD":
                from core.fx import per_usd_by_day  # read once per currency; the window's worker read it first

                reader.set_display_rates(self._query.currency, per_usd_by_day(self._query.currency))
            # Kept counts first (milliseconds), shown at once; each counted facet follows as it is done.
            slow = reader.slow_facets(self._query)
            facets = reader.facets(self._query, reader.kept_facets(self._query))
            for done, key in enumerate(slow):
                if self._cancelled:
                    return
                self.signals.counted.emit(self._query, dict(facets), slow[done:])
                facets.update(reader.facets(self._query, [key]))
            if not self._cancelled:
                self.signals.finished.emit(self._query, facets)
            totals = reader.totals(self._query)
        except sqlite3.Error as exc:
            if not self._cancelled:  # an interrupt is how a newer query takes over; anything else is worth a line
                log.warning("Facet counts for %s failed: %s", self._path, exc)
            return
        finally:
            with self._lock:
                self._reader = None
            reader.close()
        if not self._cancelled:
            self.signals.totals.emit(self._query, totals)


class FacetsRunner(QObject):
    """Starts one FacetsWorker at a time for a big database file; a new query cancels the one before."""

    counted = Signal(object, object, object)  # DealQuery, facets so far, the keys still being counted
    finished = Signal(object, object)  # DealQuery, facets
    totals = Signal(object, object)  # DealQuery, Totals

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker: FacetsWorker | None = None
        self._running: set[FacetsWorker] = set()  # a running QRunnable must keep its Python object

    def start(self, store: Store, query: DealQuery) -> bool:
        """Count on the pool and return True when the store is a big file; False means count here."""
        self.stop()
        path = store.path
        if path is None:
            return False
        try:
            big = Path(path).stat().st_size > THREAD_ABOVE_BYTES
        except OSError:
            big = False
        if not big:
            return False
        worker = self._worker = FacetsWorker(Path(path), query)
        worker.signals.counted.connect(self.counted)
        worker.signals.finished.connect(self.finished)
        worker.signals.totals.connect(self.totals)
        worker.signals.done.connect(lambda: self._running.discard(worker))
        self._running.add(worker)
        QThreadPool.globalInstance().start(worker)
        return True

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None
