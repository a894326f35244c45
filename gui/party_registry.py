"""The party registry window: every party with its kind, country, aliases and deal count; a double click lists its deals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QLineEdit, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from core.model import DealQuery
from gui.formatting import kind_label

COLUMNS = ("Name", "Kind", "Country", "Aliases", "Deals")


class _CountItem(QTableWidgetItem):
    """Sorts by number, not by text ("10" after "9")."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return int(self.text() or 0) < int(other.text() or 0)


class PartyRegistryDialog(QDialog):
    party_chosen = Signal(str)  # a canonical name, as the party facet lists it

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Party registry")
        self.setMinimumSize(480, 320)  # explicit: a layout-derived minimum is re-sent on every change
        self.resize(760, 520)
        self._filter = QLineEdit(self)
        self._filter.setPlaceholderText("Filter parties by name or alias")
        self._filter.setClearButtonEnabled(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        hint = QLabel("Double-click a party to list its deals.", self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self._filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self._filter.textChanged.connect(self._on_filter_text_changed)
        self.table.cellDoubleClicked.connect(self._on_table_cell_double_clicked)
        self.refresh(store)

    def refresh(self, store: Any) -> None:
        counts: dict[str, int] = {}
        for name, count in store.facets(DealQuery()).get("party", []):
            counts[name] = counts.get(name, 0) + count
        entities = store.entities()
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(entities))
        for row, entity in enumerate(entities):
            values = (entity.name, kind_label(str(entity.kind)), entity.country or "", ", ".join(entity.aliases))
            for col, text in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(text))
            count = _CountItem(str(counts.get(entity.name, 0)))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 4, count)
        self.table.setSortingEnabled(True)
        self.table.sortItems(4, Qt.SortOrder.DescendingOrder)
        self._on_filter_text_changed(self._filter.text())

    def _on_filter_text_changed(self, text: str) -> None:
        needle = text.casefold().strip()
        for row in range(self.table.rowCount()):
            haystack = f"{self.table.item(row, 0).text()} {self.table.item(row, 3).text()}".casefold()
            self.table.setRowHidden(row, bool(needle) and needle not in haystack)

    def _on_table_cell_double_clicked(self, row: int, _: int) -> None:
        self.party_chosen.emit(self.table.item(row, 0).text())
