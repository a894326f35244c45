"""A deal frame: one clause that reports a deal, with its cue, type, parties, amounts and dates."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.extract.dates import DateMention
from core.extract.entities import Mention
from core.extract.money import MoneyMention
from core.model import DealType


@dataclass
class Frame:
    type: DealType
    sentence: int
    start: int
    end: int
    cue_start: int
    cue_end: int
    subjects: list[Mention] = field(default_factory=list)
    objects: list[Mention] = field(default_factory=list)
    participants: list[Mention] = field(default_factory=list)  # objects named as co-actors: "with X", "led by Y"
    anaphors: list[str] = field(default_factory=list)  # party nouns to resolve: "firm", "parties", "delegation"
    amounts: list[MoneyMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    deal_anaphor: bool = False  # the clause speaks of a deal already told ("the deal", "for the fund")
    opens_on_deal: bool = False  # ... and opens on it ("The overall investment will be ...")
    hedged: bool = False
    between: bool = False
    new_deal: bool = False  # "The second MoU", "another deal": not the deal told before
    raise_verb: bool = False  # "raised", "secured": a capital raise that stands with one named party
    series: str | None = None  # "Series B": a round of its own, not the one told before
    passive: bool = False  # "was awarded a contract by X": the subject receives, the agent gives
    object_anaphor: bool = False  # "loans to the company": the counterparty named before
    vehicle: Mention | None = None
    awarder: Mention | None = None  # "X has been awarded a concession, the ministry said": who gave it
    type_cue_end: int = -1  # where the cue of the clause's own type ends ("a credit facility", after "signed")
    verb_end: int = -1  # where the verb that gave `side` ends, when it stands before the cue
    licence: bool = False  # a licence: its type stays "other" whatever the article says of it later
    side: str | None = None  # the subject's side of the deal (roles.GIVER, RECEIVER, TARGET), from its verb
