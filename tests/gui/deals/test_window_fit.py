"""The window fits its screen: first size, list columns that share the width, a header menu that is remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication

from gui.deals.columns import fit_of, header_width, hidden_for_room, natural_width
from gui.deals.model import COLUMNS, Column
from gui.deals.table import HIDDEN_KEY, WIDTHS_KEY
from gui.main_window import MainWindow
from gui.window_state import first_geometry


def _open(qtbot, store, settings, size=None):
    win = MainWindow(store, settings)
    qtbot.addWidget(win)
    if size is not None:
        win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    return win


def _shown(table):
    header = table.horizontalHeader()
    return {c for c in COLUMNS if not header.isSectionHidden(c)}


@pytest.mark.parametrize(("screen", "expected"), [
    (QRect(0, 0, 1920, 1080), QRect(192, 108, 1536, 864)),  # 80 %, centred
    (QRect(0, 0, 2560, 1400), QRect(256, 140, 2048, 1120)),
    (QRect(0, 0, 1366, 728), QRect(83, 14, 1200, 700)),  # a small screen gives more of itself
    (QRect(1920, 0, 1000, 600), QRect(1920, 0, 1000, 600)),  # a second screen: on it, and all of it
])
def test_a_first_window_takes_most_of_the_screen_centred(screen, expected):
    assert first_geometry(screen, QSize(800, 500)) == expected


def test_the_first_window_opens_at_its_first_size_and_a_later_one_where_it_was_left(qtbot, sample_store, settings):
    first = _open(qtbot, sample_store, settings)
    available = (first.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    assert first.size() == first_geometry(available, first.minimumSize()).size()
    # Smaller, not larger: a restored window is fitted into the (small offscreen) screen.
    first.resize(first.width(), first.height() - 37)
    left = first.size()
    first.close()
    second = _open(qtbot, sample_store, settings)
    assert second.size() == left


@pytest.mark.parametrize("size", [(1366, 768), (1600, 1000)])
def test_title_is_the_widest_column_and_value_and_status_always_show(qtbot, sample_store, settings, size):
    win = _open(qtbot, sample_store, settings, size)
    table, header = win.table, win.table.horizontalHeader()
    shown = _shown(table)
    assert {Column.TITLE, Column.VALUE, Column.STATUS, Column.DATE, Column.TYPE} <= shown
    widths = {c: header.sectionSize(c) for c in shown}
    assert max(widths, key=lambda c: widths[c]) is Column.TITLE
    assert widths[Column.TITLE] >= natural_width(header, table.fontMetrics(), Column.TITLE)
    assert table.horizontalScrollBar().maximum() == 0  # nothing off to the side
    # Every shown header has room for its text and the sort arrow, so the arrow covers none of it.
    for column in shown:
        assert widths[column] >= header_width(header, column)
    # Each shown column holds its typical content whole.
    for column in shown - {Column.TITLE}:
        assert widths[column] >= table.fontMetrics().horizontalAdvance(fit_of(column).sample)


def test_a_narrow_list_hides_the_lowest_ranked_columns_first(qtbot, sample_store, settings):
    win = _open(qtbot, sample_store, settings, (1366, 768))
    table = win.table
    wide = _shown(table)
    filters, center, detail = win.main_splitter.sizes()
    win.main_splitter.setSizes([filters, center - 200, detail + 200])
    qtbot.waitUntil(lambda: _shown(table) != wide, timeout=2000)
    narrow = _shown(table)
    assert {Column.TITLE, Column.VALUE, Column.STATUS} <= narrow < wide
    ranks = {c: fit_of(c).rank for c in COLUMNS}
    assert max(ranks[c] for c in narrow if not fit_of(c).keep) <= min(ranks[c] for c in wide - narrow)
    assert table.horizontalScrollBar().maximum() == 0
    win.main_splitter.setSizes([filters, center, detail])
    qtbot.waitUntil(lambda: _shown(table) == wide, timeout=2000)  # room again: they come back


def test_room_goes_to_the_kept_columns_and_a_narrow_one_fits_back():
    widths = {c: 100 for c in COLUMNS}
    widths[Column.SOURCES] = 30
    keep = sum(widths[c] for c in COLUMNS if fit_of(c).keep)
    hidden = hidden_for_room(COLUMNS, widths, keep + widths[Column.REVIEW] + 30, ())
    assert hidden == set(COLUMNS) - {c for c in COLUMNS if fit_of(c).keep} - {Column.REVIEW, Column.SOURCES}
    assert hidden_for_room(COLUMNS, widths, 10, ()) == {c for c in COLUMNS if not fit_of(c).keep}
    assert hidden_for_room(COLUMNS, widths, sum(widths.values()), ()) == set()


def test_every_column_has_a_width_from_the_font(qtbot, window):
    # A column added to the enum needs no table entry: it gets a width from its header and hides first.
    header, metrics = window.table.horizontalHeader(), window.table.fontMetrics()
    for column in COLUMNS:
        assert natural_width(header, metrics, column) >= header_width(header, column) > 0


def test_the_header_menu_hides_a_column_and_the_choice_is_remembered(qtbot, sample_store, settings):
    first = _open(qtbot, sample_store, settings, (1600, 1000))
    menu = first.table.header_menu()
    entries = {a.text(): a for a in menu.actions()}
    assert "Title" not in entries  # always shown
    assert entries["Type"].isChecked()
    entries["Type"].trigger()
    assert first.table.horizontalHeader().isSectionHidden(Column.TYPE)
    assert settings.value(HIDDEN_KEY) in ("TYPE", ["TYPE"])
    first.close()
    second = _open(qtbot, sample_store, settings, (1600, 1000))
    assert second.table.horizontalHeader().isSectionHidden(Column.TYPE)
    entries = {a.text(): a for a in second.table.header_menu().actions()}
    assert not entries["Type"].isChecked()
    entries["Type"].trigger()
    assert not second.table.horizontalHeader().isSectionHidden(Column.TYPE)


def test_the_header_menu_says_which_columns_want_room(qtbot, sample_store, settings):
    win = _open(qtbot, sample_store, settings, (1000, 700))
    texts = [a.text() for a in win.table.header_menu().actions()]
    assert any("no room" in text for text in texts)


def test_a_search_says_its_order_instead_of_a_sort_arrow(qtbot, window):
    window.search.setText("BlackRock")
    qtbot.waitUntil(lambda: window.model.query.search == "BlackRock", timeout=2000)
    assert not window.table.horizontalHeader().isSortIndicatorShown()
    assert window.count_label.text() == "3 matches, latest added first"
    window.table.sortByColumn(Column.DATE, window.table.horizontalHeader().sortIndicatorOrder())
    assert window.table.horizontalHeader().isSortIndicatorShown()
    assert window.count_label.text() == "3 deals"


def test_a_column_dragged_narrow_keeps_room_for_its_header_and_sort_arrow(qtbot, window):
    header = window.table.horizontalHeader()
    header.resizeSection(Column.STATUS, 5)
    assert header.sectionSize(Column.STATUS) == header_width(header, Column.STATUS)
    header.resizeSection(Column.STATUS, header_width(header, Column.STATUS) + 21)
    assert header.sectionSize(Column.STATUS) == header_width(header, Column.STATUS) + 21


def test_a_dragged_width_is_kept_by_column_name(qtbot, sample_store, settings):
    # By name, not by position in a saved header: a column added later neither takes it nor loses its own.
    settings.setValue(WIDTHS_KEY, ["NO_SUCH_COLUMN=400", "TITLE=900"])
    first = _open(qtbot, sample_store, settings, (1600, 1000))
    header = first.table.horizontalHeader()
    wider = header.sectionSize(Column.DATE) + 19
    header.resizeSection(Column.DATE, wider)
    assert f"DATE={wider}" in settings.value(WIDTHS_KEY)
    first.close()
    second = _open(qtbot, sample_store, settings, (1600, 1000))
    assert second.table.horizontalHeader().sectionSize(Column.DATE) == wider
