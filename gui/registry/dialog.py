"""The party registry window: every party with its kind, country, aliases and deal count; rename, merge, aliases.

It writes nothing: each change is emitted as a request, and RegistryActions pushes an undo command.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from core.store import Store
from core.store.parties import Entity
from gui.background import ReadRunner
from gui.formatting import kind_label

COLUMNS = ("Name", "Kind", "Country", "Aliases", "Deals")

# Questions the window asks; tests put answers in their place. Each returns None when the person cancels.
AskText = Callable[[QWidget, str, str, str], "str | None"]
AskItem = Callable[[QWidget, str, str, list[str]], "str | None"]


def ask_text(parent: QWidget, title: str, label: str, text: str) -> str | None:
    answer, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return answer if ok else None


def ask_item(parent: QWidget, title: str, label: str, items: list[str]) -> str | None:
    answer, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return answer if ok else None


class CountItem(QTableWidgetItem):
    """A deal count that sorts by number ("10" after "9"); "…" while it is still being counted."""

    def __init__(self, count: int | None = None) -> None:
        super().__init__()
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count = -1
        self.set_count(count)

    def set_count(self, count: int | None) -> None:
        self.count = -1 if count is None else count
        self.setText("…" if count is None else str(count))
        self.setToolTip("Counting…" if count is None else "")

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return self.count < getattr(other, "count", -1)


def show_counts(table: QTableWidget, column: int, count_of: Callable[[int], int | None]) -> None:
    """Put counts in a column (count_of(row) of each row); the table sorts again by its sort column after."""
    sorting = table.isSortingEnabled()
    table.setSortingEnabled(False)  # rows would move under the loop
    for row in range(table.rowCount()):
        item = table.item(row, column)
        if isinstance(item, CountItem):
            item.set_count(count_of(row))
    table.setSortingEnabled(sorting)


def registry_table(parent: QWidget, columns: Sequence[str], *, stretch: int) -> QTableWidget:
    """A read-only table of registry entries: whole rows selected, several at once for a merge."""
    table = QTableWidget(0, len(columns), parent)
    table.setHorizontalHeaderLabels(list(columns))
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class PartyRegistryDialog(QDialog):
    party_chosen = Signal(str)  # a canonical name, as the party facet lists it
    rename_requested = Signal(int, str)  # entity id, new name
    merge_requested = Signal(int, int)  # the entity to keep, the one that joins it
    alias_add_requested = Signal(int, str)
    alias_remove_requested = Signal(int, str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Party registry")
        self.setMinimumSize(480, 320)  # explicit: a layout-derived minimum is re-sent on every change
        self.resize(760, 520)
        self.ask_text: AskText = ask_text
        self.ask_item: AskItem = ask_item
        self._entities: dict[int, Entity] = {}
        self._counts: dict[int, int] = {}  # live deals by entity id, read on the pool (gui.background)
        self._counter = ReadRunner(self)
        self._counter.finished.connect(self._on_counter_finished)
        self._filter = QLineEdit(self)
        self._filter.setPlaceholderText("Filter parties by name or alias")
        self._filter.setClearButtonEnabled(True)
        self.table = registry_table(self, COLUMNS, stretch=3)
        self.rename_button = QPushButton("&Rename…", self)
        self.merge_button = QPushButton("&Merge…", self)
        self.merge_button.setToolTip("Select the two entries that are one party (Ctrl+click), then merge them")
        self.add_alias_button = QPushButton("&Add alias…", self)
        self.remove_alias_button = QPushButton("Re&move alias…", self)
        actions = QHBoxLayout()
        for button in (self.rename_button, self.merge_button, self.add_alias_button, self.remove_alias_button):
            actions.addWidget(button)
        actions.addStretch(1)
        hint = QLabel("Double-click a party to list its deals. Every change here can be undone "
                      "with Edit > Undo in the main window.", self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self._filter)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self._filter.textChanged.connect(self._on_filter_text_changed)
        self.table.cellDoubleClicked.connect(self._on_table_cell_double_clicked)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self.rename_button.clicked.connect(self._on_rename_button_clicked)
        self.merge_button.clicked.connect(self._on_merge_button_clicked)
        self.add_alias_button.clicked.connect(self._on_add_alias_button_clicked)
        self.remove_alias_button.clicked.connect(self._on_remove_alias_button_clicked)
        self.refresh(store)

    def refresh(self, store: Store) -> None:
        """Read the registry again; the selected parties stay selected if they are still there."""
        chosen = set(self.selected_ids())
        entities = store.entities()
        self._entities = {e.id: e for e in entities}
        self._counts = {}
        self.table.setSortingEnabled(False)
        self.table.clearSelection()
        self.table.setRowCount(len(entities))
        for row, entity in enumerate(entities):
            values = (entity.name, kind_label(str(entity.kind)), entity.country or "", ", ".join(entity.aliases))
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entity.id)
                self.table.setItem(row, col, item)
            self.table.setItem(row, 4, CountItem())  # "…" until the counts arrive
        self.table.setSortingEnabled(True)
        self.table.sortItems(4, Qt.SortOrder.DescendingOrder)
        for row in range(self.table.rowCount()):
            if self._cell(row, 0).data(Qt.ItemDataRole.UserRole) in chosen:
                self._add_row_to_selection(row)
        self._on_filter_text_changed(self._filter.text())
        self._on_table_item_selection_changed()
        self._counter.start(store, Store.party_counts)

    def _on_counter_finished(self, counts: dict[int, int]) -> None:
        self._counts = counts
        show_counts(self.table, 4, lambda row: counts.get(int(self._cell(row, 0).data(Qt.ItemDataRole.UserRole)), 0))

    def counting(self) -> bool:
        """Whether the Deals column still waits for its counts."""
        return self._counter.busy

    def row_of(self, entity_id: int) -> int | None:
        for row in range(self.table.rowCount()):
            if self._cell(row, 0).data(Qt.ItemDataRole.UserRole) == entity_id:
                return row
        return None

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [int(self._cell(row, 0).data(Qt.ItemDataRole.UserRole)) for row in rows]

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None  # refresh() fills every cell of every row
        return item

    def _add_row_to_selection(self, row: int) -> None:
        flags = self.table.selectionModel().SelectionFlag
        self.table.selectionModel().select(self.table.model().index(row, 0), flags.Select | flags.Rows)

    def _selected(self) -> list[Entity]:
        return [self._entities[i] for i in self.selected_ids() if i in self._entities]

    def _on_table_item_selection_changed(self) -> None:
        chosen = self._selected()
        one = chosen[0] if len(chosen) == 1 else None
        self.rename_button.setEnabled(one is not None)
        self.add_alias_button.setEnabled(one is not None)
        self.remove_alias_button.setEnabled(one is not None and bool(one.aliases))
        self.merge_button.setEnabled(len(chosen) == 2)

    def _on_filter_text_changed(self, text: str) -> None:
        needle = text.casefold().strip()
        for row in range(self.table.rowCount()):
            haystack = f"{self._cell(row, 0).text()} {self._cell(row, 3).text()}".casefold()
            self.table.setRowHidden(row, bool(needle) and needle not in haystack)

    def _on_table_cell_double_clicked(self, row: int, _: int) -> None:
        self.party_chosen.emit(self._cell(row, 0).text())

    def _on_rename_button_clicked(self) -> None:
        chosen = self._selected()
        if len(chosen) != 1:
            return
        name = self.ask_text(self, "Rename party", f"New name for {chosen[0].name} (every deal follows; "
                             "the old name stays an alias, so later imports map it here):", chosen[0].name)
        if name is not None and name.strip() and name.strip() != chosen[0].name:
            self.rename_requested.emit(chosen[0].id, name.strip())

    def _on_merge_button_clicked(self) -> None:
        chosen = self._selected()
        if len(chosen) != 2:
            return
        # The entry with more deals first: usually the name people know.
        chosen.sort(key=lambda e: -self._counts.get(e.id, 0))
        names = [e.name for e in chosen]
        keep = self.ask_item(self, "Merge parties", f"{names[0]} and {names[1]} are one party. Keep which "
                             "name? The other becomes an alias, and its deals follow.", names)
        if keep in names:
            keep_entity = chosen[names.index(keep)]
            drop_entity = chosen[1 - names.index(keep)]
            self.merge_requested.emit(keep_entity.id, drop_entity.id)

    def _on_add_alias_button_clicked(self) -> None:
        chosen = self._selected()
        if len(chosen) != 1:
            return
        alias = self.ask_text(self, "Add alias", f"Another name for {chosen[0].name}, as articles write it:", "")
        if alias is not None and alias.strip():
            self.alias_add_requested.emit(chosen[0].id, alias.strip())

    def _on_remove_alias_button_clicked(self) -> None:
        chosen = self._selected()
        if len(chosen) != 1 or not chosen[0].aliases:
            return
        alias = self.ask_item(self, "Remove alias", f"Which name should no longer mean {chosen[0].name}?",
                              list(chosen[0].aliases))
        if alias in chosen[0].aliases:
            self.alias_remove_requested.emit(chosen[0].id, alias)
