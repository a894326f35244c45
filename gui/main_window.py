"""MainWindow: search, filters, the deal table, the detail and article panes; owns the undo stack and the store."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStringListModel, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QCompleter, QLabel, QLineEdit, QMainWindow, QSplitter, QStackedWidget, QTableView,
    QVBoxLayout, QWidget,
)

from core.errors import DealsError
from core.model import Deal, DealQuery, Evidence
from gui.article.pane import ArticlePane
from gui.commands import DeleteDeal, EditDeal, MergeDeals, RestoreDeal
from gui.database.watch import DatabaseWatch
from gui.deals.model import Column, DealsTableModel
from gui.detail.pane import DetailPane
from gui.dialogs import readable_error, show_error
from gui.article.evidence import find_evidence, spans_for
from gui.search.facets import FacetsRunner
from gui.database.files import FileActions
from gui.search.filters import FilterPanel
from gui.importing.runner import ImportRunner
from gui.menus import build_menus
from gui.registry.dialog import PartyRegistryDialog
from gui.registry.actions import RegistryActions
from gui.importing.reparse import Reparser
from gui.detail.sources import SourceActions
from gui.welcome import WelcomePanel
from gui.window_state import restore_layout, save_layout

SEARCH_DELAY_MS = 150
# The list repaints first; counts (a scan per facet) follow once typing pauses.
FACETS_DELAY_MS = 250
_COLUMN_WIDTHS = {Column.REVIEW: 30, Column.TITLE: 210, Column.TYPE: 95, Column.DATE: 105, Column.PARTIES: 140,
                  Column.VALUE: 130, Column.STATUS: 85, Column.SECTORS: 150, Column.SOURCES: 60}
_FACET_FIELDS = ("type", "status", "sectors", "date", "location", "parties", "needs_review")


class MainWindow(QMainWindow):
    """Everything the user sees; writes to the store only through the commands on `undo_stack`."""

    def __init__(self, store: Any, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._settings = settings
        self.undo_stack = QUndoStack(self)
        self.model = DealsTableModel(store, self)
        self._names = QStringListModel(self)
        self._registry: PartyRegistryDialog | None = None
        # An explicit minimum keeps the layout from re-deriving one each time a pane changes; the
        # offscreen platform warns on every such change ("does not support propagateSizeHints").
        self.setMinimumSize(800, 500)
        self._build_widgets()
        self.files = FileActions(self, settings)
        self.importer = ImportRunner(self, settings)
        self.reparser = Reparser(self)
        self.source_actions = SourceActions(self)
        build_menus(self)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._facets_timer = QTimer(self, singleShot=True, interval=FACETS_DELAY_MS)
        self._facets = FacetsRunner(self)  # counts a big database's facets off this thread
        self._column_sort = ("date", True)  # the list's sort while a search shows its matches newest first
        self._connect()
        self._restore_settings()
        self._on_store_changed()
        self.watch = DatabaseWatch(self)  # another program's writes, and the daily backup

    # --- construction ------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Search deals, parties and articles")
        self.search.setClearButtonEnabled(True)
        self.filters = FilterPanel(self)
        self.table = QTableView(self)
        self.table.setObjectName("deals")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        for column, width in _COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSortIndicator(Column.DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.welcome = WelcomePanel(self)
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.welcome)
        self.detail = DetailPane(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.detail.set_completer(completer)
        self.article = ArticlePane(self)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.search)
        top_layout.addWidget(self.list_stack, 1)
        self.center_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.center_splitter.addWidget(top)
        self.center_splitter.addWidget(self.article)
        self.center_splitter.setStretchFactor(0, 3)
        self.center_splitter.setStretchFactor(1, 2)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("main_splitter")
        self.main_splitter.addWidget(self.filters)
        self.main_splitter.addWidget(self.center_splitter)
        self.main_splitter.addWidget(self.detail)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setSizes([200, 760, 440])
        self.center_splitter.setSizes([480, 320])
        for splitter in (self.main_splitter, self.center_splitter):
            splitter.setChildrenCollapsible(False)
        container = QWidget(self)
        layout = QVBoxLayout(container)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.main_splitter)
        self.setCentralWidget(container)
        self.count_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.count_label)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_search_timer_timeout)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self._facets_timer.timeout.connect(self._on_facets_timer_timeout)
        self._facets.finished.connect(self._on_facets_finished)
        self.filters.filters_changed.connect(self._on_filters_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.model.modelReset.connect(self._on_model_reset)
        self.detail.deal_edited.connect(self._on_detail_deal_edited)
        self.detail.field_selected.connect(self._on_detail_field_selected)
        self.detail.article_requested.connect(self._on_detail_article_requested)
        self.welcome.import_samples_requested.connect(self.importer.import_samples)
        self.welcome.import_requested.connect(self.importer.import_action.trigger)
        self.filters_action.toggled.connect(self.filters.setVisible)
        self.article_action.toggled.connect(self._on_article_action_toggled)
        self.trash_action.toggled.connect(self._on_trash_toggled)

    # --- the store ---------------------------------------------------------------------------

    @property
    def store(self) -> Any:
        return self._store

    def set_store(self, store: Any) -> None:
        """Switch to another database: the undo stack, filters and panes start afresh."""
        self.undo_stack.clear()
        self._store = store
        self.watch.attach(store)
        if self._registry is not None:
            self._registry.refresh(store)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.filters.clear_selection(notify=False)
        self.model.set_store(store)
        self.apply_query()
        self._on_store_changed()

    def _on_store_changed(self) -> None:
        name = Path(self._store.path).name if getattr(self._store, "path", None) else "in memory"
        read_only = " (read-only)" if getattr(self._store, "read_only", "") else ""
        self.setWindowTitle(f"{name}{read_only} — Deal Tracker")
        self._names.setStringList(self._store.entity_names())
        self.refresh_facets()
        self._update_welcome()
        self.detail.show_deal(None)
        self.article.show_article(None)
        if self.model.rowCount():
            self.table.selectRow(0)  # open on a deal, not on an empty detail pane
            # Row 0 may have been current already (the model reset kept it), so no signal came.
            self._on_table_current_row_changed(self.table.currentIndex(), None)

    def reload_deals(self, select_ids: tuple[int, ...] = ()) -> None:
        """After deals were added, deleted or merged: re-query and select `select_ids` if shown."""
        current = self.detail.deal.id if self.detail.deal else None
        self.model.reload()
        self._names.setStringList(self._store.entity_names())
        self.refresh_facets()
        self._update_welcome()
        for deal_id in (*select_ids, current):
            if deal_id is not None and self.select_deal(deal_id):
                return

    def refresh_facets(self) -> None:
        self._facets_timer.start()

    def _on_facets_timer_timeout(self) -> None:
        if not self._facets.start(self._store, self.model.query):
            self.filters.set_facets(self._store.facets(self.model.query))

    def _on_facets_finished(self, query: DealQuery, facets: dict[str, list[tuple[str, int]]]) -> None:
        if query == self.model.query:  # counts for a query the user has since left are dropped
            self.filters.set_facets(facets)

    def _show_count(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(f"{count:,} deal{'' if count == 1 else 's'}")

    def _update_welcome(self) -> None:
        empty = self._store.count_deals(DealQuery(include_deleted=True)) == 0
        self.list_stack.setCurrentWidget(self.welcome if empty else self.table)
        self.article.setVisible(self.article_action.isChecked() and not empty)
        self._show_count()

    # --- query: search and filters -----------------------------------------------------------

    def current_query(self) -> DealQuery:
        chosen = self.filters.selection()
        party_ids = self._party_ids(chosen.get("party", []))
        search = self.search.text().strip()
        sort, descending = self._sort_for(search)
        return DealQuery(
            search=search,
            types=tuple(chosen.get("type", ())),
            statuses=tuple(chosen.get("status", ())),
            sectors=tuple(chosen.get("sector", ())),
            years=tuple(int(y) for y in chosen.get("year", ()) if y.isdigit()),
            countries=tuple(chosen.get("country", ())),
            parties=party_ids,
            needs_review="yes" in chosen.get("review", ()),
            include_deleted=self.trash_action.isChecked(),
            sort=sort,
            descending=descending,
        )

    def _sort_for(self, search: str) -> tuple[str, bool]:
        """A new search lists its matches newest first ("id", the search index's own order), whose first
        page costs the same at any size; sorting 300,000 matches by date would not. A header click still
        sorts them by its column; clearing the search brings back the list's own sort."""
        query = self.model.query
        if search and not query.search:
            self._column_sort = (query.sort, query.descending)
            return "id", True
        if not search and query.sort == "id":
            return self._column_sort
        return query.sort, query.descending

    def _party_ids(self, names: list[str]) -> tuple[int, ...]:
        # The party facet lists entity names while DealQuery filters by entity id.
        if not names:
            return ()
        wanted = set(names)
        return tuple(e.id for e in self._store.entities() if e.name in wanted)

    def apply_query(self) -> None:
        query = self.current_query()
        if query != self.model.query:
            self.model.set_query(query)
            self.refresh_facets()

    def _on_search_text_changed(self, _: str) -> None:
        self._search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        self._search_timer.stop()
        self.apply_query()

    def _on_filters_changed(self) -> None:
        self.apply_query()

    def _on_article_action_toggled(self, checked: bool) -> None:
        self.article.setVisible(checked and self.list_stack.currentWidget() is self.table)

    def _on_trash_toggled(self, _: bool) -> None:
        self.apply_query()

    def _on_registry_triggered(self) -> None:
        if self._registry is None:
            self._registry = PartyRegistryDialog(self._store, self)
            self._registry.party_chosen.connect(self._on_registry_party_chosen)
            RegistryActions(self, self._registry)
        else:
            self._registry.refresh(self._store)
        if self._registry.isVisible():
            self._registry.raise_()
            self._registry.activateWindow()
        else:
            self._registry.show()

    def _on_registry_party_chosen(self, name: str) -> None:
        self.filters.clear_selection(notify=False)
        self.filters.set_checked("party", name)

    def _on_find_triggered(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- selection ---------------------------------------------------------------------------

    def select_deal(self, deal_id: int) -> bool:
        row = self.model.row_of(deal_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [i for i in (self.model.deal_id(r) for r in rows) if i is not None]

    def _on_model_reset(self) -> None:
        self._show_count()
        self.table.horizontalHeader().setSortIndicatorShown(self.model.query.sort != "id")
        deal = self.detail.deal
        if deal is not None and deal.id is not None and self.model.row_of(deal.id, max_pages=5) is None:
            self.detail.show_deal(None)
        elif deal is not None and deal.id is not None:
            self.select_deal(deal.id)
        self._on_table_selection_changed()

    def _on_table_current_row_changed(self, current: Any, _: Any) -> None:
        deal_id = self.model.deal_id(current.row()) if current.isValid() else None
        if deal_id is None:
            return
        if self.detail.deal is not None and self.detail.deal.id == deal_id:
            return
        self._show_deal(self._store.deal(deal_id))

    def _on_table_selection_changed(self, *_: Any) -> None:
        rows = [index.row() for index in self.table.selectionModel().selectedRows()]
        in_trash = sum(1 for row in rows if self.model.is_trashed(row))
        self.delete_action.setEnabled(len(rows) > in_trash)
        self.merge_action.setEnabled(len(rows) == 2 and in_trash == 0)
        self.restore_action.setEnabled(in_trash > 0)

    def _show_deal(self, deal: Deal | None) -> None:
        deal_id = deal.id if deal is not None else None
        self.detail.show_deal(deal, self._store.field_alternatives(deal_id) if deal_id else None,
                              self._store.possible_duplicates(deal_id) if deal_id else ())
        self.review_action.setEnabled(bool(deal and deal.needs_review))
        if deal is None or deal.id is None:
            return
        self.detail.history.set_entries(self._store.history(deal.id))
        shown = self.article.article
        if shown is None or shown.id not in {s.article_id for s in deal.sources}:
            self.article.show_article(self._store.article(deal.sources[0].article_id) if deal.sources else None)

    # --- evidence ----------------------------------------------------------------------------

    def _on_detail_field_selected(self, field: str, row: int) -> None:
        deal = self.detail.deal
        if deal is None:
            return
        evidence = self.evidence_for(deal, field, row)
        if evidence is None or evidence.article_id is None:
            self.article.highlight(())
            self.statusBar().showMessage(f"No source sentence recorded for {field}", 3000)
            return
        self.article.show_article(self._store.article(evidence.article_id), spans_for(deal, evidence, row), field)

    def evidence_for(self, deal: Deal, field: str, row: int = -1) -> Evidence | None:
        return find_evidence(deal, field, row, lambda article_id: self._store.article(article_id).text)

    def _on_detail_article_requested(self, article_id: int) -> None:
        self.article.show_article(self._store.article(article_id))

    # --- commands ----------------------------------------------------------------------------

    def push(self, command: QUndoCommand) -> bool:
        """Run and keep an undo command; a write the store refused becomes a message, not a traceback."""
        return self.run_undo_step(lambda: self.undo_stack.push(command))

    def run_undo_step(self, step: Callable[[], None]) -> bool:
        """Push, undo or redo (Edit > Undo and Redo come here too); False when the store refused the write."""
        try:
            step()
        except (DealsError, sqlite3.Error) as exc:
            show_error(self, "The change was not saved", readable_error(exc))
            self.reload_deals()
            if self.detail.deal is not None and self.detail.deal.id is not None:
                self._show_deal(self._store.deal(self.detail.deal.id))  # drop the unsaved edit from the pane
            return False
        return True

    def _on_detail_deal_edited(self, before: Deal, after: Deal, text: str) -> None:
        self.push(EditDeal(self._store, before, after, text, self._on_deal_saved))

    def _on_deal_saved(self, deal: Deal) -> None:
        previous = self.detail.deal
        self.model.refresh_deal(deal.id)
        if previous is None or previous.id != deal.id:
            self.select_deal(deal.id)
        self._show_deal(deal)
        if previous is None or previous.parties != deal.parties:
            self._names.setStringList(self._store.entity_names())
        # Facet counts cost a scan of the deals table; a new title or note changes none of them.
        if previous is None or previous.id != deal.id or any(
                getattr(previous, f) != getattr(deal, f) for f in _FACET_FIELDS):
            self.refresh_facets()

    def _on_delete_triggered(self) -> None:
        in_trash = self._store.trashed(self.selected_ids())
        ids = [i for i in self.selected_ids() if i not in in_trash]
        if ids:
            if self.push(DeleteDeal(self._store, ids, self._on_deals_changed)):
                self.statusBar().showMessage(f"Moved {len(ids)} deal{'s' if len(ids) > 1 else ''} to the trash "
                                             "(Edit > Undo brings it back)", 5000)

    def _on_restore_triggered(self) -> None:
        # Only deals really in the trash: undoing the restore of a live deal would delete it.
        ids = sorted(self._store.trashed(self.selected_ids()))
        if ids:
            self.push(RestoreDeal(self._store, ids, self._on_deals_changed))

    def _on_merge_triggered(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 2:
            return
        current = self.detail.deal.id if self.detail.deal else ids[0]
        keep_id = current if current in ids else ids[0]
        other_id = ids[1] if keep_id == ids[0] else ids[0]
        keep, other = self._store.deal(keep_id), self._store.deal(other_id)
        self.push(MergeDeals(self._store, keep, other, self._on_deal_saved, self._on_deals_changed))

    def _on_deals_changed(self) -> None:
        self.reload_deals()

    # --- settings ----------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        restore_layout(self, self._settings)

    def save_settings(self) -> None:
        save_layout(self, self._settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Pending refreshes must not reach a store that is closed right after the window.
        self._search_timer.stop()
        self._facets_timer.stop()
        self._facets.stop()
        self.watch.stop()
        self.importer.shutdown()
        self.save_settings()
        super().closeEvent(event)
