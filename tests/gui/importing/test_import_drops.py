"""Drag and drop onto the window (files, a folder, web addresses, selected text) and File > Import from clipboard."""

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from core.model import DealQuery
from gui_import_helpers import CALDER, KESTREL, NORTHWIND, dump, page, wait_for_import, web_server

BOTH = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction


def urls(*items):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(i)) if not str(i).startswith("http") else QUrl(str(i)) for i in items])
    return mime


def text(value):
    mime = QMimeData()
    mime.setText(value)
    return mime


def drag_enter(window, mime):
    # Over the deal list, which takes no drops itself: the window does.
    pos = window.table.mapTo(window, QPoint(40, 40))
    event = QDragEnterEvent(pos, BOTH, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)
    return event


def drop(window, mime):
    entered = drag_enter(window, mime)
    assert entered.isAccepted()
    # Always a copy: a file manager told "moved" may delete what it dragged.
    assert entered.dropAction() == Qt.DropAction.CopyAction
    pos = QPointF(window.table.mapTo(window, QPoint(40, 40)))
    event = QDropEvent(pos, BOTH, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)
    assert event.isAccepted() and event.dropAction() == Qt.DropAction.CopyAction
    return event


def test_the_deal_list_leaves_drops_to_the_window(window):
    assert window.acceptDrops()
    assert not window.table.acceptDrops() and not window.table.viewport().acceptDrops()


def test_dropped_files_are_imported(qtbot, window, sample_store, tmp_path):
    first, second = tmp_path / "northwind.txt", tmp_path / "calder.html"
    first.write_text(NORTHWIND, encoding="utf-8")
    second.write_bytes(page(CALDER))
    drop(window, urls(first, second))
    results = wait_for_import(qtbot, window)
    assert [r.source for r in results] == [str(first), str(second)]
    assert all(len(r.outcome.added) == 1 for r in results)
    assert sample_store.count_deals(DealQuery()) == 7
    assert window.statusBar().currentMessage() == "Imported 2 deals from 2 articles"


def test_a_dropped_folder_brings_the_articles_in_it(qtbot, window, sample_store, tmp_path):
    folder = tmp_path / "clippings"
    folder.mkdir()
    (folder / "a.txt").write_text(NORTHWIND, encoding="utf-8")
    (folder / "b.md").write_text(KESTREL, encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    drop(window, urls(folder))
    results = wait_for_import(qtbot, window)
    assert [r.source for r in results] == [str(folder / "a.txt"), str(folder / "b.md")]


@pytest.mark.slow
def test_a_dropped_web_address_is_fetched(qtbot, window, sample_store):
    with web_server({"/calder": page(CALDER)}) as base:
        drop(window, urls(f"{base}/calder"))
        (result,) = wait_for_import(qtbot, window)
    assert result.error is None and sample_store.article(result.outcome.article_id).url == f"{base}/calder"


@pytest.mark.slow
def test_an_address_dropped_as_text_is_fetched_too(qtbot, window, sample_store):
    with web_server({"/calder": page(CALDER)}) as base:
        drop(window, text(f"  {base}/calder\n"))
        (result,) = wait_for_import(qtbot, window)
    assert result.source == f"{base}/calder" and result.outcome.added


@pytest.mark.slow
def test_dropped_selected_text_is_imported_as_pasted_text(qtbot, window, sample_store):
    drop(window, text(KESTREL))
    (result,) = wait_for_import(qtbot, window)
    assert result.source == "pasted text" and len(result.outcome.added) == 1
    article = sample_store.article(result.outcome.article_id)
    assert article.text.startswith("Kestrel Robotics and Harbourline Logistics form joint venture")


def test_nothing_importable_is_refused_at_the_door(window, sample_store):
    before = dump(sample_store)
    image = QMimeData()
    image.setData("image/png", b"\x89PNG")
    assert not drag_enter(window, image).isAccepted()
    assert not drag_enter(window, text("   ")).isAccepted()
    assert window.importer.worker is None and dump(sample_store) == before


@pytest.mark.slow
def test_drops_wait_while_an_import_runs(qtbot, window, tmp_path):
    article = tmp_path / "northwind.txt"
    article.write_text(NORTHWIND, encoding="utf-8")
    assert window.importer.start([str(article)]) is not None
    assert not drag_enter(window, text(KESTREL)).isAccepted()
    (result,) = wait_for_import(qtbot, window)
    assert result.source == str(article)


@pytest.mark.parametrize("kind", ["text", "file"])
@pytest.mark.slow
def test_import_from_clipboard(qtbot, window, sample_store, tmp_path, kind):
    assert window.importer.clipboard_action.shortcut().toString() == "Ctrl+Shift+V"
    clipboard = QApplication.clipboard()
    if kind == "text":
        clipboard.setText(KESTREL)
    else:
        article = tmp_path / "northwind.txt"
        article.write_text(NORTHWIND, encoding="utf-8")
        clipboard.setMimeData(urls(article))
    window.importer.clipboard_action.trigger()
    (result,) = wait_for_import(qtbot, window)
    assert result.outcome.added
    clipboard.clear()


def test_an_empty_clipboard_says_so(window):
    QApplication.clipboard().clear()
    window.importer.clipboard_action.trigger()
    assert window.importer.worker is None
    assert "clipboard holds no text" in window.statusBar().currentMessage()
