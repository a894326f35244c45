"""The deal list's view: read-only rows over the paged model, and selection by deal id."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from gui.deals.model import Column, DealsTableModel

_COLUMN_WIDTHS = {Column.REVIEW: 30, Column.TITLE: 210, Column.TYPE: 95, Column.DATE: 105, Column.PARTIES: 140,
                  Column.VALUE: 130, Column.STATUS: 85, Column.SECTORS: 150, Column.SOURCES: 60}


class DealTable(QTableView):
    """The list of deals; editing happens in the detail pane, so no cell is editable."""

    def __init__(self, model: DealsTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setObjectName("deals")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        for column, width in _COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSortIndicator(Column.DATE, Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)

    def select_deal(self, deal_id: int) -> bool:
        """Make the deal's row current and show it; False when the list as filtered does not hold it."""
        row = self._model.row_of(deal_id)
        if row is None:
            return False
        self.selectRow(row)
        self.setCurrentIndex(self._model.index(row, 0))
        self.scrollTo(self._model.index(row, 0))
        return True

    def select_deals(self, deal_ids: Sequence[int]) -> None:
        """Select the rows of `deal_ids` that the list shows (the first is made current)."""
        model = self._model
        rows = [r for r in (model.row_of(i, max_pages=5) for i in deal_ids) if r is not None]
        if not rows:
            return
        self.select_deal(model.deal_id(rows[0]) or 0)
        selection = QItemSelection()
        for row in rows:
            selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        return [i for i in (self._model.deal_id(r) for r in rows) if i is not None]

    def selected_rows(self) -> list[int]:
        return [index.row() for index in self.selectionModel().selectedRows()]
