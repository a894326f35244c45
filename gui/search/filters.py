"""The filter side panel: checkable facet values with counts, like a tag browser."""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import QSize, QStringListModel, QTimer, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter, QHeaderView, QLineEdit, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from gui.formatting import status_label, type_label

# (facet key from store.facets, heading, how a value reads)
GROUPS: tuple[tuple[str, str, Callable[[str], str]], ...] = (
    ("inbox", "Inbox", lambda value: "Not yet reviewed"),  # the saved view "From feeds, not yet reviewed"
    ("type", "Type", type_label),
    ("status", "Status", status_label),
    ("sector", "Sector", str),
    ("year", "Year", str),
    ("country", "Country", str),
    ("party", "Party", str),
    ("review", "Review", lambda value: "Needs review"),
    ("watched", "Watched", lambda value: "Deals you watch"),  # shown once a watch exists (View > Watch lists)
    # No counts of its own: a period shows only once a bar of the Insights view set it ("2025-Q3").
    ("period", "Period", str),
)
PENDING = "…"  # a count still coming: never the last query's count shown as this one's
MAX_VALUES = 50  # per group; a checked value always stays listed
WIDTH_CHARS = 20  # "renewable energy", "artificial intelligence" whole; longer names elide in the middle
_VALUE_ROLE = Qt.ItemDataRole.UserRole


