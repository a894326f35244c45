"""Broken and newer database files, backups and restores, another program's writes, refused writes, plain articles."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication

from conftest import sample_articles
from core.store import schema
from core.store.file import list_backups, make_backup
from core.errors import DatabaseError, NewerDatabaseError
from core.model import Article, Deal, DealQuery, Party
from core.store import Store
from gui.database import dialogs as database_dialogs
from gui import context, main_window
from gui.article.pane import ArticlePane
from gui.database.dialogs import (
    OPEN_ANOTHER, RESTORE, BackupsDialog, BrokenDatabaseDialog, Chooser, open_or_recover,
)

GARBAGE = b"this is not a database " * 200


class FakeChooser:
    """Answers recovery's questions from lists, noting what it was asked."""

    def __init__(self, broken=(), databases=(), backups=()):
        self._broken, self._databases, self._backups = list(broken), list(databases), list(backups)
        self.asked = []

    def broken(self, parent, path, error, backups):
        self.asked.append((path, error, list(backups)))
        return self._broken.pop(0) if self._broken else None

    def database(self, parent, folder):
        return self._databases.pop(0) if self._databases else None

    def backup(self, parent, path, backups):
        choose = self._backups.pop(0) if self._backups else None
        return choose(backups) if callable(choose) else choose


def filled(path):
    store = Store.open(path)
    for article in sample_articles():
        store.add_article(article)
    store.close()
    return path


def newer(path):
    filled(path)
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {schema.latest_version() + 2}")
    conn.close()
    return path


@pytest.fixture
def shown(monkeypatch):
    calls = []
    for module in (context, database_dialogs):
        monkeypatch.setattr(module, "show_error", lambda parent, title, text, details=None: calls.append(
            (title, text, details)))
    return calls


# The dialogs

def test_broken_dialog_names_the_file_and_offers_another_or_a_backup(qtbot, tmp_path):
    path = filled(tmp_path / "deals.db")
    make_backup(path)
    error = DatabaseError(f"Could not open {path}: it is not a database or it is damaged (file is not a database).")
    dialog = BrokenDatabaseDialog(path, error, list_backups(path))
    qtbot.addWidget(dialog)
    assert "deals.db" in dialog.text() and "is damaged" in dialog.informativeText()
    assert "left exactly as it is" in dialog.informativeText() and not dialog.detailedText()
    assert dialog.open_button.text() == "&Open another…"
    assert dialog.restore_button.text() == "&Restore a backup…" and dialog.restore_button.isEnabled()
    without = BrokenDatabaseDialog(path, error, [])
    qtbot.addWidget(without)
    assert not without.restore_button.isEnabled() and "backups" in without.restore_button.toolTip()


def test_newer_dialog_offers_only_another_file(qtbot, tmp_path):
    error = NewerDatabaseError(f"{tmp_path / 'future.db'} was made by a newer version of Deal Tracker.")
    dialog = BrokenDatabaseDialog(tmp_path / "future.db", error, [])
    qtbot.addWidget(dialog)
    texts = [b.text() for b in dialog.buttons()]
    assert dialog.restore_button is None and "&Open another…" in texts and not any("backup" in t for t in texts)
    assert "future.db" in dialog.text()


# The offscreen platform warns as a dialog is shown; the answer is what is under test.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_real_dialog_answers_through_its_buttons(qapp, tmp_path):
    clicked = []

    def press_open() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, BrokenDatabaseDialog) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(10, press_open)  # the modal loop has not shown it yet
            return
        clicked.append(boxes[0].text())
        boxes[0].open_button.click()

    QTimer.singleShot(0, press_open)
    answer = Chooser().broken(None, tmp_path / "broken.db", DatabaseError("Could not open broken.db."), [])
    assert answer == OPEN_ANOTHER and clicked == ["Deal Tracker cannot open broken.db."]


def test_backups_dialog_lists_backups_by_date_and_reason(qtbot, tmp_path):
    path = filled(tmp_path / "deals.db")
    make_backup(path)
    make_backup(path, reason="before-upgrade")
    dialog = BackupsDialog(path, list_backups(path))
    qtbot.addWidget(dialog)
    reasons = [dialog.list.topLevelItem(i).text(1) for i in range(dialog.list.topLevelItemCount())]
    assert sorted(reasons) == ["Before an upgrade", "Daily copy"]
    assert dialog.chosen() == list_backups(path)[0] and dialog.restore_button.isEnabled()
    empty = BackupsDialog(tmp_path / "other.db", [])
    qtbot.addWidget(empty)
    assert empty.chosen() is None and not empty.restore_button.isEnabled()


