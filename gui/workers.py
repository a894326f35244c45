"""ImportWorker: parses articles on the thread pool and hands plain results back by signal; it never touches the store."""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, Signal

from core.errors import DealsError
from core.model import Article

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Parsed:
    """One source after parsing: an Article to store, or the reason it was refused."""

    source: str
    article: Article | None = None
    error: str | None = None


class Signals(QObject):
    """A QRunnable cannot own signals, so its results travel through this QObject."""

    progress = Signal(int, int, str)  # done, total, name of the source being parsed
    finished = Signal(list)  # list[Parsed], in the order given
    failed = Signal(str)  # our bug, not bad input: the traceback


class ImportWorker(QRunnable):
    """Runs `parse(source)` over each source; DealsError for one source is that source's result."""

    def __init__(self, sources: Sequence[str], parse: Callable[[str], Article]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the window keeps a reference until `finished` arrives
        self.signals = Signals()
        self._sources = list(sources)
        self._parse = parse
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Stop after the current source; what was parsed so far is still delivered."""
        self._cancel.set()

    def run(self) -> None:
        results: list[Parsed] = []
        total = len(self._sources)
        try:
            for done, source in enumerate(self._sources):
                if self._cancel.is_set():
                    break
                self.signals.progress.emit(done, total, source)
                try:
                    results.append(Parsed(source, article=self._parse(source)))
                except DealsError as exc:
                    results.append(Parsed(source, error=str(exc)))
            self.signals.progress.emit(len(results), total, "")
        except Exception:  # noqa: BLE001 - a bug must reach the window as a message, not kill the pool thread
            details = traceback.format_exc()
            log.error("Import worker failed\n%s", details)
            self.signals.failed.emit(details)
            return
        self.signals.finished.emit(results)
