"""The status bar's count of the list in view: deals or matches, their total in the display currency, and how many have none."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from core.model import DealQuery
from core.store import Totals
from gui.deals.model import DealsTableModel
from gui.formatting import format_money


class ListCount(QLabel):
    """ "214 deals · US$38.2bn · 12 without a value"; during a search, the matches and their order."""

    def __init__(self, model: DealsTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._totals: tuple[DealQuery | None, Totals | None] = (None, None)

    def show_count(self) -> None:
        count = self._model.rowCount()
        query = self._model.query
        if query.search and query.sort == "id":
            # The header shows no sort then: say what the order is, and how to change it.
            text = f"{count:,} match{'' if count == 1 else 'es'}, latest added first"
            self.setToolTip("Click a column's header to sort the matches by it")
        else:
            text = f"{count:,} deal{'' if count == 1 else 's'}"
            self.setToolTip("")
        summed, totals = self._totals
        if totals is not None and summed == query:  # a sum for the list in view, not the one before
            text += f" · {format_money(totals.value, totals.currency)}"
            if totals.without_value:
                text += f" · {totals.without_value:,} without a value"
        self.setText(text)

    def totals_changed(self, query: DealQuery, totals: Totals) -> None:
        self._totals = (query, totals)
        self.show_count()
