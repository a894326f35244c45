"""The side panes show names whole or say them in full: filter values, detail cells and their drop-downs."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit

from conftest import sample_articles
from core.model import ROLES, PartyKind
from gui.detail.pane import DetailPane
from gui.formatting import kind_label
from gui.search.filters import FilterPanel

LONG_NAME = "Lake Carrow Regional Transit Authority of the Northern Counties"


def _panel(qtbot, names=()):
    panel = FilterPanel()
    qtbot.addWidget(panel)
    panel.set_facets({"sector": [("artificial intelligence", 3), ("AI infrastructure", 2)],
                      "party": [(LONG_NAME, 2), ("Corvane Systems Inc.", 1)]})
    if names:
        completer = QCompleter(QStringListModel(list(names), panel), panel)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        panel.set_party_completer(completer)
    return panel


def test_filter_values_elide_in_the_middle_and_say_their_whole_name(qtbot):
    panel = _panel(qtbot)
    assert panel.tree.textElideMode() == Qt.TextElideMode.ElideMiddle
    item = panel.item("party", LONG_NAME)
    assert item is not None and LONG_NAME in item.toolTip(0)
    # Wide enough for a usual sector name whole, from the font rather than a pixel count.
    metrics = panel.tree.fontMetrics()
    assert panel.sizeHint().width() > metrics.horizontalAdvance("artificial intelligence") + 2 * panel.tree.indentation()


def test_the_find_box_shows_only_the_values_that_hold_its_letters(qtbot):
    panel = _panel(qtbot)
    panel.find_box.setText("transit")
    assert not panel.item("party", LONG_NAME).isHidden()
    assert panel.item("party", "Corvane Systems Inc.").isHidden()
    assert panel.item("sector", "AI infrastructure").isHidden()
    sector_group = panel.item("sector", "AI infrastructure").parent()
    assert sector_group.isHidden()  # a group with nothing found goes
    panel.find_box.clear()
    assert not panel.item("sector", "AI infrastructure").isHidden() and not sector_group.isHidden()


def test_enter_on_a_party_name_filters_by_it_even_beyond_the_listed_ones(qtbot):
    panel = _panel(qtbot, names=["Granite Peak Ventures", "Corvane Systems Inc."])
    with qtbot.waitSignal(panel.filters_changed):
        panel.find_box.setText("granite peak ventures")
        panel.find_box.returnPressed.emit()
    assert panel.selection() == {"party": ["Granite Peak Ventures"]}
    qtbot.waitUntil(lambda: panel.find_box.text() == "", timeout=1000)
    panel.find_box.setText("no such party")
    panel.find_box.returnPressed.emit()
    assert panel.selection() == {"party": ["Granite Peak Ventures"]}


def _pane(qtbot):
    pane = DetailPane()
    qtbot.addWidget(pane)
    deal = sample_articles()[0].deals[0]
    parties = (*deal.parties[:1], deal.parties[1].__class__(LONG_NAME, PartyKind.GOVERNMENT, "government"))
    pane.show_deal(deal.replace(id=7, parties=parties))
    return pane


def test_drop_downs_in_the_detail_lists_are_as_wide_as_their_longest_item(qtbot):
    pane = _pane(qtbot)
    table = pane.parties.table
    for col, labels in ((1, [kind_label(k.value) for k in PartyKind]), (2, list(ROLES))):
        combo = pane.parties.editor(0, col)
        assert isinstance(combo, QComboBox)
        longest = max(combo.fontMetrics().horizontalAdvance(label) for label in labels)
        assert table.columnWidth(col) >= longest + combo.iconSize().width() // 2  # text and some of the arrow
        assert table.columnWidth(col) >= max(combo.sizeHint().width(), combo.minimumSizeHint().width())
        # The list that drops down is never narrower than its items.
        assert combo.view().minimumWidth() >= combo.view().sizeHintForColumn(0)


def test_a_cut_cell_says_its_whole_value_and_an_empty_horizon_shows_no_made_up_date(qtbot):
    pane = _pane(qtbot)
    name = pane.parties.editor(1, 0)
    assert isinstance(name, QLineEdit) and name.toolTip() == LONG_NAME
    horizon = pane.commitments.editor(0, 1)
    assert isinstance(horizon, QLineEdit)
    assert horizon.text() == "" and horizon.placeholderText() == ""
    assert "by 2030" in horizon.toolTip()  # the example is in the tooltip, where it cannot pass for data
    assert pane.sizeHint().width() >= pane.parties.natural_width()


def test_source_titles_elide_rather_than_scroll_sideways(qtbot):
    pane = _pane(qtbot)
    assert pane.sources.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert pane.sources.textElideMode() == Qt.TextElideMode.ElideMiddle
    item = pane.sources.item(0)
    assert item is None or item.text() in item.toolTip()
