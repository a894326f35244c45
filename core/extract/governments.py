"""Governments named in lower case: "the state government", "the German government", "Kenya's energy ministry"."""

from __future__ import annotations

import re
from functools import lru_cache

from core.extract.gazetteer import PLACE_NAMES, REGIONS, STATES
from core.extract.mention import Mention
from core.extract.sentences import Sentence
from core.model import PartyKind

# "the German government", "government of X", "state of X", "Kenya's energy ministry", "the city of Boston".
_GOVERNMENT_PHRASE = re.compile(
    r"\b(?:[Tt]he\s+)?(?:(?P<adj>[A-Z][\w.-]{0,30}(?:\s[A-Z][\w-]{0,30})?)\s+)?(?:[Ss]tate\s+|[Ff]ederal\s+|[Cc]entral\s+|[Nn]ational\s+)?"
    # "over the Polish government curve", "government bond yields": a market's benchmark, not a body that signs.
    r"(?P<head>[Gg]overnment|[Gg]ovt|presidency|administration)\b(?!\s+of\b|\s+(?:curve|bonds?|yields?|debt|securities|paper|"
    r"notes|bills|spending|budget|data|figures|statistics)\b)"
    r"|\bgovernment\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w.-]{0,30}(?:\s[A-Z][\w-]{0,30})?)"
    r"|\bstate\s+of\s+(?P<state>[A-Z][\w-]{0,30}(?:\s[A-Z][\w-]{0,30}){0,4})"
    # "Kenya's energy ministry", "the Saudi finance ministry": a ministry named by its remit in lower case.
    r"|\b(?P<mplace>[A-Z][\w.-]{0,30}?|the)(?:['’]s)?\s+(?P<remit>finance|energy|economy|health|trade|industry|"
    r"transport|investment|defen[cs]e|agriculture|education|interior|foreign)\s+ministry\b"
    # "the city of Boston awarded ...": a local government, named as news names it.
    r"|\b(?P<local>[Cc]ity|[Mm]unicipality|[Cc]ounty|[Pp]rovince|[Pp]refecture)\s+of\s+(?P<town>[A-Z][\w-]{0,30}(?:\s[A-Z][\w-]{0,30}){0,2})"
    # "Turkestan region administration", "the Western Cape provincial government", "Aktobe region governor X":
    # a region's own government, named by the region in capitals and its level in lower case.
    r"|\b(?P<region>[A-Z][\w'’-]{2,30}(?:\s[A-Z][\w'’-]{2,30})?)\s+(?P<level>region|regional|province|provincial|oblast"
    r"|county|district|prefecture|prefectural|municipal|city|state)\s+(?P<body>administration|government|authorities|akimat|governor)\b"
)


def government_phrases(text: str, sentence: Sentence) -> list[Mention]:
    """Governments named in lower case: "the state government", "the German government", "state of X"."""
    out = []
    for match in _GOVERNMENT_PHRASE.finditer(sentence.text):
        raw = match.group("adj") or match.group("of") or match.group("state")
        # "The State Government", "the Central Government": capitals of style, no place named.
        if raw and match.group("adj") and raw.split()[-1] in ("State", "Federal", "Central", "National", "The"):
            raw = None
        place = PLACE_NAMES.get(raw or "") if raw else None
        if raw and not place and match.group("state"):
            # "a utility in the Brazilian state of Pará": a place the sentence locates something in, no government.
            if re.search(r"\b(?:in|across|throughout|from|of|near)\s+(?:the\s+)?(?:[A-Z][\w.-]{1,20}\s+)?$",
                         sentence.text[max(0, match.start() - 40):match.start()]):
                continue
            place = raw
        if raw and not place and match.group("adj") and raw not in ("The", "This", "That"):
            continue
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if match.group("remit"):
            said = match.group("mplace")
            place = None if said in ("the", "The", "This", "That", "Its", "Their", "A", "An") else PLACE_NAMES.get(said, said)
            name = f"Ministry of {match.group('remit').title()}"
            ministry = Mention(start, end, name, kind=PartyKind.GOVERNMENT, place=place, explicit=True)
            ministry.aliases.append(f"{match.group('remit')} ministry")
            if place:
                ministry.aliases.append(f"{place} {match.group('remit')} ministry")
            out.append(ministry)
            continue
        if match.group("region"):
            region = f"{match.group('region')} {match.group('level')}"
            # The governor signs for the region: the party is its government, the person stays a person.
            if match.group("body") == "governor":
                end = sentence.start + match.start("body") - 1
            name = region if match.group("body") == "governor" else f"{region} {match.group('body')}"
            out.append(Mention(start, end, name, kind=PartyKind.GOVERNMENT, place=region, explicit=True))
            continue
        if match.group("town"):
            name = f"{match.group('local').title()} of {match.group('town')}"
            out.append(Mention(start, end, name, kind=PartyKind.GOVERNMENT, place=match.group("town"), explicit=True))
            continue
        name = place or "government"
        if place and raw and match.group("adj") and raw != place and not _named_as_country(text, place):
            # "Hungarian govt grants ...", with Hungary named only as where things are: the government as written.
            name = re.sub(r"^[Tt]he\s+", "", match.group())
        elif place and raw == place and (place in STATES or place in REGIONS) and re.search(r"\s[Ss]tate\s+[Gg]overnment$", match.group()):
            # "the Querétaro state government": a state's government as news names it.
            name = f"{place} state government"
        mention = Mention(start, end, name, kind=PartyKind.GOVERNMENT, place=place, explicit=True)
        out.append(mention)
    return out


# "in central Hungary", "across Hungary": the country as a place, not as a body that acts.
_AS_PLACE = re.compile(r"\b(?:in|across|throughout|around|to|from|of)\s+(?:the\s+)?(?:[a-z]+(?:ern|ral|th)\s+)?$")


@lru_cache(maxsize=64)
def _named_as_country(text: str, place: str) -> bool:
    """Whether the article names `place` itself anywhere other than as where something is.

    Cached: an article that says "the German government" a thousand times is read for "Germany" once (a str
    keeps its hash, so the key costs nothing after the first call)."""
    for found in re.finditer(rf"\b{re.escape(place)}\b", text):
        if not _AS_PLACE.search(text, max(0, found.start() - 30), found.start()):
            return True
    return False


def is_state(place: str | None) -> bool:
    return place in STATES
