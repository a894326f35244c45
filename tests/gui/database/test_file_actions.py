"""File menu work: open, new and recent databases, import on the thread pool, export, remembered layout."""

import csv
import io
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from core.model import DealQuery
from gui.database import files as file_actions
from gui.deals.model import Column
from gui.resources import sample_paths
from gui.main_window import MainWindow
from gui.importing.workers import ImportWorker


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(file_actions, "show_error", lambda parent, title, text, details=None: shown.append(
        (title, text, details)))
    return shown


def _make_window(qtbot, store, settings):
    win = MainWindow(store, settings)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_open_database_switches_and_remembers(qtbot, window, tmp_path, settings):
    from core.store import Store

    other = tmp_path / "other.db"
    Store.open(other).close()
    window.detail.title.setText("x")
    assert window.files.open_database(other)
    assert window.store.path == other
    assert window.model.rowCount() == 0
    assert window.list_stack.currentWidget() is window.welcome
    assert window.undo_stack.count() == 0
    assert "other.db" in window.windowTitle()
    assert settings.value(file_actions.LAST_DATABASE_KEY) == str(other.resolve())
    assert window.files.recent()[:2] == [str(other.resolve()), str((tmp_path / "deals.db").resolve())]
    window.files.recent_menu.aboutToShow.emit()
    assert [a.text() for a in window.files.recent_menu.actions()][:2] == window.files.recent()[:2]


class GiveUp:
    """A person who, shown the broken-file dialog, closes it."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []

    def broken(self, parent, path, error, backups):
        self.asked.append((path.name, str(error)))
        return None


def test_broken_database_offers_recovery_and_leaves_the_file_and_the_window_as_they_were(window, tmp_path, errors):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00garbage" * 500)
    before = bad.read_bytes()
    store = window.store
    window.files.chooser = GiveUp()
    assert not window.files.open_database(bad)
    assert window.store is store and window.model.rowCount() == 5
    assert window.files.chooser.asked and window.files.chooser.asked[0][0] == "bad.db"
    assert "bad.db" in window.files.chooser.asked[0][1]
    assert bad.read_bytes() == before and not errors


def test_new_database_starts_empty(window, tmp_path, monkeypatch, errors):
    target = tmp_path / "fresh.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.files.new_action.trigger()
    assert target.exists() and window.store.path == target
    assert window.list_stack.currentWidget() is window.welcome
    window.files.new_action.trigger()  # exists now: refused, not overwritten
    assert errors and "already exists" in errors[0][1]


def test_worker_parses_off_the_gui_thread(qtbot, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    from core.importer import read_source

    worker = ImportWorker([str(sample_paths()[0]), str(empty)], lambda s: read_source(s))
    from PySide6.QtCore import QThreadPool

    with qtbot.waitSignal(worker.signals.finished, timeout=20_000) as blocker:
        QThreadPool.globalInstance().start(worker)
    first, second = blocker.args[0]
    assert first.article is not None and first.article.deals
    assert second.article is None and second.error


@pytest.mark.slow
def test_welcome_imports_the_samples(qtbot, empty_store, settings):
    win = _make_window(qtbot, empty_store, settings)
    assert win.list_stack.currentWidget() is win.welcome
    qtbot.mouseClick(win.welcome.samples_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.importer.worker is None, timeout=30_000)
    assert win.model.rowCount() > 0
    assert win.list_stack.currentWidget() is win.table
    assert win.statusBar().currentMessage().startswith("Imported ")
    assert win.detail.deal is not None  # the first new deal is selected
    win.undo_stack.undo()
    assert win.model.rowCount() == 0


def test_import_refusals_are_summarised(qtbot, window, tmp_path, errors):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    window.importer.start([str(empty)])
    qtbot.waitUntil(lambda: window.importer.worker is None, timeout=10_000)
    assert not errors  # a refusal is a line in the summary, not a modal box
    assert window.importer.summary.rows() == [("Skipped", "empty.txt", "Could not read empty.txt: the file is empty")]
    assert window.undo_stack.count() == 0


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_writes_the_listed_deals(window, tmp_path, fmt):
    target = tmp_path / f"deals.{fmt}"
    window.files.export(fmt, str(target))
    text = target.read_text(encoding="utf-8")
    if fmt == "json":
        deals = json.loads(text)
        assert len(deals) == 5 and {"id", "title", "parties", "sources"} <= deals[0].keys()
    else:
        assert text.startswith("\ufeffID,Title,Type,Status,Date,Date precision,Value,Currency,Value (US$)")
        assert len(list(csv.DictReader(io.StringIO(text[1:])))) == 5
    assert "Exported 5 deals" in window.statusBar().currentMessage()


def test_layout_is_remembered(qtbot, sample_store, settings):
    first = _make_window(qtbot, sample_store, settings)
    header = first.table.horizontalHeader()
    wider = header.sectionSize(Column.VALUE) + 33  # Title stretches: a width the user drags is another's
    header.resizeSection(Column.VALUE, wider)
    header.moveSection(header.visualIndex(Column.TYPE), 4)
    first.main_splitter.setSizes([150, 700, 350])
    first.filters_action.setChecked(False)
    first.close()
    second = _make_window(qtbot, sample_store, settings)
    assert second.table.horizontalHeader().sectionSize(Column.VALUE) == wider
    assert second.table.horizontalHeader().visualIndex(Column.TYPE) == 4
    assert second.main_splitter.sizes()[0] == 0 or not second.filters.isVisible()
    assert not second.filters_action.isChecked()


def test_close_saves_the_last_database(qtbot, sample_store, settings):
    win = _make_window(qtbot, sample_store, settings)
    win.close()
    assert settings.value(file_actions.LAST_DATABASE_KEY) == str(sample_store.path.resolve())
    assert sample_store.count_deals(DealQuery()) == 5


def test_closing_during_an_import_drops_its_results(qtbot, window, sample_store):
    window.importer.start([str(p) for p in sample_paths()])
    window.close()
    qtbot.wait(200)
    assert window.importer.worker is None
    assert sample_store.count_deals(DealQuery()) == 5


def test_amount_value_reads_digits_in_any_locale(window, sample_store):
    deal_id = next(d.id for d in sample_store.iter_deals() if d.amounts)
    window.select_deal(deal_id)
    editor = window.detail.amounts.editor(0, 0)
    editor.setText("1234.5")
    editor.editingFinished.emit()
    assert sample_store.deal(deal_id).amounts[0].value == 1234.5
    editor.setText("1.234,5")  # a German thousands dot is refused, never read as 1.2345
    editor.editingFinished.emit()
    assert sample_store.deal(deal_id).amounts[0].value == 1234.5
    assert not window.detail.amount_notes.error.isHidden()
