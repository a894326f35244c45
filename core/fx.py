"""US-dollar values of amounts: the article's own conversion, else the ECB reference rate of the day, else a peg."""

from __future__ import annotations

import datetime
import threading
from dataclasses import dataclass
from typing import Any

from core.model import Amount, Deal, UsdValue

# The ECB publishes no rate on weekends and TARGET holidays (Easter, 1 May, 25-26 Dec): the last
# business day before is at most four days back. A week allows for that and never reaches further,
# so a currency the ECB stopped quoting (RUB after March 2022) or a date past the package's data
# gets no value rather than a stale one.
MAX_RATE_AGE_DAYS = 7

# Fixed pegs: currency -> (anchor, units of the currency per anchor, in force since). Central banks
# publish these and hold them within a hair's breadth; HKD is a 7.75-7.85 band, so its midpoint. Pegs
# count only where the ECB has no rate (it quotes HKD, so the HKD peg covers nothing the ECB does).
PEGS: dict[str, tuple[str, float, str]] = {
    "AED": ("USD", 3.6725, "1997-11-01"),
    "SAR": ("USD", 3.75, "1986-06-01"),
    "QAR": ("USD", 3.64, "2001-07-09"),
    "OMR": ("USD", 0.3845, "1986-01-01"),
    "BHD": ("USD", 0.376, "2001-01-01"),
    "JOD": ("USD", 0.709, "1995-10-23"),
    "HKD": ("USD", 7.8, "1983-10-17"),
    "PAB": ("USD", 1.0, "1904-06-28"),
    "BSD": ("USD", 1.0, "1973-07-10"),
    "BMD": ("USD", 1.0, "1972-07-31"),
    "BZD": ("USD", 2.0, "1976-05-01"),
    "BBD": ("USD", 2.0, "1975-07-05"),
    "XCD": ("USD", 2.7, "1976-07-07"),
    "DJF": ("USD", 177.721, "1973-01-01"),
    # Pegged to the euro at the rate it replaced the franc and the mark: dollars then by the ECB rate.
    "XOF": ("EUR", 655.957, "1999-01-01"),
    "XAF": ("EUR", 655.957, "1999-01-01"),
    "BAM": ("EUR", 1.95583, "1999-01-01"),
}


@dataclass(frozen=True)
class EcbRates:
    """The ECB's daily reference rates that ship inside `currencyconverter`, read once (about 0.2-0.7 s)."""

    converter: Any  # currency_converter.CurrencyConverter
    cache: dict[tuple[str, datetime.date], tuple[float, datetime.date] | None]

    @property
    def currencies(self) -> frozenset[str]:
        return frozenset(self.converter.currencies)

    @property
    def last_date(self) -> datetime.date:
        return self.converter.bounds["USD"].last_date  # type: ignore[no-any-return]

    def usd_rate(self, currency: str, day: datetime.date) -> tuple[float, datetime.date] | None:
        """US dollars per unit of `currency` on `day`, or on the last ECB business day before it."""
        key = (currency, day)
        if key not in self.cache:
            self.cache[key] = self._lookup(currency, day)
        return self.cache[key]

    def _lookup(self, currency: str, day: datetime.date) -> tuple[float, datetime.date] | None:
        from currency_converter import RateNotFoundError

        if currency not in self.converter.currencies:
            return None
        for back in range(MAX_RATE_AGE_DAYS + 1):
            on = day - datetime.timedelta(days=back)
            try:
                return float(self.converter.convert(1.0, currency, "USD", on)), on
            except RateNotFoundError:
                continue
        return None


_loaded: EcbRates | None = None
_lock = threading.Lock()


def ecb_rates() -> EcbRates:
    """The ECB table, loaded on first use by whichever thread asks first; the window asks from its pool at start."""
    global _loaded
    with _lock:
        if _loaded is None:
            # Imported here: `parse` and a store that meets only dollars never pay for reading the table.
            from currency_converter import CurrencyConverter

            _loaded = EcbRates(CurrencyConverter(), {})
        return _loaded


_per_usd: dict[str, tuple[tuple[str, float], ...]] = {}


