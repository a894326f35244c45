"""People who acted in a deal: who signed, announced or led it, or spoke for a party about it.

A person belongs to one deal only: to the deal whose own clauses name them, or, for a speaker quoted in a
sentence of their own, to the deal the story was telling when they spoke. Onlookers (guests at a signing,
leaders who "looked on" or "met") act in no deal, and nor do people who speak for someone who is no party.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from core.extract.entities import Mention, norm
from core.extract.frames import clause_type
from core.extract.sentences import Sentence
from core.model import PartyKind, Person

# Words that make the people around them onlookers rather than actors.
_ONLOOKERS = re.compile(
    r"\b(?:attended|attending|attendance|attendees|guests?|were present|was present|present were|"
    r"in the presence of|look(?:s|ed)? on|witness(?:ed|es)?|met(?: with)?|held talks|figures|joined (?:the|a)\s{1,3}"
    r"(?:[\w-]{1,30}\s{1,3}){0,3}?(?:meeting|ceremony|event|signing|talks|delegation|visit))\b", re.I)
# Verbs by which a person acts in a deal or speaks for a party: between an onlooker word and a person, they mean
# the person is the one acting ("look on as X and Y sign").
_ACTS = re.compile(r"\b(?:sign(?:s|ed|ing)?|announc(?:e|es|ed|ing)|led|leads|lead|formali[sz]ed|inked|unveiled|"
                   r"as|said|says|told|added)\b", re.I)
# How a quoted person is introduced or followed: "said X", "X told Reuters", "according to X".
_SPEAKS = re.compile(r"\b(?:said|says|told|tells|added|adds|noted|notes|stated|states|commented|explained|remarked|"
                     r"announced|according to|speaking)\b", re.I)
# Titles of those who speak for an organisation; a speaker with none of these and no organisation is left out
# (an analyst or a professor quoted on a deal acts in none).
_LEADER = re.compile(r"\b(?:CEO|chief|founder|co-founder|chair(?:man|woman|person)?|president|minister|director|"
                     r"head|managing|partner|secretary|governor|executive|officer|MD|premier|mayor|"
                     r"spokes(?:man|woman|person))\b", re.I)


# First words shared by many names, too weak to stand for one ("Global" is not Global Infrastructure Partners).
_GENERIC_FIRST = frozenset({"data", "global", "new", "first", "american", "national", "united", "south", "north",
                            "east", "west", "international", "general", "china", "india", "the"})

# "the company's vice-president", "its founder": the title of one who speaks for the firm the story is about.
_THEIR_OWN = re.compile(r"\b(?:its|their|the\s(?:company|firm|group|startup|bank|fund|lender|buyer)['’]s)\s"
                        r"(?:[\w-]{1,30}\s){0,3}?(?:CEO|chief|founder|co-founder|chair\w{0,6}|president|director|head|"
                        r"vice-president|partner|executive|officer|spokes\w{0,6})", re.I)
# A person who is the subject of signing or announcing: "X signed the agreement", "X, its CEO, announced".
_SIGNS = re.compile(r"(?:,[^,]{1,60},)?\s{1,3}(?:has\s|have\s)?(?:signed|inked|announced|sealed)\b")
# Remarks made at the signing itself.
_AT_SIGNING = re.compile(r"\bspeaking\s(?:on|at)\s(?:the|this)\s(?:occasion|signing|ceremony|event)\b", re.I)

# How a country's adjective grows from its name: Korea-n, Estonia-n, Japan-ese, Oman-i, Scott-ish.
_DEMONYM_ENDINGS = frozenset({"n", "an", "ian", "ese", "i", "ish"})


@dataclass(frozen=True)
class Sides:
    """Whom a person may speak for: the deal's own parties, and every other name the article holds."""

    own: frozenset[str]  # folded names, short forms and places of the deal's parties
    known: frozenset[str]  # folded names and short forms of every organisation the article names

    def of(self, name: str | None) -> bool | None:
        """True for a party of the deal or a unit of one, False for someone else, None when it is not known."""
        if not name:
            return None
        folded = norm(name)
        if not folded:
            return None
        if folded in self.own:
            return True
        # "ADB Private Sector Operations Department": a unit named after its parent speaks for the parent.
        words = folded.split()
        if any(" ".join(words[:n]) in self.own for n in range(1, min(len(words), 4))):
            return True
        # "Zurich" for "Zurich Insurance": a short form names the party by its first word.
        if len(words) == 1 and folded not in _GENERIC_FIRST and any(name.startswith(folded + " ") for name in self.own):
            return True
        # "Estonian Prime Minister": the adjective of a party's country speaks for its government.
        if len(words) == 1 and any(folded[:len(name)] == name and folded[len(name):] in _DEMONYM_ENDINGS
                                   for name in self.own if len(name) >= 4 and " " not in name):
            return True
        # "the Ministry of Energy" for the party "UAE Ministry of Energy": the same body without its country.
        if len(words) >= 2 and any(name.endswith(" " + folded) for name in self.own):
            return True
        return False if folded in self.known else None


