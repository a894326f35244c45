"""The Insights view: deal flow, breakdowns and league tables of the listed deals, each a click from its deals."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QSplitter, QTableView, QTabWidget, QVBoxLayout,
    QWidget,
)

from core.insights import COUNTRY_HEADING, LEAGUE_HEADINGS, PERIODS, Insights
from gui.formatting import type_label
from gui.insights.charts import BarChart, figure
from gui.insights.league import LeagueModel

# (breakdown key, tab title, how a value reads); "country" is the one derived from the deal's location.
BREAKDOWN_TABS: tuple[tuple[str, str, Callable[[str], str]], ...] = (
    ("type", "Type", type_label), ("sector", "Sector", str), ("country", COUNTRY_HEADING.capitalize(), str),
)


class InsightsView(QWidget):
    """Shows one Insights at a time; emits filter_requested when a bar or a league row is clicked."""

    filter_requested = Signal(object)  # dict[str, str]: facet key -> value ("party" takes an entity name)
    options_changed = Signal()  # the period or the ranking changed: the figures must be worked out again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.insights: Insights | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("insights_summary")
        self.period_box = self._combo([(p.capitalize(), p) for p in PERIODS], "year", "Deal flow per")
        self.measure_box = self._combo([("Deals", "count"), ("US$", "value")], "count", "Bars show")
        self.rank_box = self._combo([("Most deals", "count"), ("Largest US$ total", "value")], "count",
                                    "League tables rank parties by")
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.summary, 1)
        for text, box in (("Per", self.period_box), ("Bars", self.measure_box), ("Rank", self.rank_box)):
            caption = QLabel(text, self)
            caption.setBuddy(box)
            controls.addWidget(caption)
            controls.addWidget(box)
        self.flow_chart = BarChart(self)
        self.flow_chart.setObjectName("flow_chart")
        self.breakdown_tabs = QTabWidget(self)
        self.breakdown_charts: dict[str, BarChart] = {}
        for key, title, _ in BREAKDOWN_TABS:
            chart = self.breakdown_charts[key] = BarChart(self)
            chart.setObjectName(f"{key}_chart")
            chart.bar_clicked.connect(self.filter_requested)
            self.breakdown_tabs.addTab(chart, title)
        self.league_tabs = QTabWidget(self)
        self.league_models: dict[str, LeagueModel] = {}
        self.league_tables: dict[str, QTableView] = {}
        for role, heading in LEAGUE_HEADINGS.items():
            self.league_models[role] = LeagueModel(self)
            table = self.league_tables[role] = self._table(self.league_models[role])
            table.setObjectName(f"{role}_league")
            self.league_tabs.addTab(table, heading)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for pane in (self.flow_chart, self.breakdown_tabs, self.league_tabs):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([5000, 3000, 3000])  # proportions: the splitter scales them to its width
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(controls)
        layout.addWidget(self.splitter, 1)
        self.flow_chart.bar_clicked.connect(self.filter_requested)
        self.period_box.currentIndexChanged.connect(self.options_changed)
        self.rank_box.currentIndexChanged.connect(self.options_changed)
        self.measure_box.currentIndexChanged.connect(self._redraw)

    def _combo(self, items: list[tuple[str, str]], current: str, tip: str) -> QComboBox:
        box = QComboBox(self)
        for text, value in items:
            box.addItem(text, value)
        box.setCurrentIndex(box.findData(current))
        box.setToolTip(tip)
        return box

    def _table(self, model: LeagueModel) -> QTableView:
        table = QTableView(self)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.clicked.connect(lambda index, m=model: self._on_league_clicked(m, index))
        return table

    @property
    def period(self) -> str:
        return str(self.period_box.currentData())

    @property
    def rank_by(self) -> str:
        return str(self.rank_box.currentData())

    @property
    def measure(self) -> str:
        return str(self.measure_box.currentData())

    def set_busy(self, busy: bool) -> None:
        self.summary.setEnabled(not busy)

    def show_insights(self, insights: Insights) -> None:
        self.insights = insights
        self.set_busy(False)
        for role, model in self.league_models.items():
            model.set_rows(insights.leagues.get(role, ()))
        self._redraw()

    def _redraw(self, *_: object) -> None:
        found = self.insights
        if found is None:
            return
        count = sum(r.count for r in found.flow)
        self.summary.setText(f"Insights on the {figure(count, sum(r.usd_total for r in found.flow))} in the list")
        self.flow_chart.show_flow(found.flow, found.period, self.measure)
        for key, title, label in BREAKDOWN_TABS:
            self.breakdown_charts[key].show_breakdown(found.breakdowns.get(key, ()), key, title, self.measure, label)

    def _on_league_clicked(self, model: LeagueModel, index: QModelIndex) -> None:
        row = model.row_at(index.row())
        if row is not None:
            self.filter_requested.emit({"party": row.name})

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the system switched to dark mode, or back
            for chart in (self.flow_chart, *self.breakdown_charts.values()):
                chart.apply_palette(self.palette())
