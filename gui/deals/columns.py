"""How the deal list's columns share the width: natural widths from the font, which stay and which make room."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyle

from gui.deals.model import Column


@dataclass(frozen=True)
class Fit:
    """How a column is sized: `sample` is typical content; `keep` never hides for want of room.

    `rank` orders the columns that make room: the highest rank hides first.
    """

    sample: str = ""  # none: the header text and a few digits
    keep: bool = False
    rank: int = 100  # a column not named below (a new one) hides first: the named ones were chosen to stay


# Keyed by name so a column added to the enum needs no entry here: it gets Fit() and a width from its header.
FITS: dict[str, Fit] = {
    "REVIEW": Fit(rank=5),
    "WATCHED": Fit(rank=7),  # narrow: it stays nearly as long as the review mark
    "TITLE": Fit("Kiyomizu Industries to invest in Pune", keep=True),  # it stretches: this is its least width
    "VALUE": Fit("₩180bn (US$130m)", keep=True),
    "STATUS": Fit("Announced", keep=True),
    # Every deal in one currency: what the list sorts and totals by, so it stays longer than the parties.
    "USD": Fit("US$130.5m", rank=25),
    "DATE": Fit("~21 May 2025", rank=10),
    "TYPE": Fit("Funding round", rank=20),
    "PARTIES": Fit("Granite Peak Ventures, Tidewell", rank=30),
    "SECTORS": Fit("renewable energy, solar", rank=40),
    "SOURCES": Fit("99", rank=50),
}
STRETCH = Column.TITLE


def fit_of(column: Column) -> Fit:
    return FITS.get(column.name, Fit())


def header_width(header: QHeaderView, column: Column) -> int:
    """The least width that shows the header text and, beside it, the sort arrow."""
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    metrics = QFontMetrics(header.font())
    if not column.header:  # an icon column: the icon and its margins
        return style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, header) + 4 * margin
    # The style takes half the header's height and two margins from the label for the arrow
    # (QCommonStyle SE_HeaderLabel); a line of text is about that height, so a whole one is room enough.
    return metrics.horizontalAdvance(column.header) + metrics.height() + 6 * margin


def natural_width(header: QHeaderView, metrics: QFontMetrics, column: Column) -> int:
    """What the column needs to show its typical content whole in the view's font, or its header."""
    sample = fit_of(column).sample or (f"{column.header} 0000" if column.header else "")
    cell = metrics.horizontalAdvance(sample) + 2 * metrics.averageCharWidth() if sample else 0
    return max(cell, header_width(header, column))


def hidden_for_room(columns: Sequence[Column], widths: dict[Column, int], room: int,
                    chosen_hidden: Iterable[Column]) -> set[Column]:
    """The columns to hide so the shown ones fit in `room` pixels, lowest rank first; kept ones never hide."""
    hidden = set(chosen_hidden)
    shown = [c for c in columns if c not in hidden]
    spare = sorted((c for c in shown if not fit_of(c).keep), key=lambda c: fit_of(c).rank, reverse=True)
    need = sum(widths[c] for c in shown)
    made_room: set[Column] = set()
    for column in spare:
        if need <= room:
            break
        need -= widths[column]
        made_room.add(column)
    # A narrow column of lower rank may still fit beside the kept ones (Sources, once Sectors made room).
    for column in sorted(made_room, key=lambda c: fit_of(c).rank):
        if need + widths[column] <= room:
            need += widths[column]
            made_room.discard(column)
    return made_room
