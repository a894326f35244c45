"""Turns what the detail pane's editors hold into an edited copy of the deal, named for the Edit menu."""

from __future__ import annotations

import dataclasses
from datetime import date as Date
from typing import Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from core.amount_entry import AmountError, read_amount
from core.deals.fields import changed_fields
from core.fx import overridden
from core.model import Amount, Commitment, Deal, DealType, Party, PartyKind, Person, Precision, Status

_NOUNS = {"parties": "party", "amounts": "amount", "commitments": "commitment", "people": "person"}


class EditedPane(Protocol):
    """What of the detail pane its edits read: the deal on show, its editors, and where an edit goes.

    The row tables (parties, amounts, commitments, people) are reached by field name.
    """

    @property
    def deal(self) -> Deal | None: ...
    @property
    def deal_edited(self) -> SignalInstance: ...
    @property
    def title(self) -> QLineEdit: ...
    @property
    def type(self) -> QComboBox: ...
    @property
    def status(self) -> QComboBox: ...
    @property
    def date(self) -> QLineEdit: ...
    @property
    def precision(self) -> QComboBox: ...
    @property
    def location(self) -> QLineEdit: ...
    @property
    def sectors(self) -> QLineEdit: ...
    @property
    def summary(self) -> QPlainTextEdit: ...
    @property
    def notes(self) -> QPlainTextEdit: ...
    def show_deal(self, deal: Deal | None) -> None: ...
    def refuse_entry(self, field: str, row: int, col: int, message: str) -> None: ...


class Refused(ValueError):
    """A row's box holds text that cannot be stored: `col` is the box, str() says why."""

    def __init__(self, col: int, message: str) -> None:
        super().__init__(message)
        self.col = col


