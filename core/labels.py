"""Readable labels for stored values ("Funding round", not `funding_round`): the window and the exports share them."""

from __future__ import annotations

from core.model import DealType, PartyKind, Precision, Status

_TYPE_LABELS = {
    DealType.MOU: "MoU", DealType.JOINT_VENTURE: "Joint venture", DealType.FUNDING_ROUND: "Funding round",
}

# Where an amount's US-dollar value came from (core.fx.UsdValue.source).
RATE_SOURCES = {
    "usd": "In US dollars", "article": "Stated in the article", "ecb": "ECB reference rate",
    "peg": "Fixed peg", "person": "Set by hand",
}


def type_label(value: str) -> str:
    try:
        kind = DealType(value)
    except ValueError:
        return value
    return _TYPE_LABELS.get(kind, kind.value.replace("_", " ").capitalize())


def status_label(value: str) -> str:
    try:
        status = Status(value)
    except ValueError:
        return value
    return "MoU" if status is Status.MOU else status.value.capitalize()


def kind_label(value: str) -> str:
    try:
        return PartyKind(value).value.capitalize()
    except ValueError:
        return value


def precision_label(value: str | None) -> str:
    return Precision(value).value.capitalize() if value in set(Precision) else (value or "")


def role_label(value: str) -> str:
    """'investor' -> 'Investor', 'lead_investor' -> 'Lead investor'."""
    text = (value or "").replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def rate_source_label(value: str | None) -> str:
    return RATE_SOURCES.get(value or "", value or "")


def date_at_precision(iso: str | None, precision: str | None) -> str:
    """The date as far as it is known, in ISO order: '2025-09-22', '2025-09', '2025-Q3', '2025-H2', '2025'."""
    if not iso:
        return ""
    try:
        p = Precision(precision) if precision else Precision.DAY
    except ValueError:
        p = Precision.DAY
    month = int(iso[5:7]) if len(iso) >= 7 and iso[5:7].isdigit() else 1
    if p in (Precision.DAY, Precision.WEEK):
        return iso[:10]
    if p is Precision.MONTH:
        return iso[:7]
    if p is Precision.QUARTER:
        return f"{iso[:4]}-Q{(month - 1) // 3 + 1}"
    if p is Precision.HALF:
        return f"{iso[:4]}-H{1 if month <= 6 else 2}"
    return iso[:4]
