"""Amounts are typed as analysts write them, stored as read, shown with separators; what cannot be read is refused."""

import pytest

from core.model import DealQuery

DGP = "BlackRock invests in Digital Gravity Partners"


def _deal_id(store, title):
    return next(d.id for d in store.iter_deals(DealQuery()) if d.title == title)


def _type(editor, text):
    editor.setFocus()
    editor.setText(text)
    editor.editingFinished.emit()


@pytest.fixture
def dgp(window, sample_store):
    deal_id = _deal_id(sample_store, DGP)
    assert window.select_deal(deal_id)
    return window, sample_store, deal_id


@pytest.mark.parametrize(("typed", "value", "currency"), [
    ("550m", 550e6, "GBP"), ("1.2bn", 1.2e9, "GBP"), ("1,200,000", 1.2e6, "GBP"), ("3.5 crore", 35e6, "GBP"),
    ("US$2 billion", 2e9, "USD"), ("€ 40m", 40e6, "EUR"), ("£500 million", 500e6, "GBP"),
])
def test_typed_amounts_are_stored_as_read(dgp, typed, value, currency):
    window, store, deal_id = dgp
    _type(window.detail.amounts.editor(0, 0), typed)
    stored = store.deal(deal_id).amounts[0]
    assert (stored.value, stored.currency) == (value, currency)


def test_550m_shows_formatted_and_undo_puts_back_500m(dgp):
    window, store, deal_id = dgp
    editor = window.detail.amounts.editor(0, 0)
    assert editor.text() == "500,000,000"
    _type(editor, "550m")
    assert store.deal(deal_id).amounts[0].value == 550_000_000
    assert editor.text() == "550,000,000"
    assert window.undo_stack.undoText() == "Edit amount"
    window.undo_stack.undo()
    assert store.deal(deal_id).amounts[0].value == 500_000_000


@pytest.mark.parametrize("typed", ["abc", "12..5", ""])
def test_what_cannot_be_read_is_refused_and_the_old_value_stays(dgp, typed):
    window, store, deal_id = dgp
    before = store.deal(deal_id)
    editor = window.detail.amounts.editor(0, 0)
    _type(editor, typed)
    assert store.deal(deal_id) == before and window.undo_stack.count() == 0
    notes = window.detail.amount_notes
    assert not notes.error.isHidden() and "550m" in notes.error.text()
    assert editor.text() == typed  # left in the box to be put right
    _type(editor, "520m")  # put right: the refusal goes
    assert store.deal(deal_id).amounts[0].value == 520e6 and notes.error.isHidden()


def test_as_written_that_disagrees_is_warned_of_without_blocking(dgp):
    window, store, deal_id = dgp
    notes = window.detail.amount_notes
    assert notes.warning.isHidden()
    _type(window.detail.amounts.editor(0, 0), "550m")
    assert store.deal(deal_id).amounts[0].value == 550e6  # stored all the same
    assert not notes.warning.isHidden()
    assert "“£500 million” reads as £500m, but the value is £550m" in notes.warning.text()
    _type(window.detail.amounts.editor(0, 2), "£550 million")
    assert notes.warning.isHidden()


def test_dollars_typed_by_hand_read_the_same_way(dgp):
    window, store, deal_id = dgp
    _type(window.detail.amounts.editor(0, 3), "700m")
    usd = store.deal(deal_id).amounts[0].usd
    assert usd is not None and (usd.value, usd.source) == (700e6, "person")
    _type(window.detail.amounts.editor(0, 3), "€700m")
    assert "US dollars" in window.detail.amount_notes.error.text()
    assert store.deal(deal_id).amounts[0].usd.value == 700e6


def test_screenshot_of_an_amount_being_edited(dgp, qtbot):
    window, _, _ = dgp
    for size in ((1600, 1000), (1366, 768)):
        window.resize(*size)
        _type(window.detail.amounts.editor(0, 0), "12..5")
        qtbot.wait(10)
        window.grab().save(f"/tmp/edit_amount_{size[0]}.png")
