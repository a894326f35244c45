"""What an export says about a deal: the columns of its sheets (deals, parties, amounts, sources) and its JSON record."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from core.labels import date_at_precision, kind_label, precision_label, rate_source_label, role_label, \
    status_label, type_label
from core.model import Amount, Deal, DealQuery, Precision


@dataclass(frozen=True)
class Cell:
    """A typed value for a spreadsheet: a number, a date at a precision, or text; CSV writes `text` instead."""

    value: Any  # str, int, float, datetime.date or None
    text: str | int | float = ""  # what a CSV cell holds
    number_format: str | None = None  # for a date or a sum: how a spreadsheet shows it


def _text(value: str | None) -> Cell:
    return Cell(value or None, value or "")


def _number(value: float | None, currency: str | None = None) -> Cell:
    if value is None:
        return Cell(None, "")
    number = int(value) if float(value).is_integer() else float(value)
    return Cell(number, number, money_format(number, currency))


def money_format(value: float, currency: str | None) -> str:
    """A number format that shows the currency code beside the figure and keeps the cell a number."""
    digits = "#,##0" if float(value).is_integer() else "#,##0.00"
    code = (currency or "").upper()
    # Only a three-letter code goes into the format: anything else would be read as format syntax.
    return f'{digits} "{code}"' if len(code) == 3 and code.isalpha() and code.isascii() else digits


# A spreadsheet's number format per precision: a real date cell that shows only what the article fixes.
_DATE_FORMATS = {
    Precision.DAY: "d mmm yyyy", Precision.WEEK: '"~"d mmm yyyy', Precision.MONTH: "mmm yyyy",
    Precision.YEAR: "yyyy",
}


def date_cell(iso: str | None, precision: str | None) -> Cell:
    text = date_at_precision(iso, precision)
    try:
        day = datetime.date.fromisoformat((iso or "")[:10])
    except ValueError:
        return Cell(text or None, text)
    try:
        p = Precision(precision) if precision else Precision.DAY
    except ValueError:
        p = Precision.DAY
    if p is Precision.QUARTER:
        fmt = f'"Q{(day.month - 1) // 3 + 1}" yyyy'
    elif p is Precision.HALF:
        fmt = f'"H{1 if day.month <= 6 else 2}" yyyy'
    else:
        fmt = _DATE_FORMATS[p]
    return Cell(day, text, fmt)


def _first(deal: Deal) -> Amount | None:
    return deal.amounts[0] if deal.amounts else None


def _joined(values: Iterator[str] | list[str] | tuple[str, ...]) -> Cell:
    return _text("; ".join(v for v in values if v))


def _figure(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _commitment(text: str, horizon: str | None) -> str:
    return f"{text} (by {horizon})" if horizon else text


# The deal sheet and the CSV: one column per field, headers a person reads.
DEAL_COLUMNS: tuple[tuple[str, Callable[[Deal], Cell]], ...] = (
    ("ID", lambda d: Cell(d.id, d.id if d.id is not None else "")),
    ("Title", lambda d: _text(d.title)),
    ("Type", lambda d: _text(type_label(str(d.type)))),
    ("Status", lambda d: _text(status_label(str(d.status)))),
    ("Date", lambda d: date_cell(d.date, d.date_precision)),
    ("Date precision", lambda d: _text(precision_label(d.date_precision) if d.date else "")),
    ("Value", lambda d: _number(a.value, a.currency) if (a := _first(d)) else Cell(None, "")),
    ("Currency", lambda d: _text(a.currency) if (a := _first(d)) else Cell(None, "")),
    ("Value (US$)", lambda d: _number(d.usd_value, "USD")),
    ("All amounts", lambda d: _joined([f"{_figure(a.value)} {a.currency}" for a in d.amounts])),
    ("Parties", lambda d: _joined([f"{p.name} ({role_label(p.role)})" for p in d.parties])),
    ("Location", lambda d: _text(d.location)),
    ("Country", lambda d: _text(d.country)),  # worked out from the location by the store (m009)
    ("Sectors", lambda d: _joined(list(d.sectors))),
    ("Commitments", lambda d: _joined([_commitment(c.text, c.horizon) for c in d.commitments])),
    ("People", lambda d: _joined([p.name + (f" ({p.title})" if p.title else "") for p in d.people])),
    ("Summary", lambda d: _text(d.summary)),
    ("Notes", lambda d: _text(d.notes)),
    ("Sources", lambda d: _joined([s.title or "" for s in d.sources])),
    ("Source addresses", lambda d: _joined([s.url or "" for s in d.sources])),
    ("Needs review", lambda d: _joined(list(d.needs_review))),
)
DEAL_HEADERS = tuple(name for name, _ in DEAL_COLUMNS)



@dataclass(frozen=True)
class DisplayCurrency:
    """The currency the window shows values in, when not the dollar: exports add each deal's value in it,
    at the rate of the deal's day as the list converts (core.store.display), beside the US-dollar columns."""

    code: str
    per_usd: Mapping[str, float]  # units of `code` per US dollar by ISO day (core.fx.per_usd_by_day)

    @classmethod
    def of(cls, query: DealQuery | None) -> DisplayCurrency | None:
        """The query's display currency with its day rates (the ECB table is read once), None for dollars."""
        code = (query.currency if query is not None else "USD").upper()
        if code == "USD":
            return None
        from core.fx import per_usd_by_day

        return cls(code, dict(per_usd_by_day(code)))

    def convert(self, deal: Deal) -> tuple[float, float, str] | None:
        """(value, rate, day) of the deal's US-dollar value in this currency; None without either."""
        published = sorted(s.published for s in deal.sources if s.published)
        day = (deal.date or (published[0] if published else "") or "")[:10]
        usd, rate = deal.usd_value, self.per_usd.get(day)
        return None if usd is None or rate is None else (usd * rate, rate, day)

    def cell(self, deal: Deal) -> Cell:
        found = self.convert(deal)
        return _number(found[0], self.code) if found else Cell(None, "")


