"""The window's layout in QSettings: geometry, splitters, table columns, which panes and docks show."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtGui import QAction, QGuiApplication, QScreen
from PySide6.QtWidgets import QSplitter, QWidget

from gui.deals.table import DealTable
from gui.insights.controller import InsightsActions

SCREEN_SHARE = 0.8  # a first window takes this much of the screen, centred
# Below this a list, an article and a deal's fields do not sit side by side; a small screen gives more of itself.
COMFORTABLE = QSize(1200, 700)
HEADER_KEY = "table/columns"  # not the old "table/header": its fixed widths would come back


class Layout(Protocol):
    """What of the main window's layout is kept between sessions."""

    @property
    def main_splitter(self) -> QSplitter: ...
    @property
    def center_splitter(self) -> QSplitter: ...
    @property
    def table(self) -> DealTable: ...
    @property
    def filters(self) -> QWidget: ...
    @property
    def article(self) -> QWidget: ...
    @property
    def filters_action(self) -> QAction: ...
    @property
    def article_action(self) -> QAction: ...
    @property
    def insights(self) -> InsightsActions: ...
    def screen(self) -> QScreen: ...
    def minimumSize(self) -> QSize: ...
    def setGeometry(self, rect: QRect) -> None: ...
    def saveGeometry(self) -> QByteArray: ...
    def restoreGeometry(self, geometry: QByteArray | bytes | bytearray | memoryview) -> bool: ...
    def saveState(self, version: int = ...) -> QByteArray: ...
    def restoreState(self, state: QByteArray | bytes | bytearray | memoryview, version: int = ...) -> bool: ...


def first_geometry(available: QRect, minimum: QSize) -> QRect:
    """Where a window opens the first time: most of the screen, centred, and never below `minimum`."""
    width = max(round(available.width() * SCREEN_SHARE), min(available.width(), COMFORTABLE.width()),
                minimum.width())
    height = max(round(available.height() * SCREEN_SHARE), min(available.height(), COMFORTABLE.height()),
                 minimum.height())
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect


def restore_layout(window: Layout, settings: QSettings) -> None:
    geometry = settings.value("window/geometry")
    if not isinstance(geometry, QByteArray) or geometry.isEmpty() or not window.restoreGeometry(geometry):
        screen = window.screen() or QGuiApplication.primaryScreen()
        window.setGeometry(first_geometry(screen.availableGeometry(), window.minimumSize()))
    for key, restore in (("window/state", window.restoreState),
                         ("window/main_splitter", window.main_splitter.restoreState),
                         ("window/center_splitter", window.center_splitter.restoreState),
                         (HEADER_KEY, window.table.restore_header)):
        value = settings.value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            restore(value)
    window.filters_action.setChecked(bool(settings.value("view/filters", True, bool)))
    window.article_action.setChecked(bool(settings.value("view/article", True, bool)))
    window.filters.setVisible(window.filters_action.isChecked())
    window.article.setVisible(window.article_action.isChecked())
    window.insights.restore_state(settings)


def save_layout(window: Layout, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("window/main_splitter", window.main_splitter.saveState())
    settings.setValue("window/center_splitter", window.center_splitter.saveState())
    settings.setValue(HEADER_KEY, window.table.horizontalHeader().saveState())
    settings.setValue("view/filters", window.filters_action.isChecked())
    settings.setValue("view/article", window.article_action.isChecked())
    window.insights.save_state(settings)
    settings.sync()
