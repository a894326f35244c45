"""The detail pane's source choices: "Use this" value among disagreeing sources, and "Not the same deal"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from gui.alternatives import CHOICE_NOUNS, describe_value
from gui.commands import ChooseValue, SplitDeal
from gui.import_runner import refresh_window

if TYPE_CHECKING:
    from gui.main_window import MainWindow


class SourceActions(QObject):
    """Turns the pane's value_chosen and split_requested into ChooseValue and SplitDeal on the undo stack."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.detail.value_chosen.connect(self._on_detail_value_chosen)
        window.detail.split_requested.connect(self._on_detail_split_requested)

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
