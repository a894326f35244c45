"""Deal frames: one clause that reports a deal, with its cue, type, parties, amounts and dates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.extract import cues
from core.extract.dates import DateMention
from core.extract.entities import Mention
from core.extract.money import MoneyMention
from core.extract.sentences import Sentence
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
    anaphors: list[str] = field(default_factory=list)  # party nouns to resolve: "firm", "parties", "delegation"
    amounts: list[MoneyMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    deal_anaphor: bool = False  # the clause speaks of a deal already told ("the deal", "for the fund")
    opens_on_deal: bool = False  # ... and opens on it ("The overall investment will be ...")
    hedged: bool = False
    between: bool = False
    vehicle: Mention | None = None


def clause_type(text: str) -> tuple[DealType | None, int, int]:
    """The strongest deal type a clause's cues name, and where its first cue stands."""
    found: dict[DealType, tuple[int, int]] = {}
    for deal_type, pattern in cues.TYPE_CUES:
        match = pattern.search(text)
        if match:
            found[deal_type] = (match.start(), match.end())
    if not found:
        return None, -1, -1
    # "raised ... in debt financing" is a financing; "Series B financing" is a round.
    if DealType.FUNDING_ROUND in found and DealType.FINANCING in found:
        if not re.search(r"\b(?:debt|loans?|credit|bonds?|lend\w*|underwrit\w*)\b", text, re.I):
            del found[DealType.FINANCING]
    if DealType.ACQUISITION in found and DealType.INVESTMENT in found and re.search(r"\bstake\b", text, re.I) \
            and not re.search(r"\b(?:majority|controlling|full|entire)\s+stake\b", text, re.I):
        del found[DealType.ACQUISITION]
    best = next(t for t in cues.PRECEDENCE if t in found)
    first = min(span for span in found.values())
    return best, first[0], first[1]


def build_frame(text: str, sentence: Sentence, index: int, span: tuple[int, int], mentions: list[Mention],
                amounts: list[MoneyMention], dates: list[DateMention]) -> Frame | None:
    start, end = span
    clause = text[start:end]
    deal_type, cue_at, cue_end = clause_type(clause)
    opens = bool(cues.DEAL_ANAPHOR.search(clause))
    in_clause = [m for m in mentions if start <= m.start < end]
    money = [a for a in amounts if start <= a.start < end and a.excluded is None]
    if deal_type is None and not (opens and money):
        return None
    if deal_type is None:
        deal_type, cue_at, cue_end = DealType.OTHER, 0, 0
    frame = Frame(deal_type, index, start, end, start + cue_at, start + cue_end, amounts=money,
                  dates=[d for d in dates if sentence.start <= d.start < sentence.end and d.kind != "horizon"],
                  opens_on_deal=opens)
    frame.hedged = bool(cues.HEDGES.search(clause)) or bool(cues.NOT_A_DEAL.search(clause)) and not money
    frame.deal_anaphor = opens or bool(re.search(
        r"\b(?:the|this)\s+(?:\w+\s+){0,3}(?:deal|transaction|financing package|package|funding|fund|venture|round|"
        r"agreement|memorandum|mou|offering)\b", clause, re.I))
    frame.between = bool(re.search(r"\bbetween\b", clause[cue_at:], re.I))
    _assign_parties(text, frame, in_clause)
    for match in cues.PARTY_ANAPHOR.finditer(clause[:max(cue_at, 0)] or clause[:1]):
        frame.anaphors.append((match.group("noun") or match.group("pron") or "").lower())
    return frame


def _assign_parties(text: str, frame: Frame, mentions: list[Mention]) -> None:
    clause_start = frame.start
    subject_from = clause_start
    reporting = re.search(r"\b(?:announced|said|reported|confirmed|revealed|stated)\s+(?:on\s+\w+\s+)?(?:that|it)\b",
                          text[clause_start:frame.cue_start], re.I)
    if reporting:
        subject_from = clause_start + reporting.end()
    for k, mention in enumerate(mentions):
        if mention.person or mention.location_only:
            continue
        if _blocked(text, mention, clause_start):
            continue
        # "Macquarie's Green Investment Group": the owner named before a party is not a party itself.
        if mention.possessive and k + 1 < len(mentions) and mentions[k + 1].start - mention.end <= 4:
            continue
        if mention.place and not mention.name.endswith("government") and mention.start >= frame.cue_start \
                and not _explicit_government(text, mention):
            continue
        if mention.start < frame.cue_start:
            if mention.start >= subject_from:
                frame.subjects.append(mention)
        else:
            before = text[max(clause_start, mention.start - 30):mention.start]
            if re.search(r"\b(?:venture|company|vehicle|entity|firm|fund)\s+(?:called|named|dubbed)\s+$", before, re.I):
                frame.vehicle = mention
            frame.objects.append(mention)


def _explicit_government(text: str, mention: Mention) -> bool:
    after = text[mention.end:mention.end + 25]
    before = text[max(0, mention.start - 25):mention.start]
    return bool(re.match(r"\s+(?:state\s+)?government\b", after, re.I) or re.search(r"\b(?:state|government)\s+of\s+$", before)
                or re.search(r"\bbetween\s+(?:the\s+)?$", before) or re.search(r"\b(?:with|and)\s+(?:the\s+)?$", before))


def _blocked(text: str, mention: Mention, clause_start: int) -> bool:
    before = text[max(clause_start, mention.start - 60):mention.start]
    if cues.BLOCKERS.search(before):
        return True
    after = text[mention.end:mention.end + 30]
    if cues.REPORTERS.match(after) and re.search(r"(?:,|^)\s*(?:the\s+)?$", before):
        return True
    # An appositive that describes the party before it: ", a division of Iberdrola,".
    return bool(re.search(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}(?:of|by|from)\s+$", before))
