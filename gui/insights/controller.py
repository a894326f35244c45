"""View > Insights: the dock, made on first use (QtCharts loads then), that follows the list's query."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow

from core.insights import Insights, compute
from core.model import DealQuery
from gui.background import ReadRunner
from gui.context import Context
from gui.deals.model import DealsTableModel
from gui.search.filters import FilterPanel

if TYPE_CHECKING:
    from gui.insights.view import InsightsView

# After the list has repainted and typing has paused; the facet counts wait 250 ms for the same reason.
RECOMPUTE_DELAY_MS = 300
OPEN_KEY = "view/insights"


def _figures_key(query: DealQuery) -> DealQuery:
    return dataclasses.replace(query, sort="id", descending=False)  # the order changes no figure


class InsightsActions(QObject):
    """Owns View > Insights (Ctrl+Shift+I; Ctrl+I imports), the dock and the recompute after each query change."""

    def __init__(self, ctx: Context, window: QMainWindow, model: DealsTableModel, filters: FilterPanel) -> None:
        super().__init__(ctx)
        self._ctx, self._window, self._model, self._filters = ctx, window, model, filters
        self.action = QAction("&Insights", self, checkable=True, shortcut=QKeySequence("Ctrl+Shift+I"))
        self.action.setStatusTip("Deal flow, breakdowns and league tables of the deals in the list")
        self.dock: QDockWidget | None = None
        self.view: InsightsView | None = None
        self.runner = ReadRunner(self)  # a big file is worked out on the pool, a small one here
        self._timer = QTimer(self, singleShot=True, interval=RECOMPUTE_DELAY_MS)
        self._timer.timeout.connect(self.recompute)
        self.runner.finished.connect(self._on_runner_finished)
        self.action.toggled.connect(self._on_action_toggled)
        model.modelReset.connect(self.schedule)
        ctx.deal_saved.connect(self.schedule)

    def restore_state(self, settings: QSettings) -> None:
        """Open the dock if it was open when the window last closed; the window's state has placed it."""
        if settings.value(OPEN_KEY, False, bool):
            self.action.setChecked(True)  # the figures follow once the window shows (_on_dock_visibility_changed)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(OPEN_KEY, self.action.isChecked())

    def schedule(self, *_: object) -> None:
        if self.dock is not None and self.dock.isVisible():
            self._timer.start()

    def recompute(self) -> None:
        self._timer.stop()
        if self.view is None or self.dock is None or not self.dock.isVisible() or not self._window.isVisible():
            return  # a closed window's store may be closed already
        self.view.set_busy(True)
        query, period, rank_by = self._model.query, self.view.period, self.view.rank_by
        self.runner.start(self._ctx.store, lambda store: compute(store, query, period, rank_by))

    def _on_runner_finished(self, found: Insights) -> None:
        view = self.view
        if view is None or _figures_key(found.query) != _figures_key(self._model.query):
            return  # figures for a query the user has since left
        if (found.period, found.rank_by) == (view.period, view.rank_by):
            view.show_insights(found)

    def _on_action_toggled(self, checked: bool) -> None:
        if checked and self.dock is None:
            self._make_dock()
        if self.dock is not None:
            self.dock.setVisible(checked)
            if checked:
                self.recompute()

    def _make_dock(self) -> None:
        from gui.insights.view import InsightsView  # QtCharts: its load waits until the view is first asked for

        self.view = InsightsView()
        self.dock = QDockWidget("Insights", self._window)
        self.dock.setObjectName("insights_dock")
        self.dock.setWidget(self.view)
        # Made after the window restored its state: where the user last left it (side, size, floating),
        # else along the bottom.
        if not self._window.restoreDockWidget(self.dock):
            self._window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
            self._window.resizeDocks([self.dock], [max(360, self._window.height() * 9 // 20)], Qt.Orientation.Vertical)
        self.dock.visibilityChanged.connect(self._on_dock_visibility_changed)
        self.view.filter_requested.connect(self.filter_to)
        self.view.options_changed.connect(self.recompute)

    def _on_dock_visibility_changed(self, visible: bool) -> None:
        assert self.dock is not None
        if visible:
            self.schedule()  # a dock restored open before the window showed has no figures yet
        elif not self.dock.isVisible() and not self._window.isMinimized():
            self.action.setChecked(False)  # closed by its own button: the menu's check follows

    def filter_to(self, chosen: dict[str, str]) -> None:
        """The list's filters narrowed to the deals behind a bar or a league row: within each facet named,
        that value alone; the search and the other facets stay as they are."""
        selection = self._filters.selection()
        for key, value in chosen.items():
            for other in selection.get(key, []):
                if other != value:
                    self._filters.set_checked(key, other, False)
            self._filters.set_checked(key, value)
