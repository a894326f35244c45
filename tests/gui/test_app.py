"""Start-up pieces: resource paths, the data dir, a broken database as a message, the excepthook, dialogs."""

import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from gui import app as app_module
from gui import dialogs, resources


def test_resource_path_points_into_resources():
    assert resources.resource_path("samples").is_dir()
    assert resources.resource_path("icon.svg").name == "icon.svg"
    assert resources.sample_paths(), "the bundled sample articles are missing"


def test_app_icon_has_every_size(qapp):
    icon = resources.app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= set(resources.ICON_SIZES)


def test_data_dir_follows_the_cli_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("DEAL_TRACKER_DATA_DIR", str(tmp_path / "env-desk"))
    assert app_module.choose_data_dir(None) == tmp_path / "env-desk"


def test_data_dir_override_is_created(tmp_path):
    folder = app_module.choose_data_dir(str(tmp_path / "desk"))
    assert folder.is_dir() and folder == tmp_path / "desk"


def test_error_box_hides_details_behind_a_button(qapp):
    box = dialogs.error_box(None, "Title", "Readable text", "Traceback (most recent call last): ...")
    assert box.text() == "Readable text"
    assert box.detailedText().startswith("Traceback")
    assert box.icon() == QMessageBox.Icon.Critical


def test_about_names_the_version(qapp):
    assert dialogs.app_version() in dialogs.about_text()


@pytest.fixture
def shown(monkeypatch):
    calls = []
    monkeypatch.setattr(app_module, "show_error", lambda parent, title, text, details=None: calls.append(
        (title, text, details)))
    return calls


class _GiveUp:
    """Answers the broken-database dialog with Cancel, noting what it was told."""

    asked: list = []

    def broken(self, parent, path, error, backups):
        _GiveUp.asked.append((path, str(error), backups))
        return None


def test_broken_database_is_a_dialog_not_a_traceback_and_stays_untouched(qapp, tmp_path, monkeypatch):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not sqlite" * 100)
    _GiveUp.asked = []
    monkeypatch.setattr(app_module, "Chooser", _GiveUp)
    assert app_module.run(str(broken), str(tmp_path / "data")) == 1
    [(path, text, backups)] = _GiveUp.asked
    assert path == broken and "broken.db" in text and "Traceback" not in text and backups == []
    assert broken.read_bytes() == b"this is not sqlite" * 100


class _Window:
    """What run() needs of the window it opens, for tests that stop before the event loop."""

    def __init__(self, store, samples):
        from PySide6.QtWidgets import QStatusBar

        self.store, self.samples, self.bar = store, samples, QStatusBar()

    def statusBar(self):  # noqa: N802 - QMainWindow's name
        return self.bar


def test_only_a_new_default_database_gets_the_samples(qapp, tmp_path, monkeypatch):
    opened = []

    def open_window(store, settings, *, samples=False):
        opened.append((store.path.name, samples, store.article_count()))
        return _Window(store, samples)

    monkeypatch.setattr(app_module, "open_window", open_window)
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    data = str(tmp_path / "data")
    assert app_module.run(None, data) == 0
    assert app_module.run(None, data) == 0  # not new: not filled twice
    assert app_module.run(str(tmp_path / "other.db"), data) == 0
    # Nothing is imported before the window exists: its import is the one Edit > Undo takes back.
    assert opened == [("deals.db", True, 0), ("deals.db", False, 0), ("other.db", False, 0)]


def test_excepthook_logs_and_shows_the_traceback(qapp, shown, monkeypatch, caplog):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app_module.install_excepthook()
    try:
        raise ValueError("boom")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    title, text, details = shown[0]
    assert title == "Unexpected error" and "boom" in text
    assert "Traceback" in details and "ValueError: boom" in details
    assert "Uncaught exception" in caplog.text


def test_excepthook_shows_a_deals_error_plainly(qapp, shown, monkeypatch):
    from core.errors import InputError

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app_module.install_excepthook()
    try:
        raise InputError("Could not read notes.pdf: it is empty")
    except InputError:
        sys.excepthook(*sys.exc_info())
    assert shown[0][1] == "Could not read notes.pdf: it is empty" and shown[0][2] is None
