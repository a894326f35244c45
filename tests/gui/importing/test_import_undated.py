"""An import whose article prints no date asks when it came out; the answer re-parses it as one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel

from core.importer import SourceResult
from core.model import Article, Deal, ImportOutcome, Precision
from gui.importing import reparse
from gui.importing.sources import from_text
from gui.importing.undated import PublishedDialog, question, undated_articles
from gui_import_helpers import dump, save_shot, wait_for_import

HARLOW = ("Harlow Minerals signed an agreement on Tuesday to acquire Brightwater Lithium for $240 million, "
          "the companies said.")
TITLE = "Harlow buys Brightwater"


def _import(qtbot, window, published=""):
    window.importer.start([from_text(HARLOW, title=TITLE, published=published)])
    (result,) = wait_for_import(qtbot, window)
    (deal_id,) = result.outcome.added
    return result.outcome.article_id, deal_id


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(reparse, "show_error", lambda parent, title, text, details=None: shown.append(text))
    return shown


@pytest.mark.slow
def test_the_answer_dates_on_tuesday_and_undo_takes_it_back(qtbot, window, sample_store, errors):
    article_id, deal_id = _import(qtbot, window)
    assert sample_store.deal(deal_id).date is None
    before = dump(sample_store)
    dialog = window.reparser.date_dialog
    assert dialog is not None and dialog.isVisible()
    assert question(TITLE) in [label.text() for label in dialog.findChildren(QLabel)]
    assert list(dialog.edits) == [article_id] and not dialog.checks
    dialog.edits[article_id].setDate(QDate(2026, 3, 5))  # a Thursday
    save_shot(dialog, "import-published-question")
    dialog.set_button.click()

    deal = sample_store.deal(deal_id)
    assert (deal.date, deal.date_precision) == ("2026-03-03", Precision.DAY)
    assert sample_store.article(article_id).published == "2026-03-05"
    assert window.undo_stack.undoText() == "Set published date"
    assert window.statusBar().currentMessage().startswith("Published date set. Re-parsed 1 article: 1 deal updated")
    window.undo_stack.undo()
    assert dump(sample_store) == before
    assert sample_store.deal(deal_id).date is None and sample_store.article(article_id).published is None
    assert window.undo_stack.undoText() == "Import article"
    window.undo_stack.redo()
    assert sample_store.deal(deal_id).date == "2026-03-03"
    assert not errors


@pytest.mark.slow
def test_a_hand_edit_survives_the_answer(qtbot, window, sample_store):
    article_id, deal_id = _import(qtbot, window)
    window.reparser.date_dialog.skip_button.click()
    deal = sample_store.deal(deal_id)
    sample_store.save(deal.replace(title="Harlow's lithium buy"))
    window.reparser.ask_dates([SourceResult(TITLE, outcome=ImportOutcome(article_id, added=(deal_id,)),
                                            article=sample_store.article(article_id).replace(deals=(deal,)))])
    window.reparser.date_dialog.edits[article_id].setDate(QDate(2026, 3, 5))
    window.reparser.date_dialog.set_button.click()
    deal = sample_store.deal(deal_id)
    assert (deal.title, deal.date) == ("Harlow's lithium buy", "2026-03-03")


@pytest.mark.slow
def test_skip_changes_nothing(qtbot, window, sample_store):
    _import(qtbot, window)
    before, steps = dump(sample_store), window.undo_stack.count()
    window.reparser.date_dialog.skip_button.click()
    assert not window.reparser.date_dialog.isVisible()
    assert dump(sample_store) == before and window.undo_stack.count() == steps


@pytest.mark.slow
def test_an_article_with_its_own_date_never_asks(qtbot, window, sample_store):
    _, deal_id = _import(qtbot, window, published="2026-03-05")
    assert sample_store.deal(deal_id).date == "2026-03-03"
    assert window.reparser.date_dialog is None


def test_only_undated_articles_whose_deals_wait_for_a_date_are_asked_about():
    def result(article_id, article, again=False):
        return SourceResult(str(article_id), outcome=ImportOutcome(article_id, already_imported=again),
                            article=article)

    dated_deal = Deal("A buys B", date="2025-06-09", date_precision=Precision.DAY)
    results = [
        result(1, Article("x", title="No date", deals=(Deal("C buys D"),))),
        result(2, Article("x", title="Dateline weekday", deals=(Deal("E", date="2025-06-09",
                                                                     date_precision=Precision.WEEK),))),
        result(3, Article("x", title="Dated", published="2025-06-13", deals=(Deal("F buys G"),))),
        result(4, Article("x", title="Its deals carry dates", deals=(dated_deal,))),
        result(5, Article("x", title="No deals")),
        result(6, Article("x", title="Again", deals=(Deal("H buys I"),)), again=True),
        SourceResult("broken.txt", error="Could not read broken.txt"),
    ]
    assert undated_articles(results) == [(1, "No date"), (2, "Dateline weekday")]


def test_several_articles_each_have_a_box_and_an_unticked_one_is_left(qtbot):
    dialog = PublishedDialog([(1, "One"), (2, "Two")])
    qtbot.addWidget(dialog)
    dialog.edits[1].setDate(QDate(2026, 3, 5))
    dialog.checks[2].setChecked(False)
    assert not dialog.edits[2].isEnabled()
    assert dialog.dates() == {1: "2026-03-05"}
    assert dialog.windowTitle() == "When were they published?" and dialog.set_button.text() == "&Set dates"
