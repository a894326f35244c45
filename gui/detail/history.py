"""The History tab: who (you, an import, a re-parse) changed which field of a deal, from what to what, and when."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from gui.formatting import format_money, kind_label, plural, status_label, type_label

FIELD_NAMES = {
    "title": "Title", "type": "Type", "status": "Status", "date": "Date", "date_precision": "Date precision",
    "location": "Location", "sectors": "Sectors", "summary": "Summary", "notes": "Notes", "parties": "Parties",
    "amounts": "Amounts", "commitments": "Commitments", "people": "People", "sources": "Sources",
    "needs_review": "Needs review", "deleted_at": "Trash", "edited": "Edited by hand",
}
_FIELD_LISTS = ("needs_review", "edited")  # values that are lists of field names


def field_name(field: str) -> str:
    return FIELD_NAMES.get(field, field.replace("_", " ").capitalize())


def local_time(at: str | None) -> str:
    """The store keeps UTC; people read their own clock."""
    if not at:
        return ""
    try:
        return datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return at


def describe(field: str, value: Any) -> str:
    """A history value as a person reads it: labels for codes, names for parties, money for amounts, lists joined."""
    if field == "deleted_at":
        return "in the trash" if value else "in the list"
    if field == "sources" and isinstance(value, list):
        return plural(len(value), "source")
    if field in _FIELD_LISTS and isinstance(value, list):
        return ", ".join(field_name(str(f)) for f in value) if value else "none"
    if value is None or value == "" or value == []:
        return "—"
    if field == "type":
        return type_label(str(value))
    if field == "status":
        return status_label(str(value))
    if field == "date_precision":
        return str(value).capitalize()
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
        if item.get("kind") and item["kind"] != "company" and "role" in item:
            extra = f"{kind_label(item['kind']).lower()}, {extra}" if extra else kind_label(item["kind"]).lower()
        return f"{item['name']} ({extra})" if extra else str(item["name"])
    if "value" in item and "currency" in item:
        return format_money(item["value"], item["currency"])
    if "text" in item:
        return str(item["text"])
    return json.dumps(item, ensure_ascii=False)


def change_text(field: str, old: Any, new: Any, titles: Mapping[int, str] | None = None) -> str:
    """'MoU → Investment'; a first value alone; sources say which articles came or went."""
    before, after = describe(field, old), describe(field, new)
    if old is None and field != "deleted_at":
        text = after
    else:
        text = f"{before} → {after}"
    if field == "sources" and isinstance(new, list):
        gone = [i for i in (old or []) if i not in new]
        came = [i for i in new if i not in (old or [])]
        names = (titles or {})
        parts = [f"{word} {', '.join('“' + names.get(i, f'article {i}') + '”' for i in ids)}"
                 for word, ids in (("added", came), ("removed", gone)) if ids]
        text += f" ({'; '.join(parts)})" if parts else ""
    return text


def who(entries: Sequence[Any]) -> dict[int, str]:
    """Who made each entry, in words: "you", or for the parser's rows "import" or "re-parse".

    The store records only person or parser; the parser's rows of one moment tell which it was: a deal
    made then (its title set from nothing) or a source added is an import, one source fewer a split.
    """
    moments: dict[str, list[Any]] = defaultdict(list)
    for entry in entries:
        if entry.by != "person":
            moments[entry.at or ""].append(entry)
    words: dict[int, str] = {}
    for group in moments.values():
        word = "re-parse"
        for entry in group:
            if entry.field == "title" and entry.old is None:
                word = "import"
            elif entry.field == "sources" and isinstance(entry.new, list):
                word = "import" if len(entry.new) > len(entry.old or []) else "split"
        for entry in group:
            words[entry.id] = word
    return {e.id: "you" if e.by == "person" else words.get(e.id, "parser") for e in entries}


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

    def set_entries(self, entries: Sequence[Any], titles: Mapping[int, str] | None = None) -> None:
        """Newest first; each entry has at, by, field, old and new (HistoryEntry from the store).

        `titles` names the deal's articles by id, so a change of sources says which came or went.
        """
        self.clear()
        by = who(entries)
        for entry in sorted(entries, key=lambda e: (e.at or "", e.id or 0), reverse=True):
            change = change_text(entry.field, entry.old, entry.new, titles)
            name = field_name(entry.field)
            item = QTreeWidgetItem([local_time(entry.at), by[entry.id], name, _short(change)])
            item.setToolTip(3, f"{name}: {change}")
            self.addTopLevelItem(item)


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
