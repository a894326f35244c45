"""The window's export: never over the database or a backup, whole or not at all, a message instead of a traceback."""

from __future__ import annotations

import csv
import io
import os
import resource
import signal
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from core.store.file import backup_folder
from gui.database import export as export_actions
from gui.database import files as file_actions
from gui_import_helpers import dump


@pytest.fixture
def errors(monkeypatch):
    shown = []
    for module in (file_actions, export_actions):
        monkeypatch.setattr(module, "show_error", lambda parent, title, text, details=None: shown.append(
            (title, text)))
    return shown


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_over_the_open_database_is_refused(window, db_path, errors, fmt):
    before = dump(window.store)
    link = db_path.with_name("deals-link.csv")
    link.symlink_to(db_path)
    for target in (db_path, db_path.with_name("deals.db-wal"), link,
                   backup_folder(db_path) / "deals.csv"):
        window.files.export(fmt, str(target))
    assert [title for title, _ in errors] == ["Export failed"] * 4
    assert all("Refusing to write" in text and "\n" not in text for _, text in errors)
    assert dump(window.store) == before and window.model.rowCount() == 5
    assert not (backup_folder(db_path) / "deals.csv").exists()


def test_export_to_a_folder_or_a_missing_folder_says_so(window, tmp_path, errors):
    window.files.export("csv", str(tmp_path))
    window.files.export("csv", str(tmp_path / "missing" / "deals.csv"))
    assert [text for _, text in errors] == [
        f"Could not write {tmp_path}: it is a folder; choose a file name inside it.",
        f"Could not write {tmp_path / 'missing' / 'deals.csv'}: the folder {tmp_path / 'missing'} does not exist.",
    ]
    assert "Exported" not in window.statusBar().currentMessage()


@contextmanager
def _small_disk(limit: int) -> Iterator[None]:
    """Writes past `limit` bytes fail with EFBIG, as on a full disk; only for the one call inside."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)


def test_a_failed_export_keeps_the_old_file_and_says_why(window, tmp_path, errors):
    target = tmp_path / "deals.csv"
    target.write_text("last week's export\n", encoding="utf-8")
    with _small_disk(300):
        window.files.export("csv", str(target))
    assert errors == [("Export failed", f"Could not write {target}: file too large.")]
    assert target.read_text(encoding="utf-8") == "last week's export\n"
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".part")]
    window.files.export("csv", str(target))
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == 5 and len(errors) == 1
