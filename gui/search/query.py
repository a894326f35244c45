"""The list's query: the search box, the filters and the trash switch make one DealQuery; facet counts follow."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit

from core.model import DealQuery
from gui.context import Context
from gui.deals.model import DealsTableModel
from gui.search.facets import FacetsRunner
from gui.search.filters import FilterPanel

SEARCH_DELAY_MS = 150
# While a person types, counts follow once typing pauses; a filter click counts at once (kept counts, m011).
FACETS_DELAY_MS = 250


class ListQuery(QObject):
    """Owns Find and Show deleted deals, the search and facet timers, and the facet counter."""

    totals_changed = Signal(object, object)  # the DealQuery, its Totals (count, US-dollar sum): with the facets

    def __init__(self, ctx: Context, search: QLineEdit, filters: FilterPanel, model: DealsTableModel) -> None:
        super().__init__(ctx)
        self._ctx, self._search, self._filters, self._model = ctx, search, filters, model
        self.find_action = QAction("&Find", self, shortcut=QKeySequence(QKeySequence.StandardKey.Find))
        self.trash_action = QAction("Show &deleted deals", self, checkable=True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._facets_timer = QTimer(self, singleShot=True, interval=FACETS_DELAY_MS)
        self.facets = FacetsRunner(self)  # counts a big database's facets off this thread
        self._column_sort = ("date", True)  # the list's sort while a search shows its matches newest first
        self.currency = "USD"  # the display currency (gui.deals.currency sets it once its rates are in the store)
        self.find_action.triggered.connect(self._on_find_triggered)
        self.trash_action.toggled.connect(self.apply)
        search.textChanged.connect(self._on_search_text_changed)
        search.returnPressed.connect(self._on_search_timer_timeout)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self._facets_timer.timeout.connect(self._on_facets_timer_timeout)
        self.facets.counted.connect(self._on_facets_counted)
        self.facets.finished.connect(self._on_facets_finished)
        self.facets.totals.connect(self.totals_changed)
        filters.filters_changed.connect(self.apply)

    def current_query(self) -> DealQuery:
        chosen = self._filters.selection()
        search = self._search.text().strip()
        sort, descending = self._sort_for(search)
        return DealQuery(
            search=search,
            types=tuple(chosen.get("type", ())),
            statuses=tuple(chosen.get("status", ())),
            sectors=tuple(chosen.get("sector", ())),
            years=tuple(int(y) for y in chosen.get("year", ()) if y.isdigit()),
            countries=tuple(chosen.get("country", ())),
            parties=self._party_ids(chosen.get("party", [])),
            periods=tuple(chosen.get("period", ())),
            needs_review="yes" in chosen.get("review", ()),
            watched="yes" in chosen.get("watched", ()),
            inbox="yes" in chosen.get("inbox", ()),
            include_deleted=self.trash_action.isChecked(),
            sort=sort,
            descending=descending,
            currency=self.currency,
        )

    def _sort_for(self, search: str) -> tuple[str, bool]:
        """A new search lists its matches newest first ("id", the search index's own order), whose first
        page costs the same at any size; sorting 300,000 matches by date would not. A header click still
        sorts them by its column; clearing the search brings back the list's own sort."""
        query = self._model.query
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
        return tuple(e.id for e in self._ctx.store.entities() if e.name in wanted)

    def apply(self, *_: object) -> None:
        query = self.current_query()
        if query != self._model.query:
            typed = query.search != self._model.query.search
            self._model.set_query(query)
            self.refresh_facets(FACETS_DELAY_MS if typed else 0)

    def set_currency(self, code: str) -> None:
        self.currency = code
        self.apply()

    def clear(self) -> None:
        """Another database: no search, no filter chosen."""
        self._search.blockSignals(True)
        self._search.clear()
        self._search.blockSignals(False)
        self._filters.clear_selection(notify=False)

    def refresh_facets(self, delay_ms: int = FACETS_DELAY_MS) -> None:
        """Count again after `delay_ms`; the counts shown meanwhile say they are coming, not the old numbers."""
        self.facets.stop()
        self._filters.mark_pending()
        self._facets_timer.start(delay_ms)

    def stop(self) -> None:
        # Pending refreshes must not reach a store that is closed right after the window.
        self._search_timer.stop()
        self._facets_timer.stop()
        self.facets.stop()

    def _on_search_text_changed(self, _: str) -> None:
        self._search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        self._search_timer.stop()
        self.apply()

    def _on_facets_timer_timeout(self) -> None:
        store = self._ctx.store
        query = self._model.query
        if not self.facets.start(store, query):
            self._filters.set_facets(store.facets(query))
            self.totals_changed.emit(query, store.totals(query))

    def _on_facets_counted(self, query: DealQuery, facets: dict[str, list[tuple[str, int]]], pending: list[str]) -> None:
        if query == self._model.query:
            self._filters.set_facets(facets, pending)

    def _on_facets_finished(self, query: DealQuery, facets: dict[str, list[tuple[str, int]]]) -> None:
        if query == self._model.query:  # counts for a query the user has since left are dropped
            self._filters.set_facets(facets)

    def _on_find_triggered(self) -> None:
        self._search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search.selectAll()
