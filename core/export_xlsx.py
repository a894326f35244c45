"""The Excel workbook: deals, parties, amounts and sources as typed cells, header frozen, filters on, columns sized."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO, Protocol

from core.export_rows import (
    AMOUNT_HEADERS, PARTY_HEADERS, SOURCE_HEADERS, Cell, DisplayCurrency, amount_rows, deal_cells, deal_columns,
    party_rows, source_rows,
)
from core.model import Deal, DealQuery
from core.text_safety import starts_formula, strip_controls

# Excel's last row is 1,048,576: a sheet that would pass it goes on in "Parties (2)" and so on.
MAX_ROWS = 1_048_575
SIZING_ROWS = 500  # columns are sized from the first rows: a write-only sheet fixes its widths before its rows
_MIN_WIDTH, _MAX_WIDTH = 6, 60
# What the XML inside a workbook cannot hold (openpyxl refuses it): C0 controls but tab and newline.
_ILLEGAL = {c: None for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))}


class _Deals(Protocol):
    def iter_deals(self, query: DealQuery | None = None) -> Any: ...


def _sheets(query: DealQuery | None) -> tuple[tuple[str, tuple[str, ...], Callable[[Deal], Iterable[list[Cell]]]], ...]:
    columns = deal_columns(DisplayCurrency.of(query))  # "Value (EUR)" too when the list shows euros
    return (
        ("Deals", tuple(name for name, _ in columns), lambda deal: [deal_cells(deal, columns)]),
        ("Parties", PARTY_HEADERS, party_rows),
        ("Amounts", AMOUNT_HEADERS, amount_rows),
        ("Sources", SOURCE_HEADERS, source_rows),
    )


def write_xlsx(store: _Deals, handle: BinaryIO, query: DealQuery | None = None) -> int:
    """Write the deals `query` matches as a workbook of four sheets; returns how many deals."""
    from openpyxl import Workbook  # imported here: the CSV and JSON exports never pay for it

    book = Workbook(write_only=True)
    sheets = [_Sheet(book, name, headers, rows) for name, headers, rows in _sheets(query)]
    count = 0
    head: list[Deal] = []
    deals: Iterator[Deal] = iter(store.iter_deals(query))
    for deal in deals:
        head.append(deal)
        if len(head) >= SIZING_ROWS:
            break
    for sheet in sheets:
        sheet.size([row for deal in head for row in sheet.rows_of(deal)])
    for deal in _chain(head, deals):
        for sheet in sheets:
            for row in sheet.rows_of(deal):
                sheet.append(row)
        count += 1
    for sheet in sheets:
        sheet.close()
    book.save(handle)
    return count


def _chain(first: list[Deal], rest: Iterator[Deal]) -> Iterator[Deal]:
    yield from first
    yield from rest


class _Sheet:
    """One sheet of the workbook, and the ones it goes on in past Excel's last row."""

    def __init__(self, book: Any, name: str, headers: tuple[str, ...], rows: Callable[[Deal], Iterable[list[Cell]]]):
        self._book, self._name, self._headers, self.rows_of = book, name, headers, rows
        self._widths = [len(h) + 3 for h in headers]  # room for the filter's button beside the header
        self._parts = 0
        self._sheet: Any = None
        self._rows = 0

    def size(self, sample: list[list[Cell]]) -> None:
        for row in sample:
            for i, cell in enumerate(row):
                self._widths[i] = max(self._widths[i], _width(cell))
        self._widths = [min(_MAX_WIDTH, max(_MIN_WIDTH, w)) for w in self._widths]
        self._start()

    def append(self, row: list[Cell]) -> None:
        if self._rows >= MAX_ROWS:
            self.close()
            self._start()
        self._sheet.append([_cell(self._sheet, cell) for cell in row])
        self._rows += 1

    def close(self) -> None:
        from openpyxl.utils import get_column_letter

        last = get_column_letter(len(self._headers))
        self._sheet.auto_filter.ref = f"A1:{last}{self._rows + 1}"

    def _start(self) -> None:
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter
        from openpyxl.cell import WriteOnlyCell

        self._parts += 1
        title = self._name if self._parts == 1 else f"{self._name} ({self._parts})"
        sheet = self._book.create_sheet(title)
        sheet.freeze_panes = "A2"
        for i, width in enumerate(self._widths, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = width
        header = []
        for text in self._headers:
            cell = WriteOnlyCell(sheet, value=text)
            cell.font = Font(bold=True)
            header.append(cell)
        sheet.append(header)
        self._sheet, self._rows = sheet, 0


def _cell(sheet: Any, cell: Cell) -> Any:
    from openpyxl.cell import WriteOnlyCell

    value = cell.value
    if isinstance(value, str):
        text = strip_controls(value).translate(_ILLEGAL)
        out = WriteOnlyCell(sheet, value=text)
        # openpyxl takes text that starts with "=" for a formula; a string cell is never one, and the
        # quote prefix keeps Excel from reading it as one when a person edits the cell.
        out.data_type = "s"
        if starts_formula(text):
            out.quotePrefix = True
        return out
    out = WriteOnlyCell(sheet, value=value)
    if cell.number_format and value is not None:
        out.number_format = cell.number_format
    return out


def _width(cell: Cell) -> int:
    value = cell.value
    if value is None:
        return 0
    if isinstance(value, str):
        return max((len(line) for line in value.splitlines()), default=0) + 2
    digits = len(str(cell.text if cell.text != "" else value))
    return digits + digits // 3 + (6 if cell.number_format and '"' in cell.number_format else 2)
