"""The window's US-dollar figures: the Value (US$) column, the status-bar total, the detail pane's source line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.model import DealQuery
from gui.deals.model import Column
from gui.formatting import format_money


def _deal_id(store, title):
    return next(d.id for d in store.iter_deals(DealQuery()) if d.title == title)


def _expected_status(store, query: DealQuery) -> str:
    deals = list(store.iter_deals(query))
    total = sum(d.usd_value for d in deals if d.usd_value is not None)
    without = sum(1 for d in deals if d.usd_value is None)
    # During a search the count says the matches and their order (latest added first).
    count = f"{len(deals)} match{'' if len(deals) == 1 else 'es'}, latest added first" if query.search \
        else f"{len(deals)} deal{'' if len(deals) == 1 else 's'}"
    text = f"{count} · {format_money(total, 'USD')}"
    return text + (f" · {without} without a value" if without else "")


def test_the_status_bar_sums_the_deals_in_view(qtbot, window, sample_store):
    expected = _expected_status(sample_store, window.model.query)
    assert expected.startswith("5 deals · US$") and expected.endswith("· 2 without a value")
    qtbot.waitUntil(lambda: window.count_label.text() == expected)
    window.search.setText("Mistral")
    window.search.returnPressed.emit()
    expected = _expected_status(sample_store, window.model.query)
    assert expected.startswith("1 match, latest added first · US$")
    qtbot.waitUntil(lambda: window.count_label.text() == expected)


def test_the_usd_column_sorts_by_number(window, sample_store):
    model = window.model
    model.sort(Column.USD, Qt.SortOrder.DescendingOrder)
    titles = [model.index(r, Column.TITLE).data() for r in range(3)]
    # $1.2bn, then the article's US$678m for £500m, then €600m at the ECB rate of 3 Mar 2025 (about $630m).
    assert titles == ["Volta Grid to acquire SolarNorth", "BlackRock invests in Digital Gravity Partners",
                      "Mistral AI raises €600m Series B"]
    assert model.index(2, Column.USD).data().startswith("US$6")
    assert model.headerData(Column.USD, Qt.Orientation.Horizontal) == "Value (US$)"


def test_the_detail_pane_says_where_each_dollar_value_comes_from(window, sample_store):
    assert window.select_deal(_deal_id(sample_store, "Mistral AI raises €600m Series B"))
    assert window.detail.usd_sources.text().startswith("€600m: US$")
    assert window.detail.usd_sources.text().endswith(" at ECB 3 Mar 2025")
    assert window.select_deal(_deal_id(sample_store, "BlackRock invests in Digital Gravity Partners"))
    assert window.detail.usd_sources.text() == "£500m: US$678m as the article states"


def test_a_dollar_value_typed_in_the_pane_is_an_undoable_hand_edit(window, sample_store):
    deal_id = _deal_id(sample_store, "Mistral AI raises €600m Series B")
    assert window.select_deal(deal_id)
    before = sample_store.deal(deal_id).amounts[0].usd
    assert before is not None and before.source == "ecb"
    box = window.detail.amounts.editor(0, 3)
    box.setText("700000000")
    box.editingFinished.emit()
    assert window.undo_action.text() == "&Undo Set US-dollar value"
    mine = sample_store.deal(deal_id)
    assert mine.amounts[0].usd is not None and (mine.amounts[0].usd.source, mine.amounts[0].usd.value) == (
        "person", pytest.approx(7e8))
    assert "amounts" in mine.edited and window.detail.usd_sources.text() == "€600m: US$700m set by hand"
    window.undo_action.trigger()
    assert sample_store.deal(deal_id).amounts[0].usd == before
