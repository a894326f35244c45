"""The Insights dock opens where and as the user left it when the window last closed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui.main_window import MainWindow


def _reopen(qtbot, store, settings) -> MainWindow:
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.resize(1400, 850)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_dock_comes_back_open_on_the_side_it_was_moved_to(qtbot, window, sample_store, settings):
    window.insights.action.setChecked(True)
    dock = window.insights.dock
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resizeDocks([dock], [420], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: dock.width() < 700)  # laid out on the side
    width = dock.width()
    window.close()

    again = _reopen(qtbot, sample_store, settings)
    assert again.insights.action.isChecked()
    restored = again.insights.dock
    assert restored is not None and restored.isVisible()
    assert again.dockWidgetArea(restored) == Qt.DockWidgetArea.RightDockWidgetArea
    qtbot.waitUntil(lambda: abs(restored.width() - width) < 20, timeout=3000)  # its width, once laid out
    qtbot.waitUntil(lambda: again.insights.view.insights is not None)  # figures once the window shows
    again.close()


def test_a_closed_dock_stays_closed(qtbot, window, sample_store, settings):
    window.insights.action.setChecked(True)
    window.insights.action.setChecked(False)
    window.close()
    again = _reopen(qtbot, sample_store, settings)
    assert not again.insights.action.isChecked() and again.insights.dock is None
    again.close()
