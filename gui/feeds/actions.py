"""File > Feeds..., the background poller, and the inbox: its count in the filters and the title, Accept and Reject."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from core.budget import Budget
from core.feeds.poll import HOST_PAUSE_S, PollReport
from core.store import Store
from gui.context import Context
from gui.deals.table import DealTable
from gui.feeds.commands import AcceptDeals, RejectDeals
from gui.feeds.dialog import FeedsDialog
from gui.feeds.poller import FeedPoller
from gui.formatting import plural
from gui.search.filters import FilterPanel


class FeedActions(QObject):
    """Owns Feeds..., Accept and Reject; keeps the inbox count in the filter panel and the window title."""

    new_deals = Signal(list)  # list[int]: the deals a pass added, after each pass (the watch lists hook in here)

    def __init__(self, ctx: Context, table: DealTable, filters: FilterPanel, window: QWidget, *,
                 background: bool = True, pause: float = HOST_PAUSE_S, budget: Budget | None = Budget()) -> None:
        super().__init__(ctx)
        self._ctx, self._table, self._filters, self._window = ctx, table, filters, window
        self._background = background
        self._title = window.windowTitle()
        self.count = 0
        self.poller = FeedPoller(self, pause=pause, budget=budget)
        self.dialog: FeedsDialog | None = None
        self.feeds_action = QAction("&Feeds...", self)
        self.accept_action = QAction("&Accept from inbox", self, shortcut=QKeySequence("Ctrl+Shift+Y"))
        self.reject_action = QAction("Re&ject from inbox", self, shortcut=QKeySequence("Ctrl+Shift+J"))
        self.feeds_action.triggered.connect(self.show_dialog)
        self.accept_action.triggered.connect(self.accept_selected)
        self.reject_action.triggered.connect(self.reject_selected)
        self.poller.finished.connect(self._on_poller_finished)
        self.poller.failed.connect(lambda reason: ctx.show_status(f"Feeds: {reason.splitlines()[-1]}", 8000))
        ctx.deals_changed.connect(self.refresh)
        ctx.deal_saved.connect(self.refresh)
        ctx.store_replaced.connect(self._on_store_replaced)
        table.selectionModel().selectionChanged.connect(self.update_enabled)
        table.model().modelReset.connect(self.update_enabled)
        self.poller.attach(ctx.store, background=background)
        window.installEventFilter(self)  # closing the window stops the poller before the store closes
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.stop()
        return False

    def set_title(self, title: str) -> None:
        """The window's title without the inbox; the count is added while deals wait there."""
        self._title = title
        self._show_title()

    def _show_title(self) -> None:
        if self.count:
            head, sep, tail = self._title.rpartition(" — ")
            self._window.setWindowTitle(f"{head} — Inbox ({self.count}){sep}{tail}" if sep
                                        else f"{self._title} — Inbox ({self.count})")
        else:
            self._window.setWindowTitle(self._title)

    def refresh(self, *_: object) -> None:
        """The inbox count, wherever it shows, after anything that may have changed it."""
        self.count = self._ctx.store.inbox_count()
        self._filters.set_inbox_count(self.count)
        self._show_title()
        self.update_enabled()

    def update_enabled(self, *_: object) -> None:
        waiting = self._waiting()
        self.accept_action.setEnabled(bool(waiting))
        self.reject_action.setEnabled(bool(waiting) and not self._ctx.store.read_only)

    def _waiting(self) -> list[int]:
        ids = self._table.selected_ids()
        if not ids:
            return []
        store = self._ctx.store
        waiting, trashed = store.in_inbox(ids), store.trashed(ids)
        return [i for i in ids if i in waiting and i not in trashed]

    def accept_selected(self) -> None:
        ids = self._waiting()
        if ids and self._ctx.push(AcceptDeals(self._ctx.store, ids, self._ctx.deals_changed.emit)):
            self._ctx.show_status(f"Accepted {plural(len(ids), 'deal')} from the inbox", 5000)

    def reject_selected(self) -> None:
        ids = self._waiting()
        if ids and self._ctx.push(RejectDeals(self._ctx.store, ids, self._ctx.deals_changed.emit)):
            self._ctx.show_status(f"Moved {plural(len(ids), 'deal')} to the trash (Edit > Undo brings it back)", 5000)

    def show_dialog(self) -> FeedsDialog:
        if self.dialog is None:
            self.dialog = FeedsDialog(self._ctx, self.poller, self._window)
        self.dialog.refresh()
        if self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
        else:
            self.dialog.show()
        return self.dialog

    def _on_store_replaced(self, store: Store) -> None:
        self.poller.stop()
        self.poller.attach(store, background=self._background)
        if self.dialog is not None:
            self.dialog.refresh()
        self.refresh()

    def _on_poller_finished(self, report: PollReport) -> None:
        new = list(report.new_deal_ids)
        if new:
            self._ctx.deals_changed.emit()  # another connection wrote them: the list reloads
            self._ctx.show_status(f"Feeds brought {plural(len(new), 'new deal')}; see the Inbox", 8000)
        else:
            self.refresh()
        self.new_deals.emit(new)

    def stop(self) -> None:
        self.poller.stop()
        if self.dialog is not None:
            self.dialog.shutdown()