@dataclass(frozen=True)
class Piece:
    """A span of the text that tells one deal: a whole sentence, or the deal's own clauses of it."""

    sentence: int
    start: int
    end: int


class Cast(NamedTuple):
    """Who the whole article names, found once per article rather than once per deal."""

    full: dict[str, tuple[int, Mention]]  # surname -> the first full mention of that person
    employers: dict[str, str]  # person -> the organisation given with one of their mentions

    @classmethod
    def of(cls, mentions: dict[int, list[Mention]]) -> Cast:
        # "RINL CMD A.P Choudhary" first, "A.P Choudhary said" later: the organisation is given once.
        employers = {m.name: m.organization for index in sorted(mentions, reverse=True) for m in mentions[index]
                     if m.person and m.organization}
        return cls(_full_names(mentions), employers)


def _full_names(mentions: dict[int, list[Mention]]) -> dict[str, tuple[int, Mention]]:
    """Surname -> the first full mention of that person, with its sentence: "Son said" is the Masayoshi Son
    named before."""
    out: dict[str, tuple[int, Mention]] = {}
    for index in sorted(mentions):
        for mention in mentions[index]:
            words = mention.name.split()
            if mention.person and len(words) >= 2:
                out.setdefault(words[-1], (index, mention))
    return out


def _onlooker(text: str, piece: Piece, mention: Mention) -> bool:
    """Whether the clause makes this person an onlooker: "X attended", "guests included X", "X looked on as"."""
    for cue in _ONLOOKERS.finditer(text, piece.start, piece.end):
        if cue.start() >= mention.end:
            between = text[mention.end:cue.start()]
        elif cue.end() <= mention.start:
            between = text[cue.end():mention.start]
        else:
            continue
        # An acting verb between the cue and the person turns the sentence: "look on as A and B sign".
        if len(between) <= 160 and not _ACTS.search(between):
            return True
    return False


# How a name hangs on a person: "Y, chief executive of X", "Y, a partner at X", "Y, X's CEO" (after), and
# "X's CEO Y", "X Chief Executive Y", "CEO of X, Y" (before). Each word and each run is bounded.
_ORG_AFTER = re.compile(r"(?:,\s{1,3}(?:(?:a|an|the)\s{1,3})?(?:[\w&’'.-]{1,30}\s{1,3}){0,6}?(?:of|at|for)\s{1,3}"
                        r"(?:the\s{1,3})?|,\s{1,3}|\s{1,3}(?:of|at|from)\s{1,3}(?:the\s{1,3})?)")
_ORG_BEFORE = re.compile(r"(?:['’]s?)?(?:,?\s{1,3}[\w&’'.-]{1,30}){0,5}[,\s]{1,3}")


def _attached(text: str, person: Mention, other: Mention) -> bool:
    """Whether a name stands in apposition to a person, as the organisation they work for."""
    if other.start >= person.end:
        return _ORG_AFTER.fullmatch(text, person.end, other.start) is not None
    if other.end <= person.start:
        gap = text[other.end:person.start]
        return (_ORG_BEFORE.fullmatch(gap) is not None
                and (other.descriptor or bool(_LEADER.search(gap)) or gap.strip() in ("", "'s", "’s")))
    return False


