"""Who stands where in a clause, from shapes the word order hides: relative clauses, lists after an unnamed
subject, and a unit bought from the parent its aside names."""

from __future__ import annotations

import re
from typing import Protocol

from core.extract.entities import Mention
from core.model import DealType


class Clause(Protocol):
    """What these rules read and change of a frame (core.extract.frames.Frame)."""

    type: DealType
    start: int
    end: int
    cue_start: int
    cue_end: int
    subjects: list[Mention]
    objects: list[Mention]


def refine(text: str, frame: Clause, candidates: list[Mention]) -> None:
    """Move names between subjects and objects where the clause's shape says word order misleads."""
    _object_relative(text, frame)
    _generic_subject_list(text, frame)
    _parent_sells(text, frame, candidates)


# "agreed to buy X, the chip unit of Y, from its parent": the owner named in the aside is the seller.
_FROM_PARENT = re.compile(r"\bfrom\s+(?:its|their|the)\s+(?:parent|owner|parent company)\b", re.I)
_UNIT_OF = re.compile(r"\b(?:unit|subsidiary|division|arm|business)\s+of\s+$", re.I)


def _parent_sells(text: str, frame: Clause, candidates: list[Mention]) -> None:
    if frame.type != DealType.ACQUISITION or not _FROM_PARENT.search(text, frame.start, frame.end):
        return
    for mention in candidates:
        if frame.cue_end <= mention.start < frame.end and mention not in frame.objects \
                and _UNIT_OF.search(text, max(frame.start, mention.start - 30), mention.start):
            frame.objects.append(mention)
            return


# "Several angel investors also took part, including A and B": the names are the unnamed subject's.
_GENERIC_SUBJECT = re.compile(r"\b(?:investors|angels|lenders|banks|backers|funds|firms|companies|shareholders)\b", re.I)
_INCLUDING_AFTER = re.compile(r"^[^.;]{0,30}?,?\s+(?:including|such as|among them|namely)\s+$")


def _generic_subject_list(text: str, frame: Clause) -> None:
    if frame.subjects or not frame.objects or not _GENERIC_SUBJECT.search(text, frame.start, frame.cue_start):
        return
    if _INCLUDING_AFTER.match(text[frame.cue_end:frame.objects[0].start]):
        frame.subjects, frame.objects = list(frame.objects), []


# "Brightline, which Vantor bought last year for $300 million": the cue is the verb of a relative clause whose
# subject is named after "which"; the name it hangs on is that verb's object.
_WHICH_NAME = re.compile(r",?\s+(?:which|that|whom)\s+$")


def _object_relative(text: str, frame: Clause) -> None:
    for head, actor in zip(frame.subjects, frame.subjects[1:]):
        if not _WHICH_NAME.fullmatch(text[head.end:actor.start]):
            continue
        if "," not in text[actor.end:frame.cue_start]:
            if frame.objects:
                return
            frame.subjects, frame.objects = [actor], [head]
        else:
            # "Brightline, which Vantor owns, bought X": the aside names an owner, not a party.
            frame.subjects = [m for m in frame.subjects if m is not actor]
        return
