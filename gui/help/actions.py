"""Help > Keyboard shortcuts (read from the window's own actions), Help > User guide and Help > About."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLineEdit, QMainWindow, QMenu, QTableWidget,
    QTableWidgetItem, QTextBrowser, QVBoxLayout, QWidget,
)

from gui.dialogs import show_about
from gui.resources import resource_path

GUIDE = "guide.html"


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, action, shortcuts) for every action of the window that has a key, menu actions in menu order."""
    rows: list[tuple[str, str, str]] = []
    seen: set[QAction] = set()

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} > {_plain(action.text())}")  # type: ignore[arg-type]
            elif not action.isSeparator():
                seen.add(action)
                if action.shortcuts():
                    rows.append((path, _plain(action.text()), _keys(action)))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), _plain(top.text()))  # type: ignore[arg-type]
    # Keys bound outside the menus (the list's and the panes' own actions) belong in the list too.
    for action in window.findChildren(QAction):
        if action not in seen and action.shortcuts() and action.text():
            rows.append(("Window", _plain(action.text()), _keys(action)))
    return rows


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".").strip()


def _keys(action: QAction) -> str:
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setMinimumSize(420, 320)
        self.resize(560, 560)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Find an action or a key")
        self.filter.setClearButtonEnabled(True)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels(["Action", "Menu", "Shortcut"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        for row, (menu, name, keys) in enumerate(rows):
            for column, text in enumerate((name, menu, keys)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._on_filter_text_changed)

    def names(self) -> list[str]:
        return [self.table.item(row, 0).text() for row in range(self.table.rowCount())]  # type: ignore[union-attr]

    def _on_filter_text_changed(self, text: str) -> None:
        needle = text.casefold().strip()
        for row in range(self.table.rowCount()):
            haystack = " ".join(self.table.item(row, c).text() for c in range(3)).casefold()  # type: ignore[union-attr]
            self.table.setRowHidden(row, bool(needle) and needle not in haystack)


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Deal Tracker user guide")
        self.setMinimumSize(420, 320)
        self.resize(680, 720)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        path = resource_path(GUIDE)
        try:
            self.browser.setHtml(path.read_text(encoding="utf-8"))
        except OSError:
            self.browser.setPlainText(f"The user guide ({path}) is missing from this installation.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)


class HelpActions(QObject):
    """Owns the Help menu's actions; the shortcut list is read from the window when it is opened."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.guide_dialog: GuideDialog | None = None
        self.shortcuts_action = QAction("&Keyboard shortcuts", self, shortcut=QKeySequence("Ctrl+/"))
        self.guide_action = QAction("&User guide", self, shortcut=QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.about_action = QAction("&About Deal Tracker", self, menuRole=QAction.MenuRole.AboutRole)
        # Qt gives HelpContents no key on some platforms (offscreen among them); F1 is what people press.
        if self.guide_action.shortcut().isEmpty():
            self.guide_action.setShortcut(QKeySequence("F1"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.guide_action.triggered.connect(self.show_guide)
        self.about_action.triggered.connect(lambda: show_about(window))
        self.actions = [self.guide_action, self.shortcuts_action, None, self.about_action]

    def show_shortcuts(self) -> ShortcutsDialog:
        # Built afresh each time: the list follows actions added or rebound since.
        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.deleteLater()
        self.shortcuts_dialog = ShortcutsDialog(shortcut_rows(self._window), self._window)
        self.shortcuts_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.shortcuts_dialog.show()
        return self.shortcuts_dialog

    def show_guide(self) -> GuideDialog:
        if self.guide_dialog is None:
            self.guide_dialog = GuideDialog(self._window)
        if self.guide_dialog.isVisible():
            self.guide_dialog.raise_()
        else:
            self.guide_dialog.show()
        return self.guide_dialog
