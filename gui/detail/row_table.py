"""RowTable: a small editable table of line edits and combo boxes with add/remove buttons, for the detail pane's lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QCompleter, QHBoxLayout, QHeaderView, QLineEdit, QTableWidget,
    QToolButton, QVBoxLayout, QWidget,
)


@dataclass(frozen=True)
class RowColumn:
    """One column: `choices` makes it a combo box (`editable` lets the user type a new value).

    A `number` column is right-aligned free text: the pane reads amounts as analysts write them ("550m").
    """

    header: str
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    editable: bool = False
    number: bool = False
    stretch: bool = False
    placeholder: str = ""
    chars: int = 10  # width of a column that does not stretch, in average characters (choices: at least)
    tooltip: str = ""  # on the header and on empty cells: what the column holds


class RowTable(QWidget):
    """Each cell holds its own editor; edits come out as signals with the row, nothing is written here."""

    row_edited = Signal(int)
    add_requested = Signal()
    remove_requested = Signal(int)
    row_focused = Signal(int)

    def __init__(self, columns: Sequence[RowColumn], noun: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._completer: QCompleter | None = None
        self._table = QTableWidget(0, len(self._columns), self)
        self._table.setHorizontalHeaderLabels([c.header for c in self._columns])
        for i, column in enumerate(self._columns):
            item = self._table.horizontalHeaderItem(i)
            if item is not None and column.tooltip:
                item.setToolTip(column.tooltip)
        self._table.verticalHeader().setVisible(False)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self._table.horizontalHeader()
        header.setStretchLastSection(False)
        self._widths = [self._natural_width(column) for column in self._columns]
        for i, column in enumerate(self._columns):
            if column.stretch:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            else:
                # Cell widgets do not count for ResizeToContents, so size by the text they will hold.
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(i, self._widths[i])
        self._add = QToolButton(self)
        self._add.setText("+")
        self._add.setToolTip(f"Add {noun}")
        self._add.setAccessibleName(f"Add {noun}")
        self._remove = QToolButton(self)
        self._remove.setText("−")
        self._remove.setToolTip(f"Remove the selected {noun}")
        self._remove.setAccessibleName(f"Remove {noun}")
        self._remove.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self._add)
        buttons.addWidget(self._remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._table)
        layout.addLayout(buttons)
        self._add.clicked.connect(self.add_requested)
        self._remove.clicked.connect(self._on_remove_clicked)
        self._table.currentCellChanged.connect(self._on_table_current_cell_changed)
        self._fit_height()

    def natural_width(self) -> int:
        """The width that shows every column's usual content whole."""
        return sum(self._widths) + 2 * self._table.frameWidth()

    def _natural_width(self, column: RowColumn) -> int:
        metrics = self.fontMetrics()
        margin = 2 * self.style().pixelMetric(self.style().PixelMetric.PM_HeaderMargin) + 8
        header = self._table.horizontalHeader().fontMetrics().horizontalAdvance(column.header) + margin
        text = metrics.averageCharWidth() * column.chars + margin
        if column.choices:
            # A probe box of the same items says what the style adds (arrow, frame) to the longest label.
            probe = self._combo(column)
            # An editable box's sizeHint leaves its items out; its minimum counts the longest.
            text = max(text, probe.sizeHint().width(), probe.minimumSizeHint().width())
            probe.deleteLater()
        return max(header, text)

    def _combo(self, column: RowColumn) -> QComboBox:
        combo = QComboBox(self._table)
        combo.setEditable(column.editable)
        for value, label in column.choices:
            combo.addItem(label, value)
        combo.setFrame(False)
        # The drop-down list is at least as wide as its longest item, whatever the cell's width.
        view = combo.view()
        scroll = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        view.setMinimumWidth(view.sizeHintForColumn(0) + scroll + 2 * view.frameWidth())
        return combo

    @property
    def table(self) -> QTableWidget:
        return self._table

    @property
    def add_button(self) -> QToolButton:
        return self._add

    @property
    def remove_button(self) -> QToolButton:
        return self._remove

    def set_completer(self, completer: QCompleter) -> None:
        """Used on the first text column (party names from the registry)."""
        self._completer = completer
        for row in range(self._table.rowCount()):
            editor = self._table.cellWidget(row, 0)
            if isinstance(editor, QLineEdit):
                editor.setCompleter(completer)

    def rows(self) -> list[list[str]]:
        return [[self._value(row, col) for col in range(len(self._columns))] for row in range(self._table.rowCount())]

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        """Show `rows`, reusing the editors already there so focus and the editor sending a signal survive."""
        while self._table.rowCount() > len(rows):
            self._table.removeRow(self._table.rowCount() - 1)
        while self._table.rowCount() < len(rows):
            self._append_row()
        for row, values in enumerate(rows):
            for col, value in enumerate(values):
                self._set_value(row, col, value)
        self._remove.setEnabled(self._table.currentRow() >= 0 and self._table.rowCount() > 0)
        self._fit_height()

    def editor(self, row: int, col: int) -> QWidget:
        return self._table.cellWidget(row, col)

    def select_row(self, row: int) -> None:
        self._table.setCurrentCell(row, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            row = watched.property("row")
            if row is not None:
                self._table.setCurrentCell(int(row), int(watched.property("col")))
                self.row_focused.emit(int(row))
        return super().eventFilter(watched, event)

    def _append_row(self) -> None:
        row = self._table.rowCount()
        self._table.insertRow(row)
        for col, column in enumerate(self._columns):
            editor: QWidget
            if column.choices:
                combo = self._combo(column)
                combo.activated.connect(self._on_editor_changed)
                line = combo.lineEdit() if column.editable else None
                if line is not None:
                    line.editingFinished.connect(self._on_editor_changed)
                    line.setProperty("row", row)
                    line.setProperty("col", col)
                editor = combo
            else:
                line = QLineEdit(self._table)
                line.setFrame(False)
                line.setPlaceholderText(column.placeholder)
                if column.number:
                    line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == 0 and self._completer is not None:
                    line.setCompleter(self._completer)
                line.editingFinished.connect(self._on_editor_changed)
                line.textChanged.connect(lambda text, e=line, c=column: self._set_tip(e, c, text))
                self._set_tip(line, column, "")
                editor = line
            editor.setProperty("row", row)
            editor.setProperty("col", col)
            editor.installEventFilter(self)
            self._table.setCellWidget(row, col, editor)

    def _value(self, row: int, col: int) -> str:
        editor = self._table.cellWidget(row, col)
        if isinstance(editor, QComboBox):
            if editor.isEditable():
                text = editor.currentText().strip()
                index = editor.findText(text)
                return str(editor.itemData(index)) if index >= 0 else text
            return str(editor.currentData() or "")
        return editor.text().strip() if isinstance(editor, QLineEdit) else ""

    def _set_value(self, row: int, col: int, value: str) -> None:
        editor = self._table.cellWidget(row, col)
        editor.blockSignals(True)
        try:
            if isinstance(editor, QComboBox):
                index = editor.findData(value)
                if index < 0 and editor.isEditable():
                    editor.setEditText(value)
                else:
                    editor.setCurrentIndex(max(index, 0))
            elif isinstance(editor, QLineEdit) and editor.text() != value:
                editor.setText(value)
                editor.setCursorPosition(0)
                self._set_tip(editor, self._columns[col], value)
        finally:
            editor.blockSignals(False)

    @staticmethod
    def _set_tip(editor: QWidget, column: RowColumn, text: str) -> None:
        # The whole value, since a narrow cell cuts it; an empty cell says what it is for.
        editor.setToolTip(text if text else column.tooltip)

    def _fit_height(self) -> None:
        # Show every row: the pane scrolls as a whole, a table with its own scroll bar inside is awkward.
        rows = max(self._table.rowCount(), 1)
        row_height = self._table.verticalHeader().defaultSectionSize()
        frame = 2 * self._table.frameWidth()
        self._table.setFixedHeight(self._table.horizontalHeader().sizeHint().height() + rows * row_height + frame)

    def _on_editor_changed(self, *_: object) -> None:
        sender = self.sender()
        row = sender.property("row") if sender is not None else None
        parent = sender.parent() if sender is not None else None
        if row is None and parent is not None:
            row = parent.property("row")
        if row is not None and int(row) < self._table.rowCount():
            self.row_edited.emit(int(row))

    def _on_remove_clicked(self) -> None:
        row = self._table.currentRow()
        if 0 <= row < self._table.rowCount():
            self.remove_requested.emit(row)

    def _on_table_current_cell_changed(self, row: int, *_: int) -> None:
        self._remove.setEnabled(row >= 0)
