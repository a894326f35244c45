"""The window's layout in QSettings: geometry, splitters, table columns, which panes show."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QTableView, QWidget


class Layout(Protocol):
    """What of the main window's layout is kept between sessions."""

    @property
    def main_splitter(self) -> QSplitter: ...
    @property
    def center_splitter(self) -> QSplitter: ...
    @property
    def table(self) -> QTableView: ...
    @property
    def filters(self) -> QWidget: ...
    @property
    def article(self) -> QWidget: ...
    @property
    def filters_action(self) -> QAction: ...
    @property
    def article_action(self) -> QAction: ...
    def saveGeometry(self) -> QByteArray: ...
    def restoreGeometry(self, geometry: QByteArray | bytes | bytearray | memoryview) -> bool: ...
    def saveState(self, version: int = ...) -> QByteArray: ...
    def restoreState(self, state: QByteArray | bytes | bytearray | memoryview, version: int = ...) -> bool: ...


def restore_layout(window: Layout, settings: QSettings) -> None:
    for key, restore in (("window/geometry", window.restoreGeometry), ("window/state", window.restoreState),
                         ("window/main_splitter", window.main_splitter.restoreState),
                         ("window/center_splitter", window.center_splitter.restoreState),
                         ("table/header", window.table.horizontalHeader().restoreState)):
        value = settings.value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            restore(value)
    window.filters_action.setChecked(bool(settings.value("view/filters", True, bool)))
    window.article_action.setChecked(bool(settings.value("view/article", True, bool)))
    window.filters.setVisible(window.filters_action.isChecked())
    window.article.setVisible(window.article_action.isChecked())


def save_layout(window: Layout, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("window/main_splitter", window.main_splitter.saveState())
    settings.setValue("window/center_splitter", window.center_splitter.saveState())
    settings.setValue("table/header", window.table.horizontalHeader().saveState())
    settings.setValue("view/filters", window.filters_action.isChecked())
    settings.setValue("view/article", window.article_action.isChecked())
    settings.sync()
