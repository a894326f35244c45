"""Who is a person: titles before a name, the name after a title, and what is an office or a body instead.

News writes people behind titles ("Finance Minister Jane Roe", "Group CEO and Managing Director of Acme Berhad
John Doe"), keeps Arabic honorifics as part of the name ("Sheikh Hamad bin Khalifa"), and names offices by their
remit ("Minister for Trade and Industry"). Each rule here is about that grammar, never about one article's names.
"""

from __future__ import annotations

import re

from core.extract.gazetteer import (
    C_SUITE, GENERIC_WORDS, GOVERNMENT_HEADS, LEGAL_FORMS, NOT_NAMES, ORG_SUFFIXES, ORGANIZATION_WORDS, PERSON_TITLE_WORDS,
    PERSON_TITLES, PLACE_NAMES,
)
from core.extract.mention import CONNECTORS, Mention, Token, strip_possessive
from core.extract.names_filter import is_common_word, is_first_name
from core.model import PartyKind

TITLE_PHRASE = re.compile(r"((?:(?:chief|vice|senior|deputy|managing|executive|general|finance|foreign|prime|"
                          r"interim|acting|co-|founding|former|additional|principal|joint|special)[\w-]*\s+){0,2}"
                          r"[\w-]+)\s+(?:of\s+\w+\s+)?$", re.I)
# Every word of every title: a run with none of them needs no title search.
# A C-suite title's function words ("Business", "Data") are left out; its "Chief" and "Officer" are in already.
TITLE_WORDS = frozenset(word for title in PERSON_TITLES - C_SUITE for word in title.split())
# Words of courtesy before a name: they say nothing of the office ("managing director Datuk Seri X" is a director).
HONORIFICS = frozenset({"Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Sir", "Lord", "H.E.", "HE",
                        "His Excellency", "Her Excellency", "Honourable", "Hon", "Hon.", "Datuk", "Dato", "Datuk Seri",
                        "Tan Sri"})
# Honorifics that news keeps as part of the name: "Sheikh Tamim bin Hamad", "Sheikha Moza".
NAME_HONORIFICS = frozenset({"Sheikh", "Sheikha"})
# "Mohamed bin Zayed", "Abdullah ibn Saud": a patronymic joins the names of one person.
_PATRONYMIC = re.compile(r"\s(?:bin|bint|ibn)\s[A-Z]")
# Nouns of ministries' remits that are also given names somewhere: "Minister of Justice", "Urban Development".
_REMIT_NOUNS = frozenset({"Justice", "Defence", "Defense", "Labour", "Labor", "Urban", "Home", "Interior", "Culture",
                          "Youth", "Women", "Sport", "Sports", "Health", "Tourism", "Environment", "Climate", "Mines"})
# "(Commerce & Industry)": a remit in brackets between a title and the name.
_BRACKET_END = re.compile(r"\s*\([^()]{1,60}\)\s*$")


def title_before(before: str) -> bool:
    """Whether the words just before a name are a title: "finance minister", "head of Strategy",
    "Additional Chief Secretary (Commerce & Industry)"."""
    if not before[-1:].isspace():
        return False
    if before.rstrip().endswith(")"):
        before = _BRACKET_END.sub(" ", before)
    tail = before.split()[-3:]
    # "to its Canadian partner Northam Copper": a partner in a venture, not a partner of a firm.
    if tail and tail[-1].lower() in ("partner", "partners") \
            and any(w.lower() in ("its", "their", "our", "a", "the", "joint-venture", "venture") for w in tail[:-1]):
        return False
    if tail and tail[-1].lower() in PERSON_TITLE_WORDS:
        return True
    return len(tail) == 3 and tail[1].lower() == "of" and tail[0].lower() in PERSON_TITLE_WORDS


def title_phrase(before: str) -> str | None:
    found = TITLE_PHRASE.search(_BRACKET_END.sub(" ", before))
    return found.group(1) if found else None


def looks_like_org(name: str) -> bool:
    words = name.split()
    return words[-1] in ORG_SUFFIXES or name in PLACE_NAMES or any(w in GOVERNMENT_HEADS for w in words) \
        or any(o in name for o in ORGANIZATION_WORDS) or any(w in LEGAL_FORMS for w in words)


