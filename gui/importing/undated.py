"""After an import: ask when the articles that print no date of their own came out, so "on Tuesday" finds its day."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget,
)

from core.model import Precision
from gui.importing.summary import shown_name

if TYPE_CHECKING:
    from core.importer import SourceResult  # the window starts without the parser; imports load it


def undated_articles(results: Sequence[SourceResult]) -> list[tuple[int, str]]:
    """(article id, title) of each article the import stored that gives no published date while one of its
    deals waits for one: no date at all, or only the rough day a dateline's weekday gave."""
    found = []
    for result in results:
        article, outcome = result.article, result.outcome
        if article is None or outcome is None or outcome.already_imported or outcome.article_id is None:
            continue
        if not article.published and any(d.date is None or d.date_precision == Precision.WEEK
                                          for d in article.deals):
            found.append((outcome.article_id, article.title or shown_name(result.source)))
    return found


def question(title: str) -> str:
    return f"The article ‘{title}’ gives no date of its own; when did it come out?"


class PublishedDialog(QDialog):
    """A date per article (today unless changed); Set re-parses them with it, Skip leaves them undated.

    With several articles, each has a check box: an unticked one stays as it is.
    """

    def __init__(self, articles: Sequence[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("When was it published?" if len(articles) == 1 else "When were they published?")
        today = QDate.currentDate()
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.edits: dict[int, QDateEdit] = {}
        self.checks: dict[int, QCheckBox] = {}
        for row, (article_id, title) in enumerate(articles):
            shown = title if len(title) <= 90 else title[:89] + "…"
            if len(articles) > 1:
                check = QCheckBox(self)
                check.setChecked(True)
                check.setAccessibleName(f"Set the date of {shown}")
                self.checks[article_id] = check
                grid.addWidget(check, row, 0, Qt.AlignmentFlag.AlignTop)
            label = QLabel(question(shown), self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            edit = QDateEdit(today, self)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            # A paper dated tomorrow somewhere east of here is no mistake; one dated next month is.
            edit.setMaximumDate(today.addDays(1))
            edit.setAccessibleName(f"Published date of {shown}")
            label.setBuddy(edit)
            self.edits[article_id] = edit
            grid.addWidget(label, row, 1)
            grid.addWidget(edit, row, 2, Qt.AlignmentFlag.AlignTop)
        note = QLabel("Dates in the text such as “on Tuesday” or “last month” are counted from this day. "
                      "Fields you edited by hand stay as they are.", self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.set_button = buttons.addButton("&Set date" if len(articles) == 1 else "&Set dates",
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        self.skip_button = buttons.addButton("S&kip", QDialogButtonBox.ButtonRole.RejectRole)
        self.set_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addWidget(note)
        layout.addWidget(buttons)
        # An explicit minimum: one the layout derives is re-sent on every change (offscreen warns of each).
        height = layout.heightForWidth(480) if layout.hasHeightForWidth() else layout.sizeHint().height()
        self.setMinimumSize(480, height)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for article_id, check in self.checks.items():
            check.toggled.connect(self.edits[article_id].setEnabled)

    def dates(self) -> dict[int, str]:
        """Article id -> the ISO date given, for each article ticked (all of them when there is one)."""
        return {i: edit.date().toString(Qt.DateFormat.ISODate) for i, edit in self.edits.items()
                if i not in self.checks or self.checks[i].isChecked()}
