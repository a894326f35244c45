"""The Edit menu's actions on the selected deals: delete, restore, merge and mark reviewed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from core.model import Deal
from gui.commands import DeleteDeal, MergeDeals, RestoreDeal
from gui.context import Context
from gui.deals.model import DealsTableModel
from gui.deals.table import DealTable
from gui.detail.pane import DetailPane
from gui.formatting import plural


class DealActions(QObject):
    """Owns Delete, Restore, Merge and Mark reviewed; each write is one command pushed through the context."""

    def __init__(self, ctx: Context, table: DealTable, model: DealsTableModel, detail: DetailPane) -> None:
        super().__init__(ctx)
        self._ctx, self._table, self._model, self._detail = ctx, table, model, detail
        self.delete_action = QAction("&Delete deal", self, shortcut=QKeySequence(QKeySequence.StandardKey.Delete))
        # Only while the table has focus: Delete in a text box deletes characters, not deals.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        table.addAction(self.delete_action)
        self.restore_action = QAction("R&estore deal", self)
        self.merge_action = QAction("&Merge deals", self, shortcut=QKeySequence("Ctrl+M"))
        self.review_action = QAction("Mark &reviewed", self)
        self.delete_action.triggered.connect(self._on_delete_triggered)
        self.restore_action.triggered.connect(self._on_restore_triggered)
        self.merge_action.triggered.connect(self._on_merge_triggered)
        self.review_action.triggered.connect(detail.mark_reviewed.click)
        table.selectionModel().selectionChanged.connect(self.update_enabled)
        model.modelReset.connect(self.update_enabled)

    def update_enabled(self, *_: object) -> None:
        rows = self._table.selected_rows()
        in_trash = sum(1 for row in rows if self._model.is_trashed(row))
        self.delete_action.setEnabled(len(rows) > in_trash)
        self.merge_action.setEnabled(len(rows) == 2 and in_trash == 0)
        self.restore_action.setEnabled(in_trash > 0)

    def show_deal(self, deal: Deal | None) -> None:
        self.review_action.setEnabled(bool(deal and deal.needs_review))

    def _on_delete_triggered(self) -> None:
        store = self._ctx.store
        in_trash = store.trashed(self._table.selected_ids())
        ids = [i for i in self._table.selected_ids() if i not in in_trash]
        if ids and self._ctx.push(DeleteDeal(store, ids, self._ctx.deals_changed.emit)):
            self._ctx.show_status(f"Moved {plural(len(ids), 'deal')} to the trash (Edit > Undo brings it back)", 5000)

    def _on_restore_triggered(self) -> None:
        # Only deals really in the trash: undoing the restore of a live deal would delete it.
        ids = sorted(self._ctx.store.trashed(self._table.selected_ids()))
        if ids:
            self._ctx.push(RestoreDeal(self._ctx.store, ids, self._ctx.deals_changed.emit))

    def _on_merge_triggered(self) -> None:
        ids = self._table.selected_ids()
        if len(ids) != 2:
            return
        current = self._detail.deal.id if self._detail.deal else ids[0]
        keep_id = current if current in ids else ids[0]
        other_id = ids[1] if keep_id == ids[0] else ids[0]
        store = self._ctx.store
        self._ctx.push(MergeDeals(store, store.deal(keep_id), store.deal(other_id), self._ctx.deal_saved.emit,
                                  self._ctx.deals_changed.emit))