def is_patronymic(name: str) -> bool:
    """ "Haitham bin Tariq": a name joined by bin, bint or ibn is a person's, unless it holds a word of a body."""
    return _PATRONYMIC.search(name) is not None and not looks_like_org(name)


def _title_at(words: list[str], k: int) -> int:
    """How many words from k form a title (3, 2, 1), or 0."""
    return next((width for width in (3, 2, 1) if k + width <= len(words)
                 and " ".join(words[k:k + width]) in PERSON_TITLES), 0)


def remit_word(word: str) -> bool:
    """Whether a word goes on an office's remit ("of Climate Change and Environment", "for Europe and Foreign
    Affairs") rather than starting a name: a common word or a place, not a title and not a given name."""
    if word in CONNECTORS or word in PLACE_NAMES or word in _REMIT_NOUNS or word in GENERIC_WORDS:
        return True
    if word in NOT_NAMES or word in PERSON_TITLES or not is_common_word(word):
        return False
    return not is_first_name(word)


def whole_title(words: list[str], run: list[Token], k: int, width: int) -> tuple[int, int]:
    """The full title that starts at words[k] and the rest of the run, where the person's name is.

    "MD & CEO", "Group CEO and Managing Director of", "Minister for Europe and Foreign Affairs": titles joined by
    "and" or "&" and the remit after "of" or "for" belong to the title. "Sheikh" opens the name itself.
    Returns where the title ends and where the rest of the run begins.
    """
    if words[k] in NAME_HONORIFICS:
        return k, k
    end = k + width
    while end < len(words):
        if words[end] in NAME_HONORIFICS:
            break
        if words[end] in ("and", "&") and _title_at(words, end + 1):
            end += 1 + _title_at(words, end + 1)
        elif _title_at(words, end):
            end += _title_at(words, end)
        elif words[end] in ("of", "for") and end + 1 < len(words):
            remit = end + 1
            while remit < len(words) and words[remit] not in NAME_HONORIFICS and remit_word(words[remit]):
                remit += 1
            # "CEO of Mubadala Investment Company Khaldoon Al Mubarak": the organisation is no remit; it stays
            # for the person's own search.
            if remit == end + 1 or remit < len(words) and words[remit - 1] in CONNECTORS:
                rest = end + (1 if words[end + 1] not in CONNECTORS else 2)
                return end, rest
            end = remit
        elif words[end] == "the":
            end += 1
        else:
            break
    while end > k + width and words[end - 1] in CONNECTORS:
        end -= 1
    return end, end


def person(text: str, run: list[Token], title: str | None, left: list[Mention]) -> Mention | None:
    """The person a title introduces, or None when the rest of the run is no person's name."""
    org = None
    # "CEO of Mubadala Investment Company Khaldoon Al Mubarak": the organisation, then the person.
    suffix_at = max((k for k, t in enumerate(run) if t[2] in ORG_SUFFIXES), default=-1)
    if 0 <= suffix_at < len(run) - 2:
        org = text[run[0][0]:run[suffix_at][1]]
        run = run[suffix_at + 1:]
    while run and run[0][2] not in NAME_HONORIFICS and (
            run[0][2] in GENERIC_WORDS or run[0][2] in CONNECTORS or run[0][2] in PLACE_NAMES
            or run[0][2] in NOT_NAMES):
        run = run[1:]
    if not run or len(run) > 6 or len(run) > 5 and run[0][2] not in NAME_HONORIFICS:
        return None
    start, end = run[0][0], run[-1][1]
    name, possessive = strip_possessive(text[start:end])
    # "Managing Director of Axiata Group Berhad": a body, not a person.
    if len(name.split()) > 1 and looks_like_org(name) and not is_patronymic(name):
        return None
    if left and not left[-1].person:
        org = left[-1].place if left[-1].place else left[-1].name
    return Mention(start, end - (2 if possessive else 0), name, kind=PartyKind.PERSON, person=True,
                   title=title, organization=org, possessive=possessive)
