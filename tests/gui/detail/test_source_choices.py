"""Two sources of one deal: their differing values side by side with a choice, and "Not the same deal" as a split."""

from __future__ import annotations

import pytest

from core.importer import reparse_article, store_article
from core.model import Amount, Article, Deal, DealQuery, DealType, Evidence, Party, Precision
from core.store import Store
from test_commands import _state, assert_round_trip

FIRST = ("Northwind Energy agreed to buy Solvane Grid for $1.2 billion, the companies said in Denver "
         "on March 4, 2025.\n")
SECOND = ("Solvane Grid accepted a takeover by Northwind Energy worth $1.21 billion, announced in Boulder "
          "on March 5, 2025.\n")
FIRST_TITLE = "Northwind to buy Solvane Grid"
SECOND_TITLE = "Solvane Grid accepts Northwind takeover"


def _span(text: str, phrase: str, field: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(field, start, start + len(phrase))


def report(text: str, title: str, date: str, place: str, value: float, written: str, when: str) -> Article:
    deal = Deal(
        title="Northwind Energy to buy Solvane Grid", type=DealType.ACQUISITION, date=date,
        date_precision=Precision.DAY,
        parties=(Party("Northwind Energy", role="acquirer"), Party("Solvane Grid", role="target")),
        amounts=(Amount(value, "USD", written),), location=place,
        evidence=(_span(text, "Northwind Energy", "parties[0]"), _span(text, "Solvane Grid", "parties[1]"),
                  _span(text, written, "amounts"), _span(text, place, "location"), _span(text, when, "date")),
    )
    return Article(text, title=title, published=date, deals=(deal,))


def second_article() -> Article:
    return report(SECOND, SECOND_TITLE, "2025-03-05", "Boulder", 1.21e9, "$1.21 billion", "March 5, 2025")


@pytest.fixture
def merged(tmp_path):
    """A file database holding one deal reported by two articles that disagree on date, place and amount."""
    store = Store.open(tmp_path / "merged.db")
    first = store_article(store, report(FIRST, FIRST_TITLE, "2025-03-04", "Denver", 1.2e9, "$1.2 billion",
                                        "March 4, 2025"))
    second = store_article(store, second_article())
    assert second.merged == first.added
    yield store, first, second
    store.close()


@pytest.fixture
def merged_window(qtbot, merged, settings):
    from gui.main_window import MainWindow

    store, first, _ = merged
    win = MainWindow(store, settings)
    qtbot.addWidget(win)
    win.resize(1400, 850)
    win.show()
    qtbot.waitExposed(win)
    assert win.select_deal(first.added[0])
    return win


def _cards(window, field):
    box = window.detail.alternatives[field]
    return [(c.value_label.text(), c.source_label.full_text, c.use_button.isEnabled()) for c in box.cards]


def test_differing_values_are_shown_side_by_side_with_their_sources(merged_window):
    detail = merged_window.detail
    assert not detail.alternatives["location"].isHidden()
    assert _cards(merged_window, "location") == [
        ("Denver", f"from {FIRST_TITLE}", False), ("Boulder", f"from {SECOND_TITLE}", True)]
    assert _cards(merged_window, "date") == [
        ("4 Mar 2025", f"from {FIRST_TITLE}", False), ("5 Mar 2025", f"from {SECOND_TITLE}", True)]
    assert [text for text, _, _ in _cards(merged_window, "amounts")] == ["US$1.2bn", "US$1.21bn"]
    assert detail.alternatives["type"].isHidden()  # both say acquisition
    # Side by side: the cards share a row.
    cards = detail.alternatives["location"].cards
    assert cards[0].geometry().top() == cards[1].geometry().top()
    assert cards[0].geometry().right() < cards[1].geometry().left()


def test_a_deal_whose_sources_agree_shows_no_alternatives(window):
    assert window.detail.deal is not None
    assert all(box.isHidden() for box in window.detail.alternatives.values())


def test_choosing_a_value_is_a_named_edit_that_undo_takes_back(merged_window, merged):
    store, first, _ = merged
    deal_id = first.added[0]
    assert_round_trip(merged_window, store,
                      lambda: merged_window.detail.alternatives["location"].cards[1].use_button.click())
    assert merged_window.undo_action.text() == "&Undo Choose location"
    chosen = store.deal(deal_id)
    assert chosen.location == "Boulder" and "location" in chosen.edited
    assert merged_window.detail.location.text() == "Boulder"
    assert _cards(merged_window, "location") == [
        ("Denver", f"from {FIRST_TITLE}", True), ("Boulder", f"from {SECOND_TITLE}", False)]
    merged_window.undo_stack.undo()
    assert store.deal(deal_id).location == "Denver" and "location" not in store.deal(deal_id).edited
    assert merged_window.detail.location.text() == "Denver"


def test_choosing_a_date_and_an_amount_round_trip(merged_window, merged):
    store, first, _ = merged
    assert_round_trip(merged_window, store,
                      lambda: merged_window.detail.alternatives["date"].cards[1].use_button.click())
    assert merged_window.undo_action.text() == "&Undo Choose date"
    assert (store.deal(first.added[0]).date, merged_window.detail.date.text()) == ("2025-03-05", "2025-03-05")
    assert_round_trip(merged_window, store,
                      lambda: merged_window.detail.alternatives["amounts"].cards[1].use_button.click())
    assert store.deal(first.added[0]).amounts[0].value == 1.21e9


def _split_second(window):
    sources = window.detail.sources
    assert sources.count() == 2
    sources.setCurrentRow(1)
    assert window.detail.split_button.isEnabled()
    window.detail.split_button.click()


def test_split_is_a_named_command_and_undo_redo_restore_the_store_exactly(merged_window, merged):
    store, first, second = merged
    deal_id = first.added[0]
    alternatives = store.field_alternatives(deal_id)
    assert_round_trip(merged_window, store, lambda: _split_second(merged_window))
    assert merged_window.undo_action.text() == "&Undo Split deal"
    live = store.deal_ids(DealQuery(sort="id"), 0, 10)
    assert len(live) == 2
    split_id = next(i for i in live if i != deal_id)
    assert [s.article_id for s in store.deal(split_id).sources] == [second.article_id]
    assert store.deal(split_id).location == "Boulder" and store.deal(deal_id).location == "Denver"
    assert merged_window.detail.deal.id == deal_id and merged_window.detail.sources.count() == 1
    assert not merged_window.detail.split_button.isEnabled()  # one source left: nothing to split off
    assert all(box.isHidden() for box in merged_window.detail.alternatives.values())
    merged_window.undo_stack.undo()
    assert store.field_alternatives(deal_id) == alternatives
    assert merged_window.detail.sources.count() == 2
    assert not merged_window.detail.alternatives["location"].isHidden()


def test_a_split_pair_is_not_merged_again_by_a_later_import(merged_window, merged):
    store, first, second = merged
    _split_second(merged_window)
    assert store.count_deals(DealQuery()) == 2
    # The same article again is recognised and changes nothing.
    again = store_article(store, second_article())
    assert again.already_imported and store.count_deals(DealQuery()) == 2
    # Re-reading it keeps the two apart.
    outcome = reparse_article(store, second.article_id)
    assert not outcome.merged and store.count_deals(DealQuery()) == 2
    # Taken out altogether and imported afresh, it becomes a deal of its own, not a second source.
    store.remove_import(second)
    assert [s.article_id for s in store.deal(first.added[0]).sources] == [first.article_id]
    fresh = store_article(store, second_article())
    assert fresh.added and not fresh.merged
    assert [s.article_id for s in store.deal(first.added[0]).sources] == [first.article_id]


def test_the_sources_list_offers_the_split_per_source(merged_window):
    sources = merged_window.detail.sources
    assert sources.count() == 2 and sources.item(1).text().startswith(SECOND_TITLE)
    sources.setCurrentRow(-1)
    assert not merged_window.detail.split_button.isEnabled()  # which source? none chosen yet
    sources.setCurrentRow(0)
    assert merged_window.detail.split_button.isEnabled()


def test_a_refused_split_is_a_message_and_no_undo_step(merged_window, merged, monkeypatch):
    from core.errors import DatabaseError
    from gui import context

    store, _, _ = merged
    shown = []
    monkeypatch.setattr(context, "show_error", lambda parent, title, text, details=None: shown.append(text))

    def refuse(*args, **kwargs):
        raise DatabaseError("Could not write to merged.db: the disk is full.")

    before = _state(store)
    monkeypatch.setattr(store, "split_deal", refuse)
    _split_second(merged_window)
    assert shown == ["Could not write to merged.db: the disk is full."]
    assert merged_window.undo_stack.count() == 0 and _state(store) == before


def test_an_undo_of_a_split_failing_half_way_changes_nothing_and_drops_the_step(merged_window, merged, monkeypatch):
    import sqlite3

    from core.store import rows
    from gui import context

    store, _, _ = merged
    shown = []
    monkeypatch.setattr(context, "show_error", lambda parent, title, text, details=None: shown.append(text))
    _split_second(merged_window)
    after = _state(store)

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    # The sources have joined the deal again when saving it as it was fails.
    monkeypatch.setattr(rows, "save_deal", full)
    assert not merged_window.ctx.run_undo_step(merged_window.undo_stack.undo)
    assert shown and "disk is full" in shown[0]
    assert _state(store) == after
    assert merged_window.undo_stack.count() == 0  # no step left claiming the split can be undone
