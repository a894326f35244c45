"""Who a deal clause names, and on which side: its subjects, its objects and the names that only stand beside them."""

from __future__ import annotations

import re

from core.extract import clause_sides, cues, roles
from core.extract.entities import Mention
from core.extract.frame import Frame
from core.model import DealType, PartyKind

# A relative clause set off by commas: "X, which is backed by Y, will fund ...".
ASIDE = re.compile(r",\s+(?:which|who|whose)\b[^,]{0,400},")
# ... or one the main clause resumes after, or that goes on with the next name of a list: "with A, which will
# invest Rs 7,000 crore, B and C".
# "The £90 million round, which it closed in October, was led by X": the passive resumes after the aside.
_PASSIVE_BY = r"(?:is|was|were|are|will\s+be|has\s+been|had\s+been)\s+[a-z]+ed\s+by"
_CLOSED_ASIDE = re.compile(r",\s+(?:which|who|whose)\b(?:[^,;]|,(?=\d)){0,160},\s+(?=(?:(?:and|to|from|by|for|with)\s+(?:[a-z][\w-]*\s+){0,3})?$"
                           r"|" + _PASSIVE_BY + r"\s+(?:[a-z][\w-]*\s+){0,3}$)")
_RESUMES = re.compile(r"\s*" + _PASSIVE_BY + r"\b")
_UNDER_WHICH = re.compile(r"\b(?:under which|whereby|in which|through which|under the terms of which)\s+", re.I)

INTRO = re.compile(r"^\W*(?:amid|amidst|after|before|despite|with|in|under|following|located|based|as|by|during|"
                    # "In 2021 it bought X from Y for €240m, a deal that ...": a clause with its own subject is no opening.
                    r"speaking|according|for|on|at|of|since|when|while|unlike|like|beyond|to)\b(?:(?!\b(?:it|they)\s)[^,]){0,120},\s*",
                    re.I)
_ACTOR_LEAD = re.compile(r"(?:the\s+|its\s+)?(?:[\w.-]+-(?:based|listed|owned|headquartered)\s+)?(?:[a-z][\w-]*\s+){0,2}")
COMES_AFTER = re.compile(r"^\W*(?:the|this|that|it)\s+(?:[\w-]+\s+){0,3}?(?:comes|came|follows|followed)\s+"
                          r"(?:[\w-]+\s+){0,3}?(?:after|on the heels of)\s+"
                          # "The biggest deal came on Monday, when X agreed to sell Y": the deal is told after "when".
                          r"|^\W*(?:the|this|that)\s+(?:[\w'’-]+\s+){0,4}?(?:deal|transaction)\s+(?:[\w-]+\s+){0,4}?"
                          r"(?:came|was\s+struck|was\s+announced)\s+(?:[\w-]+\s+){0,3}?[\w-]+,\s+when\s+"
                          # "X traces its history to 2011, when Y bought the mine": the origin told after "when".
                          r"|^\W*[^,;]{0,60}?\b(?:traces?|traced|dates?|dated|dating|goes|went)\s+(?:its\s+\w+\s+|back\s+)?"
                          r"(?:to|in)\s+[^,;]{0,40},\s+when\s+", re.I)
# "Serra Azul's controlling shareholder, Canadian pension fund X, bought ...": the owner named after the relation.
_RELATION = re.compile(r"['’]s?\s+(?:(?:larger|smaller|bigger|main|chief|closest|local|domestic|former|new|"
                       r"biggest|largest|controlling|majority|minority)\s+)?(?:rivals?|competitors?|peers?|parent|"
                       r"subsidiary|unit|affiliate|sister\s+company|shareholders?|owners?|investors?|backers?)"
                       r"(?:\s+|,\s+(?:(?:the\s+|an?\s+)?[\w-]+\s+){0,4})", re.I)
_RIVAL_OBJECT = re.compile(r"\b(?:to|from|with|by)\s+(?:[A-Z][\w&.-]*\s+){0,4}?[A-Z][\w&.-]*['’]s?\s+(?:(?:larger|smaller|"
                           r"bigger|main|closest|local|domestic)\s+)?(?:rival|competitor|peer)\s+$")
