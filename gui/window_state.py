"""The window's layout in QSettings: geometry, splitters, table columns, which panes show."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    from gui.main_window import MainWindow


def restore_layout(window: MainWindow, settings: QSettings) -> None:
    for key, restore in (("window/geometry", window.restoreGeometry), ("window/state", window.restoreState),
                         ("window/main_splitter", window.main_splitter.restoreState),
                         ("window/center_splitter", window.center_splitter.restoreState),
                         ("table/header", window.table.horizontalHeader().restoreState)):
        value = settings.value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            restore(value)
    window.filters_action.setChecked(settings.value("view/filters", True, bool))
    window.article_action.setChecked(settings.value("view/article", True, bool))
    window.filters.setVisible(window.filters_action.isChecked())
    window.article.setVisible(window.article_action.isChecked())


def save_layout(window: MainWindow, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("window/main_splitter", window.main_splitter.saveState())
    settings.setValue("window/center_splitter", window.center_splitter.saveState())
    settings.setValue("table/header", window.table.horizontalHeader().saveState())
    settings.setValue("view/filters", window.filters_action.isChecked())
    settings.setValue("view/article", window.article_action.isChecked())
    settings.sync()
