"""Watch lists: what a user follows (a party, sector, country, keyword or least US-dollar value), checked and read."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.errors import DealsError

KINDS = ("party", "sector", "country", "keyword", "min_usd")
KIND_LABELS = {"party": "Party", "sector": "Sector", "country": "Country", "keyword": "Keyword",
               "min_usd": "Value at least (US$)"}
MAX_VALUE = 200  # characters: a watch is a name or a few words, not a paragraph

# A bare figure with a magnitude the money parser reads once a currency stands before it ("500m" -> "US$500m").
_BARE = re.compile(r"^\d[\d,]*(?:\.\d+)?\s*(?:[kmb]n?|bn|tn|thousand|million|billion|trillion)?$", re.I)


class WatchError(DealsError):
    """A watch that cannot be added: an unknown kind, an empty or unreadable value, one already kept."""


@dataclass(frozen=True)
class Watch:
    """One thing a user follows. `value` is as typed (a min_usd watch holds its number of dollars as text)."""

    id: int
    kind: str
    value: str
    created_at: str

    @property
    def amount(self) -> float | None:
        """A min_usd watch's least value in US dollars."""
        return float(self.value) if self.kind == "min_usd" else None

    @property
    def label(self) -> str:
        """How a message names it: 'Microsoft', 'US$500m or more'."""
        return f"{short_usd(self.amount or 0)} or more" if self.kind == "min_usd" else self.value

    def describe(self) -> str:
        """'party Microsoft', 'value at least US$500m'."""
        if self.kind == "min_usd":
            return f"value at least {short_usd(self.amount or 0)}"
        return f"{self.kind} {self.value}"


def kind_of(text: str) -> str:
    """A kind as a person writes it ('min-usd', 'Party') as stored; WatchError names the known ones."""
    kind = text.strip().lower().replace("-", "_")
    if kind not in KINDS:
        raise WatchError(f"Unknown watch kind {text!r}: use one of {', '.join(k.replace('_', '-') for k in KINDS)}.")
    return kind


def clean_value(kind: str, text: str) -> str:
    """The value a watch keeps: one line, trimmed; a min_usd watch's figure read into whole dollars."""
    value = " ".join(text.split())
    if not value:
        raise WatchError(f"Give the {KIND_LABELS[kind].lower()} to watch.")
    if len(value) > MAX_VALUE:
        raise WatchError(f"A watch is at most {MAX_VALUE} characters long.")
    if kind == "min_usd":
        amount = parse_usd(value)
        return str(int(amount)) if amount == int(amount) else repr(amount)
    if kind == "keyword" and not any(c.isalnum() for c in value):
        raise WatchError(f"The keyword {value!r} has no letter or digit to look for.")
    return value


def parse_usd(text: str) -> float:
    """'500m', '1.2bn', 'US$750k', '$2 billion' -> dollars, through the parser's own money reader."""
    from core.extract.money import find_amounts

    value = text.strip()
    written = "US$" + value if _BARE.match(value) else value
    found = [m for m in find_amounts(written) if m.conversion_of is None]
    if len(found) != 1 or found[0].text.strip() != written.strip():
        raise WatchError(f"Could not read {text!r} as a US-dollar value: write it like 500m, 1.2bn or US$750,000.")
    if found[0].currency != "USD":
        raise WatchError(f"{text!r} is in {found[0].currency}: a value watch is in US dollars (500m, US$1.2bn).")
    if found[0].value <= 0:
        raise WatchError("A value watch needs an amount above zero.")
    return found[0].value


def short_usd(value: float) -> str:
    """'US$500m', 'US$1.2bn', 'US$750k': as the list writes dollars."""
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            return f"US${value / size:,.2f}".rstrip("0").rstrip(".") + suffix
    return f"US${value:,.0f}"


def country_spellings(value: str) -> tuple[str, ...]:
    """Every way a stored deal may name the country: its name, common and official names, ISO codes and the
    parser's own spellings ('UK', 'Britain'). A city or region stays itself."""
    import pycountry

    from core.extract.gazetteer import PLACE_NAMES

    spellings = {value}
    canonical = PLACE_NAMES.get(value) or next(
        (place for spelling, place in PLACE_NAMES.items() if spelling.casefold() == value.casefold()), value)
    spellings.add(canonical)
    try:
        country = pycountry.countries.lookup(canonical)
    except LookupError:
        country = None
    if country is not None:
        spellings.update(getattr(country, attr, "") or "" for attr in
                         ("name", "common_name", "official_name", "alpha_2", "alpha_3"))
    spellings.update(spelling for spelling, place in PLACE_NAMES.items() if place == canonical)
    return tuple(sorted(s for s in spellings if s))


def short_title(title: str, limit: int = 80) -> str:
    line = " ".join(title.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def announcement(matched: list[tuple[str, list[Watch]]]) -> str:
    """One message for the new deals a watch matched, given as (title, watches) pairs, first deal first:
    'New: Microsoft invests US$1.5bn in G42 (watch: Microsoft)', then '… and 2 more watched deals'."""
    found = [(title, watches) for title, watches in matched if watches]
    if not found:
        return ""
    title, watches = found[0]
    text = f"New: {short_title(title)} (watch: {', '.join(w.label for w in watches)})"
    rest = len(found) - 1
    if rest:
        text += f" … and {rest} more watched deal{'s' if rest != 1 else ''}"
    return text
