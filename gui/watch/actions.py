"""View > Watch lists, the list's "Watch party" menu, and the notice of new deals a watch matches."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from core.errors import DealsError
from core.store import Store
from core.watch import WatchError
from gui.background import ReadRunner
from gui.context import Context
from gui.deals.table import DealTable
from gui.dialogs import readable_error, show_error
from gui.resources import app_icon
from gui.search.filters import FilterPanel
from gui.watch.commands import AddWatch, RemoveWatch
from gui.watch.dialog import WatchDialog
from gui.watch.notify import announce

_UNDO_HINT = " (Edit > Undo takes it back)"


class WatchActions(QObject):
    """Owns the Watch lists dialog and its action, pushes AddWatch and RemoveWatch, and tells of watched arrivals."""

    def __init__(self, ctx: Context, table: DealTable, filters: FilterPanel, import_finished: SignalInstance) -> None:
        super().__init__(ctx)
        self._ctx, self._table, self._filters = ctx, table, filters
        self.dialog: WatchDialog | None = None
        # Watch counts read every watch's matches (seconds at a million deals): on the pool (gui.background).
        self._counter = ReadRunner(self)
        self._counter.finished.connect(self._on_counter_finished)
        self._announce: Any = None  # the watch just added, whose count the status bar waits for
        self.action = QAction("&Watch lists…", self)
        self.action.setStatusTip("Follow parties, sectors, countries, keywords or big deals")
        # Where a tray exists, its message reaches a person looking at another window; else the status bar.
        self.tray = QSystemTrayIcon(app_icon(), self) if QSystemTrayIcon.isSystemTrayAvailable() else None
        if self.tray is not None:
            self.tray.setToolTip("Deal Tracker")
            self.tray.messageClicked.connect(self._on_tray_message_clicked)
            self.tray.activated.connect(self._on_tray_message_clicked)
        self.action.triggered.connect(self._on_action_triggered)
        import_finished.connect(self._on_import_finished)
        ctx.deals_changed.connect(self._on_deals_changed)
        ctx.store_replaced.connect(self._on_deals_changed)
        # In the list's context menu (gui/deals/list_menu.py adds it): the parties of the deal under the cursor.
        self.party_menu = QMenu("Watch &party", table)
        self.party_action = self.party_menu.menuAction()
        self.party_menu.aboutToShow.connect(self.fill_party_menu)

    def _on_import_finished(self, results: list[Any]) -> None:  # list[SourceResult]
        self.announce_new([i for r in results if r.outcome is not None for i in r.outcome.added])

    def announce_new(self, deal_ids: Sequence[int]) -> str:
        """New deals arrived (an import, a feed): one notice for those a watch matches; returns its text."""
        if self.tray is not None and not self.tray.isVisible():
            self.tray.show()
        return announce(self.tray or self._ctx.dialog_parent, self._ctx.store, deal_ids)  # type: ignore[arg-type]

    def _on_tray_message_clicked(self, *_: object) -> None:
        window = self._ctx.dialog_parent
        window.showNormal()
        window.raise_()
        window.activateWindow()

    def add(self, kind: str, value: str) -> bool:
        """Watch something, as one undo step; a refusal is told where the person asked (dialog or status bar)."""
        command = AddWatch(self._ctx.store, kind, value, self._ctx.deals_changed.emit)
        try:
            self._ctx.undo_stack.push(command)
        except WatchError as exc:
            self._refused(readable_error(exc))
            return False
        except (DealsError, sqlite3.Error) as exc:
            show_error(self._ctx.dialog_parent, "The watch was not saved", readable_error(exc))
            return False
        assert command.watch is not None
        self._ctx.show_status(f"Watching {command.watch.describe()}: counting its deals…{_UNDO_HINT}", 8000)
        self._announce = command.watch
        if self.dialog is not None:
            self.dialog.added()
        self._counter.start(self._ctx.store, Store.watch_counts)  # takes over the dialog's count, if one runs
        return True

    def _on_counter_finished(self, counts: dict[int, int]) -> None:
        if self.dialog is not None:
            self.dialog.set_counts(counts)
        watch, self._announce = self._announce, None
        if watch is not None:
            count = counts.get(watch.id, 0)
            self._ctx.show_status(f"Watching {watch.describe()}: {count} deal{'s' if count != 1 else ''} "
                                  f"now{_UNDO_HINT}", 8000)

    def _refused(self, text: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.show_error(text)
        else:
            self._ctx.show_status(text, 8000)

    def _on_dialog_remove_requested(self, watch: Any) -> None:
        if self._ctx.push(RemoveWatch(self._ctx.store, watch, self._ctx.deals_changed.emit)):
            self._ctx.show_status(f"Stopped watching {watch.describe()}{_UNDO_HINT}", 8000)

    def _on_dialog_show_requested(self) -> None:
        self._filters.set_checked("watched", "yes")

    def _on_action_triggered(self) -> None:
        if self.dialog is None:
            self.dialog = WatchDialog(self._ctx.dialog_parent)
            self.dialog.add_requested.connect(self.add)
            self.dialog.remove_requested.connect(self._on_dialog_remove_requested)
            self.dialog.show_requested.connect(self._on_dialog_show_requested)
        self._refresh_dialog()
        if self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
        else:
            self.dialog.show()

    def _refresh_dialog(self) -> None:
        if self.dialog is None:
            return
        store = self._ctx.store
        self.dialog.set_watches(store.watches())  # counts "…" until the pool has them
        self._counter.start(store, Store.watch_counts)
        self.dialog.set_suggestions("party", store.entity_names())
        for kind, facet in (("sector", "sector"), ("country", "country")):
            self.dialog.set_suggestions(kind, self._filters.values(facet))

    def _on_deals_changed(self, *_: object) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self._refresh_dialog()

    def fill_party_menu(self) -> None:
        """One entry per party of the list's current deal (a right click makes its row current)."""
        self.party_menu.clear()
        deal_id = self._table.model().deal_id(self._table.currentIndex().row())  # type: ignore[attr-defined]
        if deal_id is not None:
            watched = {w.value.casefold() for w in self._ctx.store.watches() if w.kind == "party"}
            for party in self._ctx.store.deal(deal_id).parties:
                action = self.party_menu.addAction(party.name)
                action.setEnabled(party.name.casefold() not in watched)
                action.triggered.connect(lambda _=False, name=party.name: self.add("party", name))
            self.party_menu.addSeparator()
        self.party_menu.addAction(self.action)
