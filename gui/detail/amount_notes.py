"""Lines under the Amounts list: why a typed amount was refused, and where an amount and its "As written" disagree."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from core.amount_entry import written_disagrees
from core.model import Amount
from gui.formatting import format_money


def disagreements(amounts: Sequence[Amount]) -> list[str]:
    """One line for each amount whose "As written" text reads as another figure."""
    lines = []
    for amount in amounts:
        read = written_disagrees(amount.text, amount.value, amount.currency)
        if read is not None:
            lines.append(f"“{amount.text}” reads as {format_money(*read)}, but the value is "
                         f"{format_money(amount.value, amount.currency)}: check one of them")
    return lines


class AmountNotes(QWidget):
    """A refusal stays until the next deal is shown; the warnings follow the amounts as stored."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = QLabel(self)
        self.error.setObjectName("amount_error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        # Bold, not red: a colour of our own can vanish in a dark palette.
        font = self.error.font()
        font.setBold(True)
        self.error.setFont(font)
        self.warning = QLabel(self)
        self.warning.setObjectName("amount_warning")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.error)
        layout.addWidget(self.warning)
        self.show_amounts(())

    def show_amounts(self, amounts: Sequence[Amount]) -> None:
        self.error.clear()
        self.error.hide()
        lines = disagreements(amounts)
        self.warning.setText("\n".join(f"⚠ {line}" for line in lines))
        self.warning.setVisible(bool(lines))
        self.setVisible(bool(lines))

    def refuse(self, editor: QWidget | None, message: str) -> None:
        """Say why the text in `editor` was not stored; it stays there, selected, to be typed over."""
        self.error.setText(message)
        self.error.show()
        self.show()
        if editor is None:
            return
        editor.setToolTip(message)  # a popup tip would vanish with the next move of the mouse; the line stays
        if isinstance(editor, QLineEdit) and editor.hasFocus():
            editor.selectAll()
