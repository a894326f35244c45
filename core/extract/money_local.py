"""Which dollar a bare "$" means: local papers in dollar countries write their own dollar as "$"."""

from __future__ import annotations

import re
from collections import Counter

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
# One pass over the text, each group named by the code of the dollar its places use.
_COUNTRIES = re.compile(
    # Māori place and body names ("Te Waipounamu") mark a New Zealand source as surely as the country's name.
    r"\b(?:(?P<NZD>New\s+Zealand(?:ers?)?|Aotearoa|Auckland|Wellington|Christchurch|Kiwi|Māori|iwi|Te\s+[A-Z]\w+)"
    r"|(?P<AUD>Australian?s?|Sydney|Melbourne|Canberra|Brisbane|Queensland|New\s+South\s+Wales|Adelaide|Tasmania)"
    r"|(?P<CAD>Canadian?s?|Ottawa|Toronto|Ontario|Quebec|Alberta|British\s+Columbia|Vancouver|Montreal|Calgary"
    r"|Saskatchewan|Manitoba))\b"
)
# A story must name its country this often, and the United States never, before "$" is read as local.
_MIN_MENTIONS = 3


def local_dollar(text: str) -> str | None:
    """The ISO code a bare "$" stands for in `text` when it is not the US dollar, else None."""
    counts: Counter[str] = Counter(match.lastgroup for match in _COUNTRIES.finditer(text) if match.lastgroup)
    if len(counts) != 1:
        return None
    code, mentions = counts.most_common(1)[0]
    if mentions < _MIN_MENTIONS or _EXPLICIT_DOLLAR.search(text) or _AMERICAN.search(text):
        return None
    return code
