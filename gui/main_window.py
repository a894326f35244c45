"""MainWindow: the layout of search, filters, list, detail and article panes, and the wiring of its controllers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSettings, QStringListModel, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLineEdit, QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget,
)

from core.model import Deal, DealQuery, Evidence
from core.store import Store
from gui.article.links import EvidenceLinks
from gui.article.pane import ArticlePane
from gui.commands import EditDeal
from gui.context import Context
from gui.database.files import FileActions
from gui.database.watch import DatabaseWatch
from gui.deals.actions import DealActions
from gui.deals.currency import DisplayCurrency
from gui.deals.list_menu import ListMenu
from gui.deals.model import DealsTableModel
from gui.deals.table import DealTable
from gui.detail.pane import DetailPane
from gui.detail.sources import SourceActions
from gui.feeds.actions import FeedActions
from gui.help.actions import HelpActions
from gui.importing.reparse import Reparser
from gui.importing.samples import SampleActions
from gui.importing.runner import ImportRunner
from gui.insights.controller import InsightsActions
from gui.menus import undo_actions, window_menus
from gui.registry.actions import RegistryActions
from gui.registry.sectors import SectorActions
from gui.search.count import ListCount
from gui.search.filters import FilterPanel, name_completer
from gui.search.query import ListQuery
from gui.watch.actions import WatchActions
from gui.welcome import WelcomePanel
from gui.window_state import restore_layout, save_layout

_FACET_FIELDS = ("type", "status", "sectors", "date", "location", "parties", "needs_review", "amounts")


class MainWindow(QMainWindow):
    """Everything the user sees; its controllers write to the store only through commands on the context."""

    def __init__(self, store: Store, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.ctx = Context(store, self)
        self.undo_stack = self.ctx.undo_stack
        self.model = DealsTableModel(store, self)
        self._names = QStringListModel(self)
        # An explicit minimum keeps the layout from re-deriving one each time a pane changes; the
        # offscreen platform warns on every such change ("does not support propagateSizeHints").
        self.setMinimumSize(800, 500)
        self._build_widgets()
        ctx = self.ctx
        self.list_query = ListQuery(ctx, self.search, self.filters, self.model)
        self.files = FileActions(ctx, settings, self.model)
        self.importer = ImportRunner(ctx, settings, self.table, self)
        self.reparser = Reparser(ctx, self.table, self.detail, self.article)
        self.deal_actions = DealActions(ctx, self.table, self.model, self.detail)
        self.source_actions = SourceActions(ctx, self.detail, self.table, self.deal_actions.preview_merge)
        self.list_menu = ListMenu(ctx, self.table, self.deal_actions, self.reparser.reparse_action, self.detail)
        self.registry, self.sectors, self.samples = RegistryActions(ctx), SectorActions(ctx), SampleActions(ctx)
        self.help = HelpActions(self)
        self.evidence = EvidenceLinks(ctx, self.detail, self.article)
        self.watches = WatchActions(ctx, self.table, self.filters, self.importer.import_finished)
        self.list_menu.extra.append(self.watches.party_action)
        self.feeds = FeedActions(ctx, self.table, self.filters, self)  # File > Feeds..., the inbox, polling
        self.feeds.new_deals.connect(self.watches.announce_new)
        self.insights = InsightsActions(ctx, self, self.model, self.filters)
        self.currency = DisplayCurrency(ctx, settings, self.list_query)
        self._build_menus()
        self._connect()
        restore_layout(self, settings)
        self._on_store_changed()
        self.watch = DatabaseWatch(ctx, self)  # another program's writes, and the daily backup

    # --- construction ------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Search deals, parties and articles")
        self.search.setClearButtonEnabled(True)
        self.filters = FilterPanel(self)
        self.table = DealTable(self.model, self, self._settings)
        self.welcome = WelcomePanel(self)
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.welcome)
        self.detail = DetailPane(self)
        # The registry's names complete a party typed in the detail pane and a party looked for in the filters.
        self.detail.set_completer(name_completer(self._names, self))
        self.filters.set_party_completer(name_completer(self._names, self))
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
        for pane in (self.filters, self.center_splitter, self.detail):
            self.main_splitter.addWidget(pane)
        self.main_splitter.setStretchFactor(1, 1)
        # The side panes keep the widths their fonts ask for; the list and the article take what is left.
        side = self.filters.sizeHint().width() + self.detail.sizeHint().width()
        self.main_splitter.setSizes([self.filters.sizeHint().width(), max(3 * side // 2, 600),
                                     self.detail.sizeHint().width()])
        self.center_splitter.setSizes([480, 320])
        for splitter in (self.main_splitter, self.center_splitter):
            splitter.setChildrenCollapsible(False)
        container = QWidget(self)
        layout = QVBoxLayout(container)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.main_splitter)
        self.setCentralWidget(container)
        self.count_label = ListCount(self.model, self)
        self.statusBar().addPermanentWidget(self.count_label)

    def _build_menus(self) -> None:
        # Some platforms (Windows, offscreen) bind no key to Quit; Ctrl+Q is what people try.
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")]
        self.quit_action = QAction("&Quit", self, menuRole=QAction.MenuRole.QuitRole)
        self.quit_action.setShortcuts(quit_keys)
        self.undo_action, self.redo_action = undo_actions(self.ctx, self)
        self.filters_action = QAction("&Filters", self, checkable=True, checked=True,
                                      shortcut=QKeySequence("Ctrl+Shift+L"))
        self.article_action = QAction("&Article pane", self, checkable=True, checked=True,
                                      shortcut=QKeySequence("Ctrl+Shift+A"))
        window_menus(self)

    def _connect(self) -> None:
        ctx = self.ctx
        ctx.deal_saved.connect(self._on_deal_saved)
        ctx.deals_changed.connect(self.refresh)
        ctx.write_refused.connect(self._on_write_refused)
        ctx.store_replaced.connect(self._on_store_replaced)
        ctx.importing_changed.connect(lambda running: self.welcome.setEnabled(not running))
        ctx.status.connect(self.statusBar().showMessage)
        self.list_query.totals_changed.connect(self.count_label.totals_changed)
        self.quit_action.triggered.connect(self.close)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.model.modelReset.connect(self._on_model_reset)
        self.detail.deal_edited.connect(self._on_detail_deal_edited)
        self.welcome.import_samples_requested.connect(self.importer.import_samples)
        self.welcome.import_requested.connect(self.importer.import_action.trigger)
        self.importer.reparse_requested.connect(self.reparser.reparse_articles)
        self.importer.import_finished.connect(self.reparser.ask_dates)  # an undated article: when did it come out?
        self.registry.party_chosen.connect(lambda name: self.filters.show_only("party", name))
        self.sectors.sector_chosen.connect(lambda name: self.filters.show_only("sector", name))
        self.filters_action.toggled.connect(self.filters.setVisible)
        self.article_action.toggled.connect(self._on_article_action_toggled)

    # --- the store ---------------------------------------------------------------------------

    @property
    def store(self) -> Store:
        return self.ctx.store

    def _on_store_replaced(self, store: Store) -> None:
        """Another database: filters and panes start afresh."""
        self.list_query.clear()
        self.model.set_store(store)
        self.list_query.apply()
        self._on_store_changed()

    def _on_store_changed(self) -> None:
        store = self.ctx.store
        name = Path(store.path).name if store.path else "in memory"
        self.feeds.set_title(f"{name}{' (read-only)' if store.read_only else ''} — Deal Tracker")
        self._names.setStringList(store.entity_names())
        self.list_query.refresh_facets()
        self._update_welcome()
        self.detail.show_deal(None)
        self.article.show_article(None)
        if self.model.rowCount():
            self.table.selectRow(0)  # open on a deal, not on an empty detail pane
            # Row 0 may have been current already (the model reset kept it), so no signal came.
            self._on_table_current_row_changed(self.table.currentIndex(), QModelIndex())

    def reload_deals(self, select_ids: tuple[int, ...] = ()) -> None:
        """After deals were added, deleted or merged: re-query and select `select_ids` if shown."""
        current = self.detail.deal.id if self.detail.deal else None
        self.model.reload()
        self._names.setStringList(self.ctx.store.entity_names())
        self.list_query.refresh_facets()
        self._update_welcome()
        for deal_id in (*select_ids, current):
            if deal_id is not None and self.table.select_deal(deal_id):
                return

    def refresh(self) -> None:
        """After a command changed deals no one can name: reload the list and the deal on show."""
        self.reload_deals()
        deal = self.detail.deal
        if deal is None or deal.id is None:
            return
        try:
            fresh = self.ctx.store.deal(deal.id)
        except KeyError:
            self.detail.show_deal(None)
            return
        if fresh != deal:
            self._on_deal_saved(fresh)

    def _update_welcome(self) -> None:
        empty = self.ctx.store.count_deals(DealQuery(include_deleted=True)) == 0
        self.list_stack.setCurrentWidget(self.welcome if empty else self.table)
        self.article.setVisible(self.article_action.isChecked() and not empty)
        self.count_label.show_count()

    def _on_article_action_toggled(self, checked: bool) -> None:
        self.article.setVisible(checked and self.list_stack.currentWidget() is self.table)

    # --- selection ---------------------------------------------------------------------------

    def select_deal(self, deal_id: int) -> bool:
        return self.table.select_deal(deal_id)

    def evidence_for(self, deal: Deal, field: str, row: int = -1) -> Evidence | None:
        return self.evidence.evidence_for(deal, field, row)

    def _on_model_reset(self) -> None:
        self.count_label.show_count()
        self.table.horizontalHeader().setSortIndicatorShown(self.model.query.sort != "id")
        deal = self.detail.deal
        if deal is not None and deal.id is not None and not self.table.select_deal(deal.id):
            self.detail.show_deal(None)
            self.article.show_article(None)

    def _on_table_current_row_changed(self, current: QModelIndex | QPersistentModelIndex, _: object) -> None:
        deal_id = self.model.deal_id(current.row()) if current.isValid() else None
        if deal_id is None:
            return
        if self.detail.deal is not None and self.detail.deal.id == deal_id:
            return
        self._show_deal(self.ctx.store.deal(deal_id))

    def _show_deal(self, deal: Deal | None) -> None:
        store = self.ctx.store
        deal_id = deal.id if deal is not None else None
        self.detail.show_deal(deal, store.field_alternatives(deal_id) if deal_id else None,
                              store.possible_duplicates(deal_id) if deal_id else ())
        self.deal_actions.show_deal(deal)
        if deal is None or deal.id is None:
            return
        self.detail.history.set_entries(store.history(deal.id), self.detail.history_titles())
        shown = self.article.article
        if shown is None or shown.id not in {s.article_id for s in deal.sources}:
            self.article.show_article(store.article(deal.sources[0].article_id) if deal.sources else None)

    # --- hand edits --------------------------------------------------------------------------

    def _on_detail_deal_edited(self, before: Deal, after: Deal, text: str) -> None:
        self.ctx.push(EditDeal(self.ctx.store, before, after, text, self.ctx.deal_saved.emit))

    def _on_deal_saved(self, deal: Deal) -> None:
        assert deal.id is not None  # a saved deal has its row
        previous = self.detail.deal
        self.model.refresh_deal(deal.id)
        if previous is None or previous.id != deal.id:
            self.table.select_deal(deal.id)
        self._show_deal(deal)
        if previous is None or previous.parties != deal.parties:
            self._names.setStringList(self.ctx.store.entity_names())
        # Facet counts cost a scan of the deals table; a new title or note changes none of them.
        if previous is None or previous.id != deal.id or any(
                getattr(previous, f) != getattr(deal, f) for f in _FACET_FIELDS):
            self.list_query.refresh_facets()

    def _on_write_refused(self) -> None:
        self.reload_deals()
        if self.detail.deal is not None and self.detail.deal.id is not None:
            self._show_deal(self.ctx.store.deal(self.detail.deal.id))  # drop the unsaved edit from the pane

    # --- closing -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.list_query.stop()
        self.watch.stop()
        self.importer.shutdown()
        save_layout(self, self._settings)
        super().closeEvent(event)
