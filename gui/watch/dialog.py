"""The Watch lists window: every watch with how many deals it matches; add one of any kind, remove the chosen.

It writes nothing: each change is emitted as a request, and WatchActions pushes an undo command.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QCompleter, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from core.watch import KIND_LABELS, KINDS, Watch, WatchError, clean_value

COLUMNS = ("Kind", "Watching", "Deals", "Since")
_PLACEHOLDERS = {
    "party": "A party's name, as the registry knows it (Microsoft)",
    "sector": "A sector (semiconductors, renewable energy)",
    "country": "A country, by name or code (South Korea, KR)",
    "keyword": "Words to find in a deal or its article (data centre)",
    "min_usd": "A value in US dollars (500m, 1.2bn, US$750,000)",
}
_WATCH_ROLE = Qt.ItemDataRole.UserRole


class WatchDialog(QDialog):
    add_requested = Signal(str, str)  # kind, value as typed (already checked by core.watch.clean_value)
    remove_requested = Signal(object)  # the Watch to stop
    show_requested = Signal()  # list the watched deals (the Watched filter)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Watch lists")
        self.setMinimumSize(520, 340)  # explicit: a layout-derived minimum is re-sent on every change
        self.resize(700, 460)
        self._names: dict[str, QStringListModel] = {kind: QStringListModel(self) for kind in KINDS}
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.kind = QComboBox(self)
        for kind in KINDS:
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.value = QLineEdit(self)
        self.value.setClearButtonEnabled(True)
        self._completer = QCompleter(self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.value.setCompleter(self._completer)
        self.add_button = QPushButton("&Watch", self)
        self.add_button.setDefault(True)
        self.remove_button = QPushButton("&Stop watching", self)
        self.show_button = QPushButton("Show watched &deals", self)
        self.show_button.setToolTip("Lists only the deals a watch matches (the Watched filter)")
        self.error = QLabel(self)
        self.error.setObjectName("watch_error")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        add_row = QHBoxLayout()
        add_row.addWidget(self.kind)
        add_row.addWidget(self.value, 1)
        add_row.addWidget(self.add_button)
        actions = QHBoxLayout()
        actions.addWidget(self.remove_button)
        actions.addWidget(self.show_button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        actions.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("New deals that match a watch are marked with an eye in the list and announced.",
                                self))
        layout.addLayout(add_row)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        close.rejected.connect(self.reject)
        self.kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.value.returnPressed.connect(self._on_add_clicked)
        self.value.textEdited.connect(lambda _: self.show_error(""))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.show_button.clicked.connect(self.show_requested)
        self.table.itemSelectionChanged.connect(self._update_enabled)
        self._on_kind_current_index_changed()
        self.show_error("")

    def set_watches(self, watches: list[Watch], counts: dict[int, int] | None = None) -> None:
        """List the watches; without counts each shows "…" until set_counts brings them."""
        chosen = {w.id for w in self.selected()}
        self.table.setRowCount(0)
        for watch in watches:
            row = self.table.rowCount()
            self.table.insertRow(row)
            cells = (KIND_LABELS[watch.kind], watch.label, "", watch.created_at[:10])
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_WATCH_ROLE, watch)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
            if watch.id in chosen:
                self.table.selectRow(row)
        self.set_counts(counts)
        self.show_button.setEnabled(bool(watches))
        self._update_enabled()

    def set_counts(self, counts: dict[int, int] | None) -> None:
        """Each watch's count of deals ("…" for each while they are counted: None)."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 2)
            if item is None:
                continue
            if counts is None:
                item.setText("…")
                item.setToolTip("Counting…")
                continue
            count = counts.get(item.data(_WATCH_ROLE).id, 0)
            item.setText(str(count))
            item.setToolTip(f"{count} deal{'s' if count != 1 else ''} in the list match{'es' if count == 1 else ''}")

    def set_suggestions(self, kind: str, values: list[str]) -> None:
        """What the value box offers for a kind: the registry's names for a party, the listed sectors ..."""
        self._names[kind].setStringList(values)

    def selected(self) -> list[Watch]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        items = (self.table.item(row, 0) for row in rows)
        return [item.data(_WATCH_ROLE) for item in items if item is not None]

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def added(self) -> None:
        """The last request was kept: the box is ready for the next one."""
        self.value.clear()
        self.show_error("")

    def _on_kind_current_index_changed(self, *_: object) -> None:
        kind = self.current_kind()
        self.value.setPlaceholderText(_PLACEHOLDERS[kind])
        self._completer.setModel(self._names[kind])
        self.show_error("")

    def _on_add_clicked(self) -> None:
        kind, text = self.current_kind(), self.value.text()
        try:
            clean_value(kind, text)  # the store checks again; this answers before any undo step is made
        except WatchError as exc:
            self.show_error(str(exc))
            return
        self.add_requested.emit(kind, text)

    def _on_remove_clicked(self) -> None:
        for watch in self.selected():
            self.remove_requested.emit(watch)

    def _update_enabled(self) -> None:
        self.remove_button.setEnabled(bool(self.selected()))