_GOVERNMENT_TITLES = re.compile(r"president|prime minister|minister|sheikh|king|chancellor|premier|governor|emir|"
                                r"crown prince|secretary", re.I)


_BOUGHT_PART_OF = re.compile(r"\b(?:b(?:uy|uys|uying|ought)|acquir(?:e|es|ed|ing)|purchas(?:e|es|ed|ing)|t(?:ake|akes|ook|aking)\s+over)"
                             r"\s+(?:the|its|a|an)\s+(?:[\w-]+\s+){0,3}?(?:unit|division|arm|subsidiary|business)\s+of\s+"
                             r"(?:[A-Z][\w.-]*-based\s+)?$")
_NEXT_IN_LIST = re.compile(r"\s*,\s*(?:[A-Z][\w.-]{0,20}['’]s\s+)?")
_APPROVED = re.compile(r"\b(?:approved|cleared|authori[sz]ed|green-?lit|rejected|blocked|vetoed)\s+(?=[^.;]{0,80}['’]s?\s+"
                       r"(?:[\w-]+\s+){0,3}?(?:acquisition|takeover|purchase|merger|buyout|bid|sale)\b)", re.I)


def assign_parties(text: str, frame: Frame, mentions: list[Mention]) -> None:
    """Fill the frame's subjects (named before the cue), objects (after it) and participants (beside a party)."""
    clause_start = frame.start
    subject_from = clause_start
    intro = INTRO.match(text[clause_start:frame.cue_start]) or COMES_AFTER.match(text[clause_start:frame.cue_start])
    if intro:
        subject_from = clause_start + intro.end()
    candidates = [m for m in mentions if not (m.person or m.location_only and not _lent_to_state(text, m, frame)
                                              or m.descriptor or m.asset)]
    # "X said (that) Y would buy ...": the one reported on acts, the one reporting is only a source.
    reporting = re.search(r"\b(?i:announced|said|reported|confirmed|revealed|stated)\s+(?:on\s+\w+\s+)?"
                          r"(?:(?:that|it)\b|(?=[A-Z]))", text[subject_from:frame.cue_start])
    # "Cedar Ridge said it had tapped X as contractor": "it" is the one who said so, and it acts.
    if reporting and not reporting.group().rstrip().lower().endswith(("it", "they")) \
            and any(subject_from + reporting.end() <= m.start < frame.cue_start for m in candidates):
        subject_from = subject_from + reporting.end()
    # "The ministry on Friday approved X's acquisition of Y": who approves a deal is no party of it.
    approving = _APPROVED.search(text, subject_from, frame.cue_end)
    if approving and any(approving.end() <= m.start < frame.cue_start for m in candidates):
        subject_from = approving.end()
    # "East Anglia ONE is a joint venture between A and B": the subject names the venture.
    venture = re.search(r"\b(?:is|was|will be|are)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}$", text[clause_start:frame.cue_start])
    signatories = re.match(r"\W*(?:\w+\s+){0,3}?(?:by|between)\b", text[frame.cue_end:frame.cue_end + 30]) \
        and re.search(r"\bsigned\b", text[frame.cue_start:frame.cue_end + 10])
    last_object_end = frame.cue_end
    for k, mention in enumerate(candidates):
        # "A consortium of X and Y has been awarded a concession, the transport ministry said": a body that
        # tells of its own award, when the passive names no one else who gave it.
        if frame.passive and frame.type in (DealType.CONTRACT, DealType.GRANT) and mention.start > frame.cue_start \
                and mention.kind == PartyKind.GOVERNMENT and not mention.place \
                and not re.search(r"\bby\b", text[frame.cue_start:mention.start]) \
                and cues.REPORTERS.match(text[mention.end:mention.end + 30]):
            frame.awarder = mention
            frame.objects.append(mention)
            continue
        if _blocked(text, mention, clause_start, frame.cue_start):
            continue
        # "Macquarie's Green Investment Group": the owner named before a party is not a party itself.
        # "Veldt Data's UK data centres": a place after the owner is no party, so the owner stays one.
        if mention.possessive and k + 1 < len(candidates) and not candidates[k + 1].place and (
                candidates[k + 1].start - mention.end <= 4
                # "to Al Sarab's rival Khaleej Drilling": the one named after the relation is the party.
                or _RELATION.fullmatch(text, mention.end, candidates[k + 1].start)):
            continue
        if mention.place and mention.start >= frame.cue_start and not _explicit_government(text, mention, frame):
            continue
        if mention.start < frame.cue_start and not 0 <= frame.verb_end <= mention.start:
            # "X, which is backed by private equity firm Y, will fund ...": a name in a relative aside is no subject.
            if mention.start >= subject_from and not venture and not any(
                    a.start() < mention.start < a.end() for a in ASIDE.finditer(text, clause_start, frame.cue_start)):
                frame.subjects.append(mention)
            continue
        if signatories:
            continue
        # A closed aside the main clause resumes after: "its stake in X, which runs a hospital, to Y": Y is an object.
        gap = _CLOSED_ASIDE.sub(" ", text[last_object_end:mention.start])
        # "The round, which Acme closed in May, was led by X": a name inside such an aside is none of the objects.
        if _resumed_aside(text, last_object_end, mention):
            continue
        # Objects stand near the cue or in a list after one; a relative clause ends them.
        # ", joining X and Y in the industry", ", making it the largest ...": a participle aside names no party.
        # "... for a plant being built in X by A, B and C": the agents of a passive participle are still named.
        far = len(gap) > 90 and not (len(gap) <= 170 and (
            re.search(r"\b(?:built|developed|operated|run|owned|led)\b[^,;]{0,60}\bby\s+$", gap)
            # "the sale of 19 offices in the UK for an aggregate consideration of GBP65m to X": the buyer comes last.
            or frame.side == roles.RECEIVER and frame.type == DealType.ACQUISITION
            and re.search(r"\bto\s+(?:[\w-]+\s+){0,4}$", gap)
            # "to buy X, owner of 620 MW of solar plants in Y, from infrastructure investor Z": the seller comes last.
            # "bought the mine, its halls and the associated water rights from X": the seller after a long object.
            or frame.type == DealType.ACQUISITION and re.search(r"\bfrom\s+(?:[\w-]+\s+){0,4}$", gap)
            # "signed a PPA to supply 180MW from a new plant in the Northern Cape to platinum miner X": the customer.
            or frame.type == DealType.CONTRACT and _SUPPLIED_TO.search(gap)))
        if far or re.search(r",\s+(?:which|who|whose|where|joining|making|becoming|bringing|marking|taking|"
                                      r"adding|giving|following|overtaking|surpassing)\b|\bthat\s+(?:will|is|are|was|has)\b", gap):
            # "loans from X that are guaranteed by the finance ministry": a state standing behind the deal is bound by it.
            if not far and mention.kind == PartyKind.GOVERNMENT and _GUARANTEED_BY.search(gap):
                frame.objects.append(mention)
                break
            # "a new C$450 million facility, which has been fully committed by X and Y": who lends it.
            if not (frame.type == DealType.FINANCING and len(gap) <= 170 and _COMMITTED_BY.search(gap)):
                break
            frame.participants.append(mention)
            frame.objects.append(mention)
            last_object_end = mention.end
            continue
        before = text[max(clause_start, mention.start - 30):mention.start]
        if re.search(r"\b(?:venture|company|vehicle|entity|firm|fund)\s+(?:called|named|dubbed)\s+$", before, re.I):
            frame.vehicle = mention
        # "... is being sold by Cairo-based private equity firm X": the words of trade between "by" and the name.
        if re.search(r"\b(?:with|alongside|from|by|and|including|as well as|together with|joined by|participation of)\s+"
                     r"(?:(?:the|its|existing|new|fellow)\s+)?(?:[a-z][\w-]*\s+){0,2}$", before) \
                or re.search(r"\b(?:from|by|and|with|including|alongside)\s+(?:the\s+)?[A-Z][\w-]*-based\s+(?:[a-z][\w-]*\s+){0,3}$",
                             text[max(clause_start, mention.start - 70):mention.start]) \
                or frame.participants and frame.participants[-1].end == last_object_end \
                and _NEXT_IN_LIST.fullmatch(text, last_object_end, mention.start):
            # ... and "the participation of X, Bahrain's Y": the next name of the list.
            frame.participants.append(mention)
        frame.objects.append(mention)
        last_object_end = mention.end
    if frame.between:
        frame.objects.extend(_nations_of_people(text, frame, mentions))
    _under_which(text, frame, candidates)
    clause_sides.refine(text, frame, candidates)