def per_usd_by_day(currency: str, rates: EcbRates | None = None) -> tuple[tuple[str, float], ...]:
    """Units of `currency` per US dollar for every calendar day the ECB table covers, as (ISO day, rate).

    Each day has the rate core.fx.convert would use: its own, else the last ECB business day at most
    MAX_RATE_AGE_DAYS before; a currency pegged to the dollar has its peg from the day it was fixed.
    About 10,000 days; worked out once per currency (tens of milliseconds once the table is read).
    """
    code = currency.upper()
    with _lock:
        if code in _per_usd:
            return _per_usd[code]
    table = rates or ecb_rates()
    converter = table.converter
    days: list[tuple[str, float]] = []
    peg = PEGS.get(code)
    last = table.last_date + datetime.timedelta(days=MAX_RATE_AGE_DAYS)
    if code in _ECB_NEVER and peg is not None and peg[0] == "USD":
        day = max(datetime.date.fromisoformat(peg[2]), converter.bounds["USD"].first_date)
        last = max(last, datetime.date.today() + datetime.timedelta(days=366))  # a peg holds until it is dropped
        while day <= last:
            days.append((day.isoformat(), peg[1]))
            day += datetime.timedelta(days=1)
    elif code in _ECB_NEVER and peg is not None:  # pegged to the euro: the euro's dollar rate, times the peg
        days = [(day, rate * peg[1]) for day, rate in per_usd_by_day(peg[0], table) if day >= peg[2]]
    elif code in converter.currencies:
        from currency_converter import RateNotFoundError

        day = max(converter.bounds[code].first_date, converter.bounds["USD"].first_date)
        found: tuple[float, datetime.date] | None = None
        while day <= last:
            try:
                found = float(converter.convert(1.0, "USD", code, day)), day
            except RateNotFoundError:
                pass
            if found is not None and (day - found[1]).days <= MAX_RATE_AGE_DAYS:
                days.append((day.isoformat(), found[0]))
            day += datetime.timedelta(days=1)
    result = tuple(days)
    with _lock:
        _per_usd[code] = result
    return result


def rates_loaded() -> bool:
    return _loaded is not None


def to_day(iso: str | None) -> datetime.date | None:
    if not iso:
        return None
    try:
        return datetime.date.fromisoformat(iso[:10])
    except ValueError:
        return None


def convert(value: float, currency: str, on: str | None, stated: float | None = None,
            rates: EcbRates | None = None) -> UsdValue | None:
    """An amount in US dollars on date `on` (ISO), or None when no source gives one: never a guess.

    In order: dollars already; the article's own conversion (`stated`); the ECB rate of that day or the
    last business day before; a fixed peg. `rates` defaults to the table in the package.
    """
    code = (currency or "").upper()
    if code == "USD":
        return UsdValue(float(value), "usd", 1.0)
    if stated is not None:
        return UsdValue(float(stated), "article", stated / value if value else None)
    day = to_day(on)
    if day is None:
        return None
    peg = PEGS.get(code)
    if code not in _ECB_NEVER:
        table = rates or ecb_rates()
        found = table.usd_rate(code, day)
        if found is not None:
            rate, rate_day = found
            return UsdValue(value * rate, "ecb", rate, rate_day.isoformat())
    if peg is None or day < datetime.date.fromisoformat(peg[2]):
        return None
    anchor, units, _ = peg
    if anchor == "USD":
        return UsdValue(value / units, "peg", 1 / units)
    euro = (rates or ecb_rates()).usd_rate("EUR", day)
    if euro is None:
        return None
    rate = euro[0] / units
    return UsdValue(value * rate, "peg", rate, euro[1].isoformat())


# Pegged currencies the ECB never quoted: their peg is the only source. HKD it does quote.
_ECB_NEVER = frozenset(PEGS) - {"HKD"}


def conversion_date(deal: Deal, published: str | None) -> str | None:
    """The date a deal's amounts are converted at: its own, else its (first) article's published date."""
    return deal.date or published


def with_usd(deal: Deal, published: str | None, rates: EcbRates | None = None) -> Deal:
    """The deal with each amount's US-dollar value worked out again; a person's own value stays."""
    on = conversion_date(deal, published)
    amounts = tuple(_filled(a, on, rates) for a in deal.amounts)
    return deal if amounts == deal.amounts else deal.replace(amounts=amounts)


def _filled(amount: Amount, on: str | None, rates: EcbRates | None) -> Amount:
    if amount.usd is not None and amount.usd.source == "person":
        return amount
    usd = convert(amount.value, amount.currency, on, amount.usd_value, rates)
    return amount if usd == amount.usd else Amount(
        amount.value, amount.currency, amount.text, amount.usd_value, amount.qualifier, usd)


def overridden(amount: Amount, dollars: float | None) -> Amount:
    """A person's own US-dollar value for an amount; None goes back to the worked-out value."""
    if dollars is None:
        usd = None
    else:
        usd = UsdValue(float(dollars), "person", dollars / amount.value if amount.value else None)
    return Amount(amount.value, amount.currency, amount.text, amount.usd_value, amount.qualifier, usd)

