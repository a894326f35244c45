"""The first run's sample articles say they are samples, and File > Remove sample deals takes their deals out in one
undoable step, leaving the user's own deals."""

from __future__ import annotations

import pytest

from core.importer import import_text
from core.model import DealQuery
from gui.app import open_store
from gui.main_window import MainWindow
from gui.resources import SAMPLE_PUBLISHER, is_sample, sample_paths


def test_only_the_bundled_files_are_samples(tmp_path):
    copy = tmp_path / sample_paths()[0].name
    copy.write_text("x", encoding="utf-8")
    assert is_sample(str(sample_paths()[0])) and not is_sample(str(copy)) and not is_sample(None)


@pytest.mark.slow
def test_remove_sample_deals_is_one_undoable_step(qtbot, tmp_path, settings):
    store = open_store(tmp_path / "deals.db", fill_when_new=True)
    samples = store.count_deals(DealQuery())
    assert samples > 5
    article = store.articles_for_deal(store.deal_ids(DealQuery(), 0, 1)[0])[0]
    assert article.publisher == SAMPLE_PUBLISHER
    assert store.deal(store.deal_ids(DealQuery(), 0, 1)[0]).notes.startswith("From Deal Tracker sample articles.")
    mine = import_text(store, "Northwind Energy agreed to buy Calder Storage for $90 million, the companies said "
                              "on March 4, 2025.", title="Mine").outcome
    assert mine is not None and mine.added
    window = MainWindow(store, settings)
    qtbot.addWidget(window)

    window.samples.remove_action.trigger()
    assert window.undo_stack.undoText() == "Remove sample deals"
    assert store.count_deals(DealQuery()) == len(mine.added)
    assert "Removed" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert store.count_deals(DealQuery()) == samples + len(mine.added)
    window.close()
    store.close()
