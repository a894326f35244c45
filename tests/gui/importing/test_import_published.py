"""The Files and Web address tabs take a published date as the Paste tab does; an undated import says so."""

from __future__ import annotations

from core.importer import SourceResult
from core.model import Article, Deal, ImportOutcome
from gui.importing.dialog import FILES, WEB
from gui.importing.summary import status_line


def _dialog(window, tab):
    window.importer.import_action.trigger()
    dialog = window.importer.dialog
    dialog.tabs.setCurrentIndex(tab)
    return dialog


def test_the_files_tab_passes_its_published_date_to_every_file(window, tmp_path):
    paths = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for path in paths:
        path.write_text("Text.", encoding="utf-8")
    dialog = _dialog(window, FILES)
    dialog.add_files([str(p) for p in paths])
    assert [s.published for s in dialog.sources()] == [None, None]
    dialog.files_published.setText("2025-06-13")
    assert [s.published for s in dialog.sources()] == ["2025-06-13", "2025-06-13"]


def test_the_web_tab_passes_its_published_date(window):
    dialog = _dialog(window, WEB)
    dialog.address.setText("https://news.example/a")
    dialog.web_published.setText(" 2025-06-13 ")
    assert [s.published for s in dialog.sources()] == ["2025-06-13"]


def test_a_published_date_that_is_not_one_is_refused_on_the_web_tab(qtbot, window):
    dialog = _dialog(window, WEB)
    dialog.address.setText("https://news.example/a")
    dialog.web_published.setText("last Monday")
    requested = []
    dialog.import_requested.connect(requested.append)
    dialog.import_button.click()
    assert dialog.isVisible() and not requested
    assert dialog.error.text() == "Published: not a date of the form YYYY-MM-DD: 'last Monday'"


def test_an_import_whose_article_prints_no_date_says_how_many_deals_stayed_undated():
    undated = Article("On Monday, A bought B.", deals=(Deal("A buys B"), Deal("C buys D", date="2025-06-09")))
    dated = Article("x", published="2025-06-13", deals=(Deal("E buys F"),))
    results = [SourceResult("a.txt", outcome=ImportOutcome(1, added=(1, 2)), article=undated),
               SourceResult("b.txt", outcome=ImportOutcome(2, added=(3,)), article=dated)]
    line = status_line(results)
    assert line.startswith("Imported 3 deals from 2 articles; 1 deal without a date: the article prints none")
    assert "without a date" not in status_line(results[1:])
