"""The welcome panel an empty database shows instead of an empty table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePanel(QWidget):
    import_samples_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel("Welcome to Deal Tracker", self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        text = QLabel(
            "This database has no deals yet. Import news articles (.txt, .md, .html, .eml, .pdf) and "
            "Deal Tracker pulls out the deals they report: parties, amounts, dates, sectors. "
            "Every field can be corrected by hand, and every change can be undone.",
            self,
        )
        text.setWordWrap(True)
        text.setMaximumWidth(520)
        # A wrapped label needs a layout that asks heightForWidth; an aligned item would clip it.
        text_row = QHBoxLayout()
        text_row.addStretch(1)
        text_row.addWidget(text, 4)
        text_row.addStretch(1)
        self.samples_button = QPushButton("Import sample articles", self)
        self.import_button = QPushButton("Import…", self)
        self.samples_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.samples_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(heading, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(8)
        layout.addLayout(text_row)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.samples_button.clicked.connect(self.import_samples_requested)
        self.import_button.clicked.connect(self.import_requested)
