"""The detail pane's offer of possible duplicates: another deal that may be this one, with Merge and Not a duplicate."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QVBoxLayout, QWidget

from core.store.duplicates import PossibleDuplicate

# A title is an article's words: a long one is cut here (whole in the tooltip) so the pane keeps its width.
TITLE_CHARS = 120
MERGE_TEXT = "Merge into this deal"
DISMISS_TEXT = "Not a duplicate"


def offer_text(duplicate: PossibleDuplicate) -> str:
    title = duplicate.title if len(duplicate.title) <= TITLE_CHARS else duplicate.title[: TITLE_CHARS - 1] + "…"
    return f"Possible duplicate of {title} (deal {duplicate.deal_id})"


class DuplicateOffer(QWidget):
    """One possible duplicate: what it is, and the buttons that show it, merge it or set it aside."""

    def __init__(self, duplicate: PossibleDuplicate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deal_id = duplicate.deal_id
        self.label = QLabel(offer_text(duplicate), self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # never rich text: the title is an article's
        self.label.setWordWrap(True)
        self.label.setToolTip(
            f"{duplicate.title}\n\n" + ("The import rules call these one deal." if duplicate.same else
                                       "Same principal parties, but no known close date or matching amount "
                                       "tells that they are one deal."))
        self.show_button = QPushButton(f"Show deal {duplicate.deal_id}", self)
        self.merge_button = QPushButton(MERGE_TEXT, self)
        self.merge_button.setToolTip(f"Deal {duplicate.deal_id}'s sources, parties and amounts join this deal, "
                                     "and it goes to the trash (Edit > Undo takes the merge back)")
        self.dismiss_button = QPushButton(DISMISS_TEXT, self)
        self.dismiss_button.setToolTip("Keep the two apart and stop offering this merge")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.show_button, self.merge_button, self.dismiss_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addLayout(buttons)


class DuplicatesBanner(QFrame):
    """The possible duplicates of the deal shown; hidden when there are none. Emits what the user asks for."""

    show_requested = Signal(int)
    merge_requested = Signal(int)
    dismiss_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.offers: list[DuplicateOffer] = []
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxQuestion).pixmap(size, size))
        self._column = QVBoxLayout()
        self._column.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout(self)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(self._column, 1)
        self.hide()

    def set_duplicates(self, duplicates: Sequence[PossibleDuplicate]) -> None:
        for offer in self.offers:
            self._column.removeWidget(offer)
            offer.deleteLater()
        self.offers = []
        for duplicate in duplicates:
            offer = DuplicateOffer(duplicate, self)
            deal_id = duplicate.deal_id
            offer.show_button.clicked.connect(lambda _=False, d=deal_id: self.show_requested.emit(d))
            offer.merge_button.clicked.connect(lambda _=False, d=deal_id: self.merge_requested.emit(d))
            offer.dismiss_button.clicked.connect(lambda _=False, d=deal_id: self.dismiss_requested.emit(d))
            self._column.addWidget(offer)
            self.offers.append(offer)
        self.setVisible(bool(self.offers))