# Opening a file that will not open

def test_a_broken_file_restored_from_a_backup_opens_and_the_broken_one_is_kept_aside(qapp, tmp_path, shown):
    path = filled(tmp_path / "deals.db")
    make_backup(path)
    path.write_bytes(GARBAGE)
    chooser = FakeChooser(broken=[RESTORE], backups=[lambda backups: backups[0]])
    store, note = open_or_recover(None, path, Store.open, chooser)
    try:
        assert store is not None and store.count_deals(DealQuery()) == 5
        assert chooser.asked[0][0] == path
        assert chooser.asked[0][2] == [b for b in list_backups(path) if b.reason == ""]
        aside = next(b.path for b in list_backups(path) if b.reason == "before-restore")
        assert aside.read_bytes() == GARBAGE and str(aside) in note
    finally:
        if store is not None:
            store.close()
    assert shown == []


def test_open_another_leaves_the_broken_file_untouched(qapp, tmp_path):
    path = tmp_path / "broken.db"
    path.write_bytes(GARBAGE)
    other = filled(tmp_path / "other.db")
    chooser = FakeChooser(broken=[OPEN_ANOTHER], databases=[str(other)])
    store, note = open_or_recover(None, path, Store.open, chooser)
    assert store is not None and store.path == other and note == ""
    store.close()
    assert path.read_bytes() == GARBAGE and not list_backups(path)


def test_a_newer_file_is_refused_untouched_with_no_backup_offered(qapp, tmp_path):
    path = newer(tmp_path / "future.db")
    make_backup(path)
    before = path.read_bytes()
    chooser = FakeChooser()
    assert open_or_recover(None, path, Store.open, chooser) == (None, "")
    [(asked_path, error, backups)] = chooser.asked
    assert asked_path == path and isinstance(error, NewerDatabaseError) and backups == []
    assert path.read_bytes() == before


# Backups while the window is open

def test_the_daily_backup_is_taken_once_when_a_database_opens(qtbot, window, db_path, settings):
    qtbot.waitUntil(lambda: len(list_backups(db_path)) == 1, timeout=10_000)
    second = main_window.MainWindow(window.store, settings)
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.watch.backup_done, timeout=10_000) as blocker:
        pass
    assert blocker.args == [None] and len(list_backups(db_path)) == 1


def test_a_failed_backup_is_a_status_bar_warning_not_a_dialog(qtbot, sample_store, settings, monkeypatch, shown):
    from gui.database import watch as database_watch

    def fail(path):
        raise DatabaseError(f"Could not back up {path} into backups: the disk is full.")

    monkeypatch.setattr(database_watch, "backup_if_due", fail)
    win = main_window.MainWindow(sample_store, settings)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.statusBar().currentMessage().startswith("Warning"), timeout=10_000)
    assert "the disk is full" in win.statusBar().currentMessage() and shown == []


def test_restore_backup_while_open_reloads_and_says_where_the_copy_went(qtbot, window, db_path, monkeypatch):
    deal_id = window.detail.deal.id
    title = window.detail.deal.title
    qtbot.waitUntil(lambda: len(list_backups(db_path)) == 1, timeout=10_000)  # the day's backup, as opened
    window.detail.title.setText("Changed after the backup")
    window.detail.title.editingFinished.emit()
    assert window.store.deal(deal_id).title == "Changed after the backup" and window.undo_stack.count() == 1
    offered = []
    monkeypatch.setattr(Chooser, "backup", lambda self, parent, path, backups: offered.append(backups) or backups[0])
    old = window.store
    window.files.restore_backup_action.trigger()
    try:
        assert window.store is not old and offered and offered[0][0].reason == ""
        assert window.store.deal(deal_id).title == title
        assert window.undo_stack.count() == 0  # its steps were about the database as it was
        assert window.model.rowCount() == 5 and window.select_deal(deal_id)
        assert window.detail.title.text() == title
        aside = next(b.path for b in list_backups(db_path) if b.reason == "before-restore")
        assert str(aside) in window.statusBar().currentMessage()
        with Store.open(aside) as copy:
            assert copy.deal(deal_id).title == "Changed after the backup"
    finally:
        window.store.close()


