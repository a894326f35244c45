"""DealsTableModel: a thin, read-only adapter that pages deal rows out of the store as the view draws them."""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QFont, QIcon, QPainter, QPalette, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QApplication, QStyle

from core.model import DealQuery
from core.store import Store
from core.watch import Watch
from gui.formatting import format_date, format_exact_money, format_money, status_label, type_label
from gui.watch.icon import eye_icon

PAGE_SIZE = 200
CACHED_PAGES = 8  # 1,600 rows: several screens either side of the one in view

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    """The list's columns: header text and the store's sort key, so a new column is one line."""

    header: str
    sort_key: str

    def __new__(cls, value: int, header: str, sort_key: str) -> Column:
        member = int.__new__(cls, value)
        member._value_ = value
        member.header = header
        member.sort_key = sort_key
        return member

    REVIEW = 0, "", "review"  # a narrow icon column: the header shows the same mark
    TITLE = 1, "Title", "title"
    TYPE = 2, "Type", "type"
    DATE = 3, "Date", "date"
    PARTIES = 4, "Parties", "parties"
    VALUE = 5, "Value", "value"
    STATUS = 6, "Status", "status"
    SECTORS = 7, "Sectors", "sectors"
    SOURCES = 8, "Sources", "sources"
    USD = 9, "Value (US$)", "usd"
    WATCHED = 10, "", ""  # an eye on deals a watch matches; no sort key: it would sort a million rows unindexed


COLUMNS: tuple[Column, ...] = tuple(Column)  # by index: a view's column number is its Column
_RIGHT = (Column.VALUE, Column.SOURCES, Column.USD)  # numbers line up on the right


