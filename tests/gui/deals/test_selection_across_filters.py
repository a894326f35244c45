"""After a filter click the deal on show stays selected wherever the new list holds it, found without paging."""

from __future__ import annotations

import pytest

import gui.deals.model as deals_model
from core.model import Article, Deal, DealQuery, DealType


@pytest.fixture
def long_window(qtbot, sample_store, settings, monkeypatch):
    """The sample deals and 40 more, in pages of 3 rows: the first five pages hold 15 rows."""
    from gui.main_window import MainWindow

    monkeypatch.setattr(deals_model, "PAGE_SIZE", 3)
    for i in range(40):
        deal = Deal(f"Filler grant {i:02d}", DealType.GRANT if i % 2 else DealType.MOU, date=f"2031-01-{1 + i % 28:02d}")
        sample_store.add_article(Article(f"Filler article {i}.", deals=(deal,)))
    win = MainWindow(sample_store, settings)
    qtbot.addWidget(win)
    win.resize(1400, 850)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_a_deal_far_down_the_new_list_stays_selected(long_window) -> None:
    window, store = long_window, long_window.store
    grants = DealQuery(types=(DealType.GRANT,), sort=window.model.query.sort, descending=window.model.query.descending)
    deal_id = store.deal_ids(grants, 0, 100)[-1]  # the last grant: past the first five pages of grants
    assert window.select_deal(deal_id)
    fetched = window.model.pages_fetched
    window.model.set_query(grants)
    row = store.position(grants, deal_id)
    assert row is not None and row >= 15
    assert window.detail.deal is not None and window.detail.deal.id == deal_id
    assert window.table.currentIndex().row() == row and window.model.deal_id(row) == deal_id
    assert window.model.pages_fetched - fetched <= 2  # the page the view paints and the deal's own, no search


def test_a_deal_the_filter_leaves_out_is_no_longer_shown(long_window) -> None:
    window, store = long_window, long_window.store
    mou = next(i for i in store.deal_ids(DealQuery(), 0, 100) if store.deal(i).type == DealType.MOU)
    assert window.select_deal(mou)
    fetched = window.model.pages_fetched
    window.model.set_query(DealQuery(types=(DealType.GRANT,)))
    assert window.detail.deal is None
    assert window.model.pages_fetched - fetched <= 1