def deal_columns(display: DisplayCurrency | None = None) -> tuple[tuple[str, Callable[[Deal], Cell]], ...]:
    """The deal sheet's columns: with a display currency, its value follows the US-dollar value."""
    if display is None:
        return DEAL_COLUMNS
    at = DEAL_HEADERS.index("Value (US$)") + 1
    return (*DEAL_COLUMNS[:at], (f"Value ({display.code})", display.cell), *DEAL_COLUMNS[at:])


PARTY_HEADERS = ("Deal ID", "Deal title", "Party", "Role", "Kind", "Country")
AMOUNT_HEADERS = ("Deal ID", "Value", "Currency", "As written", "Value (US$)", "Rate (US$ per unit)", "Rate date",
                  "Rate source")
SOURCE_HEADERS = ("Deal ID", "Title", "Publisher", "Date", "Address")


def deal_cells(deal: Deal, columns: tuple[tuple[str, Callable[[Deal], Cell]], ...] = DEAL_COLUMNS) -> list[Cell]:
    return [cell(deal) for _, cell in columns]


def party_rows(deal: Deal) -> Iterator[list[Cell]]:
    for party in deal.parties:
        yield [Cell(deal.id), _text(deal.title), _text(party.name), _text(role_label(party.role)),
               _text(kind_label(str(party.kind))), _text(party.country)]


def amount_rows(deal: Deal) -> Iterator[list[Cell]]:
    for amount in deal.amounts:
        usd = amount.usd
        rate = Cell(usd.rate, usd.rate, "0.000000") if usd is not None and usd.rate is not None else Cell(None)
        yield [Cell(deal.id), _number(amount.value, amount.currency), _text(amount.currency), _text(amount.text),
               _number(usd.value if usd else None, "USD"), rate,
               date_cell(usd.rate_date, "day") if usd and usd.rate_date else Cell(None),
               _text(rate_source_label(usd.source) if usd else "")]


def source_rows(deal: Deal) -> Iterator[list[Cell]]:
    for source in deal.sources:
        yield [Cell(deal.id), _text(source.title), _text(source.publisher),
               date_cell(source.published, "day") if source.published else Cell(None), _text(source.url)]


def deal_record(deal: Deal, display: DisplayCurrency | None = None) -> dict[str, Any]:
    """Every field of a deal for JSON: the contract's shape with `id` first, then status, precision, summary,
    notes, each amount's US-dollar value with its rate and source, commitments with horizons, sources last;
    with a display currency, `display_value` {currency, value, rate, rate_date} after `usd_value`."""
    record: dict[str, Any] = {"id": deal.id}
    record.update(deal.to_contract())
    record["type_label"] = type_label(str(deal.type))
    record["status"] = str(deal.status)
    record["status_label"] = status_label(str(deal.status))
    record["date_precision"] = str(deal.date_precision) if deal.date_precision and deal.date else None
    record["iso_date"] = deal.date
    record["parties"] = [{**p.to_contract(), "role_label": role_label(p.role), "country": p.country}
                         for p in deal.parties]
    record["amounts"] = [_amount_record(a) for a in deal.amounts]
    record["usd_value"] = deal.usd_value
    if display is not None:
        found = display.convert(deal)
        record["display_value"] = {"currency": display.code, "value": found[0] if found else None,
                                   "rate": found[1] if found else None, "rate_date": found[2] if found else None}
    record["country"] = deal.country
    record["commitments"] = [{"text": c.text, "horizon": c.horizon} for c in deal.commitments]
    record["summary"] = deal.summary
    record["notes"] = deal.notes
    record["needs_review"] = list(deal.needs_review)
    record["edited"] = sorted(deal.edited)
    record["created_at"] = deal.created_at
    record["updated_at"] = deal.updated_at
    record["sources"] = [
        {"article_id": s.article_id, "title": s.title, "publisher": s.publisher, "url": s.url,
         "published": s.published}
        for s in deal.sources
    ]
    return record


def _amount_record(amount: Amount) -> dict[str, Any]:
    record = amount.to_contract()
    record["qualifier"] = amount.qualifier
    usd = amount.usd
    record["usd"] = None if usd is None else {
        "value": usd.value, "rate": usd.rate, "rate_date": usd.rate_date, "source": usd.source,
        "source_label": rate_source_label(usd.source),
    }
    return record