def _resumed_aside(text: str, start: int, mention: Mention) -> bool:
    """Whether `mention` stands inside a closed relative aside after `start` that the main clause resumes after."""
    return any(a.start() < mention.start and mention.end < a.end() and _RESUMES.match(text, a.end())
               for a in ASIDE.finditer(text, start, mention.end + 200))


def _under_which(text: str, frame: Frame, candidates: list[Mention]) -> None:
    """'signed an agreement with Y, under which X will invest ...': X acts in the deal, Y is its counterparty."""
    under = None
    for under in _UNDER_WHICH.finditer(text, frame.start, frame.end):
        pass
    if under is None:
        return
    # "under which Budapest-based X will build": the actor may come with the place it is based in.
    actor = next((m for m in candidates if 0 <= m.start - under.end() <= 40 and _ACTOR_LEAD.fullmatch(
        text, under.end(), m.start)), None)
    verb = re.match(r"(?:[\w-]+\s+){1,4}?(?:invest|pay|buy|acquire|lend|provide|supply|build|fund|finance|channel|pour|inject|deploy|spend"
                    r"|commit)",
                    text[actor.end:actor.end + 60].lstrip(" .,") if actor else "", re.I)
    if actor is None or verb is None:
        return
    # Everyone the clause names before "under which" signed with the actor: "X said it had signed ... with Y".
    named = frame.subjects + frame.objects + [m for m in candidates if m.start < under.start()
                                              and not (m.possessive or m.place and not m.explicit)]
    others: list[Mention] = []
    for m in sorted(named, key=lambda m: m.start):
        if m.name != actor.name and not actor.name.startswith(m.name) and not m.name.startswith(actor.name) \
                and all(o.name != m.name for o in others):
            others.append(m)
    frame.subjects, frame.objects = [actor], others
    frame.side = roles.subject_side(text[under.end():frame.end], 0, len(text[under.end():frame.end]), frame.type)[0] \
        or frame.side


