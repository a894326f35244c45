"""Opening a database file: `main.py PATH`, the desktop entry's `%f`, and `--self-test`, without an event loop."""

from __future__ import annotations

import configparser
import shlex
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

import main
from gui import app as app_module
from gui import resources
from gui import self_test

DESKTOP = Path(__file__).resolve().parents[3] / "resources" / "deal-tracker.desktop"


@pytest.fixture
def started(monkeypatch):
    """gui.app.run replaced by a recorder: what the window would have been asked to open."""
    calls = []
    monkeypatch.setattr(app_module, "run", lambda database, data_dir: calls.append((database, data_dir)) or 0)
    return calls


def test_a_path_on_the_command_line_is_the_database_to_open(started, tmp_path):
    assert main.main([str(tmp_path / "some.db")]) == 0
    assert started == [(str(tmp_path / "some.db"), None)]


def test_the_desktop_entry_passes_the_double_clicked_file(started, tmp_path):
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    clicked = tmp_path / "Deal files" / "energy.dealsdb"
    argv = [str(clicked) if arg == "%f" else arg for arg in shlex.split(parser["Desktop Entry"]["Exec"])]
    assert argv[0] == "deal-tracker"
    assert main.main(argv[1:]) == 0
    assert started == [(str(clicked), None)]


def test_self_test_flag_runs_the_self_test_and_not_the_window(started, monkeypatch):
    monkeypatch.setattr(self_test, "run_self_test", lambda: 7)
    assert main.main(["--self-test"]) == 7
    assert started == []


class _RecordingWindow:
    """Stands in for MainWindow: records the store it was given."""

    opened: list[Path] = []

    def __init__(self, store, settings, default_database=None) -> None:
        self.store = store
        _RecordingWindow.opened.append(Path(store.path))

    def show(self) -> None:
        pass


def test_run_opens_the_given_file_and_leaves_the_default_database_alone(qapp, tmp_path, monkeypatch):
    import gui.main_window

    _RecordingWindow.opened = []
    monkeypatch.setattr(gui.main_window, "MainWindow", _RecordingWindow)
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own
    wanted = tmp_path / "elsewhere" / "some.db"
    wanted.parent.mkdir()
    data = tmp_path / "data"
    assert app_module.run(str(wanted), str(data)) == 0
    assert _RecordingWindow.opened == [wanted]
    assert wanted.is_file() and not (data / app_module.DEFAULT_DATABASE).exists()


@pytest.mark.slow
def test_self_test_passes_and_says_so_in_one_line(qapp, capsys):
    assert self_test.run_self_test() == 0
    out = capsys.readouterr().out
    assert out.startswith("self-test: ok: ") and out.count("\n") == 1
    assert "07-lake-carrow-signalling-contract.html" in out


@pytest.mark.slow
def test_self_test_fails_with_a_reason_when_the_sample_is_missing(qapp, capsys, monkeypatch):
    monkeypatch.setattr(self_test, "SAMPLE", "samples/not-there.html")
    assert self_test.run_self_test() == 1
    out = capsys.readouterr().out
    assert out.startswith("self-test: FAILED: ") and "not-there.html" in out and out.count("\n") == 1


@pytest.mark.parametrize("name, value, reason", [
    ("COUNTRY", "Atlantis", "pycountry's country list is missing"),
    ("COMMON_WORD", "qxzvbl", "wordfreq's English list is missing"),
    ("GIVEN_NAME", "Qxzvbl", "the names package's lists are missing"),
])
@pytest.mark.slow
def test_self_test_fails_when_the_names_data_does_not_know_a_word(qapp, capsys, monkeypatch, name, value, reason):
    # Stands in for a bundle built without pycountry's or wordfreq's data files.
    monkeypatch.setattr(self_test, name, value)
    assert self_test.run_self_test() == 1
    out = capsys.readouterr().out
    assert out.startswith("self-test: FAILED: ") and reason in out and out.count("\n") == 1


# The offscreen platform warns as any dialog is shown; the box itself is what is under test.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_about_box_shows_the_application_icon(qapp):
    from PySide6.QtCore import QSize, QTimer
    from PySide6.QtWidgets import QMessageBox

    from gui import dialogs

    before = qapp.windowIcon()
    qapp.setWindowIcon(resources.app_icon())  # as run() does
    seen = []

    def look_and_close() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(10, look_and_close)  # not shown yet: the modal loop has just begun
            return
        seen.append(boxes[0].iconPixmap().toImage())
        boxes[0].accept()

    try:
        QTimer.singleShot(0, look_and_close)
        dialogs.show_about(None)
    finally:
        qapp.setWindowIcon(before)
    expected = resources.app_icon().pixmap(QSize(64, 64)).toImage()
    assert len(seen) == 1 and not seen[0].isNull()
    assert seen[0].convertToFormat(expected.format()) == expected


def test_run_names_the_desktop_entry(qapp, tmp_path, monkeypatch):
    import gui.main_window

    monkeypatch.setattr(gui.main_window, "MainWindow", _RecordingWindow)
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app_module.run(str(tmp_path / "some.db"), str(tmp_path / "data"))
    assert (DESKTOP.parent / f"{qapp.desktopFileName()}.desktop") == DESKTOP
