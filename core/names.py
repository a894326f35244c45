"""One fold for organisation names, shared by the parser and the party registry.

The parser folds a mention to find the party it names; the registry folds an alias to store and find it.
Both must answer alike, or a spelling the user taught the registry would miss the parser's mention.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Legal forms that do not tell two companies apart: "BlackRock Inc." is "Blackrock".
LEGAL_SUFFIXES = frozenset({
    "inc", "incorporated", "ltd", "limited", "llc", "plc", "corp", "corporation", "co", "ag", "sa", "gmbh",
    "nv", "bv", "se", "spa", "ab", "asa", "oyj", "kk", "jsc", "pjsc", "lp", "llp",
})

# A possessive "'s" goes with its apostrophe ("McDonald's" and "McDonald" are one name); then dots and
# other apostrophes vanish ("N.V." -> "nv", "Teachers'" -> "teachers"); other punctuation splits words.
_POSSESSIVE = re.compile(r"['’`]s\b")
_DELETED = re.compile(r"[.'’`]")
_PUNCTUATION = re.compile(r"[^\w\s]|_")


@lru_cache(maxsize=16384)
def fold_name(name: str) -> str:
    """Fold case, accents, punctuation, "&", a leading "the" and trailing legal suffixes.

    "AT&T Inc." and "AT and T" fold alike, as do "McDonald's Corp" and "McDonald's".
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _DELETED.sub("", _POSSESSIVE.sub("", plain).replace("&", " and "))
    words = _PUNCTUATION.sub(" ", plain).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words = words[:-1]
    return " ".join(words) or name.casefold().strip()
