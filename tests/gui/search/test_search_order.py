"""A search lists its matches newest first (the search index's order) until a header is clicked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui.deals.model import Column


def _settle(qtbot, window, search):
    qtbot.waitUntil(lambda: window.model.query.search == search, timeout=2000)


def test_a_search_lists_newest_first_and_clearing_it_restores_the_sort(qtbot, window):
    window.table.sortByColumn(Column.TITLE, Qt.SortOrder.AscendingOrder)
    assert (window.model.query.sort, window.model.query.descending) == ("title", False)
    window.search.setText("BlackRock")
    _settle(qtbot, window, "BlackRock")
    assert (window.model.query.sort, window.model.query.descending) == ("id", True)
    ids = [window.model.deal_id(row) for row in range(window.model.rowCount())]
    assert len(ids) > 1 and ids == sorted(ids, reverse=True)
    assert not window.table.horizontalHeader().isSortIndicatorShown()
    window.search.setText("BlackRock invests")  # typing on keeps the order
    _settle(qtbot, window, "BlackRock invests")
    assert window.model.query.sort == "id"
    window.search.clear()
    _settle(qtbot, window, "")
    assert (window.model.query.sort, window.model.query.descending) == ("title", False)
    assert window.table.horizontalHeader().isSortIndicatorShown()


def test_a_header_click_sorts_a_search_by_its_column(qtbot, window):
    window.search.setText("BlackRock")
    _settle(qtbot, window, "BlackRock")
    window.table.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
    assert (window.model.query.sort, window.model.query.descending) == ("date", True)
    assert window.table.horizontalHeader().isSortIndicatorShown()
    window.search.setText("BlackRock AI")
    _settle(qtbot, window, "BlackRock AI")
    assert window.model.query.sort == "date"
