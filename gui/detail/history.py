"""The History tab: who (a person or the parser) changed which field of a deal, from what to what, and when."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from gui.formatting import format_money

_FIELD_NAMES = {"date_precision": "Date precision", "needs_review": "Needs review", "deleted_at": "Trash",
                "edited": "Edited by hand"}


def local_time(at: str | None) -> str:
    """The store keeps UTC; people read their own clock."""
    if not at:
        return ""
    try:
        return datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return at


def describe(field: str, value: Any) -> str:
    """A history value as a person reads it: names for parties, money for amounts, lists joined."""
    if field == "deleted_at":
        return "in the trash" if value else "in the list"
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return "; ".join(_describe_item(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _describe_item(item: Any) -> str:
    if not isinstance(item, dict):
        return str(item)
    if "name" in item:
        extra = ", ".join(str(item[k]) for k in ("role", "title") if item.get(k))
        return f"{item['name']} ({extra})" if extra else str(item["name"])
    if "value" in item and "currency" in item:
        return format_money(item["value"], item["currency"])
    if "text" in item:
        return str(item["text"])
    return json.dumps(item, ensure_ascii=False)


def _short(text: str, limit: int = 70) -> str:
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
        for entry in sorted(entries, key=lambda e: (e.at or "", e.id or 0), reverse=True):
            old, new = describe(entry.field, entry.old), describe(entry.field, entry.new)
            change = new if entry.old is None and entry.field != "deleted_at" else f"{old} → {new}"
            name = _FIELD_NAMES.get(entry.field, entry.field.replace("_", " ").capitalize())
            item = QTreeWidgetItem([local_time(entry.at), entry.by or "", name, _short(change)])
            item.setToolTip(3, f"Before: {old}\nAfter: {new}")
            self.addTopLevelItem(item)