class DealsTableModel(QAbstractTableModel):
    """Rows are the store's answer to one DealQuery; only pages of rows near the view are held."""

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._query = DealQuery()
        self._count = 0
        self._pages: OrderedDict[int, tuple[list[int], dict[int, Any]]] = OrderedDict()
        self._trashed: set[int] = set()  # deals in the trash among the cached rows, when the query shows them
        self.pages_fetched = 0  # for tests and the curious: how often the store was asked for a page
        self._review_icon: QIcon | None = None
        self._edited_icon: QIcon | None = None
        self._eye_icon: QIcon | None = None
        self._watched: dict[int, list[Watch]] = {}  # the watches each cached deal matches
        self._count = store.count_deals(self._query)

    # --- what the window asks for -------------------------------------------------------------

    @property
    def query(self) -> DealQuery:
        return self._query

    def set_store(self, store: Store) -> None:
        self.beginResetModel()
        self._store = store
        self._reset_cache()
        self.endResetModel()

    def set_query(self, query: DealQuery) -> None:
        self.beginResetModel()
        self._query = query
        self._reset_cache()
        self.endResetModel()

    def reload(self) -> None:
        """Re-read everything for the same query: rows were added, deleted or re-sorted."""
        self.set_query(self._query)

    def refresh_deal(self, deal_id: int) -> None:
        """Re-read one deal's row in place, if it is among the cached rows."""
        # Collect first: emitting dataChanged makes the view call data(), which reorders the LRU.
        hits = [(number, ids, rows) for number, (ids, rows) in self._pages.items() if deal_id in ids]
        for number, ids, rows in hits:
            rows.pop(deal_id, None)
            if self._query.include_deleted:
                self._trashed.discard(deal_id)
                self._trashed |= self._store.trashed([deal_id])
            rows.update(self._store.deal_rows([deal_id], self._query.currency))
            self._watched.pop(deal_id, None)
            self._watched.update(self._store.watched_deal_ids([deal_id]))
            row = number * PAGE_SIZE + ids.index(deal_id)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def deal_id(self, row: int) -> int | None:
        if not 0 <= row < self._count:
            return None
        ids, _ = self._page(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        return ids[offset] if offset < len(ids) else None

    def row_of(self, deal_id: int) -> int | None:
        """The row showing `deal_id` (None when the list does not hold it): a cached page or the first, which
        the view shows after a reset anyway, else the store says where it stands, in SQL (paging through the
        list to find it took a second at a million deals)."""
        for number, (ids, _) in self._pages.items():
            if deal_id in ids:
                return number * PAGE_SIZE + ids.index(deal_id)
        if self._count and 0 not in self._pages:
            ids, _ = self._page(0)
            if deal_id in ids:
                return ids.index(deal_id)
        return self._store.position(self._query, deal_id)

    # --- Qt overrides -------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.header_text(COLUMNS[section])
            if role == Qt.ItemDataRole.DecorationRole and section == Column.REVIEW:
                return self._warning_icon()
            if role == Qt.ItemDataRole.ToolTipRole and section == Column.REVIEW:
                return "Needs review: the parser was unsure of some fields"
            if role == Qt.ItemDataRole.DecorationRole and section == Column.WATCHED:
                return self._watch_icon()
            if role == Qt.ItemDataRole.ToolTipRole and section == Column.WATCHED:
                return "Watched: deals that match one of your watches (View > Watch lists)"
            if role == Qt.ItemDataRole.TextAlignmentRole and section in _RIGHT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def header_text(self, column: Column) -> str:
        """Column.USD is the value in the display currency: "Value (US$)", "Value (EUR)"."""
        currency = self._query.currency
        return f"Value ({currency})" if column is Column.USD and currency != "USD" else column.header

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        row = self._row(index.row())
        if row is None:
            return None
        column = COLUMNS[index.column()]
        currency = self._query.currency
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column, currency)
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.WATCHED:
            return self.watch_tooltip(row.id)
        if role == Qt.ItemDataRole.ToolTipRole and row.id not in self._trashed:
            return self._tooltip(row, column, currency)
        if role == Qt.ItemDataRole.UserRole and column is Column.USD:
            return row.display_value  # the number the column sorts by
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and column is Column.REVIEW and row.needs_review:
            return self._warning_icon()
        if role == Qt.ItemDataRole.DecorationRole and column is Column.TITLE and row.edited:
            return self.edited_icon()
        if role == Qt.ItemDataRole.DecorationRole and column is Column.WATCHED and row.id in self._watched:
            return self._watch_icon()
        if role == Qt.ItemDataRole.FontRole and row.id in self._trashed:
            font = QFont()
            font.setItalic(True)  # a style, not a colour: it reads in light and dark palettes alike
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and row.id in self._trashed:
            return "In the trash: Edit > Restore deal brings it back"
        return None

    def watches_of(self, deal_id: int) -> list[Watch]:
        """The watches a deal of the cached rows matches."""
        return self._watched.get(deal_id, [])

    def watch_tooltip(self, deal_id: int) -> str | None:
        found = self._watched.get(deal_id)
        return "Watched: " + "; ".join(w.describe() for w in found) if found else None

    def is_trashed(self, row: int) -> bool:
        deal_id = self.deal_id(row)
        return deal_id is not None and deal_id in self._trashed

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column) or not COLUMNS[column].sort_key:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if self._query.sort == COLUMNS[column].sort_key and self._query.descending == descending:
            return
        self.set_query(dataclasses.replace(self._query, sort=COLUMNS[column].sort_key, descending=descending))

    # --- paging -------------------------------------------------------------------------------

    def _reset_cache(self) -> None:
        self._pages.clear()
        self._trashed.clear()
        self._watched.clear()
        self._count = self._store.count_deals(self._query)

    def _page_count(self) -> int:
        return (self._count + PAGE_SIZE - 1) // PAGE_SIZE

    def _page(self, number: int) -> tuple[list[int], dict[int, Any]]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        ids = self._store.deal_ids(self._query, number * PAGE_SIZE, PAGE_SIZE)
        page = (ids, self._store.deal_rows(ids, self._query.currency) if ids else {})
        if self._query.include_deleted:
            self._trashed |= self._store.trashed(ids)
        self._watched.update(self._store.watched_deal_ids(ids))
        self.pages_fetched += 1
        self._pages[number] = page
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    def _row(self, row: int) -> Any:
        ids, rows = self._page(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        return rows.get(ids[offset]) if offset < len(ids) else None

    def edited_icon(self) -> QIcon:
        """A pencil before the title of a deal a person edited; drawn, as no standard icon is one."""
        if self._edited_icon is None:
            self._edited_icon = pencil_icon(QApplication.palette().color(QPalette.ColorRole.Text))
        return self._edited_icon

    def _watch_icon(self) -> Any:
        if self._eye_icon is None:
            self._eye_icon = eye_icon()
        return self._eye_icon

    def _warning_icon(self) -> Any:
        if self._review_icon is None:
            self._review_icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._review_icon

    @staticmethod
    def _display(row: Any, column: Column, currency: str = "USD") -> str:
        if column is Column.TITLE:
            return row.title or ""
        if column is Column.TYPE:
            return type_label(row.type) if row.type else ""
        if column is Column.STATUS:
            return status_label(row.status) if row.status else ""
        if column is Column.DATE:
            return format_date(row.date, row.date_precision)
        if column is Column.PARTIES:
            return row.parties or ""
        if column is Column.VALUE:
            return format_money(row.value, row.currency)  # the dollars have a column of their own
        if column is Column.SECTORS:
            return row.sectors or ""
        if column is Column.SOURCES:
            return str(row.sources or 0)
        if column is Column.USD:
            return format_money(row.display_value, currency)
        return ""  # the review mark is an icon (DecorationRole) with a tooltip

    @staticmethod
    def _tooltip(row: Any, column: Column, currency: str = "USD") -> str | None:
        if column is Column.VALUE and row.value is not None:
            text = format_exact_money(row.value, row.currency)
            if row.usd_value is not None and (row.currency or "").upper() != "USD":
                text += f" ({format_exact_money(row.usd_value, 'USD')})"
            return text
        if column is Column.USD and row.display_value is not None:
            return format_exact_money(row.display_value, currency)
        if column is Column.USD and row.usd_value is not None:
            return f"No {currency} value: no ECB rate for {currency} on the deal's date"
        if column is Column.USD and row.value is not None:
            return "No US-dollar value: no rate or peg for its currency on the deal's date"
        if column is Column.REVIEW and row.needs_review:
            return "The parser was unsure of some fields of this deal"
        if column is Column.TITLE and row.edited:
            return f"{row.title}\n(edited by hand: re-imports and re-parses leave your changes as they are)"
        if column in (Column.TITLE, Column.PARTIES, Column.SECTORS):
            return DealsTableModel._display(row, column, currency) or None
        return None


def pencil_icon(color: Any, size: int = 16) -> QIcon:
    """A slanted pencil in `color` (the palette's text colour, so it reads in light and dark themes)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color, size * 0.18, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    tip, end = size * 0.3, size * 0.88
    painter.drawLine(QPointF(tip, size - tip), QPointF(end, size - end))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    point = size * 0.08
    painter.drawPolygon(QPolygonF([QPointF(point, size - point), QPointF(tip - size * 0.1, size - tip - size * 0.1),
                                   QPointF(tip + size * 0.1, size - tip + size * 0.1)]))
    painter.end()
    return QIcon(pixmap)
