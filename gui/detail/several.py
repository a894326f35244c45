"""The detail pane's page for several selected deals: how many, and the actions that apply to them all."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QToolButton, QVBoxLayout, QWidget


class SeveralSelected(QWidget):
    """"3 selected", then a button for each action given; each button follows its action's state and text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = QLabel(self)
        self.count.setObjectName("selected_count")
        font = self.count.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.count.setFont(font)
        self.hint = QLabel("Select one deal to see and edit its fields.", self)
        self.hint.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.count)
        self._layout.addWidget(self.hint)
        self._buttons: list[QToolButton] = []
        self._layout.addStretch(1)

    def set_actions(self, actions: Sequence[QAction]) -> None:
        for button in self._buttons:
            button.deleteLater()
        self._buttons = []
        for i, action in enumerate(actions):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
            self._layout.insertWidget(2 + i, button, 0, Qt.AlignmentFlag.AlignLeft)
            self._buttons.append(button)

    @property
    def buttons(self) -> list[QToolButton]:
        return list(self._buttons)

    def set_count(self, count: int) -> None:
        self.count.setText(f"{count} selected")
