"""A possible duplicate in the detail pane: offered with its title, merged by a button, undone, or set aside."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.model import Amount, Article, Deal, DealType, Party, Precision
from core.store import Store
from gui.detail.duplicates import TITLE_CHARS
from test_commands import _state, assert_round_trip

FIRST = "Gorse Metals agreed to buy Tansy Labs, the companies said on May 12, 2025.\n"
SECOND = "Tansy Labs is to be bought by Gorse Metals for $90 million, a person familiar with the talks said.\n"


def takeover(title: str, date: str | None, amounts: tuple[Amount, ...] = ()) -> Deal:
    return Deal(title, type=DealType.ACQUISITION, date=date, date_precision=Precision.DAY if date else None,
                parties=(Party("Gorse Metals", role="acquirer"), Party("Tansy Labs", role="target")),
                amounts=amounts)


@pytest.fixture
def offer_window(qtbot, tmp_path, settings):
    """A window on a file with one takeover told twice: the second report has no date, so it was not merged."""
    from gui.main_window import MainWindow

    store = Store.open(tmp_path / "offers.db")
    first = store.add_article(Article(FIRST, title="Gorse to buy Tansy", published="2025-05-12",
                                      deals=(takeover("Gorse Metals to buy Tansy Labs", "2025-05-12"),)), merge=True)
    second = store.add_article(Article(SECOND, title="Tansy to be sold", deals=(takeover(
        "Tansy Labs sale to Gorse", None, (Amount(90e6, "USD", "$90 million"),)),)), merge=True)
    assert not second.merged
    win = MainWindow(store, settings)
    qtbot.addWidget(win)
    win.resize(1400, 850)
    win.show()
    qtbot.waitExposed(win)
    assert win.select_deal(first.added[0])
    yield win, store, first.added[0], second.added[0]
    win.close()
    store.close()


def test_the_detail_pane_offers_the_possible_duplicate(offer_window) -> None:
    window, _, _, other = offer_window
    banner = window.detail.duplicates
    assert not banner.isHidden()
    [offer] = banner.offers
    assert offer.label.text() == f"Possible duplicate of Tansy Labs sale to Gorse (deal {other})"
    assert offer.label.textFormat() == Qt.TextFormat.PlainText
    window.detail.grab().save("/tmp/dup.png")


def test_the_merge_button_merges_and_undo_restores_both(qtbot, offer_window) -> None:
    window, store, deal_id, other = offer_window
    before = _state(store)
    def merge() -> None:
        qtbot.mouseClick(window.detail.duplicates.offers[0].merge_button, Qt.MouseButton.LeftButton)
        preview = window.deal_actions.merge_preview  # the same preview as Edit > Merge, this deal kept
        assert preview is not None and preview.keep.id == deal_id and preview.other.id == other
        preview.merge_button.click()

    assert_round_trip(window, store, merge)
    window.undo_stack.redo()
    merged = store.deal(deal_id)
    assert len(merged.sources) == 2 and store.trashed([other]) == {other}
    assert window.detail.deal is not None and window.detail.deal.id == deal_id
    assert window.detail.duplicates.isHidden()
    window.undo_stack.undo()
    assert _state(store) == before and store.trashed([deal_id, other]) == set()
    assert [o.deal_id for o in window.detail.duplicates.offers] == [other]


def test_not_a_duplicate_hides_the_offer_and_undo_offers_it_again(qtbot, offer_window) -> None:
    window, store, deal_id, other = offer_window
    qtbot.mouseClick(window.detail.duplicates.offers[0].dismiss_button, Qt.MouseButton.LeftButton)
    assert window.detail.duplicates.isHidden() and store.possible_duplicates(other) == []
    assert window.undo_stack.undoText() == "Not a duplicate"
    window.undo_stack.undo()
    assert [o.deal_id for o in window.detail.duplicates.offers] == [other]
    assert [d.deal_id for d in store.possible_duplicates(other)] == [deal_id]
    window.undo_stack.redo()
    assert window.detail.duplicates.isHidden()


def test_show_selects_the_offered_deal_and_it_offers_this_one_back(qtbot, offer_window) -> None:
    window, _, deal_id, other = offer_window
    qtbot.mouseClick(window.detail.duplicates.offers[0].show_button, Qt.MouseButton.LeftButton)
    assert window.detail.deal is not None and window.detail.deal.id == other
    assert [o.deal_id for o in window.detail.duplicates.offers] == [deal_id]


def test_a_long_title_from_an_article_is_cut_and_shown_as_text(offer_window) -> None:
    window, store, deal_id, other = offer_window
    title = "<b>Tansy</b> " * 40
    store.save(store.deal(other).replace(title=title))
    window.reload_deals()
    window.select_deal(other)
    window.select_deal(deal_id)
    [offer] = window.detail.duplicates.offers
    assert len(offer.label.text()) < TITLE_CHARS + 40 and offer.label.text().startswith("Possible duplicate of <b>")
    assert offer.label.toolTip().startswith(title)
