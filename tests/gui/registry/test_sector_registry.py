"""View > Sectors: merging two sector synonyms leaves one Sector filter entry with both counts; undo brings both back."""

from __future__ import annotations

import pytest


@pytest.fixture
def sectors(qtbot, window):
    window.sectors.action.trigger()
    dialog = window.sectors.dialog
    qtbot.addWidget(dialog)
    return dialog


def _select(dialog, *names):
    dialog.table.clearSelection()
    flags = dialog.table.selectionModel().SelectionFlag
    for name in names:
        row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == name)
        dialog.table.selectionModel().select(dialog.table.model().index(row, 0), flags.Select | flags.Rows)


def _sector_facet(window):
    return dict(window.store.facets(window.model.query)["sector"])


def test_the_window_lists_every_sector_with_its_deal_count(sectors):
    rows = {sectors.table.item(r, 0).text(): sectors.table.item(r, 2).text() for r in range(sectors.table.rowCount())}
    assert rows == {"AI infrastructure": "2", "data centers": "2", "renewable energy": "2", "AI": "1"}


def test_merging_two_sectors_is_one_filter_entry_and_undo_restores_both(qtbot, window, sectors):
    before = _sector_facet(window)
    assert before["AI"] == 1 and before["AI infrastructure"] == 2
    _select(sectors, "AI", "AI infrastructure")
    assert sectors.merge_button.isEnabled()
    sectors.ask_item = lambda parent, title, label, items: "AI"
    sectors.merge_button.click()

    assert window.undo_stack.undoText() == "Merge sectors"
    after = _sector_facet(window)
    assert after["AI"] == 3 and "AI infrastructure" not in after
    qtbot.waitUntil(lambda: window.filters.item("sector", "AI infrastructure") is None)
    assert [s.aliases for s in window.store.sectors() if s.name == "AI"] == [("AI infrastructure",)]

    window.undo_action.trigger()
    assert _sector_facet(window) == before
    qtbot.waitUntil(lambda: window.filters.item("sector", "AI infrastructure") is not None)
    assert {sectors.table.item(r, 0).text() for r in range(sectors.table.rowCount())} >= {"AI", "AI infrastructure"}
    window.redo_action.trigger()
    assert _sector_facet(window)["AI"] == 3


def test_renaming_a_sector_renames_it_on_every_deal(window, sectors):
    _select(sectors, "data centers")
    sectors.ask_text = lambda parent, title, label, text: "data centres"
    sectors.rename_button.click()
    assert _sector_facet(window)["data centres"] == 2 and "data centers" not in _sector_facet(window)
    window.undo_action.trigger()
    assert _sector_facet(window)["data centers"] == 2


def test_double_clicking_a_sector_filters_the_list_by_it(qtbot, window, sectors):
    row = next(r for r in range(sectors.table.rowCount()) if sectors.table.item(r, 0).text() == "AI")
    sectors.table.cellDoubleClicked.emit(row, 0)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.model.query.sectors == ("AI",)
