"""The detail pane's choices of what is one deal: "Use this" value, "Not the same deal", and possible duplicates."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from gui.detail.alternatives import CHOICE_NOUNS, describe_value
from gui.commands import ChooseValue, MergeDeals, NotDuplicates, SplitDeal
from gui.importing.runner import refresh_window

if TYPE_CHECKING:
    from gui.main_window import MainWindow


class SourceActions(QObject):
    """Turns the pane's value_chosen and split_requested into ChooseValue and SplitDeal on the undo stack, and
    its possible duplicates' Merge and Not a duplicate into MergeDeals and NotDuplicates."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.detail.value_chosen.connect(self._on_detail_value_chosen)
        window.detail.split_requested.connect(self._on_detail_split_requested)
        window.detail.duplicates.show_requested.connect(self._on_duplicates_show_requested)
        window.detail.duplicates.merge_requested.connect(self._on_duplicates_merge_requested)
        window.detail.duplicates.dismiss_requested.connect(self._on_duplicates_dismiss_requested)

    def _on_deal_saved(self, deal: Any) -> None:
        self._window._on_deal_saved(deal)  # noqa: SLF001 - the window's own refresh of one deal

    def _on_detail_value_chosen(self, field: str, value: Any) -> None:
        deal = self._window.detail.deal
        if deal is None or deal.id is None:
            return
        command = ChooseValue(self._window.store, deal, field, value, f"Choose {CHOICE_NOUNS[field]}",
                              self._on_deal_saved)
        if self._window.push(command):
            self._window.statusBar().showMessage(
                f"{CHOICE_NOUNS[field].capitalize()} set to {describe_value(field, value)}", 5000)

    def _on_detail_split_requested(self, article_id: int) -> None:
        deal = self._window.detail.deal
        if deal is None or deal.id is None:
            return
        title = next((s.title for s in deal.sources if s.article_id == article_id), None) or f"article {article_id}"
        command = SplitDeal(self._window.store, deal, article_id, self._on_deal_saved,
                            lambda: refresh_window(self._window))
        if self._window.push(command):
            self._window.statusBar().showMessage(
                f"“{title}” is a deal of its own now; later imports keep the two apart "
                "(Edit > Undo joins them again)", 8000)

    def _on_duplicates_show_requested(self, other_id: int) -> None:
        if not self._window.select_deal(other_id):
            self._window.statusBar().showMessage(f"Deal {other_id} is not in the list as filtered now", 5000)

    def _on_duplicates_merge_requested(self, other_id: int) -> None:
        deal = self._window.detail.deal
        if deal is None or deal.id is None:
            return
        # The deal on screen stays; the offered one joins it, as Edit > Merge does with the current deal.
        store = self._window.store
        command = MergeDeals(store, store.deal(deal.id), store.deal(other_id), self._on_deal_saved,
                             self._window.reload_deals)
        if self._window.push(command):
            self._window.statusBar().showMessage(
                f"Deal {other_id} merged into this deal (Edit > Undo takes the merge back)", 8000)

    def _on_duplicates_dismiss_requested(self, other_id: int) -> None:
        deal = self._window.detail.deal
        if deal is None or deal.id is None:
            return
        pair = (deal.id, other_id)
        if self._window.push(NotDuplicates(self._window.store, *pair, lambda: self._show_again(pair))):
            self._window.statusBar().showMessage(
                f"Deal {other_id} is no longer offered as a duplicate (Edit > Undo offers it again)", 5000)

    def _show_again(self, pair: tuple[int, int]) -> None:
        shown = self._window.detail.deal
        if shown is not None and shown.id in pair:
            self._on_deal_saved(self._window.store.deal(shown.id))
