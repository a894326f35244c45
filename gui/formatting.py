"""How deal values read on screen: dates at their precision, money with magnitudes, labels for enum values."""

from __future__ import annotations

from datetime import date as Date

# The labels live in core, where the exports use them too; the window imports them from here.
from core.labels import kind_label as kind_label, status_label as status_label, type_label as type_label
from core.model import Amount, Precision

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

CURRENCY_SYMBOLS = {
    "USD": "US$", "GBP": "£", "EUR": "€", "JPY": "¥", "CNY": "CN¥", "INR": "₹", "KRW": "₩",
    "AUD": "A$", "CAD": "C$", "SGD": "S$", "HKD": "HK$",
}
COMMON_CURRENCIES = ("USD", "EUR", "GBP", "JPY", "CNY", "INR", "KRW", "AUD", "CAD", "SGD", "HKD",
                     "CHF", "AED", "SAR")


def format_date(iso: str | None, precision: str | None) -> str:
    """'22 Sep 2025', '~22 Sep 2025' (week), 'Sep 2025', 'Q3 2025', 'H2 2025' or '2025'."""
    if not iso:
        return ""
    try:
        year = int(iso[:4])
        month = int(iso[5:7]) if len(iso) >= 7 else 1
        day = int(iso[8:10]) if len(iso) >= 10 else 1
        Date(year, month, day)
    except ValueError:
        return iso
    p = Precision(precision) if precision else (Precision.DAY if len(iso) >= 10 else
                                                Precision.MONTH if len(iso) >= 7 else Precision.YEAR)
    if p is Precision.YEAR:
        return f"{year}"
    if p is Precision.HALF:
        return f"H{1 if month <= 6 else 2} {year}"
    if p is Precision.QUARTER:
        return f"Q{(month - 1) // 3 + 1} {year}"
    if p is Precision.MONTH:
        return f"{_MONTHS[month - 1]} {year}"
    text = f"{day} {_MONTHS[month - 1]} {year}"
    return f"~{text}" if p is Precision.WEEK else text


def _short_number(value: float) -> str:
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            scaled = value / size
            break
    else:
        scaled, suffix = value, ""
    if abs(scaled) >= 100:
        digits = f"{scaled:.0f}"
    else:
        digits = f"{scaled:.2f}".rstrip("0").rstrip(".")
    return digits + suffix


def format_money(value: float | None, currency: str | None) -> str:
    """'£500m', 'US$1.2bn', 'CHF 40m'."""
    if value is None:
        return ""
    code = (currency or "").upper()
    symbol = CURRENCY_SYMBOLS.get(code)
    number = _short_number(value)
    if symbol:
        return symbol + number
    return f"{code} {number}".strip()


def format_value(value: float | None, currency: str | None, usd_value: float | None) -> str:
    """The list's value cell: native amount, then the US-dollar figure where the article gave one."""
    text = format_money(value, currency)
    if usd_value is not None and (currency or "").upper() != "USD":
        dollars = format_money(usd_value, "USD")
        return f"{text} ({dollars})" if text else dollars
    return text


def format_exact_money(value: float | None, currency: str | None) -> str:
    if value is None:
        return ""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return f"{number} {currency or ''}".strip()


def plural(count: int, noun: str) -> str:
    """'1 deal', '3 deals': the count and its noun, for status lines."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def usd_line(amount: Amount) -> str:
    """Where an amount's US-dollar value comes from: 'US$1.15m at ECB 19 Aug 2025', 'US$678m as the article states'."""
    usd = amount.usd
    if usd is None:
        return f"No US-dollar value: no ECB rate or peg for {amount.currency} on the deal's date"
    dollars = format_money(usd.value, "USD")
    if usd.source == "usd":
        return f"{dollars}, in dollars already"
    if usd.source == "article":
        return f"{dollars} as the article states"
    if usd.source == "person":
        return f"{dollars} set by hand"
    on = format_date(usd.rate_date, "day") if usd.rate_date else ""
    if usd.source == "ecb":
        return f"{dollars} at ECB {on}"
    if usd.source == "peg":
        return f"{dollars} at the {amount.currency} peg" + (f" to the euro, ECB {on}" if on else "")
    return dollars


def citation(title: str | None, publisher: str | None, published: str | None, url: str | None) -> str:
    """'“Title”, Publisher, 23 Sep 2025. https://…': one source as an analyst pastes it into a note."""
    parts = [f"“{' '.join(title.split())}”" if title else "Untitled article"]
    parts += [" ".join(p.split()) for p in (publisher, format_date(published, None)) if p and p.strip()]
    line = ", ".join(parts) + "."
    return f"{line} {url.strip()}" if url and url.strip() else line
