"""The end of an import: one line for the status bar, and a small non-modal panel when there is more to say."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from core.importer import SourceResult  # the window starts without the parser; imports load it

ADDED, MERGED, ALREADY, SKIPPED = "added", "merged", "already", "skipped"
_HEADINGS = {
    ADDED: "Added as new deals",
    MERGED: "Merged into deals already in the list",
    ALREADY: "Already imported",
    SKIPPED: "Skipped",
}
_EXPLAINED = (
    "<b>Merged</b>: the article reports a deal that is already in the list, so it became one more source "
    "of that deal; where the articles disagree, both values are kept side by side in the deal's details. "
    "<b>Already imported</b>: the same text or address was imported before; <i>Re-parse</i> runs the "
    "current parser over it again and keeps every field you edited by hand."
)
DEAL_ROLE = Qt.ItemDataRole.UserRole
ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def kind(result: SourceResult) -> str:
    if result.error is not None or result.outcome is None:
        return SKIPPED
    if result.outcome.already_imported:
        return ALREADY
    return MERGED if result.outcome.merged else ADDED


def status_line(results: Sequence[SourceResult], *, cancelled: bool = False, total: int = 0) -> str:
    """"Imported 3 deals from 2 articles; 1 merged with existing deals; 1 already imported; 1 skipped"."""
    outcomes = [r.outcome for r in results if r.outcome is not None]
    added = sum(len(o.added) for o in outcomes)
    merged = len({i for o in outcomes for i in o.merged})
    again = sum(1 for o in outcomes if o.already_imported)
    skipped = sum(1 for r in results if r.error is not None)
    parts = [f"Imported {_plural(added, 'deal')} from {_plural(len(outcomes) - again, 'article')}"]
    if merged:
        parts.append(f"{merged} merged with existing deals")
    if again:
        parts.append(f"{again} already imported")
    if skipped:
        parts.append(f"{skipped} skipped")
    if cancelled:
        parts.append(f"cancelled after {len(results)} of {total}")
    return "; ".join(parts)


def needs_panel(results: Sequence[SourceResult]) -> bool:
    """A plain success is told in the status bar; anything merged, skipped or already there gets the panel."""
    return any(kind(r) != ADDED for r in results)


def shown_name(source: str) -> str:
    # A path shows as its file name (the full path is the tooltip); addresses and titles as they are.
    return Path(source).name if "/" in source and "://" not in source else source


class ImportSummary(QDialog):
    """Each source under what became of it; a double click shows the deal, Re-parse re-reads stored articles."""

    deal_requested = Signal(int)
    reparse_requested = Signal(list)  # article ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import summary")
        self.setModal(False)
        self.setMinimumSize(460, 300)  # explicit: a layout-derived minimum is re-sent on every change
        self.resize(600, 380)
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Source", "What happened"])
        self.tree.setRootIsDecorated(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setColumnWidth(0, 240)
        explained = QLabel(_EXPLAINED, self)
        explained.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.reparse_button = QPushButton("&Re-parse already imported", self)
        self.reparse_button.setToolTip("Run the current parser over those articles again; your edits stay")
        buttons.addButton(self.reparse_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.tree, 1)
        layout.addWidget(explained)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.close)
        self.reparse_button.clicked.connect(self._on_reparse_clicked)
        self.tree.itemDoubleClicked.connect(self._on_tree_item_double_clicked)
        self.tree.itemSelectionChanged.connect(self._on_tree_selection_changed)

    def set_results(self, results: Sequence[SourceResult], titles: Mapping[int, str], headline: str) -> None:
        """Show `results`; `titles` names the deals they added or merged into."""
        self.headline.setText(headline)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for result in results:
            group = kind(result)
            if group not in groups:
                groups[group] = QTreeWidgetItem([_HEADINGS[group], ""])
            item = QTreeWidgetItem([shown_name(result.source), self._what(result, titles)])
            item.setToolTip(0, result.source)
            item.setToolTip(1, item.text(1))
            outcome = result.outcome
            if outcome is not None:
                deal_ids = (*outcome.added, *outcome.merged)
                if deal_ids:
                    item.setData(0, DEAL_ROLE, deal_ids[0])
                if outcome.already_imported and outcome.article_id is not None:
                    item.setData(0, ARTICLE_ROLE, outcome.article_id)
            groups[group].addChild(item)
        for group in (ADDED, MERGED, ALREADY, SKIPPED):
            if group in groups:
                item = groups[group]
                item.setText(1, f"{item.childCount()}")
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.tree.addTopLevelItem(item)
                item.setExpanded(True)
        self.reparse_button.setEnabled(bool(self.already_imported()))

    def already_imported(self, selected_only: bool = False) -> list[int]:
        """Article ids of the sources that were already imported (only the selected ones, if asked)."""
        items = self.tree.selectedItems() if selected_only else [
            self.tree.topLevelItem(i).child(j)
            for i in range(self.tree.topLevelItemCount()) for j in range(self.tree.topLevelItem(i).childCount())]
        return [i for i in (item.data(0, ARTICLE_ROLE) for item in items) if i is not None]

    def rows(self) -> list[tuple[str, str, str]]:
        """(group heading, source, what happened) per source, in the order shown: for tests and screen readers."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                out.append((group.text(0), group.child(j).text(0), group.child(j).text(1)))
        return out

    @staticmethod
    def _what(result: SourceResult, titles: Mapping[int, str]) -> str:
        if result.error is not None or result.outcome is None:
            return result.error or "not imported"
        outcome = result.outcome
        if outcome.already_imported:
            return "already imported: the same text or address is stored"
        parts = []
        if outcome.added or not outcome.merged:
            parts.append(f"added {_plural(len(outcome.added), 'deal')}")
        for deal_id in outcome.merged:
            parts.append(f"merged into “{titles.get(deal_id, f'deal #{deal_id}')}”")
        return "; ".join(parts)

    def _on_reparse_clicked(self) -> None:
        ids = self.already_imported(selected_only=True) or self.already_imported()
        if ids:
            self.reparse_requested.emit(ids)

    def _on_tree_selection_changed(self) -> None:
        selected = self.already_imported(selected_only=True)
        self.reparse_button.setText("&Re-parse selected" if selected else "&Re-parse already imported")

    def _on_tree_item_double_clicked(self, item: QTreeWidgetItem, _: int) -> None:
        deal_id = item.data(0, DEAL_ROLE)
        if deal_id is not None:
            self.deal_requested.emit(int(deal_id))
