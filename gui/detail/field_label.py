"""A field's name in the detail pane, with a mark beside it when the parser was unsure of the field."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QWidget


class FieldLabel(QWidget):
    """A field's name with a review mark beside it when the parser was unsure of the field."""

    def __init__(self, text: str, bold: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel(text, self)
        if bold:
            font = self.text.font()
            font.setBold(True)
            self.text.setFont(font)
        self.mark = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.mark.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        self.mark.setToolTip("The parser was unsure of this field: please check it")
        self.mark.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.text)
        layout.addWidget(self.mark)
        layout.addStretch(1)

    def set_review(self, needed: bool) -> None:
        self.mark.setVisible(needed)
