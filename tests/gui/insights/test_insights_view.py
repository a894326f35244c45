"""View > Insights: the dock follows the list's search, and its bars and league rows filter the list."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from core import insights
from core.model import DealQuery
from gui.search import facets as search_facets


def _open(qtbot, window):
    window.insights.action.setChecked(True)
    view = window.insights.view
    assert view is not None and window.insights.dock.isVisible()
    qtbot.waitUntil(lambda: view.insights is not None)
    return view


def _listed(window) -> int:
    return window.store.count_deals(window.model.query)


def test_the_view_shows_the_figures_of_the_list_and_follows_a_search(qtbot, window):
    view = _open(qtbot, window)
    assert sum(r.count for r in view.insights.flow) == _listed(window) > 3
    assert view.insights.leagues == insights.compute(window.store, window.model.query).leagues
    window.search.setText("Korea")
    qtbot.waitUntil(lambda: view.insights.query.search == "Korea", timeout=5000)
    assert 0 < sum(r.count for r in view.insights.flow) == _listed(window) < window.store.count_deals(DealQuery())
    assert view.summary.text().startswith(f"Insights on the {_listed(window)} deal")
    view.period_box.setCurrentIndex(view.period_box.findData("month"))
    qtbot.waitUntil(lambda: view.insights.period == "month")


def test_clicking_a_league_row_filters_the_list_to_that_party(qtbot, window):
    view = _open(qtbot, window)
    role = next(r for r, rows in view.insights.leagues.items() if rows)
    view.league_tabs.setCurrentWidget(view.league_tables[role])
    table, first = view.league_tables[role], view.insights.leagues[role][0]
    index = table.model().index(0, 0)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    qtbot.waitUntil(lambda: window.model.query.parties == (first.entity_id,))
    assert _listed(window) == window.store.count_deals(DealQuery(parties=(first.entity_id,)))
    assert window.filters.selection()["party"] == [first.name]
    qtbot.waitUntil(lambda: view.insights.query.parties == (first.entity_id,), timeout=5000)


def test_clicking_a_bar_filters_the_list_to_its_type_and_period(qtbot, window):
    view = _open(qtbot, window)
    series = view.flow_chart.chart().series()[0]
    bar = series.barSets()[0]
    period = view.flow_chart.chart().axes(Qt.Orientation.Horizontal)[0].categories()[0]
    kind = next(r.type for r in view.insights.flow if r.period == period and insights_label(r.type) == bar.label())
    bar.clicked.emit(0)
    qtbot.waitUntil(lambda: window.model.query.periods == (period,))
    assert window.model.query.types == (kind,)
    expected = sum(r.count for r in view.insights.flow if r.period == period and r.type == kind)
    assert _listed(window) == expected > 0
    # A type bar of the breakdown narrows the type alone, keeping the period just chosen.
    chart = view.breakdown_charts["type"]
    chart.chart().series()[0].barSets()[0].clicked.emit(0)
    qtbot.waitUntil(lambda: window.model.query.types != (kind,) or _listed(window) == expected)
    assert window.model.query.periods == (period,)


def insights_label(value: str) -> str:
    from gui.formatting import type_label

    return type_label(value)


def test_a_big_file_is_worked_out_on_the_pool(qtbot, window, monkeypatch):
    view = _open(qtbot, window)
    monkeypatch.setattr(search_facets, "THREAD_ABOVE_BYTES", 0)
    view.insights = None
    with qtbot.waitSignal(window.insights.runner.finished, timeout=10_000):
        window.insights.recompute()
    qtbot.waitUntil(lambda: view.insights is not None)
    assert view.insights.flow == tuple(insights.flow(window.store, window.model.query, view.period))


def test_closing_the_dock_unchecks_the_menu_and_stops_recomputing(qtbot, window):
    _open(qtbot, window)
    window.insights.dock.close()
    assert not window.insights.action.isChecked()
    window.search.setText("Corvane")
    qtbot.wait(400)
    assert window.insights.view.insights.query.search == ""


@pytest.mark.slow
def test_the_window_starts_without_loading_qtcharts(tmp_path):
    script = (
        "import sys; from PySide6.QtWidgets import QApplication; from PySide6.QtCore import QSettings\n"
        "from core.store import Store; from gui.main_window import MainWindow\n"
        "app = QApplication([]); w = MainWindow(Store.in_memory(), QSettings(sys.argv[1], QSettings.Format.IniFormat))\n"
        "assert 'PySide6.QtCharts' not in sys.modules\n"
        "w.insights.action.setChecked(True); assert 'PySide6.QtCharts' in sys.modules; print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, str(tmp_path / "s.ini")], capture_output=True, text=True,
                          timeout=120, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.stdout.strip() == "ok", proc.stderr
