"""The deal list's context menu: open the source, copy a citation or the rows, and the Edit menu's actions."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu

from core.export import csv_cell
from gui.browser import open_address, web_address
from gui.context import Context
from gui.deals.actions import DealActions
from gui.deals.model import COLUMNS
from gui.deals.table import DealTable
from gui.detail.pane import DetailPane
from gui.formatting import citation, plural


class ListMenu(QObject):
    """Owns Open source, Copy citation and Copy; the menu lists them with Mark reviewed, Merge, Re-parse, Delete."""

    def __init__(self, ctx: Context, table: DealTable, deals: DealActions, reparse: QAction,
                 detail: DetailPane) -> None:
        super().__init__(ctx)
        self._ctx, self._table, self._deals, self._reparse = ctx, table, deals, reparse
        self.open_source_action = QAction("&Open source in browser", self)
        self.open_source_action.setStatusTip("Open the web address of the deal's first article")
        self.copy_citation_action = QAction("Copy c&itation", self)
        self.copy_citation_action.setStatusTip("Copy title, publisher, date and address of each source")
        self.copy_action = QAction("&Copy", self, shortcut=QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setStatusTip("Copy the selected rows as shown, to paste into a spreadsheet")
        # Only in the list: Ctrl+C in a text box copies its text.
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        table.addAction(self.copy_action)
        self.open_source_action.triggered.connect(self._on_open_source_triggered)
        self.copy_citation_action.triggered.connect(self._on_copy_citation_triggered)
        self.copy_action.triggered.connect(self._on_copy_triggered)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        self.extra: list[QAction] = []  # what other parts add to the end of the menu ("Watch party")
        detail.several.set_actions([deals.merge_action, reparse, self.copy_citation_action, self.copy_action,
                                    deals.delete_action])

    def menu(self) -> QMenu:
        """The menu for the selected deals, each action enabled as it applies to them."""
        selected = bool(self._table.selected_ids())
        self.open_source_action.setEnabled(self._first_address() is not None)
        self.copy_citation_action.setEnabled(selected)
        self.copy_action.setEnabled(selected)
        menu = QMenu(self._table)
        deals = self._deals
        for action in (self.open_source_action, self.copy_citation_action, self.copy_action, None,
                       deals.review_action, deals.merge_action, self._reparse, None, deals.delete_action,
                       *([None, *self.extra] if self.extra else [])):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        return menu

    def _on_table_context_menu_requested(self, pos: QPoint) -> None:
        menu = self.menu()
        menu.exec(self._table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _first_address(self) -> str | None:
        for deal_id in self._table.selected_ids()[:1]:
            for source in self._ctx.store.deal(deal_id).sources:
                if web_address(source.url):
                    return source.url
        return None

    def _on_open_source_triggered(self) -> None:
        address = self._first_address()
        if address is None or not open_address(address):
            self._ctx.show_status("This deal's articles have no web address to open", 5000)

    def citations(self) -> list[str]:
        """One line for each source of the selected deals, each source once."""
        store, seen, lines = self._ctx.store, set(), []
        for deal_id in self._table.selected_ids():
            for source in store.deal(deal_id).sources:
                if source.article_id in seen:
                    continue
                seen.add(source.article_id)
                publisher = store.article(source.article_id).publisher
                lines.append(citation(source.title, publisher, source.published, source.url))
        return lines

    def _on_copy_citation_triggered(self) -> None:
        lines = self.citations()
        if lines:
            QGuiApplication.clipboard().setText("\n".join(lines))
            self._ctx.show_status(f"Copied {plural(len(lines), 'citation')}", 3000)

    def rows_text(self) -> str:
        """The selected rows as the list shows them, tab-separated: cells cannot start a formula when pasted."""
        header = self._table.horizontalHeader()
        model = self._table.model()
        shown = sorted((c for c in COLUMNS if not header.isSectionHidden(c) and c.header), key=header.visualIndex)
        lines = ["\t".join(c.header for c in shown)]
        for row in sorted(self._table.selected_rows()):
            cells = (" ".join(str(model.index(row, c).data() or "").split()) for c in shown)
            lines.append("\t".join(str(csv_cell(cell)) for cell in cells))
        return "\n".join(lines)

    def _on_copy_triggered(self) -> None:
        rows = self._table.selected_rows()
        if rows:
            QGuiApplication.clipboard().setText(self.rows_text())
            self._ctx.show_status(f"Copied {plural(len(rows), 'row')}", 3000)
