"""The sector registry window: every sector with its other spellings and deal count; rename and merge, undoable.

Sector synonyms ("AI infrastructure", "artificial intelligence") stay two facet entries until a person
merges them; the merge is one undo step, and later imports map the merged spelling to the sector kept.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget,
)

from core.store import Store
from gui.context import Context
from gui.registry.commands import MergeSectors, RenameSector
from gui.background import ReadRunner
from gui.registry.dialog import AskItem, AskText, CountItem, ask_item, ask_text, registry_table, show_counts

COLUMNS = ("Sector", "Other spellings", "Deals")


class SectorRegistryDialog(QDialog):
    sector_chosen = Signal(str)
    rename_requested = Signal(str, str)  # the sector, its new name
    merge_requested = Signal(str, str)  # the sector to keep, the one that joins it

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sectors")
        self.setMinimumSize(420, 300)
        self.resize(620, 480)
        self.ask_text: AskText = ask_text
        self.ask_item: AskItem = ask_item
        self._counts: dict[str, int] = {}  # live deals by sector, read on the pool (gui.background)
        self._counter = ReadRunner(self)
        self._counter.finished.connect(self._on_counter_finished)
        self._filter = QLineEdit(self)
        self._filter.setPlaceholderText("Filter sectors")
        self._filter.setClearButtonEnabled(True)
        self.table = registry_table(self, COLUMNS, stretch=1)
        self.rename_button = QPushButton("&Rename…", self)
        self.merge_button = QPushButton("&Merge…", self)
        self.merge_button.setToolTip("Select the two sectors that are one (Ctrl+click), then merge them")
        row = QHBoxLayout()
        row.addWidget(self.rename_button)
        row.addWidget(self.merge_button)
        row.addStretch(1)
        hint = QLabel("Double-click a sector to list its deals. Every change here can be undone with "
                      "Edit > Undo in the main window.", self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        for widget in (self._filter, self.table):
            layout.addWidget(widget, 1 if widget is self.table else 0)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self._filter.textChanged.connect(self._on_filter_text_changed)
        self.table.cellDoubleClicked.connect(lambda r, _: self.sector_chosen.emit(self._name(r)))
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self.rename_button.clicked.connect(self._on_rename_button_clicked)
        self.merge_button.clicked.connect(self._on_merge_button_clicked)
        self.refresh(store)

    def refresh(self, store: Store) -> None:
        """Read the registry again; selected sectors that are still there stay selected."""
        chosen = set(self.selected())
        self._counts = {}
        sectors = store.sectors()
        self.table.setSortingEnabled(False)
        self.table.clearSelection()
        self.table.setRowCount(len(sectors))
        for row, sector in enumerate(sectors):
            self.table.setItem(row, 0, QTableWidgetItem(sector.name))
            self.table.setItem(row, 1, QTableWidgetItem(", ".join(sector.aliases)))
            self.table.setItem(row, 2, CountItem())  # "…" until the counts arrive
        self.table.setSortingEnabled(True)
        self.table.sortItems(2, Qt.SortOrder.DescendingOrder)
        flags = self.table.selectionModel().SelectionFlag
        for row in range(self.table.rowCount()):
            if self._name(row) in chosen:
                self.table.selectionModel().select(self.table.model().index(row, 0), flags.Select | flags.Rows)
        self._on_filter_text_changed(self._filter.text())
        self._on_table_item_selection_changed()
        self._counter.start(store, Store.sector_counts)

    def _on_counter_finished(self, counts: dict[str, int]) -> None:
        self._counts = counts
        show_counts(self.table, 2, lambda row: counts.get(self._name(row), 0))

    def counting(self) -> bool:
        return self._counter.busy

    def selected(self) -> list[str]:
        return [self._name(r) for r in sorted({i.row() for i in self.table.selectionModel().selectedRows()})]

    def _name(self, row: int) -> str:
        item = self.table.item(row, 0)
        return item.text() if item is not None else ""

    def _on_table_item_selection_changed(self) -> None:
        chosen = self.selected()
        self.rename_button.setEnabled(len(chosen) == 1)
        self.merge_button.setEnabled(len(chosen) == 2)

    def _on_filter_text_changed(self, text: str) -> None:
        needle = text.casefold().strip()
        for row in range(self.table.rowCount()):
            aliases = self.table.item(row, 1)
            haystack = f"{self._name(row)} {aliases.text() if aliases else ''}".casefold()
            self.table.setRowHidden(row, bool(needle) and needle not in haystack)

    def _on_rename_button_clicked(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        name = self.ask_text(self, "Rename sector", f"New name for {chosen[0]} (every deal follows; the old "
                             "spelling stays, so later imports map it here):", chosen[0])
        if name is not None and name.strip() and name.strip() != chosen[0]:
            self.rename_requested.emit(chosen[0], name.strip())

    def _on_merge_button_clicked(self) -> None:
        chosen = self.selected()
        if len(chosen) != 2:
            return
        chosen.sort(key=lambda name: -self._counts.get(name, 0))  # the commoner name first
        keep = self.ask_item(self, "Merge sectors", f"{chosen[0]} and {chosen[1]} are one sector. Keep which "
                             "name? The other becomes a spelling of it, and its deals follow.", chosen)
        if keep in chosen:
            self.merge_requested.emit(keep, chosen[1 - chosen.index(keep)])


class SectorActions(QObject):
    """Owns View > Sectors and its dialog; pushes RenameSector and MergeSectors through the context."""

    sector_chosen = Signal(str)

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self.dialog: SectorRegistryDialog | None = None
        self.action = QAction("&Sectors…", self)
        self.action.triggered.connect(self._on_action_triggered)
        ctx.deals_changed.connect(self._on_deals_changed)
        ctx.store_replaced.connect(self._on_deals_changed)

    def _on_action_triggered(self) -> None:
        if self.dialog is None:
            self.dialog = SectorRegistryDialog(self._ctx.store, self._ctx.dialog_parent)
            self.dialog.sector_chosen.connect(self.sector_chosen)
            self.dialog.rename_requested.connect(self._on_dialog_rename_requested)
            self.dialog.merge_requested.connect(self._on_dialog_merge_requested)
        else:
            self.dialog.refresh(self._ctx.store)
        if self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
        else:
            self.dialog.show()

    def _on_deals_changed(self, *_: object) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.refresh(self._ctx.store)

    def _on_dialog_rename_requested(self, name: str, new: str) -> None:
        command = RenameSector(self._ctx.store, name, new, self._ctx.deals_changed.emit)
        if self._ctx.push(command):
            self._ctx.show_status(f"Renamed the sector {name} to {new} (Edit > Undo puts it back)", 8000)

    def _on_dialog_merge_requested(self, keep: str, drop: str) -> None:
        command = MergeSectors(self._ctx.store, keep, drop, self._ctx.deals_changed.emit)
        if self._ctx.push(command):
            self._ctx.show_status(f"Merged the sector {drop} into {keep} (Edit > Undo puts it back)", 8000)
