"""The eye that marks a watched deal, drawn in the palette's highlight colour so it reads in light and dark themes."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QApplication


def eye_icon(size: int = 16) -> QIcon:
    icon = QIcon()
    color = QApplication.palette().highlight().color()
    for scale in (1, 2):  # a sharp eye on high-density screens too
        icon.addPixmap(_eye(size * scale, color))
    return icon


def _eye(size: int, color: QColor) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 16
    outline = QPainterPath(QPointF(1 * s, 8 * s))
    outline.quadTo(QPointF(8 * s, 0.5 * s), QPointF(15 * s, 8 * s))
    outline.quadTo(QPointF(8 * s, 15.5 * s), QPointF(1 * s, 8 * s))
    painter.setPen(QPen(color, 1.4 * s))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(outline)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(color))
    painter.drawEllipse(QRectF(5.2 * s, 5.2 * s, 5.6 * s, 5.6 * s))
    painter.end()
    return pixmap
