"""Which dollar a bare "$" means, and whose peso, rupee or dinar a bare word means: the article's country says."""

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


# Currency words that several countries share: with no adjective, the country the article names most says whose.
# The first code of each is what the word means when the article names none of the others.
_SHARED_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    "peso": (("ARS", r"Argentin\w*|Buenos Aires"), ("CLP", r"Chile\w*|Santiago"), ("COP", r"Colombia\w*|Bogot\w*"),
             ("PHP", r"Philippine\w*|Filipino\w*|Manila"), ("UYU", r"Urugua\w*|Montevideo"),
             ("DOP", r"Dominican Republic|Santo Domingo"), ("MXN", r"Mexic\w*")),
    "rupee": (("PKR", r"Pakistan\w*|Karachi|Lahore|Islamabad"), ("LKR", r"Sri Lanka\w*|Colombo"),
              ("NPR", r"Nepal\w*|Kathmandu"), ("MUR", r"Mauriti\w*"), ("INR", r"India\w*|Mumbai|Delhi")),
    "riyal": (("QAR", r"Qatar\w*|Doha"), ("OMR", r"Oman\w*|Muscat"), ("SAR", r"Saudi\w*|Riyadh|Jeddah")),
    "dirham": (("MAD", r"Morocc\w*|Casablanca|Rabat"), ("AED", r"Emirat\w*|UAE|Dubai|Abu Dhabi")),
    "shilling": (("UGX", r"Uganda\w*|Kampala"), ("TZS", r"Tanzania\w*|Dar es Salaam|Dodoma"),
                 ("KES", r"Kenya\w*|Nairobi")),
    "pound": (("EGP", r"Egypt\w*|Cairo"), ("LBP", r"Leban\w*|Beirut"), ("GBP", r"Brit\w*|UK|London|England")),
}
_SHARED_RE = {word: re.compile("|".join(f"(?P<{code}>\\b(?:{pattern})\\b)" for code, pattern in table))
              for word, table in _SHARED_WORDS.items()}


def local_currency(text: str, word: str) -> str | None:
    """The ISO code a bare shared currency word ("pesos") stands for in `text`, or None to keep its default."""
    pattern = _SHARED_RE.get(word)
    if pattern is None:
        return None
    counts: Counter[str] = Counter(m.lastgroup for m in pattern.finditer(text) if m.lastgroup)
    if not counts:
        return None
    (code, first), *rest = counts.most_common(2)
    return code if not rest or first > rest[0][1] else None
