"""Which dollar a bare "$" means: local papers in dollar countries write their own dollar as "$"."""

from __future__ import annotations

import re

# Wire services write "A$", "C$" or "NZ$" for a local dollar and keep "$" for the US dollar, so any
# such sign (or "US$", "USD") in the text leaves "$" as the US dollar.
_EXPLICIT_DOLLAR = re.compile(
    r"(?:\b(?:US|U\.S\.|A|AU|AUD|C|CA|CAN|Can|CAD|NZ|NZD|S|SG|HK|NT)\s?\$|\bUSD\b"
    r"|\b(?:US|U\.S\.|American|Australian|Canadian|New\s+Zealand)\s+dollars?\b)"
)
# Words that place a story in the United States, where "$" is its own dollar again.
_AMERICAN = re.compile(
    r"\b(?:U\.S\.|US|USA|United\s+States|America|American|Americans|Washington|New\s+York|Wall\s+Street"
    r"|Nasdaq|NYSE|Silicon\s+Valley|California|Texas)\b"
)
_COUNTRIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Māori place and body names ("Te Waipounamu") mark a New Zealand source as surely as the country's name.
    ("NZD", re.compile(r"\b(?:New\s+Zealand(?:ers?)?|Aotearoa|Auckland|Wellington|Christchurch|Kiwi|Māori"
                       r"|iwi|Te\s+[A-Z]\w+)\b")),
    ("AUD", re.compile(r"\b(?:Australian?s?|Sydney|Melbourne|Canberra|Brisbane|Queensland|New\s+South\s+Wales"
                       r"|Adelaide|Tasmania)\b")),
    ("CAD", re.compile(r"\b(?:Canadian?s?|Ottawa|Toronto|Ontario|Quebec|Alberta|British\s+Columbia|Vancouver"
                       r"|Montreal|Calgary|Saskatchewan|Manitoba)\b")),
)
# A story must name its country this often, and the United States never, before "$" is read as local.
_MIN_MENTIONS = 3


def local_dollar(text: str) -> str | None:
    """The ISO code a bare "$" stands for in `text` when it is not the US dollar, else None."""
    if _EXPLICIT_DOLLAR.search(text) or _AMERICAN.search(text):
        return None
    counts = [(len(pattern.findall(text)), code) for code, pattern in _COUNTRIES]
    counts.sort(reverse=True)
    (best, code), (second, _) = counts[0], counts[1]
    if best >= _MIN_MENTIONS and second == 0:
        return code
    return None