def _speaks_for(text: str, person: Mention, found: list[Mention], sides: Sides,
                organization: str | None) -> bool | None:
    """Whether a person speaks for a party of the deal: by their organisation, else by a name beside them."""
    side = sides.of(organization)
    if side is not None:
        return side
    near = [m for m in found if not m.person and _attached(text, person, m)]
    # "Energy Lead at Google" reads like a place; a place speaks for no one, but a party's name still does.
    sides_near = [sides.of(m.place if m.kind == PartyKind.GOVERNMENT and m.place else m.name) for m in near]
    sides_near = [side for m, side in zip(near, sides_near) if side or not m.location_only]
    if True in sides_near:
        return True
    return False if False in sides_near else None


def _office(text: str, mention: Mention) -> bool:
    """ "Minister of Climate Change": words after "of" name an office, not a person."""
    return re.search(r"\bof\s{1,3}(?:the\s{1,3})?$", text[max(0, mention.start - 10):mention.start]) is not None


def find_people(text: str, sentences: list[Sentence], mentions: dict[int, list[Mention]], pieces: list[Piece],
                speech: list[int], sides: Sides, cast: Cast | None = None) -> list[Person]:
    """People named in the deal's own clauses, and those quoted for one of its parties while it was told.

    `pieces` are the spans that tell the deal; `speech` the sentences after them that tell no other deal,
    where a person who speaks for one of its parties belongs to it.
    """
    people: dict[str, Person] = {}
    full, employers = cast or Cast.of(mentions)

    def whole(index: int, mention: Mention) -> tuple[int, Mention] | None:
        """The person's full mention: itself, or the full name a lone surname stands for."""
        if len(mention.name.split()) >= 2:
            return index, mention
        return full.get(mention.name)

    def side(index: int, mention: Mention) -> bool | None:
        """Whom the person speaks for, here or where the article first gave their organisation."""
        found = _speaks_for(text, mention, mentions.get(index, []), sides, mention.organization)
        named = whole(index, mention)
        if found is None and named is not None and named[1] is not mention:
            at, first = named
            found = _speaks_for(text, first, mentions.get(at, []), sides, first.organization)
        if found is None and named is not None:
            found = sides.of(employers.get(named[1].name))
        return found

    def add(mention: Mention, first: Mention) -> None:
        people.setdefault(first.name, Person(first.name, mention.title or first.title,
                                             mention.organization or first.organization))

    for piece in pieces:
        for mention in mentions.get(piece.sentence, []):
            if not mention.person or not (piece.start <= mention.start and mention.end <= piece.end):
                continue
            named = whole(piece.sentence, mention)
            if named is None or _office(text, mention) or _onlooker(text, piece, mention):
                continue
            # Named in the deal's own clause: in it, unless they speak for someone who is no party; one who
            # signs it ("X signed the agreement on Kenya's side") acts in it whatever their office.
            if side(piece.sentence, mention) is not False or _SIGNS.match(text, mention.end, piece.end):
                add(mention, named[1])
    for index in speech:
        sentence = sentences[index]
        whole_sentence = Piece(index, sentence.start, sentence.end)
        for mention in mentions.get(index, []):
            if not mention.person or _office(text, mention):
                continue
            window = text[max(sentence.start, mention.start - 80):min(sentence.end, mention.end + 80)]
            named = whole(index, mention)
            if named is None or not _SPEAKS.search(window) or _onlooker(text, whole_sentence, mention):
                continue
            speaks = side(index, mention)
            # One who names no organisation speaks for a party when they lead one ("the company's president")
            # and talk of the deal itself, or at its signing ("speaking on the occasion").
            if speaks or speaks is None and not (mention.organization or named[1].organization) \
                    and _LEADER.search(window) and (_THEIR_OWN.search(window) or _AT_SIGNING.search(sentence.text)
                                                    or clause_type(sentence.text)[0] is not None):
                add(mention, named[1])
    return list(people.values())