def _nations_of_people(text: str, frame: Frame, mentions: list[Mention]) -> list[Mention]:
    """'signed between French President Macron and his UAE counterpart': the leaders' governments are the parties."""
    out = []
    places = [m for m in mentions if m.place]
    for person in (m for m in mentions if m.person and m.start > frame.cue_start):
        if not (person.title and _GOVERNMENT_TITLES.search(person.title)) and not re.search(
                r"\bcounterpart\s+(?:\w+\s+)?$", text[max(0, person.start - 30):person.start]):
            continue
        nation = next((p.place for p in reversed(places) if p.end <= person.start and person.start - p.end <= 30), None)
        nation = nation or (person.organization if person.organization in {p.place for p in places} else None)
        if nation:
            out.append(Mention(person.start, person.end, nation, kind=PartyKind.GOVERNMENT, place=nation))
    return out


def _lent_to_state(text: str, mention: Mention, frame: Frame) -> bool:
    """ "approved a $500 million loan to Vietnam": a country a loan or a grant goes to, right after the cue."""
    return frame.type in (DealType.FINANCING, DealType.GRANT) and mention.kind == PartyKind.GOVERNMENT \
        and mention.place is not None and 0 <= mention.start - max(frame.cue_end, frame.type_cue_end) <= 40 \
        and re.search(r"\b(?:to|for)\s+(?:the\s+)?$", text[max(0, mention.start - 12):mention.start]) is not None


