"""The Edit menu's actions on the selected deals: delete, restore, merge (after a preview) and mark reviewed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from core.model import Deal
from gui.commands import DeleteDeal, MergeDeals, RestoreDeal
from gui.context import Context
from gui.deals.merge_preview import MergePreview
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
        self.merge_action = QAction("&Merge deals…", self, shortcut=QKeySequence("Ctrl+M"))
        self.merge_action.setStatusTip("Show the two selected deals side by side, then merge them into one")
        self.review_action = QAction("Mark &reviewed", self)
        self.merge_preview: MergePreview | None = None  # open while the user decides
        self.delete_action.triggered.connect(self._on_delete_triggered)
        self.restore_action.triggered.connect(self._on_restore_triggered)
        self.merge_action.triggered.connect(self._on_merge_triggered)
        self.review_action.triggered.connect(detail.mark_reviewed.click)
        table.selectionModel().selectionChanged.connect(self.update_enabled)
        model.modelReset.connect(self.update_enabled)

    def update_enabled(self, *_: object) -> None:
        rows = self._table.selected_rows()
        in_trash = sum(1 for row in rows if self._model.is_trashed(row))
        live = len(rows) - in_trash
        self.delete_action.setEnabled(live > 0)
        self.delete_action.setText("&Delete deal" if live <= 1 else f"&Delete {live} deals")
        self.merge_action.setEnabled(len(rows) == 2 and in_trash == 0)
        self.restore_action.setEnabled(in_trash > 0)
        self._detail.set_selected_count(len(rows))

    def show_deal(self, deal: Deal | None) -> None:
        self.review_action.setEnabled(bool(deal and deal.needs_review))

    # --- delete and restore -------------------------------------------------------------------

    def _on_delete_triggered(self) -> None:
        store = self._ctx.store
        in_trash = store.trashed(self._table.selected_ids())
        ids = [i for i in self._table.selected_ids() if i not in in_trash]
        if not ids:
            return
        after = self._deal_after(set(ids))
        command = DeleteDeal(store, ids, self._ctx.deals_changed.emit,
                             on_deleted=lambda _: self._select_after_delete(after),
                             on_restored=self._table.select_deals)
        if self._ctx.push(command):
            self._ctx.show_status(f"Moved {plural(len(ids), 'deal')} to the trash (Edit > Undo brings it back)", 5000)

    def _deal_after(self, ids: set[int]) -> int | None:
        """The deal to select once `ids` are gone: the next row's, or the previous row's at the end of the list."""
        rows = sorted(self._table.selected_rows())
        if not rows:
            return None
        for row in (*range(rows[-1] + 1, min(rows[-1] + 50, self._model.rowCount())), *range(rows[0] - 1, -1, -1)):
            deal_id = self._model.deal_id(row)
            if deal_id is not None and deal_id not in ids:
                return deal_id
        return None

    def _select_after_delete(self, deal_id: int | None) -> None:
        if deal_id is not None and self._table.select_deal(deal_id):
            return
        # Nothing left to show: the panes empty rather than keep a deal that is in the trash.
        self._table.clearSelection()
        self._detail.show_deal(None)

    def _on_restore_triggered(self) -> None:
        # Only deals really in the trash: undoing the restore of a live deal would delete it.
        ids = sorted(self._ctx.store.trashed(self._table.selected_ids()))
        if ids:
            self._ctx.push(RestoreDeal(self._ctx.store, ids, self._ctx.deals_changed.emit))

    # --- merge --------------------------------------------------------------------------------

    def _on_merge_triggered(self) -> None:
        ids = self._table.selected_ids()
        if len(ids) != 2:
            return
        current = self._detail.deal.id if self._detail.deal else ids[0]
        keep_id = current if current in ids else ids[0]
        other_id = ids[1] if keep_id == ids[0] else ids[0]
        self.preview_merge(keep_id, other_id)

    def preview_merge(self, keep_id: int, other_id: int) -> MergePreview:
        """Open the preview of merging `other_id` into `keep_id`; nothing changes unless the user merges."""
        store = self._ctx.store
        if self.merge_preview is not None:
            self.merge_preview.close()
        preview = MergePreview(store.deal(keep_id), store.deal(other_id), self._ctx.dialog_parent)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.accepted.connect(lambda: self._merge(preview.keep, preview.other))
        preview.finished.connect(lambda _: self._forget(preview))
        self.merge_preview = preview
        preview.open()
        return preview

    def _forget(self, preview: MergePreview) -> None:
        if self.merge_preview is preview:
            self.merge_preview = None

    def _merge(self, keep: Deal, other: Deal) -> None:
        store = self._ctx.store
        command = MergeDeals(store, store.deal(keep.id or 0), store.deal(other.id or 0), self._ctx.deal_saved.emit,
                             self._ctx.deals_changed.emit)
        if self._ctx.push(command) and keep.id is not None:
            self._table.select_deal(keep.id)
            self._ctx.show_status(f"Deal {other.id} merged into deal {keep.id} (Edit > Undo takes the merge back)",
                                  8000)
