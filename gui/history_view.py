"""The History tab: who (a person or the parser) changed which field of a deal, from what to what, and when."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget


def _short(value: Any, limit: int = 80) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class HistoryView(QTreeWidget):
    COLUMNS = ("When", "By", "Field", "Change")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history")
        self.setColumnCount(len(self.COLUMNS))
        self.setHeaderLabels(list(self.COLUMNS))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        header = self.header()
        for i in range(3):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def set_entries(self, entries: Sequence[Any]) -> None:
        """Newest first; each entry has at, by, field, old and new (HistoryEntry from the store)."""
        self.clear()
        for entry in sorted(entries, key=lambda e: (e.at or "", getattr(e, "id", 0) or 0), reverse=True):
            when = (entry.at or "").replace("T", " ")[:16]
            old, new = _short(entry.old), _short(entry.new)
            change = f"{old} → {new}" if old else new
            item = QTreeWidgetItem([when, entry.by or "", entry.field or "", change])
            item.setToolTip(3, f"Before: {entry.old}\nAfter: {entry.new}")
            self.addTopLevelItem(item)
