"""The deal list's view: read-only rows over the paged model, and selection by deal id."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QItemSelection, QItemSelectionModel, QPoint, QSettings, Qt
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from gui.deals.columns import STRETCH, header_width, hidden_for_room, natural_width
from gui.deals.model import COLUMNS, Column, DealsTableModel

_MARKS = {Column.REVIEW: "Needs review mark", Column.WATCHED: "Watched mark"}  # icon columns in the header's menu
HIDDEN_KEY = "table/hidden_columns"  # the columns the user chose to hide, by name
WIDTHS_KEY = "table/column_widths"  # "NAME=pixels" for each column the user dragged: a new column keeps its own


class DealTable(QTableView):
    """The list of deals; editing happens in the detail pane, so no cell is editable."""

    def __init__(self, model: DealsTableModel, parent: QWidget | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._settings = settings
        self._fitting = False
        chosen = set(_strings(settings, HIDDEN_KEY))
        self._chosen_hidden = {c for c in COLUMNS if c.name in chosen and c is not STRETCH}
        self._room_hidden: set[Column] = set()
        self._dragged: dict[Column, int] = {}
        for entry in _strings(settings, WIDTHS_KEY):
            name, _, width = entry.partition("=")
            column = next((c for c in COLUMNS if c.name == name and c is not STRETCH), None)
            if column is not None and width.isdigit():
                self._dragged[column] = int(width)
        self.setObjectName("deals")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_context_menu_requested)
        header.sectionResized.connect(self._on_header_section_resized)
        self._widths = {c: natural_width(header, self.fontMetrics(), c) for c in COLUMNS}
        self._widths.update({c: max(w, header_width(header, c)) for c, w in self._dragged.items()})
        self._apply_modes()
        header.moveSection(header.visualIndex(Column.WATCHED), header.visualIndex(Column.REVIEW) + 1)
        header.setSortIndicator(Column.DATE, Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._on_header_sort_indicator_changed)
        self.fit_columns()

    # --- columns -----------------------------------------------------------------------------

    def hidden_columns(self) -> set[Column]:
        """The columns not shown: chosen in the header's menu, or for want of room."""
        return self._chosen_hidden | self._room_hidden

    def set_column_chosen(self, column: Column, shown: bool) -> None:
        """Show or hide a column as the user chose in the header's menu; the choice is kept in the settings."""
        if column is STRETCH:
            return
        (self._chosen_hidden.discard if shown else self._chosen_hidden.add)(column)
        if self._settings is not None:
            self._settings.setValue(HIDDEN_KEY, sorted(c.name for c in self._chosen_hidden))
        self.fit_columns()

    def restore_header(self, state: QByteArray) -> None:
        """Column order and the sort; widths and what is shown follow the choices kept apart, and the room."""
        self.horizontalHeader().restoreState(state)
        self._apply_modes()
        self.fit_columns()

    def fit_columns(self) -> None:
        """Give each shown column its width; Title takes the rest, and columns that do not fit are hidden."""
        header = self.horizontalHeader()
        room = self.viewport().width()
        self._room_hidden = hidden_for_room(COLUMNS, self._widths, room, self._chosen_hidden)
        hidden = self.hidden_columns()
        self._fitting = True
        try:
            for column in COLUMNS:
                if header.isSectionHidden(column) != (column in hidden):
                    header.setSectionHidden(column, column in hidden)
                if column is not STRETCH and column not in hidden and header.sectionSize(column) != self._widths[column]:
                    header.resizeSection(column, self._widths[column])
        finally:
            self._fitting = False

    def _apply_modes(self) -> None:
        header = self.horizontalHeader()
        for column in COLUMNS:
            stretch = column is STRETCH
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if stretch
                                        else QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(min(header_width(header, c) for c in COLUMNS))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def _on_header_section_resized(self, logical: int, _: int, size: int) -> None:
        # A width the user dragged is kept (and saved with the header's state); our own fitting is not news.
        if self._fitting or not 0 <= logical < len(COLUMNS) or logical == STRETCH or size <= 0:
            return
        column = COLUMNS[logical]
        least = header_width(self.horizontalHeader(), column)
        self._widths[column] = self._dragged[column] = max(size, least)
        if self._settings is not None:
            self._settings.setValue(WIDTHS_KEY, [f"{c.name}={w}" for c, w in sorted(self._dragged.items())])
        if size < least:  # narrower would put the sort arrow over the header's text
            self._fitting = True
            try:
                self.horizontalHeader().resizeSection(logical, least)
            finally:
                self._fitting = False

    def _on_header_sort_indicator_changed(self, logical: int, _: Qt.SortOrder) -> None:
        # A column without a sort key leaves the list as it was sorted, and so must the arrow.
        if 0 <= logical < len(COLUMNS) and not COLUMNS[logical].sort_key:
            query = self._model.query
            shown = next((c for c in COLUMNS if c.sort_key and c.sort_key == query.sort), None)
            header = self.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(-1 if shown is None else shown, Qt.SortOrder.DescendingOrder
                                    if query.descending else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
            header.viewport().update()

    def _on_header_context_menu_requested(self, pos: QPoint) -> None:
        self.header_menu().exec(self.horizontalHeader().viewport().mapToGlobal(pos))

    def header_menu(self) -> QMenu:
        """Which columns show: one checkable entry a column, Title aside (it is always there)."""
        menu = QMenu(self)
        for column in COLUMNS:
            if column is STRETCH:
                continue
            text = column.header or _MARKS[column]
            if column in self._room_hidden:
                text += " (no room: widen the list)"
            action = QAction(text, menu, checkable=True, checked=column not in self._chosen_hidden)
            action.toggled.connect(lambda shown, c=column: self.set_column_chosen(c, shown))
            menu.addAction(action)
        return menu

    def select_deal(self, deal_id: int) -> bool:
        """Make the deal's row current and show it; False when the list as filtered does not hold it."""
        row = self._model.row_of(deal_id)
        if row is None:
            return False
        self.selectRow(row)
        self.setCurrentIndex(self._model.index(row, 0))
        self.scrollTo(self._model.index(row, 0))
        return True

    def select_deals(self, deal_ids: Sequence[int]) -> None:
        """Select the rows of `deal_ids` that the list shows (the first is made current)."""
        model = self._model
        rows = [r for r in (model.row_of(i) for i in deal_ids) if r is not None]
        if not rows:
            return
        self.select_deal(model.deal_id(rows[0]) or 0)
        selection = QItemSelection()
        for row in rows:
            selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        return [i for i in (self._model.deal_id(r) for r in rows) if i is not None]

    def selected_rows(self) -> list[int]:
        return [index.row() for index in self.selectionModel().selectedRows()]


def _strings(settings: QSettings | None, key: str) -> list[str]:
    value = settings.value(key, []) if settings is not None else []
    # An ini file gives back one entry as a plain string, several as a list.
    return [value] if isinstance(value, str) else [str(v) for v in value] if isinstance(value, list) else []
