"""ImportWorker: parses articles on the thread pool and hands plain results back by signal; it never touches the store."""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from core.budget import ReadCancelled, ReadProcess
from core.errors import DealsError
from core.importer import Prepared
from core.model import Article

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Parsed:
    """One source after parsing: an Article to store, or the reason it was refused."""

    source: str
    article: Article | None = None
    error: str | None = None
    notes: tuple[str, ...] = ()  # what the reader left out of the article


class Signals(QObject):
    """A QRunnable cannot own signals, so its results travel through this QObject."""

    progress = Signal(int, int, str)  # done, total, name of the source being parsed ("" at the end)
    parsed = Signal(object)  # Parsed, as soon as one source is done, so the window can store it at once
    finished = Signal(list)  # list[Parsed], in the order given; after the last `parsed`
    failed = Signal(str)  # our bug, not bad input: the traceback


def source_name(source: Any) -> str:
    """What the progress and the summary call a source: its `name` if it has one, else the text of it."""
    return str(getattr(source, "name", source))


class ImportWorker(QRunnable):
    """Runs `parse(source)` over each source; DealsError for one source is that source's result.

    `process`, the reader process `parse` reads in under a budget, is cancelled with the worker (so that a
    hostile input being read is abandoned) and closed when the worker is done.
    """

    def __init__(self, sources: Sequence[Any], parse: Callable[[Any], Article | Prepared],
                 process: ReadProcess | None = None) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the window keeps a reference until `finished` arrives
        self.signals = Signals()
        self._sources = list(sources)
        self._parse = parse
        self._process = process
        self._cancel = threading.Event()

    @property
    def total(self) -> int:
        return len(self._sources)

    def cancel(self) -> None:
        """Stop after the current source (abandoned if it takes more than a moment); what was parsed is delivered."""
        self._cancel.set()
        if self._process is not None:
            self._process.cancel()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            self._run()
        finally:
            if self._process is not None:
                self._process.close()

    def _run(self) -> None:
        results: list[Parsed] = []
        total = len(self._sources)
        try:
            for done, source in enumerate(self._sources):
                if self._cancel.is_set():
                    break
                name = source_name(source)
                self.signals.progress.emit(done, total, name)
                try:
                    result = _parsed(name, self._parse(source))
                except DealsError as exc:
                    result = Parsed(name, error=str(exc))
                except ReadCancelled:
                    break
                results.append(result)
                self.signals.parsed.emit(result)
            self.signals.progress.emit(len(results), total, "")
        except Exception:  # noqa: BLE001 - a bug must reach the window as a message, not kill the pool thread
            details = traceback.format_exc()
            log.error("Import worker failed\n%s", details)
            self.signals.failed.emit(details)
            return
        self.signals.finished.emit(results)


def _parsed(name: str, result: Article | Prepared) -> Parsed:
    if isinstance(result, Prepared):
        return Parsed(name, article=result.article, notes=result.notes)
    return Parsed(name, article=result)