# Another program writes to the file

@pytest.mark.slow
def test_the_window_reloads_when_another_connection_writes(qtbot, window, db_path):
    shown_id = window.detail.deal.id
    assert window.model.rowCount() == 5
    with Store.open(db_path) as other:
        other.add_article(Article("Alder Bank lends Birch Power $50 million for a wind farm.", title="Alder lends",
                                  deals=(Deal("Alder Bank lends to Birch Power",
                                              parties=(Party("Alder Bank"), Party("Birch Power"))),)))
        other.save(other.deal(shown_id).replace(title="Retitled elsewhere"))
    qtbot.waitUntil(lambda: window.model.rowCount() == 6, timeout=5_000)  # the watch's timer saw it
    assert window.detail.deal.id == shown_id and window.detail.title.text() == "Retitled elsewhere"
    assert "Alder Bank" in window._names.stringList()


def test_activating_the_window_looks_for_changes_at_once(qtbot, window, db_path):
    window.watch.timer.stop()
    with Store.open(db_path) as other:
        other.add_article(Article("Cedar Rail buys Dune Freight.", deals=(Deal("Cedar buys Dune"),)))
    assert window.model.rowCount() == 5
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    assert window.model.rowCount() == 6
    assert not window.watch.check()  # nothing new since


def test_the_windows_own_writes_cause_no_reload(qtbot, window):
    window.detail.title.setText("Our own edit")
    window.detail.title.editingFinished.emit()
    assert not window.watch.check()


# A refused write is a message

def test_a_refused_undo_from_the_menu_is_a_message_not_a_traceback(qtbot, window, monkeypatch, shown):
    deal_id = window.detail.deal.id
    window.detail.title.setText("Edited")
    window.detail.title.editingFinished.emit()

    def refuse(*args, **kwargs):
        raise DatabaseError("Could not write to deals.db: the disk is full.")

    monkeypatch.setattr(window.store, "save", refuse)
    window.undo_action.trigger()
    assert shown == [("The change was not saved", "Could not write to deals.db: the disk is full.", None)]
    assert window.undo_stack.count() == 0  # the step that could not be undone is not offered again
    monkeypatch.undo()
    assert window.store.deal(deal_id).title == "Edited" == window.detail.title.text()


# The article view

def test_article_html_and_scripts_are_shown_as_plain_text(qtbot):
    text = ('<html><head><script>alert("x")</script></head><body><b>Bold</b> '
            '<img src="http://example.com/track.png"> <a href="javascript:steal()">link</a></body></html>')
    pane = ArticlePane()
    qtbot.addWidget(pane)
    pane.show_article(Article(text, title="<i>Not italic</i>", id=1))
    assert pane.text_edit.toPlainText() == text
    assert pane.text_edit.document().toPlainText() == text
    assert "<i>Not italic</i>" in pane._heading.text()
    # A plain-text document holds no images or links to fetch: one text block per line, no resources.
    assert pane.text_edit.document().blockCount() == 1
    assert not pane.text_edit.document().allFormats() or all(
        not f.isImageFormat() for f in pane.text_edit.document().allFormats())



def test_damage_found_after_a_big_file_opened_is_reported_once(window, monkeypatch):
    """Files over 64 MiB open before their check ends (issue 7); damage it finds still reaches the person."""
    from concurrent.futures import Future
    from types import SimpleNamespace

    from gui.database import watch as database_watch

    shown = []
    monkeypatch.setattr(database_watch, "show_error", lambda parent, title, text, details=None: shown.append(
        (title, text, details)))
    found: Future = Future()
    window.store.db.check = SimpleNamespace(path=window.store.path, problems=found)
    assert not window.watch.report_damage()  # still running: nothing to say yet
    found.set_result(["*** in database main ***", "Page 7: btreeInitPage() returns error code 11"])
    assert window.watch.report_damage()
    assert not window.watch.report_damage()
    assert len(shown) == 1 and "integrity check" in shown[0][1] and "Page 7" in shown[0][2]
    window.store.db.check = None
