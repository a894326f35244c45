"""A league table's rows for a QTableView: party, deals and US-dollar total, read only."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from core.insights import LeagueRow
from gui.formatting import format_money

HEADERS = ("Party", "Deals", "US$")
_Index = QModelIndex | QPersistentModelIndex


class LeagueModel(QAbstractTableModel):
    """Rows as the store ranked them; sorting is the store's (by count or by value), not the view's."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[LeagueRow, ...] = ()

    def set_rows(self, rows: Sequence[LeagueRow]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row_at(self, row: int) -> LeagueRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, f"{row.count:,}", format_money(row.usd_total, "USD") or "US$0")[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.name}: {row.count:,} deals, {format_money(row.usd_total, 'USD') or 'US$0'}\nClick to list them"
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
