"""The first run's sample articles say they are samples, and File > Remove sample deals takes their deals out in one
undoable step, leaving the user's own deals."""

from __future__ import annotations

import pytest

from core.importer import import_text
from core.model import DealQuery
from gui.app import open_store, open_window
from gui_import_helpers import wait_for_import
from gui.resources import SAMPLE_PUBLISHER, is_sample, sample_paths


def test_only_the_bundled_files_are_samples(tmp_path):
    copy = tmp_path / sample_paths()[0].name
    copy.write_text("x", encoding="utf-8")
    assert is_sample(str(sample_paths()[0])) and not is_sample(str(copy)) and not is_sample(None)


def first_run(qtbot, tmp_path, settings):
    """The window on a new default database, as gui.app.run opens it, once its sample import is done."""
    store = open_store(tmp_path / "deals.db")
    window = open_window(store, settings, samples=True)
    qtbot.addWidget(window)
    assert store.article_count() == 0  # the window comes first; the samples follow in the background
    results = wait_for_import(qtbot, window, timeout=120_000)
    assert results and not any(r.error for r in results)
    return store, window


@pytest.mark.slow
def test_the_first_run_sample_import_is_undone_by_edit_undo(qtbot, tmp_path, settings):
    store, window = first_run(qtbot, tmp_path, settings)
    samples = store.count_deals(DealQuery())
    assert samples > 5 and window.list_stack.currentWidget() is window.table
    assert window.importer.summary is None and window.reparser.date_dialog is None  # nothing pops up
    assert len(window.table.selected_ids()) == 1 and window.detail.deal is not None  # a first look at one deal
    assert window.undo_action.text() == "&Undo Import sample articles"
    window.undo_action.trigger()
    assert store.count_deals(DealQuery(include_deleted=True)) == 0 and store.article_count() == 0
    assert window.list_stack.currentWidget() is window.welcome
    window.redo_action.trigger()
    assert store.count_deals(DealQuery()) == samples
    window.close()
    store.close()


@pytest.mark.slow
def test_remove_sample_deals_is_one_undoable_step(qtbot, tmp_path, settings):
    store, window = first_run(qtbot, tmp_path, settings)
    samples = store.count_deals(DealQuery())
    article = store.articles_for_deal(store.deal_ids(DealQuery(), 0, 1)[0])[0]
    assert article.publisher == SAMPLE_PUBLISHER
    assert store.deal(store.deal_ids(DealQuery(), 0, 1)[0]).notes.startswith("From Deal Tracker sample articles.")
    mine = import_text(store, "Northwind Energy agreed to buy Calder Storage for $90 million, the companies said "
                              "on March 4, 2025.", title="Mine").outcome
    assert mine is not None and mine.added
    window.reload_deals()

    window.samples.remove_action.trigger()
    assert window.undo_stack.undoText() == "Remove sample deals"
    assert store.count_deals(DealQuery()) == len(mine.added)
    assert "Removed" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert store.count_deals(DealQuery()) == samples + len(mine.added)
    window.close()
    store.close()
