"""QtCharts bar charts of the Insights figures in the window's palette; imported only once the view is shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCharts import (
    QAbstractAxis, QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries, QStackedBarSeries, QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

from core.insights import BreakdownRow, FlowRow
from core.model import DealType
from gui.formatting import format_money, type_label

# One colour a deal type in every chart, readable on a light and a dark background (Tableau 10's hues).
TYPE_COLORS = {
    DealType.INVESTMENT: "#4e79a7", DealType.ACQUISITION: "#f28e2b", DealType.MERGER: "#e15759",
    DealType.JOINT_VENTURE: "#76b7b2", DealType.PARTNERSHIP: "#59a14f", DealType.FUNDING_ROUND: "#edc948",
    DealType.FINANCING: "#b07aa1", DealType.CONTRACT: "#ff9da7", DealType.GRANT: "#9c755f",
    DealType.MOU: "#17becf", DealType.OTHER: "#bab0ac",
}
BAR_COLOR = "#4e79a7"
MAX_PERIODS = 36  # bars stay clickable at a window's width; older periods are named in the title
MAX_VALUES = 12  # a breakdown's largest values


def measured(count: int, usd_total: float, measure: str) -> float:
    return float(count) if measure == "count" else usd_total


def _scale(largest: float, measure: str) -> tuple[float, str]:
    """A divisor and the axis title, so a value axis reads 9.2 (US$ bn) rather than 9200000000."""
    if measure == "count":
        return 1.0, "Deals"
    for size, unit in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if largest >= size:
            return size, f"US$ {unit}"
    return 1.0, "US$"


def figure(count: int, usd_total: float) -> str:
    """'12 deals · US$1.2bn', as the status bar writes a total."""
    return f"{count:,} deal{'' if count == 1 else 's'} · {format_money(usd_total, 'USD') or 'US$0'}"


class BarChart(QChartView):
    """A bar chart whose every bar, clicked, asks for the list's filter to the deals behind it."""

    bar_clicked = Signal(object)  # dict[str, str]: facet key -> value, e.g. {"type": "mou", "period": "2025-Q3"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QChart(), parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(240, 180)
        chart = self.chart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        font = QFont(chart.titleFont())
        font.setBold(True)
        chart.setTitleFont(font)
        self.apply_palette(self.palette())

    # --- what the charts show ------------------------------------------------------------------

    def show_flow(self, rows: Sequence[FlowRow], period: str, measure: str) -> None:
        """Bars per period, stacked by type (most deals at the bottom); undated deals are named in the title."""
        periods = list(dict.fromkeys(r.period for r in rows if r.period))
        shown = periods[-MAX_PERIODS:]
        totals: dict[str, int] = {}
        cells: dict[tuple[str, str], FlowRow] = {}
        for row in rows:
            if row.period in shown:
                totals[row.type] = totals.get(row.type, 0) + row.count
                cells[(row.period, row.type)] = row
        undated = sum(r.count for r in rows if not r.period)
        title = f"Deal flow by {period}" + (f", latest {len(shown)} of {len(periods)}" if len(shown) < len(periods) else "")
        series = QStackedBarSeries()
        for kind in sorted(totals, key=lambda t: -totals[t]):
            bar = QBarSet(type_label(kind))
            bar.setColor(QColor(TYPE_COLORS.get(_deal_type(kind), BAR_COLOR)))
            bar.setBorderColor(QColor(TYPE_COLORS.get(_deal_type(kind), BAR_COLOR)))
            found = [cells.get((p, kind)) for p in shown]
            bar.append([measured(c.count, c.usd_total, measure) if c else 0.0 for c in found])
            self._wire(bar, *_flow_handlers(kind, shown, found))
            series.append(bar)
        series.setBarWidth(0.8)
        stacks = [sum(measured(c.count, c.usd_total, measure) for (p, _), c in cells.items() if p == name)
                  for name in shown]
        self._draw(series, title + (f" · {undated:,} undated not shown" if undated else ""), shown,
                   max(stacks, default=0.0), measure, horizontal=False, legend=True)

    def show_breakdown(self, rows: Sequence[BreakdownRow], key: str, heading: str, measure: str,
                       label: Callable[[str], str]) -> None:
        """The largest values as horizontal bars, largest at the top; "" reads "Unknown" and filters nothing."""
        top = sorted(rows, key=lambda r: (-measured(r.count, r.usd_total, measure), r.value))[:MAX_VALUES]
        top.reverse()  # a horizontal series draws its first category at the bottom
        names = [label(r.value) if r.value else "Unknown" for r in top]
        bar = QBarSet(heading)
        bar.setColor(QColor(BAR_COLOR))
        bar.setBorderColor(QColor(BAR_COLOR))
        bar.append([measured(r.count, r.usd_total, measure) for r in top])
        self._wire(bar, lambda i: {key: top[i].value} if top[i].value else {},
                   lambda i: _tip(names[i], top[i]))
        series = QHorizontalBarSeries()
        series.append(bar)
        series.setBarWidth(0.75)
        more = f", largest {len(top)} of {len(rows)}" if len(rows) > len(top) else ""
        self._draw(series, f"By {heading.lower()}{more}", names,
                   max((measured(r.count, r.usd_total, measure) for r in top), default=0.0), measure,
                   horizontal=True, legend=False)

    # --- drawing ------------------------------------------------------------------------------

    def _wire(self, bar: QBarSet, filters: Callable[[int], dict[str, str]], tip: Callable[[int], str]) -> None:
        bar.clicked.connect(lambda index: self._on_bar_clicked(filters(index)))
        bar.hovered.connect(lambda inside, index: QToolTip.showText(QCursor.pos(), tip(index), self)
                            if inside else QToolTip.hideText())

    def _on_bar_clicked(self, filters: dict[str, str]) -> None:
        if filters:
            self.bar_clicked.emit(filters)

    def _draw(self, series: QStackedBarSeries | QHorizontalBarSeries, title: str, categories: list[str],
              largest: float, measure: str, *, horizontal: bool, legend: bool) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        divisor, unit = _scale(largest, measure)
        if divisor != 1.0:
            for bar in series.barSets():
                for i in range(bar.count()):
                    bar.replace(i, bar.at(i) / divisor)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append(categories)
        values = QValueAxis()
        values.setTitleText(unit)
        values.setLabelFormat("%.0f" if measure == "count" or largest / divisor >= 10 else "%.1f")
        values.setRange(0, max(largest / divisor * 1.05, 1.0))
        values.applyNiceNumbers()
        if not horizontal and len(categories) > 12:
            names.setLabelsAngle(-90)
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        series.attachAxis(values)
        chart.setTitle(title)
        chart.legend().setVisible(legend)
        self.apply_palette(self.palette())

    def apply_palette(self, palette: QPalette) -> None:
        """The window's colours on the chart: its background, text and a quiet grid, light or dark."""
        chart = self.chart()
        text = palette.color(QPalette.ColorRole.WindowText)
        grid = palette.color(QPalette.ColorRole.Mid)
        chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        chart.setBackgroundPen(Qt.PenStyle.NoPen)
        chart.setTitleBrush(text)
        chart.legend().setLabelColor(text)
        axis: QAbstractAxis
        for axis in chart.axes():
            axis.setLabelsColor(text)
            axis.setTitleBrush(text)
            axis.setLinePenColor(grid)
            axis.setGridLineColor(grid)
        self.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))


def _flow_handlers(kind: str, periods: list[str], found: list[FlowRow | None]
                   ) -> tuple[Callable[[int], dict[str, str]], Callable[[int], str]]:
    """What a flow bar of one type filters to, and its tooltip, by the index of its period."""
    return (lambda i: {"type": kind, "period": periods[i]},
            lambda i: _tip(f"{type_label(kind)}, {periods[i]}", found[i]))


def _deal_type(value: str) -> DealType:
    try:
        return DealType(value)
    except ValueError:
        return DealType.OTHER


def _tip(name: str, row: FlowRow | BreakdownRow | None) -> str:
    return f"{name}: {figure(row.count, row.usd_total) if row else 'no deals'}\nClick to list these deals"
