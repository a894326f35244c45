"""The window on databases as they really are: changed by hand (refused or repaired), and read-only."""

from __future__ import annotations

import os
import sqlite3
import sys

import pytest
from PySide6.QtWidgets import QApplication

from conftest import sample_articles
from core.errors import DatabaseError
from core.store import Store
from gui import app as app_module
from gui.importing import runner as import_runner
from gui.database import files as file_actions
from gui.database import dialogs as database_dialogs
from gui import context, main_window


def filled(path):
    with Store.open(path) as store:
        for article in sample_articles():
            store.add_article(article)
    return path


def altered(path, *statements):
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


class AskedOnce:
    """The broken-database question, answered with "Cancel"; notes the error it was shown."""

    def __init__(self):
        self.errors = []

    def broken(self, parent, path, error, backups):
        self.errors.append(error)
        return None


@pytest.fixture
def shown(monkeypatch):
    calls = []
    for module in (context, database_dialogs, file_actions, import_runner):
        monkeypatch.setattr(module, "show_error", lambda parent, title, text, details=None: calls.append(
            (title, text, details)))
    return calls


def test_a_database_with_a_trigger_added_by_hand_is_refused_in_one_line(window, tmp_path, shown):
    path = filled(tmp_path / "other.db")
    altered(path, "CREATE TRIGGER keep_quiet BEFORE DELETE ON deals BEGIN SELECT RAISE(IGNORE); END")
    before = path.read_bytes()
    old = window.store
    window.files.chooser = AskedOnce()
    assert not window.files.open_database(path)
    [error] = window.files.chooser.errors
    assert isinstance(error, DatabaseError) and "\n" not in str(error) and "trigger keep_quiet" in str(error)
    assert window.store is old and path.read_bytes() == before and shown == []


def test_run_refuses_a_changed_database_through_the_dialog_not_a_traceback(qapp, tmp_path, monkeypatch):
    path = filled(tmp_path / "deals.db")
    altered(path, "ALTER TABLE deals DROP COLUMN notes")
    chooser = AskedOnce()
    opened = []
    monkeypatch.setattr(app_module, "Chooser", lambda: chooser)
    monkeypatch.setattr(main_window, "MainWindow", lambda store, settings: opened.append(store) or store.close())
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    assert app_module.run(str(path), str(tmp_path / "data")) == 1
    [error] = chooser.errors
    assert opened == []
    assert "table deals lacks column notes" in str(error) and "\n" not in str(error)


def test_a_repaired_database_opens_and_the_status_bar_says_what_was_rebuilt(window, tmp_path, shown):
    path = filled(tmp_path / "other.db")
    altered(path, "DROP TABLE deals_fts")
    window.files.chooser = AskedOnce()  # a refusal would be a failure here, not a modal dialog
    try:
        assert window.files.open_database(path)
        message = window.statusBar().currentMessage()
        assert message.startswith(f"Repaired {path}: the search table was missing") and "\n" not in message
        window.search.setText("Mistral")
        window.list_query.apply()
        assert window.model.rowCount() == 1
    finally:
        window.store.close()
    assert shown == []


# Read-only: root ignores permissions, so these run only where they are enforced.


@pytest.fixture
def read_only_db(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = filled(folder / "deals.db")
    folder.chmod(0o555)
    try:
        (folder / "probe").touch()
    except PermissionError:
        pass
    else:
        folder.chmod(0o755)
        pytest.skip("root ignores file permissions")
    yield path
    folder.chmod(0o755)


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_a_read_only_database_opens_read_only_and_refuses_edits_and_imports(window, read_only_db, shown):
    before = read_only_db.read_bytes()
    window.files.chooser = AskedOnce()
    try:
        assert window.files.open_database(read_only_db)
        assert window.windowTitle().startswith("deals.db (read-only)")
        assert "read-only: its folder is read-only" in window.statusBar().currentMessage()
        assert window.model.rowCount() == 5
        title = window.detail.deal.title
        window.detail.title.setText("Changed in a read-only file")
        window.detail.title.editingFinished.emit()
        assert shown[-1][0] == "The change was not saved" and "opened for reading only" in shown[-1][1]
        assert window.store.deal(window.detail.deal.id).title == title == window.detail.title.text()
        article = read_only_db.parent.parent / "article.txt"
        article.write_text("Acme Systems to buy Beta Robotics\n\nAcme Systems agreed to buy Beta Robotics for $9 million.\n")
        assert window.importer.start([str(article)]) is None
        assert shown[-1][0] == "Nothing can be imported" and "its folder is read-only" in shown[-1][1]
    finally:
        window.store.close()
    assert read_only_db.read_bytes() == before
