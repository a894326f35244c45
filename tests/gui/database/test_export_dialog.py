"""File > Export: the dialog names the filtered list, opens in Documents then the last folder; Excel; big files on the pool."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from gui.database import export as export_actions


@pytest.fixture
def asked(monkeypatch, tmp_path):
    """The save dialog's calls (title, suggested path); it answers with the next name in `answers`."""
    calls: list[tuple[str, str]] = []
    answers: list[str] = []

    def dialog(parent, title, suggested, filters):
        calls.append((title, suggested))
        return (answers.pop(0) if answers else "", "")

    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda location: str(documents))
    return calls, answers, documents


def _menu_texts(window, title: str) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    return [a.text() for a in menu.actions()]


def test_excel_export_sits_beside_csv_and_json(window):
    texts = _menu_texts(window, "&File")
    at = texts.index("Export &CSV…")
    assert texts[at : at + 3] == ["Export &CSV…", "Export &JSON…", "Export to &Excel…"]


def test_dialog_says_it_exports_the_filtered_list_and_starts_in_documents(window, asked, tmp_path):
    calls, answers, documents = asked
    window.files.export_xlsx_action.trigger()
    assert calls[-1] == ("Export the 5 deals in the filtered list", str(documents / "deals.xlsx"))
    window.search.setText("Nvidia")
    window.list_query.apply()
    shown = window.model.rowCount()
    assert 0 < shown < 5
    elsewhere = tmp_path / "reports"
    elsewhere.mkdir()
    answers.append(str(elsewhere / "nvidia"))  # no suffix: the format's is added
    window.files.export_xlsx_action.trigger()
    assert calls[-1][0] == f"Export the {shown} deal{'s' if shown > 1 else ''} in the filtered list"
    book = openpyxl.load_workbook(elsewhere / "nvidia.xlsx")
    assert book["Deals"].max_row == shown + 1
    assert f"Exported {shown} deal" in window.statusBar().currentMessage()
    window.files.export_csv_action.trigger()  # the folder of the last export, remembered
    assert calls[-1][1] == str(elsewhere / "deals.csv")


def test_a_big_database_exports_on_the_pool(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr(export_actions, "THREAD_ABOVE_BYTES", 0)
    target = tmp_path / "deals.xlsx"
    window.files.export("xlsx", str(target))
    exporter = window.files.exporter
    assert exporter.worker is not None and not window.files.export_xlsx_action.isEnabled()
    qtbot.waitUntil(lambda: exporter.worker is None, timeout=20_000)
    assert window.files.export_xlsx_action.isEnabled()
    assert openpyxl.load_workbook(target)["Deals"].max_row == 6
    assert "Exported 5 deals" in window.statusBar().currentMessage()


def test_a_refusal_on_the_pool_is_one_message(qtbot, window, db_path, monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(export_actions, "THREAD_ABOVE_BYTES", 0)
    monkeypatch.setattr(export_actions, "show_error", lambda parent, title, text, details=None: shown.append(
        (title, text)))
    window.files.export("xlsx", str(db_path))
    qtbot.waitUntil(lambda: window.files.exporter.worker is None, timeout=20_000)
    assert shown and shown[0][0] == "Export failed" and "Refusing to write" in shown[0][1]
    assert window.model.rowCount() == 5
