"""Values a deal's sources disagree on, shown side by side under the field with the article each came from."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.model import Deal
from gui.formatting import format_date, format_value, type_label

# How the Edit menu names a choice: "Choose location".
CHOICE_NOUNS = {"type": "type", "date": "date", "amounts": "amount", "location": "location"}
PERSON = "Your edit"


def describe_value(field: str, value: Any) -> str:
    """A per-source value (in Store.field_alternatives' form) as the pane shows it."""
    if field == "type":
        return type_label(str(value))
    if field == "date":
        iso, precision = value if value else (None, None)
        return format_date(iso, str(precision) if precision else None) or "No date"
    if field == "amounts":
        return "; ".join(format_value(a.value, a.currency, a.usd_value) for a in value) or "No amount"
    return str(value) if value else "No place"


def value_key(field: str, value: Any) -> Any:
    """What makes two sources' values the same value: "$1.2 billion" and "1.2 billion dollars" are one."""
    if field == "amounts":
        return tuple((a.value, a.currency) for a in value)
    if field == "date":
        iso, precision = value if value else (None, None)
        return iso, str(precision) if precision else None
    if field == "location":
        return (value or "").casefold()
    return str(value)


def current_value(deal: Deal, field: str) -> Any:
    if field == "date":
        return deal.date, deal.date_precision
    return getattr(deal, field)


class ElidedLabel(QLabel):
    """One line that ends in "…" when it does not fit; the whole text is in the tooltip."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setMinimumWidth(40)
        self.full_text = text
        self.setToolTip(text)
        self.setText(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        # Never ask for the whole title: the cards share the pane's width and elide instead.
        return QSize(min(self.fontMetrics().horizontalAdvance(self.full_text), 120), super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, self.width()))


class AlternativeCard(QFrame):
    """One value with the sources that give it, and a button to use it (or a note that it is in use)."""

    def __init__(self, text: str, sources: Sequence[str], in_use: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value_label = QLabel(text, self)
        self.value_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.value_label.font()
        font.setBold(in_use)
        self.value_label.setFont(font)
        self.source_label = ElidedLabel("from " + "; ".join(" ".join(s.split()) for s in sources), self)
        self.source_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.use_button = QPushButton("Use this", self)
        self.use_button.setToolTip("Make this the deal's value (Edit > Undo takes it back)")
        self.use_button.setEnabled(not in_use)
        self.use_button.setVisible(not in_use)
        self.in_use_label = QLabel("In use", self)
        self.in_use_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.in_use_label.setVisible(in_use)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.value_label, 1)
        top.addWidget(self.use_button)
        top.addWidget(self.in_use_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(1)
        layout.addLayout(top)
        layout.addWidget(self.source_label)


class AlternativesBox(QWidget):
    """The differing values of one field; hidden while the sources agree. Emits the value a person picks."""

    value_chosen = Signal(str, object)  # field, value in field_alternatives' form

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.cards: list[AlternativeCard] = []
        self._heading = QLabel("Sources differ:", self)
        self._heading.setWordWrap(True)
        self._heading.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self._heading)
        layout.addLayout(self._row)
        self.hide()

    def set_values(self, deal: Deal | None, values: Sequence[tuple[Any, int | None]],
                   titles: Mapping[int, str]) -> None:
        """Show `values` (each with its article id, None for a person's) against the deal's current value."""
        for card in self.cards:
            self._row.removeWidget(card)
            card.deleteLater()
        self.cards = []
        groups: dict[Any, tuple[Any, list[str]]] = {}
        for value, article_id in values:
            source = PERSON if article_id is None else titles.get(article_id, f"Article {article_id}")
            groups.setdefault(value_key(self.field, value), (value, []))[1].append(source)
        if deal is None or len(groups) < 2:
            self.hide()
            return
        current = value_key(self.field, current_value(deal, self.field))
        for key, (value, sources) in groups.items():
            card = AlternativeCard(describe_value(self.field, value), sources, key == current, self)
            card.use_button.clicked.connect(lambda _=False, v=value: self.value_chosen.emit(self.field, v))
            self._row.addWidget(card, 1)
            self.cards.append(card)
        self.show()

