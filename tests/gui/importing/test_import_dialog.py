"""The Import dialog (Ctrl+I): pasted text, several files, a web address; bad input is a one-line refusal that changes nothing."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from core.importer import import_sources
from core.model import DealQuery
from core.store import Store
from gui.importing import runner as import_runner
from gui.importing.dialog import FILES, PASTE, WEB
from gui_import_helpers import (
    CALDER, KESTREL, NORTHWIND, NORTHWIND_AGAIN, dump, eml, make_pdf, page, save_shot, wait_for_import, web_server,
)


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(import_runner, "show_error", lambda parent, title, text, details=None: shown.append(text))
    return shown


def open_dialog(window, tab):
    window.importer.import_action.trigger()
    dialog = window.importer.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.tabs.setCurrentIndex(tab)
    return dialog


def click_import(qtbot, dialog):
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)


def test_ctrl_i_opens_the_dialog_and_import_waits_for_input(window):
    dialog = open_dialog(window, PASTE)
    assert window.importer.import_action.shortcut().toString() == "Ctrl+I"
    assert [dialog.tabs.tabText(i) for i in range(3)] == ["&Paste text", "&Files", "&Web address"]
    assert not dialog.import_button.isEnabled()
    dialog.text.setPlainText("   \n")
    assert not dialog.import_button.isEnabled()
    dialog.tabs.setCurrentIndex(WEB)
    dialog.address.setText("https://news.example/a")
    assert dialog.import_button.isEnabled()


def test_pasted_text_is_imported_with_its_title_address_and_date(qtbot, window, sample_store, errors):
    before = dump(sample_store)
    dialog = open_dialog(window, PASTE)
    dialog.text.setPlainText(NORTHWIND)
    dialog.title.setText("Northwind's storage deal")
    dialog.url.setText("https://news.example/northwind")
    dialog.published.setText("2025-03-05")
    save_shot(dialog, "import-dialog-paste")
    click_import(qtbot, dialog)
    assert not dialog.isVisible()
    (result,) = wait_for_import(qtbot, window)
    assert result.source == "Northwind's storage deal" and len(result.outcome.added) == 1
    article = sample_store.article(result.outcome.article_id)
    assert (article.title, article.url, article.published) == (
        "Northwind's storage deal", "https://news.example/northwind", "2025-03-05")
    assert window.statusBar().currentMessage() == "Imported 1 deal from 1 article"
    assert window.importer.summary is None  # a plain success is told in the status bar alone
    assert window.table.selected_ids() == list(result.outcome.added)
    assert window.detail.deal.id == result.outcome.added[0]
    assert window.undo_action.text() == "&Undo Import article"
    assert dialog.text.toPlainText() == "" and dialog.title.text() == ""  # imported: the dialog starts afresh
    window.undo_stack.undo()
    assert dump(sample_store) == before and not errors


def test_a_published_date_that_is_no_date_is_refused_in_the_dialog(window, sample_store):
    before = dump(sample_store)
    dialog = open_dialog(window, PASTE)
    dialog.text.setPlainText(NORTHWIND)
    dialog.published.setText("2025-13-01")
    dialog.import_button.click()
    assert dialog.isVisible() and window.importer.worker is None
    # The command line's words for `--published 2025-13-01`.
    assert dialog.error.text() == "Published: not a date of the form YYYY-MM-DD: '2025-13-01'"
    assert dialog.error.isVisibleTo(dialog)
    save_shot(dialog, "import-dialog-bad-date")
    assert dump(sample_store) == before
    dialog.published.setText("2025-03-05")
    assert not dialog.error.isVisibleTo(dialog)


@pytest.mark.slow
def test_several_files_of_each_kind_are_imported_at_once(qtbot, window, sample_store, tmp_path, monkeypatch):
    files = {
        "northwind.txt": NORTHWIND.encode(),
        "kestrel.md": ("# " + KESTREL).encode(),
        "calder.html": page(CALDER),
        "northwind-again.eml": eml(NORTHWIND_AGAIN),
        "orbital.pdf": make_pdf(["Orbital Freight agreed to acquire Meridian Cargo Ltd for $300 million,",
                                 "the companies said on Tuesday, June 3, 2025."]),
    }
    paths = []
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (paths, ""))
    dialog = open_dialog(window, FILES)
    assert not dialog.import_button.isEnabled()
    dialog.add_files_button.click()
    assert dialog.file_paths() == paths
    save_shot(dialog, "import-dialog-files")
    click_import(qtbot, dialog)
    results = wait_for_import(qtbot, window, timeout=60_000)
    assert [r.source for r in results] == paths
    assert all(r.error is None for r in results), [r.error for r in results]
    added = [len(r.outcome.added) for r in results]
    assert added[0] == added[1] == added[2] == added[4] == 1
    assert results[3].outcome.merged == results[0].outcome.added  # the same deal told twice: one deal
    assert sample_store.count_deals(DealQuery()) == 5 + 4
    assert window.undo_stack.count() == 1 and window.undo_action.text() == "&Undo Import 5 articles"
    assert window.importer.summary.isVisible()  # something was merged: the panel says so
    save_shot(window.importer.summary, "import-summary-files")
    save_shot(window, "import-window-after-files")
    assert sorted(window.table.selected_ids()) == sorted(i for r in results for i in r.outcome.added)


@pytest.mark.slow
def test_a_web_address_is_fetched_and_kept_as_the_source(qtbot, window, sample_store):
    with web_server({"/news/northwind.html": page(NORTHWIND)}) as base:
        dialog = open_dialog(window, WEB)
        dialog.address.setText(f"{base}/news/northwind.html")
        save_shot(dialog, "import-dialog-web")
        click_import(qtbot, dialog)
        (result,) = wait_for_import(qtbot, window)
    assert result.error is None and len(result.outcome.added) == 1
    article = sample_store.article(result.outcome.article_id)
    assert article.url == f"{base}/news/northwind.html"
    assert article.title == "Northwind Energy to buy Solvane Grid for $1.2 billion"


def _cli_refusal(location):
    """What `main.py import LOCATION` prints after "skipped: " (import_sources is its pipeline)."""
    store = Store.in_memory()
    try:
        (result,) = import_sources(store, [location])
    finally:
        store.close()
    assert result.error
    return result.error


BAD_INPUTS = {
    "an empty file": lambda tmp, base: _file(tmp / "empty.txt", b""),
    "a binary .txt": lambda tmp, base: _file(tmp / "noise.txt", bytes(range(256)) * 40),
    "a web address that is not found": lambda tmp, base: f"{base}/no/such/page.html",
    "an address that is not http": lambda tmp, base: "ftp://news.example/northwind.txt",
}


def _file(path, data):
    path.write_bytes(data)
    return str(path)


@pytest.mark.slow
@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_is_a_one_line_refusal_that_changes_nothing(qtbot, window, sample_store, tmp_path, errors, case):
    before = dump(sample_store)
    with web_server({}) as base:
        location = BAD_INPUTS[case](tmp_path, base)
        expected = _cli_refusal(location)
        if "://" in location:
            dialog = open_dialog(window, WEB)
            dialog.address.setText(location)
        else:
            dialog = open_dialog(window, FILES)
            dialog.add_files([location])
        click_import(qtbot, dialog)
        (result,) = wait_for_import(qtbot, window)
    assert result.error == expected and "\n" not in expected and "Traceback" not in expected
    summary = window.importer.summary
    assert summary.isVisible() and summary.rows() == [("Skipped", result.source.rsplit("/", 1)[-1]
                                                       if "://" not in location else location, expected)]
    assert dump(sample_store) == before
    assert window.undo_stack.count() == 0 and not errors
    assert window.statusBar().currentMessage() == "Nothing imported; 1 skipped"
    assert dialog.sources()[0].location == location  # kept, to be corrected and tried again
    if case == "a web address that is not found":
        assert expected.endswith("the page was not found (HTTP 404)")
        save_shot(summary, "import-summary-404")
