"""The detail pane shows a deal and turns each edit into deal_edited(before, after, text); it holds no store."""

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication

from conftest import sample_articles
from core.model import Party, PartyKind, Precision
from gui.detail.edits import parse_date
from gui.detail.pane import DetailPane


@pytest.fixture
def deal():
    return sample_articles()[0].deals[0].replace(id=7)


@pytest.fixture
def pane(qtbot, deal):
    widget = DetailPane()
    qtbot.addWidget(widget)
    widget.show_deal(deal)
    return widget


def test_pane_has_no_way_to_write(pane):
    assert not any("store" in name.lower() for name in vars(pane))


def test_pane_shows_every_field(pane, deal):
    assert pane.title.text() == deal.title
    assert pane.type.currentData() == "mou"
    assert pane.status.currentData() == "mou"
    assert pane.date.text() == "2025-09-22"
    assert pane.precision.currentData() == "day"
    assert pane.location.text() == "New York City"
    assert pane.sectors.text() == "AI infrastructure, data centers, renewable energy"
    assert pane.parties.rows() == [["BlackRock", "company", "investor"], ["South Korea", "government", "partner"]]
    assert pane.commitments.rows() == [["jointly develop advanced data centers", ""]]
    assert pane.people.rows()[0] == ["Larry Fink", "CEO", "BlackRock"]
    assert not pane.review_banner.isHidden()
    assert not pane._labels["date"].mark.isHidden()
    assert pane._labels["title"].mark.isHidden()


def test_title_edit_is_emitted_not_written(qtbot, pane, deal):
    pane.title.setText("A new title")
    with qtbot.waitSignal(pane.deal_edited) as blocker:
        pane.title.editingFinished.emit()
    before, after, text = blocker.args
    assert before is deal
    assert after == deal.replace(title="A new title")
    assert text == "Edit title"
    assert pane.deal is deal  # unchanged until the window shows the saved copy


def test_empty_title_is_refused(qtbot, pane, deal):
    pane.title.setText("   ")
    with qtbot.assertNotEmitted(pane.deal_edited):
        pane.title.editingFinished.emit()
    assert pane.title.text() == deal.title


def test_party_rows_become_parties(qtbot, pane, deal):
    pane.parties.editor(1, 1).setCurrentIndex(pane.parties.editor(1, 1).findData("fund"))
    with qtbot.waitSignal(pane.deal_edited) as blocker:
        pane.parties.editor(1, 1).activated.emit(0)
    assert blocker.args[1].parties[1] == Party("South Korea", PartyKind.FUND, "partner", country="KR")
    assert blocker.args[2] == "Change party kind"


def test_rename_party_forgets_the_registry_entry(qtbot, pane):
    pane.parties.editor(0, 0).setText("Larkspur Holdings")
    with qtbot.waitSignal(pane.deal_edited) as blocker:
        pane.parties.editor(0, 0).editingFinished.emit()
    renamed = blocker.args[1].parties[0]
    assert (renamed.name, renamed.entity_id, blocker.args[2]) == ("Larkspur Holdings", None, "Rename party")


def test_summary_is_emitted_when_leaving_the_box(qtbot, pane):
    pane.summary.setPlainText("Short.")
    with qtbot.waitSignal(pane.deal_edited) as blocker:
        QApplication.sendEvent(pane.summary, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))
    assert blocker.args[1].summary == "Short." and blocker.args[2] == "Edit summary"


def test_mark_reviewed_clears_the_marks(qtbot, pane):
    with qtbot.waitSignal(pane.deal_edited) as blocker:
        pane.mark_reviewed.click()
    assert blocker.args[1].needs_review == ()
    pane.show_deal(blocker.args[1])
    assert pane.review_banner.isHidden()


def test_focus_on_a_field_asks_for_its_evidence(qtbot, pane):
    pane.setMinimumSize(500, 700)  # a fixed minimum: offscreen Qt warns when a window's minimum changes
    pane.show()
    qtbot.waitExposed(pane)
    with qtbot.waitSignal(pane.field_selected) as blocker:
        pane.location.setFocus()
        QApplication.sendEvent(pane.location, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.MouseFocusReason))
    assert blocker.args == ["location", -1]
    with qtbot.waitSignal(pane.field_selected) as blocker:
        QApplication.sendEvent(pane.parties.editor(1, 0),
                               QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.MouseFocusReason))
    assert blocker.args == ["parties", 1]


@pytest.mark.parametrize(("text", "precision", "expected"), [
    ("", "day", (None, None)),
    ("2025", "day", ("2025-01-01", Precision.YEAR)),
    ("2025-09", "day", ("2025-09-01", Precision.MONTH)),
    ("2025-09-22", "month", ("2025-09-22", Precision.DAY)),
    ("2025-07-01", "quarter", ("2025-07-01", Precision.QUARTER)),
    ("2025-09-15", "week", ("2025-09-15", Precision.WEEK)),
])
def test_date_box_reads_precision_from_length(text, precision, expected):
    assert parse_date(text, precision) == expected


def test_impossible_date_is_refused(qtbot, pane, deal):
    pane.date.setText("2025-02-30")
    with qtbot.assertNotEmitted(pane.deal_edited):
        pane.date.editingFinished.emit()
    assert pane.date.text() == "2025-09-22"


def test_no_deal_shows_a_placeholder(pane):
    pane.show_deal(None)
    assert pane.deal is None
    assert pane._stack.currentIndex() == 0
