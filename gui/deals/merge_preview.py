"""Merge preview: two deals side by side before a merge, what differs and which value the merged deal keeps."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from core.deals.merge import merged_deal
from core.model import Deal
from gui.formatting import format_date, format_money, status_label, type_label

# The fields a person compares, in the detail pane's order, with their labels.
_FIELDS = (
    ("title", "Title"), ("type", "Type"), ("status", "Status"), ("date", "Date"), ("location", "Location"),
    ("sectors", "Sectors"), ("parties", "Parties"), ("amounts", "Amounts"), ("commitments", "Commitments"),
    ("people", "People"), ("sources", "Sources"), ("summary", "Summary"), ("notes", "Notes"),
)
KEPT, OTHER, BOTH = "kept", "other", "both"


@dataclass(frozen=True)
class PreviewRow:
    """One field of the two deals as shown; `winner` is whose value the merged deal has (`BOTH`: joined)."""

    label: str
    kept: str
    other: str
    merged: str
    differs: bool
    winner: str


def shown_value(deal: Deal, field: str) -> str:
    """A field as the preview writes it: labels, money and dates as the list shows them, lists joined."""
    if field == "type":
        return type_label(deal.type)
    if field == "status":
        return status_label(deal.status)
    if field == "date":
        return format_date(deal.date, deal.date_precision)
    if field == "parties":
        return ", ".join(f"{p.name} ({p.role})" for p in deal.parties)
    if field == "amounts":
        return ", ".join(format_money(a.value, a.currency) for a in deal.amounts)
    if field == "commitments":
        return "; ".join(c.text for c in deal.commitments)
    if field == "people":
        return ", ".join(p.name for p in deal.people)
    if field == "sources":
        return "; ".join(s.title or f"Article {s.article_id}" for s in deal.sources)
    if field == "sectors":
        return ", ".join(deal.sectors)
    return " ".join(str(getattr(deal, field) or "").split())


def preview_rows(keep: Deal, other: Deal) -> list[PreviewRow]:
    """Each field of `keep` and `other` beside what Store.merge_deals makes of them (core.deals.merge.merged_deal)."""
    merged = merged_deal(keep, other)
    rows = []
    for field, label in _FIELDS:
        kept, theirs, result = (shown_value(d, field) for d in (keep, other, merged))
        if result == kept and (result == theirs or not theirs):
            winner = KEPT
        elif result == theirs and not kept:
            winner = OTHER
        else:
            winner = BOTH if result != kept else KEPT
        rows.append(PreviewRow(label, kept, theirs, result, kept != theirs, winner))
    return rows


def mismatches(keep: Deal, other: Deal) -> list[str]:
    """Why these two may not be one deal: their types differ, or they name different parties."""
    lines = []
    if keep.type != other.type:
        lines.append(f"The types differ ({type_label(keep.type)} and {type_label(other.type)}): "
                     f"the merged deal is {type_label(keep.type)}.")
    ours = {p.name.casefold(): p.name for p in keep.parties}
    theirs = {p.name.casefold(): p.name for p in other.parties}
    if ours.keys() != theirs.keys():
        only = [theirs[k] for k in theirs.keys() - ours.keys()] + [ours[k] for k in ours.keys() - theirs.keys()]
        lines.append(f"The parties differ ({', '.join(sorted(only))} in one deal only): the merged deal has them all.")
    return lines


class MergePreview(QDialog):
    """Shows what Merge would do; Merge accepts, Cancel changes nothing. "Keep the other" swaps the two."""

    def __init__(self, keep: Deal, other: Deal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge deals")
        self.keep, self.other = keep, other
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.warning = QLabel(self)
        self.warning.setObjectName("merge_warning")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        font = self.warning.font()
        font.setBold(True)
        self.warning.setFont(font)
        self.table = QTableWidget(0, 4, self)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        # Rows follow their wrapped text as the columns share the width.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.legend = QLabel("Rows that differ are shaded; ✓ marks the value the merged deal keeps. "
                             "The other deal goes to the trash, and Edit > Undo takes the merge back.", self)
        self.legend.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.merge_button = self.buttons.addButton("Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        self.swap_button = QPushButton("Keep the other deal instead", self)
        self.buttons.addButton(self.swap_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.swap_button.clicked.connect(self._on_swap_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.warning)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.buttons)
        self.merge_button.setDefault(True)
        self._fill()
        self.setMinimumSize(560, 360)  # explicit: a layout-derived minimum is re-sent on every change
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 150, metrics.lineSpacing() * 36)

    def rows(self) -> list[PreviewRow]:
        return preview_rows(self.keep, self.other)

    def _fill(self) -> None:
        keep, other = self.keep, self.other
        self.heading.setText(f"Merge deal {other.id} “{other.title}” into deal {keep.id} “{keep.title}”?")
        lines = mismatches(keep, other)
        self.warning.setText("\n".join(f"⚠ {line}" for line in lines))
        self.warning.setVisible(bool(lines))
        self.table.setHorizontalHeaderLabels(["Field", f"Kept: deal {keep.id}", f"Merged in: deal {other.id}",
                                              "Merged deal"])
        rows = self.rows()
        self.table.setRowCount(len(rows))
        shade = self.palette().color(QPalette.ColorRole.Highlight)
        shade.setAlpha(45)  # a tint of the palette's own highlight: it reads in light and dark themes
        bold = QFont(self.font())
        bold.setBold(True)
        for i, row in enumerate(rows):
            cells = [row.label, row.kept, row.other, row.merged]
            for column, text in enumerate(cells):
                won = row.differs and ((column == 1 and row.winner in (KEPT, BOTH))
                                       or (column == 2 and row.winner in (OTHER, BOTH)))
                item = QTableWidgetItem(f"✓ {text}" if won else text or "—")
                item.setToolTip(text)
                if row.differs:
                    item.setBackground(shade)
                    if won or column == 0:
                        item.setFont(bold)
                self.table.setItem(i, column, item)

    def _on_swap_button_clicked(self) -> None:
        self.keep, self.other = self.other, self.keep
        self._fill()
