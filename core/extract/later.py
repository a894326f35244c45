"""What sentences after a deal add to it without a cue of their own: its syndicate, its named list, its buyer."""

from __future__ import annotations

import re

from core.extract import cues, roles
from core.extract.entities import Mention
from core.extract.finish import Draft
from core.extract.registry import EntityTable
from core.extract.sentences import Sentence
from core.model import DealType

_MONEY_TYPES = (DealType.FINANCING, DealType.FUNDING_ROUND, DealType.INVESTMENT)

# "The buyer is Peruvian conglomerate X", "The lenders were A and B": a sentence that names one side of the deal
# just told. The noun says the side; the deal types it can belong to follow from it.
_NAMED_SIDE = re.compile(
    r"^\W*(?:the|its)\s+(?:(?:sole|only|main|new|prospective|winning|successful|lead|other|remaining|participating"
    r"|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+){0,2}"
    r"(?P<noun>buyers?|acquirers?|purchasers?|bidders?|sellers?|vendors?|lenders?|borrowers?|investors?|backers?"
    r"|customers?|suppliers?|contractors?|targets?)\s+(?:is|are|was|were|will\s+be)\s", re.I)
_SIDE_OF = {
    "buyer": (roles.GIVER, (DealType.ACQUISITION, DealType.INVESTMENT, DealType.MERGER)),
    "acquirer": (roles.GIVER, (DealType.ACQUISITION, DealType.INVESTMENT, DealType.MERGER)),
    "purchaser": (roles.GIVER, (DealType.ACQUISITION, DealType.INVESTMENT, DealType.MERGER)),
    "bidder": (roles.GIVER, (DealType.ACQUISITION, DealType.MERGER)),
    "seller": (roles.RECEIVER, (DealType.ACQUISITION, DealType.INVESTMENT, DealType.MERGER)),
    "vendor": (roles.RECEIVER, (DealType.ACQUISITION, DealType.INVESTMENT, DealType.MERGER)),
    "target": (roles.TARGET, (DealType.ACQUISITION, DealType.MERGER)),
    "lender": (roles.GIVER, (DealType.FINANCING,)),
    "borrower": (roles.RECEIVER, (DealType.FINANCING,)),
    "investor": (roles.GIVER, _MONEY_TYPES),
    "backer": (roles.GIVER, _MONEY_TYPES),
    "customer": (roles.GIVER, (DealType.CONTRACT,)),
    "contractor": (roles.RECEIVER, (DealType.CONTRACT,)),
    "supplier": (roles.RECEIVER, (DealType.CONTRACT,)),
}


def syndicate(recent: list[Draft], mentions: list[Mention], table: EntityTable, sentence: Sentence) -> None:
    """'A, B and C acted as lead arrangers': lenders or investors of the financing or round just told."""
    if not recent or not cues.SYNDICATE.search(sentence.text) or cues.ADVISER.search(sentence.text):
        return
    money = [d for d in recent if d.type in _MONEY_TYPES]
    # The deal with a sum is the loan or round itself; a clause on what the money is for has none.
    draft = next((d for d in money if d.amounts), money[0] if money else None)
    if draft is None:
        return
    if cues.BOND_PLACERS.search(sentence.text) and cues.is_bond(" ".join(table.text[f.start:f.end] for f in draft.frames)):
        return
    for mention in mentions:
        if mention.location_only or mention.descriptor or mention.asset \
                or cues.WORKS_AT.search(sentence.text, max(0, mention.start - sentence.start - 110),
                                        mention.start - sentence.start):
            continue
        key = table.key_of(mention)
        if key and key not in draft.parties:
            draft.parties[key] = roles.GIVER
            draft.spans.setdefault(key, (mention.start, mention.end))


def list_intro(drafts: list[Draft], index: int, mentions: list[Mention], table: EntityTable,
               sentence: Sentence) -> None:
    """'The companies include X, Y and Z' names the parties the last deal left generic."""
    intro = cues.LIST_INTRO.search(sentence.text)
    if not drafts or not intro:
        return
    draft = drafts[-1]
    if index - draft.last_sentence > 2:
        return
    # "other investors include A, B and C": backers on the money side; "the companies include": who signed.
    side = roles.GIVER if re.search(r"investors|backers|lenders|banks|consortium|syndicate", intro.group(), re.I) \
        else "object"
    for mention in mentions:
        if mention.person or mention.location_only or mention.descriptor or mention.start < sentence.start + intro.start():
            continue
        key = table.key_of(mention)
        if key:
            draft.parties.setdefault(key, side)


def named_side(recent: list[Draft], mentions: list[Mention], table: EntityTable, sentence: Sentence) -> bool:
    """'The buyer is X': X takes that side of the latest deal of a fitting type told just before.

    True when the sentence was such a naming (it then tells no deal of its own).
    """
    found = _NAMED_SIDE.match(sentence.text)
    if not found:
        return False
    noun = found.group("noun").lower()
    side, types = _SIDE_OF[noun.rstrip("s")]
    draft = next((d for d in recent if d.type in types), None)
    named = [m for m in mentions if m.start >= sentence.start + found.end() and not m.person
             and not m.location_only and not m.descriptor]
    # "The buyer is X, which ...": one name; "The lenders are A and B": the list.
    named = named if noun.endswith("s") else named[:1]
    keys = [(m, k) for m in named if (k := table.key_of(m))]
    if draft is None or not keys:
        return False
    for mention, key in keys:
        draft.parties[key] = side
        draft.spans.setdefault(key, (mention.start, mention.end))
    return True