def _explicit_government(text: str, mention: Mention, frame: Frame) -> bool:
    after = text[mention.end:mention.end + 25]
    before = text[max(0, mention.start - 25):mention.start]
    near_cue = mention.start - max(frame.cue_end, frame.type_cue_end) <= 40
    return bool(re.match(r"\s+(?:state\s+)?government\b", after, re.I) or re.search(r"\b(?:state|government)\s+of\s+$", before)
                or mention.explicit or mention.kind == PartyKind.GOVERNMENT and mention.name != mention.place
                or near_cue and re.search(r"\b(?:between|with|and|from)\s+(?:the\s+)?$", before)
                # "approved a $500 million loan to Vietnam": a country lent or granted money borrows as a state.
                or near_cue and frame.type in (DealType.FINANCING, DealType.GRANT) and mention.kind == PartyKind.GOVERNMENT
                and re.search(r"\b(?:to|for)\s+$", before) is not None
                and not re.search(r"\b(?:in|into|across)\s+", text[max(frame.cue_end, mention.start - 12):mention.start]))


_COMMITTED_BY = re.compile(r",\s+which\s+(?:has|have|was|were|is|are|will\s+be)\s+(?:been\s+)?(?:\w+ly\s+)?"
                           r"(?:committed|provided|underwritten|arranged|extended|granted|funded)\s+by\s+(?:the\s+)?$")
_GUARANTEED_BY = re.compile(r"\b(?:guaranteed|backed|underwritten)\s+by\s+(?:the\s+)?$")
_HANDED_TO = re.compile(r"\b(?:handed|awarded|granted|given|gave|hands|awards|grants)\b[^.;]{0,120}\bto\s+(?:build|run|"
                        r"operate|develop|construct)\b[^.;]{0,80}\bto\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)
_SUPPLIED_TO = re.compile(r"\bto\s+(?:supply|provide|deliver|sell)\s+(?:[\w,.-]+\s+){0,12}?to\s+(?:the\s+)?"
                          r"(?:[\w-]+\s+){0,3}$")


def _blocked(text: str, mention: Mention, clause_start: int, cue_start: int) -> bool:
    before = text[max(clause_start, mention.start - 60):mention.start]
    # "awarded a contract to Al Sarab's rival Khaleej Drilling": the rival is who the verb names.
    if _RIVAL_OBJECT.search(before):
        return False
    # "bought the chip unit of X": the owner of what is bought sells it; only ", a unit of X," describes.
    if _BOUGHT_PART_OF.search(before):
        return False
    # "an agreement to supply power to X": X is who is supplied, the customer, not a beneficiary of a purpose.
    # "has handed a concession to build and run a port to X": X is who it was handed to, past the purpose.
    if cues.BLOCKERS.search(before) and not _SUPPLIED_TO.search(before) \
            and not _HANDED_TO.search(text, max(clause_start, mention.start - 160), mention.start):
        return True
    after = text[mention.end:mention.end + 200]
    if cues.ADVISER_AFTER.match(after):
        return True
    # "..., Bloomberg reported": a source named after the deal it reports.
    if cues.REPORTERS.match(after) and re.search(r",\s*(?:the\s+)?$", before) and mention.start > cue_start:
        return True
    # "Jane Roe, co-founder of payments company X": the company a person works for is no party of the deal.
    if cues.WORKS_AT.search(text, max(clause_start, mention.start - 110), mention.start):
        return True
    # An appositive that describes the party before it: ", a division of Iberdrola,".
    return bool(re.search(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}(?:of|by|from)\s+(?:(?:[a-z][\w-]*|[A-Z][\w.-]{0,20}['’]s)\s+)"
                          r"{0,2}$", before))
