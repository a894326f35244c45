"""Background feed polling while the window is open: a timer starts a pass on the pool, never on the window's thread."""

from __future__ import annotations

import logging
import random
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from core.budget import Budget
from core.errors import DealsError
from core.feeds.poll import HOST_PAUSE_S, PollReport, is_due, poll_feeds, utc_now
from core.store import Store

log = logging.getLogger(__name__)

TICK_MS = 60_000  # how often the window looks for due feeds; each feed's own interval (with jitter) decides
FIRST_TICK_MS = 20_000  # after the window opens, so start-up and the first paint come first


class PollSignals(QObject):
    finished = Signal(object)  # PollReport
    failed = Signal(str)  # a reason a user can read (the file could not be opened), or our bug's traceback


class PollTask(QRunnable):
    """One pass of core.feeds.poll_feeds over a Store of its own: the window's connection stays the window's."""

    def __init__(self, path: Path, *, force: bool, feed_ids: tuple[int, ...], pause: float,
                 budget: Budget | None) -> None:
        super().__init__()
        self.setAutoDelete(False)  # FeedPoller keeps it until its signal has arrived
        self.signals = PollSignals()
        self._path, self._force, self._feed_ids = path, force, feed_ids
        self._pause, self._budget = pause, budget
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            with Store.open(self._path, create=False) as store:
                report = poll_feeds(store, force=self._force, feed_ids=self._feed_ids, pause=self._pause,
                                    budget=self._budget, cancelled=self._cancel.is_set)
        except DealsError as exc:
            self.signals.failed.emit(str(exc))
            return
        except Exception:  # noqa: BLE001 - a bug must reach the window as a message, not kill the pool thread
            details = traceback.format_exc()
            log.error("Feed poll failed\n%s", details)
            self.signals.failed.emit(details)
            return
        self.signals.finished.emit(report)


class FeedPoller(QObject):
    """Starts a pass every TICK_MS (due feeds only), or now when asked; one pass at a time, on a pool of its own.

    A database without a file or opened read-only is never polled in the background.
    """

    started = Signal()
    finished = Signal(object)  # PollReport, after the pass's writes are committed
    failed = Signal(str)

    def __init__(self, parent: QObject, *, pause: float = HOST_PAUSE_S, budget: Budget | None = Budget()) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._store: Store | None = None
        self.pause, self.budget = pause, budget  # tests set 0 and None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._task: PollTask | None = None
        self.timer = QTimer(self, interval=TICK_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        self._first = QTimer(self, singleShot=True)
        self._first.timeout.connect(self._on_timer_timeout)

    @property
    def running(self) -> bool:
        return self._task is not None

    def attach(self, store: Store, *, background: bool = True) -> None:
        """Poll this store's file from now on; its timers start when `background`."""
        self._path = store.path if store.path is not None and not store.read_only else None
        self._store = store
        self.timer.stop()
        self._first.stop()
        if self._path is not None and background:
            self.timer.start()
            # Jitter: windows opened together (a shared machine, a restore) do not poll in step.
            self._first.start(FIRST_TICK_MS + random.randint(0, FIRST_TICK_MS // 2))

    def poll_now(self, feed_ids: tuple[int, ...] = ()) -> bool:
        """A pass over `feed_ids` (all enabled feeds when empty), due or not; False when one is running."""
        return self._start(force=True, feed_ids=feed_ids)

    def stop(self) -> None:
        """Closing: no new pass, the running one stops after the entry it reads, and the pool is waited for."""
        self.timer.stop()
        self._first.stop()
        if self._task is not None:
            self._task.cancel()
        self._pool.waitForDone()

    def _on_timer_timeout(self) -> None:
        # The feed list is a few rows: read here, it spares opening (and checking) the file when nothing is due.
        now = utc_now()
        if self._store is not None and any(is_due(feed, now) for feed in self._store.feeds()):
            self._start(force=False, feed_ids=())

    def _start(self, *, force: bool, feed_ids: tuple[int, ...]) -> bool:
        if self._path is None or self._task is not None:
            return False
        task = PollTask(self._path, force=force, feed_ids=feed_ids, pause=self.pause, budget=self.budget)
        task.signals.finished.connect(self._on_task_finished)
        task.signals.failed.connect(self._on_task_failed)
        self._task = task
        self.started.emit()
        self._pool.start(task)
        return True

    def _on_task_finished(self, report: PollReport) -> None:
        self._task = None
        self.finished.emit(report)

    def _on_task_failed(self, reason: str) -> None:
        self._task = None
        self.failed.emit(reason)
