"""The detail pane's choices of what is one deal: "Use this" value, "Not the same deal", and possible duplicates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from gui.commands import ChooseValue, NotDuplicates, SplitDeal
from gui.context import Context
from gui.deals.table import DealTable
from gui.detail.alternatives import CHOICE_NOUNS, describe_value
from gui.detail.pane import DetailPane


class SourceActions(QObject):
    """Turns the pane's value_chosen and split_requested into ChooseValue and SplitDeal on the undo stack, and
    its possible duplicates' Merge into the merge preview (`preview_merge(keep_id, other_id)`, as Edit > Merge)
    and Not a duplicate into NotDuplicates."""

    def __init__(self, ctx: Context, detail: DetailPane, table: DealTable,
                 preview_merge: Callable[[int, int], object]) -> None:
        super().__init__(ctx)
        self._ctx, self._detail, self._table = ctx, detail, table
        self._preview_merge = preview_merge
        detail.value_chosen.connect(self._on_detail_value_chosen)
        detail.split_requested.connect(self._on_detail_split_requested)
        detail.duplicates.show_requested.connect(self._on_duplicates_show_requested)
        detail.duplicates.merge_requested.connect(self._on_duplicates_merge_requested)
        detail.duplicates.dismiss_requested.connect(self._on_duplicates_dismiss_requested)

    def _on_detail_value_chosen(self, field: str, value: Any) -> None:
        deal = self._detail.deal
        if deal is None or deal.id is None:
            return
        command = ChooseValue(self._ctx.store, deal, field, value, f"Choose {CHOICE_NOUNS[field]}",
                              self._ctx.deal_saved.emit)
        if self._ctx.push(command):
            self._ctx.show_status(
                f"{CHOICE_NOUNS[field].capitalize()} set to {describe_value(field, value)}", 5000)

    def _on_detail_split_requested(self, article_id: int) -> None:
        deal = self._detail.deal
        if deal is None or deal.id is None:
            return
        title = next((s.title for s in deal.sources if s.article_id == article_id), None) or f"article {article_id}"
        command = SplitDeal(self._ctx.store, deal, article_id, self._ctx.deal_saved.emit,
                            self._ctx.deals_changed.emit)
        if self._ctx.push(command):
            self._ctx.show_status(
                f"“{title}” is a deal of its own now; later imports keep the two apart "
                "(Edit > Undo joins them again)", 8000)

    def _on_duplicates_show_requested(self, other_id: int) -> None:
        if not self._table.select_deal(other_id):
            self._ctx.show_status(f"Deal {other_id} is not in the list as filtered now", 5000)

    def _on_duplicates_merge_requested(self, other_id: int) -> None:
        deal = self._detail.deal
        if deal is None or deal.id is None:
            return
        # The deal on screen stays; the offered one joins it, as Edit > Merge does with the current deal.
        self._preview_merge(deal.id, other_id)

    def _on_duplicates_dismiss_requested(self, other_id: int) -> None:
        deal = self._detail.deal
        if deal is None or deal.id is None:
            return
        pair = (deal.id, other_id)
        if self._ctx.push(NotDuplicates(self._ctx.store, *pair, lambda: self._show_again(pair))):
            self._ctx.show_status(
                f"Deal {other_id} is no longer offered as a duplicate (Edit > Undo offers it again)", 5000)

    def _show_again(self, pair: tuple[int, int]) -> None:
        shown = self._detail.deal
        if shown is not None and shown.id in pair:
            self._ctx.deal_saved.emit(self._ctx.store.deal(shown.id))
