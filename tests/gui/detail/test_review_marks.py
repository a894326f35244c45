"""Review marks: a corrected field is reviewed, Mark reviewed leaves the cursor alone, hand edits show in the list."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core.model import DealQuery

MOU = "BlackRock and South Korea sign AI infrastructure MoU"
VOLTA = "Volta Grid to acquire SolarNorth"


def _deal_id(store, title):
    return next(d.id for d in store.iter_deals(DealQuery()) if d.title == title)


def _edit(line, text):
    line.setText(text)
    line.editingFinished.emit()


def test_correcting_a_flagged_field_clears_its_flag_and_undo_puts_it_back(window, sample_store):
    deal_id = _deal_id(sample_store, MOU)
    window.select_deal(deal_id)
    assert sample_store.deal(deal_id).needs_review == ("date",)
    _edit(window.detail.date, "2025-09-23")
    assert sample_store.deal(deal_id).needs_review == ()
    assert window.detail.review_banner.isHidden() and window.detail._labels["date"].mark.isHidden()
    window.undo_stack.undo()
    assert sample_store.deal(deal_id).needs_review == ("date",)


def test_only_the_corrected_fields_flag_goes(window, sample_store):
    deal_id = _deal_id(sample_store, VOLTA)
    window.select_deal(deal_id)
    window.detail.amounts.editor(0, 0).setText("1.3bn")
    window.detail.amounts.editor(0, 0).editingFinished.emit()
    assert sample_store.deal(deal_id).needs_review == ("parties",)
    _edit(window.detail.title, "Volta Grid buys SolarNorth")  # not a flagged field
    assert sample_store.deal(deal_id).needs_review == ("parties",)


def test_mark_reviewed_does_not_put_the_cursor_in_title(window, sample_store, qtbot):
    window.select_deal(_deal_id(sample_store, MOU))
    window.activateWindow()
    button = window.detail.mark_reviewed
    button.setFocus()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.detail.review_banner.isHidden()
    assert QApplication.focusWidget() is not window.detail.title
    assert window.detail.title.selectedText() == ""


def test_a_deal_edited_by_hand_shows_a_pencil_in_the_list(window, sample_store):
    deal_id = _deal_id(sample_store, MOU)
    window.select_deal(deal_id)
    index = window.model.index(window.model.row_of(deal_id), 1)
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
    _edit(window.detail.location, "Seoul")
    index = window.model.index(window.model.row_of(deal_id), 1)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "edited by hand" in index.data(Qt.ItemDataRole.ToolTipRole)
    window.undo_stack.undo()
    index = window.model.index(window.model.row_of(deal_id), 1)
    assert index.data(Qt.ItemDataRole.DecorationRole) is None


def test_history_of_an_edit_reads_as_words(window, sample_store):
    window.select_deal(_deal_id(sample_store, MOU))
    window.detail.type.setCurrentIndex(window.detail.type.findData("investment"))
    window.detail.type.activated.emit(window.detail.type.currentIndex())
    history = window.detail.history
    rows = [[history.topLevelItem(i).text(c) for c in (1, 2, 3)] for i in range(history.topLevelItemCount())]
    assert ["you", "Type", "MoU → Investment"] in rows
    assert ["import", "Date precision", "Day"] in rows
    assert history.topLevelItem(0).toolTip(3) in ("Type: MoU → Investment", "Edited by hand: none → Type")