class FilterPanel(QWidget):
    """Emits `filters_changed` (once per burst of clicks) when a value is checked or unchecked."""

    filters_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._find = QLineEdit(self)
        self._find.setObjectName("filter_find")
        self._find.setPlaceholderText("Find a party or value")
        self._find.setClearButtonEnabled(True)
        self._find.setToolTip("Shows the listed values that hold these letters; "
                              "Enter on a party's whole name filters by that party")
        self._tree = QTreeWidget(self)
        self._tree.setObjectName("filter_tree")
        self._tree.setColumnCount(2)
        self._tree.setHeaderHidden(True)
        self._tree.setRootIsDecorated(True)
        self._tree.setUniformRowHeights(True)
        # The middle goes, so "Corvane Systems Inc." and "Corvane Systems GmbH" stay apart; tooltips hold it whole.
        self._tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self._tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._groups: dict[str, QTreeWidgetItem] = {}
        self._filled: set[str] = set()
        self._inbox = 0  # the inbox is a saved view: its count is every waiting deal, whatever else is chosen
        self._counted: set[str] = set()  # the groups the last facets counted
        for key, heading, _ in GROUPS:
            group = QTreeWidgetItem(self._tree, [heading, ""])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setData(0, _VALUE_ROLE, key)
            group.setHidden(key == "period")  # until a bar sets one
            self._groups[key] = group
        self._clear = QPushButton("Clear filters", self)
        self._clear.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._find)
        layout.addWidget(self._tree, 1)
        layout.addWidget(self._clear)
        # One signal after the click's own handlers have returned, so the window may rebuild items.
        self._emit_timer = QTimer(self)
        self._emit_timer.setSingleShot(True)
        self._emit_timer.setInterval(0)
        self._emit_timer.timeout.connect(self.filters_changed)
        self._tree.itemChanged.connect(self._on_tree_item_changed)
        self._clear.clicked.connect(self._on_clear_clicked)
        self._find.textChanged.connect(self._on_find_text_changed)
        self._find.returnPressed.connect(self._on_find_return_pressed)

    @property
    def tree(self) -> QTreeWidget:
        return self._tree

    @property
    def find_box(self) -> QLineEdit:
        return self._find

    def sizeHint(self) -> QSize:
        metrics = self._tree.fontMetrics()
        check = self.style().pixelMetric(self.style().PixelMetric.PM_IndicatorWidth)
        scroll = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        width = (metrics.averageCharWidth() * WIDTH_CHARS + metrics.horizontalAdvance(" 99,999")
                 + 2 * self._tree.indentation() + check + scroll + 2 * self._tree.frameWidth())
        return QSize(width, super().sizeHint().height())

    def set_party_completer(self, completer: QCompleter) -> None:
        """Names to offer in the find box: every party, not only the listed top ones."""
        self._find.setCompleter(completer)
        completer.activated.connect(self._on_find_return_pressed)  # a click in the list presses no Return

    def selection(self) -> dict[str, list[str]]:
        """The checked raw values of each facet key."""
        chosen: dict[str, list[str]] = {}
        for key, group in self._groups.items():
            values = [child.data(0, _VALUE_ROLE) for child in _children(group)
                      if child.checkState(0) == Qt.CheckState.Checked]
            if values:
                chosen[key] = values
        return chosen

    def set_checked(self, key: str, value: str, checked: bool = True) -> None:
        item = self.item(key, value)
        if item is None and checked:
            # A value beyond the listed top ones (a rare party): list it, the next counts fill it in.
            label = next(lab for k, _, lab in GROUPS if k == key)
            item = self._new_item(label, value)
            self._groups[key].insertChild(0, item)
            self._groups[key].setHidden(False)
            self._groups[key].setExpanded(True)
        if item is not None:
            item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def values(self, key: str) -> list[str]:
        """The values a facet lists now (its top ones by count), as the filters take them."""
        return [str(child.data(0, _VALUE_ROLE)) for child in _children(self._groups[key])]

    def item(self, key: str, value: str) -> QTreeWidgetItem | None:
        return next((c for c in _children(self._groups[key]) if c.data(0, _VALUE_ROLE) == value), None)

    def set_facets(self, facets: dict[str, list[tuple[str, int]]], pending: Collection[str] = ()) -> None:
        """Show new counts; values with no deals left disappear unless they are checked.

        Groups in `pending` are still being counted: they keep their values, each showing "…".
        """
        self._counted = set(facets) - set(pending)
        self._tree.blockSignals(True)
        try:
            for key, _, label in GROUPS:
                if key in pending and key not in facets:
                    self._show_pending(key)
                else:
                    self._fill_group(key, label, [("yes", self._inbox)] if key == "inbox" else facets.get(key, []))
        finally:
            self._tree.blockSignals(False)
        self._clear.setEnabled(bool(self.selection()))

    def mark_pending(self) -> None:
        """The counts shown no longer hold (another query, a changed database): each shows "…" until new ones come."""
        self._counted.clear()
        for key, _, _ in GROUPS:
            if key != "inbox":
                self._show_pending(key)

    def pending(self) -> list[str]:
        """The groups whose counts are still coming."""
        return [key for key, group in self._groups.items()
                if any(child.text(1) == PENDING for child in _children(group))]

    def _show_pending(self, key: str) -> None:
        self._tree.blockSignals(True)
        try:
            for child in _children(self._groups[key]):
                child.setText(1, PENDING)
                child.setToolTip(0, f"{child.text(0)}: counting…")
        finally:
            self._tree.blockSignals(False)

    def set_inbox_count(self, count: int) -> None:
        """How many deals from feeds wait in the inbox; the Inbox entry shows while there are any (or it is chosen)."""
        self._inbox = count
        self._tree.blockSignals(True)
        try:
            self._fill_group("inbox", GROUPS[0][2], [("yes", count)])
            self._groups["inbox"].setText(0, f"Inbox ({count})")
        finally:
            self._tree.blockSignals(False)

    def show_only(self, key: str, value: str) -> None:
        """Filter by this one value (a registry's double-click): every other check goes."""
        self.clear_selection(notify=False)
        self.set_checked(key, value)

    def clear_selection(self, notify: bool = True) -> None:
        self._tree.blockSignals(True)
        for group in self._groups.values():
            for child in _children(group):
                child.setCheckState(0, Qt.CheckState.Unchecked)
        self._tree.blockSignals(False)
        self._clear.setEnabled(False)
        if notify:
            self._emit_timer.start()

    def _fill_group(self, key: str, label: Callable[[str], str], values: list[tuple[str, int]]) -> None:
        group = self._groups[key]
        if key in ("review", "watched"):  # the store counts "yes" and "no"; only "yes" is a filter DealQuery knows
            values = [(value, count) for value, count in values if value == "yes"]
        checked = set(self.selection().get(key, []))
        counts = {str(value): count for value, count in values[:MAX_VALUES] if count or str(value) in checked}
        for value in checked - counts.keys():
            counts[value] = 0
        existing = {child.data(0, _VALUE_ROLE): child for child in _children(group)}
        for value, child in existing.items():
            if value not in counts:
                group.removeChild(child)
        for position, (value, count) in enumerate(counts.items()):
            item = existing.get(value)
            if item is None:
                item = self._new_item(label, value)
                group.insertChild(position, item)
            elif group.indexOfChild(item) != position:
                group.takeChild(group.indexOfChild(item))
                group.insertChild(position, item)
            item.setText(1, str(count) if key in self._counted or key == "inbox" else "")
            shown = "From feeds, not yet reviewed" if key == "inbox" else label(value)
            item.setToolTip(0, f"{shown}: {count} deal{'s' if count != 1 else ''}")
        group.setText(1, "")
        if key == "inbox":
            group.setText(0, f"Inbox ({self._inbox})")
        group.setHidden(group.childCount() == 0)
        if self._find.text().strip():
            self._show_found(self._find.text())
        if key not in self._filled and group.childCount():
            # Short lists open at first sight; long ones (parties in a big desk) wait for a click.
            group.setExpanded(group.childCount() <= 8 or key in ("inbox", "type", "status", "year", "review", "watched"))
            self._filled.add(key)
        elif checked:
            group.setExpanded(True)

    @staticmethod
    def _new_item(label: Callable[[str], str], value: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([label(value), ""])
        item.setData(0, _VALUE_ROLE, value)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemNeverHasChildren)
        item.setCheckState(0, Qt.CheckState.Unchecked)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _on_tree_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column == 0 and item.parent() is not None:
            self._clear.setEnabled(bool(self.selection()))
            self._emit_timer.start()

    def _on_clear_clicked(self) -> None:
        self.clear_selection()

    def _on_find_text_changed(self, text: str) -> None:
        self._show_found(text)

    def _show_found(self, text: str) -> None:
        needle = text.strip().casefold()
        for key, group in self._groups.items():
            shown = 0
            for child in _children(group):
                hide = bool(needle) and needle not in child.text(0).casefold() and needle not in str(
                    child.data(0, _VALUE_ROLE)).casefold()
                child.setHidden(hide)
                shown += not hide
            group.setHidden(shown == 0)
            if needle and shown:
                group.setExpanded(True)

    def _on_find_return_pressed(self, *_: object) -> None:
        name = self._party_named(self._find.text().strip())
        if name is not None:
            self.set_checked("party", name)
            # After the completer's own handlers, which put the chosen name in the box.
            QTimer.singleShot(0, self._find.clear)

    def _party_named(self, text: str) -> str | None:
        """The party whose whole name `text` is (any case): a listed one, else one the completer knows."""
        folded = text.casefold()
        if not folded:
            return None
        for child in _children(self._groups["party"]):
            if str(child.data(0, _VALUE_ROLE)).casefold() == folded:
                return str(child.data(0, _VALUE_ROLE))
        completer = self._find.completer()
        names = completer.model() if completer is not None else None
        if names is None:
            return None
        found = (str(names.index(row, 0).data()) for row in range(names.rowCount()))
        return next((name for name in found if name.casefold() == folded), None)


def _children(group: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [child for child in (group.child(i) for i in range(group.childCount())) if child is not None]


def name_completer(names: QStringListModel, parent: QWidget) -> QCompleter:
    """A completer over the registry's party names that finds a name by any part of it, in any case."""
    completer = QCompleter(names, parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer
