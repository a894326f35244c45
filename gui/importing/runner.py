"""Importing into the window: the dialog, drops and the clipboard in; parsing on the pool; each article stored as it
arrives; a summary at the end."""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QMimeData, QObject, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QProgressDialog, QWidget

from core.errors import DealsError
from gui.commands import ImportArticles
from gui.context import Context
from gui.deals.table import DealTable
from gui.dialogs import readable_error, show_error
from gui.importing.dialog import ImportDialog
from gui.importing.sources import ImportSource, from_locations, from_mime, parse_source
from gui.importing.summary import ImportSummary, needs_panel, shown_name, status_line
from gui.importing.workers import ImportWorker, Parsed
from gui.resources import SAMPLE_PUBLISHER, is_sample, sample_paths

if TYPE_CHECKING:
    from core.importer import SourceResult
    from core.model import ImportOutcome

log = logging.getLogger(__name__)

# The list follows the import as articles arrive, but at most this often: a reload is a query or two.
REFRESH_MS = 300
PROGRESS_DELAY_MS = 400  # a one-article import finishes before the progress dialog would flash up


class ImportRunner(QObject):
    """Owns the import actions, the running worker, its progress dialog and the summary panel."""

    import_finished = Signal(list)  # list[SourceResult], after the summary is shown
    reparse_requested = Signal(list)  # list[int]: article ids the summary offers to parse again

    def __init__(self, ctx: Context, settings: QSettings, table: DealTable, drop_target: QWidget) -> None:
        super().__init__(ctx)
        self._ctx, self._settings, self._table, self._drop_target = ctx, settings, table, drop_target
        self._worker: ImportWorker | None = None
        self._batch: object | None = None
        self._name: str | None = None  # the undo step's, when the import has one
        self._results: list[SourceResult] = []
        self._cancelled = False
        self._from_dialog = False
        self._summary_store: object = None
        self.dialog: ImportDialog | None = None
        self.progress: QProgressDialog | None = None
        self.summary: ImportSummary | None = None
        self.import_action = QAction("&Import articles…", self, shortcut=QKeySequence("Ctrl+I"))
        self.import_action.setStatusTip("Paste text, choose files or give a web address")
        self.clipboard_action = QAction("Import from c&lipboard", self, shortcut=QKeySequence("Ctrl+Shift+V"))
        self.clipboard_action.setStatusTip("Import the text, files or web addresses on the clipboard")
        self.samples_action = QAction("Import &sample articles", self)
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self.import_action.triggered.connect(self._on_import_triggered)
        self.clipboard_action.triggered.connect(self._on_clipboard_triggered)
        self.samples_action.triggered.connect(self.import_samples)
        self._refresh_timer.timeout.connect(ctx.deals_changed.emit)
        drop_target.setAcceptDrops(True)
        drop_target.installEventFilter(self)

    def add_to_menu(self, menu: QMenu) -> None:
        menu.addActions([self.import_action, self.clipboard_action, self.samples_action])

    @property
    def worker(self) -> ImportWorker | None:
        return self._worker

    @property
    def running(self) -> bool:
        return self._worker is not None

    # --- ways in -------------------------------------------------------------------------------

    def _on_import_triggered(self) -> None:
        if self.dialog is None:
            self.dialog = ImportDialog(self._settings, self._ctx.dialog_parent)
            self.dialog.import_requested.connect(self._on_dialog_import_requested)
        self.dialog.show_error("")
        self.dialog.open()

    def _on_dialog_import_requested(self, sources: list[ImportSource]) -> None:
        if self.start(sources) is not None:
            self._from_dialog = True

    def _on_clipboard_triggered(self) -> None:
        mime = QApplication.clipboard().mimeData()
        sources = from_mime(mime) if mime is not None else []
        if not sources:
            self._ctx.show_status("The clipboard holds no text, file or web address to import", 5000)
            return
        self.start(sources)

    def import_samples(self) -> None:
        """The bundled sample articles (the welcome panel's button, File > Import sample articles, a first run)."""
        self.start([str(p) for p in sample_paths()], name="Import sample articles")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Drops land on the window when the widget under the cursor takes none (the table, the panes'
        # labels); text fields still take dropped text for themselves.
        if watched is self._drop_target and event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            self._answer_drag(event)  # type: ignore[arg-type]  # QDragEnterEvent and QDragMoveEvent
            return True
        if watched is self._drop_target and event.type() == QEvent.Type.Drop:
            self.drop(event)  # type: ignore[arg-type]
            return True
        return super().eventFilter(watched, event)

    def _answer_drag(self, event: QDropEvent) -> None:
        if self.running or not self._droppable(event.mimeData()):
            event.ignore()
            return
        # Always a copy: a file manager told "moved" may delete the file it dragged.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    @staticmethod
    def _droppable(mime: QMimeData) -> bool:
        return mime.hasUrls() or (mime.hasText() and bool(mime.text().strip()))

    def drop(self, event: QDropEvent) -> None:
        """Import what was dropped on the window: files, web addresses or text."""
        sources = [] if self.running else from_mime(event.mimeData())
        if not sources:
            event.ignore()
            if self.running:
                self._ctx.show_status("An import is running; drop again when it is done", 5000)
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.start(sources)

    # --- the worker ----------------------------------------------------------------------------

    def start(self, sources: Sequence[ImportSource | str], name: str | None = None) -> ImportWorker | None:
        """Parse `sources` on the pool; each article is stored (one undo step in all, called `name` when given)
        as soon as it arrives."""
        items = [s for s in sources if isinstance(s, ImportSource)] + from_locations(
            s for s in sources if isinstance(s, str))
        if self._worker is not None or not items:
            return None
        read_only = self._ctx.store.read_only
        if read_only:
            show_error(self._ctx.dialog_parent, "Nothing can be imported",
                       f"{self._ctx.store.path} is open read-only: {read_only}. Open a database you may write to.")
            return None
        from core.importer import Prepared, labelled, reading_process, remember, store_registry

        registry = store_registry(self._ctx.store)  # a plain dict, the worker's alone from here on
        # Each source is read and parsed in a reader process under a time and memory budget.
        process = reading_process(registry)

        def parse(source: ImportSource) -> Any:
            parsed = parse_source(source, registry, process)
            if is_sample(source.location):  # the bundled samples say so, and File > Remove sample deals finds them
                parsed = (dataclasses.replace(parsed, article=labelled(parsed.article, SAMPLE_PUBLISHER))
                          if isinstance(parsed, Prepared) else labelled(parsed, SAMPLE_PUBLISHER))
            # Later articles of the batch fold their parties onto this one's, as the command line does.
            remember(registry, parsed.article if isinstance(parsed, Prepared) else parsed)
            return parsed

        worker = ImportWorker(items, parse, process)
        worker.signals.progress.connect(self._on_worker_progress)
        worker.signals.parsed.connect(self._on_worker_parsed)
        worker.signals.finished.connect(self._on_worker_finished)
        worker.signals.failed.connect(self._on_worker_failed)
        self._worker, self._batch, self._results, self._cancelled = worker, object(), [], False
        self._name = name
        self._from_dialog = False
        if self.summary is not None:
            self.summary.hide()  # it tells of the last import, not of this one
        self._show_progress(len(items))
        self._set_importing(True)
        QThreadPool.globalInstance().start(worker)
        return worker

    def _show_progress(self, total: int) -> None:
        progress = QProgressDialog("Starting…", "Cancel", 0, total, self._ctx.dialog_parent)
        progress.setWindowTitle("Importing articles")
        progress.setWindowModality(Qt.WindowModality.NonModal)  # the list stays usable while it runs
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(PROGRESS_DELAY_MS)
        progress.setMinimumWidth(420)
        progress.setValue(0)
        progress.canceled.connect(self.cancel)
        self.progress = progress

    def _set_importing(self, running: bool) -> None:
        for action in (self.import_action, self.clipboard_action, self.samples_action):
            action.setEnabled(not running)
        self._ctx.set_importing(running)  # File > New and Open, and the welcome panel, wait for it too

    def _from_current_worker(self) -> bool:
        # A result already queued when the window closed (or the worker was dropped) is stale.
        return self._worker is not None and self.sender() is self._worker.signals

    def cancel(self) -> None:
        """Stop after the article being read; what was stored stays stored."""
        if self._worker is None or self._cancelled:
            return
        self._cancelled = True
        self._worker.cancel()
        # QProgressDialog hides itself on Cancel; the status bar tells the rest.
        self._ctx.show_status("Cancelling after the current article…")

    def _on_worker_progress(self, done: int, total: int, name: str) -> None:
        if not self._from_current_worker() or self.progress is None or self._cancelled:
            return  # a cancelled dialog stays hidden: setValue would bring it back
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        if name:
            self.progress.setLabelText(f"{done + 1} of {total}: {_short(name)}")

    def _on_worker_parsed(self, parsed: Parsed) -> None:
        if not self._from_current_worker():
            return
        from core.importer import SourceResult

        if parsed.article is None:
            self._results.append(SourceResult(parsed.source, error=parsed.error))
            return
        outcomes: list[ImportOutcome] = []
        command = ImportArticles(self._ctx.store, [parsed.article], "Import article", outcomes.extend,
                                 self._on_store_changed, batch=self._batch, name=self._name)
        try:
            self._ctx.undo_stack.push(command)
        except (DealsError, sqlite3.Error) as exc:
            # Stored in one transaction or not at all: this article is skipped, the others go on.
            self._results.append(SourceResult(parsed.source, error=readable_error(exc)))
            return
        self._results.append(SourceResult(parsed.source, outcome=outcomes[0], article=parsed.article,
                                          notes=parsed.notes))

    def _on_store_changed(self) -> None:
        if self._worker is not None:
            self._refresh_timer.start()
        else:
            self._ctx.deals_changed.emit()

    def _on_worker_finished(self, _: list[Parsed]) -> None:
        if not self._from_current_worker():
            return
        assert self._worker is not None
        total = self._worker.total
        self._end()
        results, cancelled = self._results, self._cancelled
        added = [i for r in results if r.outcome is not None for i in r.outcome.added]
        self._ctx.deals_changed.emit()
        self._table.select_deals(added)
        headline = status_line(results, cancelled=cancelled, total=total)
        self._ctx.show_status(headline, 10000)
        if needs_panel(results) or cancelled:
            self._show_summary(results, headline)
        if self._from_dialog and self.dialog is not None and not any(r.error for r in results):
            self.dialog.clear()  # a refused source stays in the dialog, to be corrected and tried again
        self.import_finished.emit(results)

    def _on_worker_failed(self, details: str) -> None:
        if not self._from_current_worker():
            return
        self._end()
        self._ctx.deals_changed.emit()
        show_error(self._ctx.dialog_parent, "Import failed", "The import stopped because of an unexpected problem. "
                   "The articles stored before it stay stored.", details)

    def _end(self) -> None:
        self._worker = None
        self._batch = None
        self._refresh_timer.stop()
        if self.progress is not None:
            progress, self.progress = self.progress, None
            progress.canceled.disconnect(self.cancel)
            progress.hide()
            progress.deleteLater()
        self._set_importing(False)

    def shutdown(self) -> None:
        """On close: stop the worker after its current article and wait for it; its late results are dropped."""
        if self._worker is not None:
            worker = self._worker
            worker.cancel()
            self._end()
            QThreadPool.globalInstance().waitForDone(10_000)
        for widget in (self.summary, self.dialog):
            if widget is not None:
                widget.close()

    # --- the end ---------------------------------------------------------------------------------

    def _show_summary(self, results: list[SourceResult], headline: str) -> None:
        if self.summary is None:
            self.summary = ImportSummary(self._ctx.dialog_parent)
            self.summary.deal_requested.connect(self._on_summary_deal_requested)
            self.summary.reparse_requested.connect(self._on_summary_reparse_requested)
        ids = sorted({i for r in results if r.outcome is not None for i in (*r.outcome.added, *r.outcome.merged)})
        store = self._ctx.store
        titles = {i: row.title for i, row in store.deal_rows(ids).items()}
        again = {r.outcome.article_id for r in results if r.outcome is not None and r.outcome.already_imported}
        articles = {i: store.article(i).title or f"article #{i}" for i in again if i is not None}
        self.summary.set_results(results, titles, headline, articles)
        self._summary_store = store
        if self.summary.isVisible():
            self.summary.raise_()  # a new window comes up in front; an old one may be behind the main window
        else:
            self.summary.show()

    def _on_summary_deal_requested(self, deal_id: int) -> None:
        if self._summary_store is not self._ctx.store:
            self._ctx.show_status("That import went into another database", 5000)
        elif not self._table.select_deal(deal_id):
            self._ctx.show_status("That deal is not in the list as filtered now", 5000)

    def _on_summary_reparse_requested(self, article_ids: list[int]) -> None:
        if self._summary_store is not self._ctx.store:
            self._ctx.show_status("That import went into another database", 5000)
        else:
            self.reparse_requested.emit(article_ids)


def _short(name: str, limit: int = 70) -> str:
    shown = shown_name(name)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
