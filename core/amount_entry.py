"""Amounts as a person types them ("550m", "£500 million", "3.5 crore"), read by the same parser as imports."""

from __future__ import annotations

from core.errors import DealsError
from core.extract.money import find_amounts
from core.extract.money_words import CODES

EXAMPLES = "550m, 1.2bn, £500 million or 1,200,000"
# Two readings closer than this are one figure written two ways ("£0.5bn" and "£500 million").
_SAME = 0.005


class AmountError(DealsError):
    """Typed text that is not one amount; str() is the line the editor shows."""


def read_amount(text: str, default_currency: str) -> tuple[float, str]:
    """(value, ISO currency) of `text`; a currency it names wins over `default_currency`. AmountError otherwise.

    Only a text that is one amount and nothing else is read: "12..5" or "5m and 6m" is refused rather than
    read in part, so a wrong number is never stored.
    """
    typed = " ".join(text.split())
    if not typed:
        raise AmountError(f"Type an amount, e.g. {EXAMPLES}")
    whole = _whole(typed)
    if whole is not None:
        return whole
    # No currency of its own ("550m", "1,200,000"): the parser reads a number only beside one, so lend it
    # the row's currency (or the dollar's, when that is not a code the parser knows) and keep the row's.
    code = default_currency.upper()
    lent = _whole(f"{code if code in CODES else 'USD'} {typed}")
    if lent is not None and lent[0] >= 0:
        return lent[0], code or "USD"
    raise AmountError(f"“{_cut(typed)}” is not an amount: type e.g. {EXAMPLES}")


def written_disagrees(written: str, value: float, currency: str) -> tuple[float, str] | None:
    """What the amount's "As written" text reads as, when that is one amount other than (value, currency)."""
    if not written.strip():
        return None
    told = [m for m in find_amounts(written) if m.conversion_of is None and m.range_with is None]
    if len(told) != 1:
        return None  # a range, a list or no amount at all: nothing one figure can be checked against
    read = (told[0].value, told[0].currency)
    if read[1] == currency and abs(read[0] - value) <= _SAME * max(abs(read[0]), abs(value)):
        return None
    return read


def _whole(text: str) -> tuple[float, str] | None:
    found = find_amounts(text)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text):
        return found[0].value, found[0].currency
    return None


def _cut(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