class DealEdits(QObject):
    """The pane's slots: each compares the editors with the shown deal and emits only a real change."""

    def __init__(self, pane: EditedPane, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pane = pane

    def _emit(self, after: Deal, text: str) -> None:
        before = self._pane.deal
        if before is not None and after != before:
            self._pane.deal_edited.emit(before, reviewed(before, after), text)

    def _revert(self) -> None:
        self._pane.show_deal(self._pane.deal)

    # --- single fields -----------------------------------------------------------------------

    def on_title_editing_finished(self) -> None:
        deal = self._pane.deal
        text = self._pane.title.text().strip()
        if deal is None:
            return
        if not text:  # a deal always has a title
            self._revert()
            return
        self._emit(deal.replace(title=text), "Edit title")

    def on_type_activated(self, _: int) -> None:
        if self._pane.deal is not None:
            self._emit(self._pane.deal.replace(type=DealType(self._pane.type.currentData())), "Change type")

    def on_status_activated(self, _: int) -> None:
        if self._pane.deal is not None:
            self._emit(self._pane.deal.replace(status=Status(self._pane.status.currentData())), "Change status")

    def on_date_editing_finished(self) -> None:
        deal = self._pane.deal
        if deal is None:
            return
        try:
            date, precision = parse_date(self._pane.date.text(), self._pane.precision.currentData())
        except ValueError:
            self._revert()
            return
        self._emit(deal.replace(date=date, date_precision=precision), "Edit date")

    def on_precision_activated(self, _: int) -> None:
        deal = self._pane.deal
        if deal is None:
            return
        value = self._pane.precision.currentData()
        if not deal.date:
            self._revert()  # a precision of no date means nothing
            return
        self._emit(deal.replace(date_precision=Precision(value) if value else None), "Change date precision")

    def on_location_editing_finished(self) -> None:
        if self._pane.deal is not None:
            text = self._pane.location.text().strip()
            self._emit(self._pane.deal.replace(location=text or None), "Edit location")

    def on_sectors_editing_finished(self) -> None:
        if self._pane.deal is None:
            return
        sectors: list[str] = []
        for part in self._pane.sectors.text().split(","):
            part = " ".join(part.split())
            if part and part.casefold() not in {s.casefold() for s in sectors}:
                sectors.append(part)
        self._emit(self._pane.deal.replace(sectors=tuple(sectors)), "Edit sectors")

    def on_plain_text_finished(self, field: str) -> None:
        if self._pane.deal is None:
            return
        widget = self._pane.summary if field == "summary" else self._pane.notes
        text = widget.toPlainText().strip()
        if text != getattr(self._pane.deal, field):
            self._emit(self._pane.deal.replace(**{field: text}), f"Edit {field}")

    def on_mark_reviewed_clicked(self) -> None:
        if self._pane.deal is not None:
            self._emit(self._pane.deal.replace(needs_review=()), "Mark reviewed")

    # --- list rows ---------------------------------------------------------------------------

    def on_row_edited(self, field: str, row: int) -> None:
        deal = self._pane.deal
        if deal is None:
            return
        items = list(getattr(deal, field))
        values = getattr(self._pane, field).rows()[row]
        if row >= len(items):
            return
        try:
            item, text = self._edited_item(field, items[row], values)
        except Refused as refused:
            # The typed text stays in its box to be put right; the stored value is untouched.
            self._pane.refuse_entry(field, row, refused.col, str(refused))
            return
        except ValueError:
            self._revert()
            return
        items[row] = item
        self._emit(deal.replace(**{field: tuple(items)}), text)

    def on_row_added(self, field: str) -> None:
        deal = self._pane.deal
        if deal is None:
            return
        new = {
            "parties": Party("New party"),
            "amounts": Amount(0, "USD", ""),
            "commitments": Commitment("New commitment"),
            "people": Person("New person"),
        }[field]
        self._emit(deal.replace(**{field: getattr(deal, field) + (new,)}), f"Add {_NOUNS[field]}")
        table = getattr(self._pane, field)
        row = len(getattr(deal, field))
        if self._pane.deal is not None and row < len(getattr(self._pane.deal, field)):
            # Straight into the new row's first box, ready to type over the placeholder text.
            editor = table.editor(row, 0)
            editor.setFocus()
            editor.selectAll()

    def on_row_removed(self, field: str, row: int) -> None:
        deal = self._pane.deal
        if deal is None:
            return
        items = list(getattr(deal, field))
        if 0 <= row < len(items):
            del items[row]
            self._emit(deal.replace(**{field: tuple(items)}), f"Remove {_NOUNS[field]}")

    @staticmethod
    def _edited_item(field: str, old: object, values: list[str]) -> tuple[object, str]:
        """The list item the row's editors describe, and the name of the change."""
        if field == "parties":
            assert isinstance(old, Party)
            name, kind, role = values
            if not name:
                raise ValueError("a party needs a name")
            if name != old.name:
                # A different name is a different registry entry; the store resolves it again.
                return old.__class__(name, PartyKind(kind), role or "partner", (), old.country, None), "Rename party"
            if kind != old.kind:
                return _replace(old, kind=PartyKind(kind)), "Change party kind"
            return _replace(old, role=role or "partner"), "Change party role"
        if field == "amounts":
            assert isinstance(old, Amount)
            value, currency, written, dollars = values
            try:
                number, currency = read_amount(value, currency.upper()[:3] or old.currency)
            except AmountError as exc:
                raise Refused(0, str(exc)) from None
            if (number, currency) != (old.value, old.currency):
                # Another figure: the article's conversion and any dollars set by hand were of the old one.
                return Amount(number, currency, written, qualifier=old.qualifier), "Edit amount"
            usd, shown = _dollars(dollars), old.usd.value if old.usd is not None else None
            # The box shows whole dollars: a worked-out value's cents are no change of the person's.
            if (usd is None) != (shown is None) or (usd is not None and shown is not None and abs(usd - shown) >= 0.5):
                return overridden(_replace(old, text=written), usd), "Set US-dollar value"  # type: ignore[arg-type]
            return _replace(old, text=written), "Edit amount"
        if field == "commitments":
            text, horizon = values
            if not text:
                raise ValueError("a commitment needs words")
            return Commitment(text, horizon or None), "Edit commitment"
        name, title, organization = values
        if not name:
            raise ValueError("a person needs a name")
        return Person(name, title or None, organization or None), "Edit person"


def usd_number(amount: Amount) -> str:
    """An amount's US-dollar value as the detail pane's US$ box shows it: whole dollars, or empty."""
    return f"{amount.usd.value:,.0f}" if amount.usd is not None else ""


def amount_number(value: float) -> str:
    """An amount's value as the Value box shows it: "550,000,000", the figure the list's tooltip gives."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _dollars(text: str) -> float | None:
    if not text:
        return None
    try:
        value, currency = read_amount(text, "USD")
    except AmountError as exc:
        raise Refused(3, str(exc)) from None
    if currency != "USD":
        raise Refused(3, f"The US$ box takes US dollars, not {currency}: type e.g. 678m")
    return value


def reviewed(before: Deal, after: Deal) -> Deal:
    """`after` without the review marks of the fields the edit changed: a person who corrects a field has checked it."""
    changed = set(changed_fields(before, after))
    if "date_precision" in changed:
        changed.add("date")
    left = tuple(f for f in after.needs_review if f not in changed)
    return after if left == after.needs_review else after.replace(needs_review=left)


def _replace(item: object, **changes: object) -> object:
    return dataclasses.replace(item, **changes)  # type: ignore[type-var]


def parse_date(text: str, precision: str) -> tuple[str | None, Precision | None]:
    """What the date box holds as (ISO date, precision); a shorter date sets a coarser precision."""
    text = text.strip()
    if not text:
        return None, None
    parts = [int(p) for p in text.split("-")]
    year, month, day = (parts + [1, 1])[:3]
    Date(year, month, day)  # raises ValueError for 2025-02-30
    full = f"{year:04d}-{month:02d}-{day:02d}"
    current = Precision(precision) if precision else None
    if len(parts) == 1:
        return full, Precision.YEAR
    if len(parts) == 2:
        return full, Precision.MONTH
    # A full date keeps a precision that needs one (a week, a quarter's first day); otherwise it is a day.
    return full, current if current in (Precision.WEEK, Precision.QUARTER, Precision.HALF) else Precision.DAY
